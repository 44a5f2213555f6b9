/**
 * The clerk's side of `npm run bench`: call-next and issuing as the queue
 * grows, eight counters in a closed loop, and the same loop against the
 * ~100-line reference server (reference-server.ts). Every figure is taken
 * twice in the same run, short queue and long, so the bench can state it as
 * a ratio to its own baseline.
 */
import { connectLight, type LightClient } from './light-client.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { PROTOCOL_VERSION, type Ack } from '../../shared/protocol.js';

export type Figures = Record<string, number>;

/** Eight counters, each with a clerk, as the issue's closed loop has. */
export const DESKS = 8;
const KIOSKS = 20;
const PHASE_MS = 4000;
const CALL_SAMPLES = 150;
/** Paced issuing: 20 kiosks × 5/s = 100 tickets/s, so acks measure the hub, not a queue of requests. */
const ISSUE_RATE_PER_KIOSK = 5;
const ISSUE_SAMPLES = 400;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN, n: s.length };
}

/** The demo centre's services with no daily cap, so a long run is never refused. */
const SERVICES = DEMO_CENTRE.services.filter((s) => s.dailyCap === null).map((s) => s.id);

export interface Desk {
  socket: LightClient;
  counterId: number;
  services: readonly string[];
  /** The counter's best-ranked service with no daily cap: where its kiosk issues. */
  issuesTo: string;
}
interface Called {
  id: number;
}

async function request<T>(socket: LightClient, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.request(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

const connect = (url: string, role: string) =>
  connectLight(url, { protocol: PROTOCOL_VERSION, role });

export async function kiosksOf(url: string): Promise<LightClient[]> {
  return Promise.all(Array.from({ length: KIOSKS }, () => connect(url, 'kiosk')));
}

/** Counters 1…8 of the demo centre with clerk1…clerk8 at them; `login: false` for the reference. */
export async function desksOf(url: string, login: boolean): Promise<Desk[]> {
  return Promise.all(
    DEMO_CENTRE.counters.slice(0, DESKS).map(async (c, i) => {
      const socket = await connect(url, 'counter');
      if (login) {
        await request(socket, 'staff:login', { username: `clerk${i + 1}`, pin: '1234' });
        await request(socket, 'counter:open', { counterId: c.number });
      }
      const issuesTo = c.services.find((s) => SERVICES.includes(s));
      if (!issuesTo) throw new Error(`counter ${c.number} serves only capped services`);
      return { socket, counterId: c.number, services: c.services, issuesTo };
    }),
  );
}

/** Which services each desk serves, best first: the reference server is given this. */
export const deskServices = () =>
  Object.fromEntries(DEMO_CENTRE.counters.slice(0, DESKS).map((c) => [c.number, c.services]));

let requestSeq = 0;
const issueTo = (kiosk: LightClient, serviceId?: string) =>
  request<Called>(kiosk, 'ticket:issue', {
    serviceId: serviceId ?? SERVICES[requestSeq % SERVICES.length],
    lang: 'lo',
    requestId: `clerk-load-${process.pid}-${++requestSeq}`,
  });

async function waitingNow(kiosk: LightClient): Promise<number> {
  const snap = await request<{ services: { waiting: number }[] }>(kiosk, 'queue:snapshot', {});
  return snap.services.reduce((sum, s) => sum + s.waiting, 0);
}

/** Issues back to back from every kiosk until `target` tickets wait, spread over the services. */
export async function fillTo(kiosks: LightClient[], target: number) {
  const first = kiosks[0];
  if (!first) throw new Error('no kiosks');
  let missing = target - (await waitingNow(first));
  while (missing > 0) {
    const each = Math.ceil(missing / kiosks.length);
    await Promise.all(
      kiosks.map(async (k) => {
        for (let i = 0; i < each; i++) await issueTo(k);
      }),
    );
    missing = target - (await waitingNow(first));
  }
}

/** Issue acks at a steady, unsaturated pace. */
export async function pacedIssue(kiosks: LightClient[]) {
  const latencies: number[] = [];
  const intervalMs = 1000 / ISSUE_RATE_PER_KIOSK;
  const spanMs = (ISSUE_SAMPLES / (ISSUE_RATE_PER_KIOSK * kiosks.length)) * 1000;
  const end = performance.now() + spanMs;
  await Promise.all(
    kiosks.map(async (k, i) => {
      await sleep((i * intervalMs) / kiosks.length);
      while (performance.now() < end) {
        const t0 = performance.now();
        await issueTo(k);
        latencies.push(performance.now() - t0);
        await sleep(Math.max(0, intervalMs - (performance.now() - t0)));
      }
    }),
  );
  return stats(latencies);
}

/**
 * Call-next acks at one counter. Each round issues one ticket first (not
 * timed), so the queue keeps its length and, when empty, holds just that one.
 */
export async function callNextAcks(desk: Desk, kiosk: LightClient) {
  const latencies: number[] = [];
  for (let i = 0; i < CALL_SAMPLES; i++) {
    await issueTo(kiosk, desk.issuesTo);
    const t0 = performance.now();
    const called = await request<Called | null>(desk.socket, 'counter:call-next', {
      counterId: desk.counterId,
    });
    latencies.push(performance.now() - t0);
    if (called) await request(desk.socket, 'ticket:no-show', { ticketId: called.id });
    await sleep(5);
  }
  return stats(latencies);
}

/**
 * Eight clerks back to back: start, then complete and call next, one
 * request. Each counter's kiosk issues one ticket per cycle, so the queue
 * keeps the length it had.
 */
export async function clerkCycles(desks: Desk[], kiosks: LightClient[]) {
  let cycles = 0;
  const end = performance.now() + PHASE_MS;
  await Promise.all(
    desks.map(async (desk, i) => {
      const kiosk = kiosks[i % kiosks.length];
      if (!kiosk) return;
      const callNext = async () => {
        await issueTo(kiosk, desk.issuesTo);
        return request<Called | null>(desk.socket, 'counter:call-next', {
          counterId: desk.counterId,
        });
      };
      let current = await callNext();
      while (performance.now() < end && current) {
        await issueTo(kiosk, desk.issuesTo);
        await request(desk.socket, 'ticket:start', { ticketId: current.id });
        const both = await request<{ called: Called | null }>(
          desk.socket,
          'counter:complete-and-call-next',
          { counterId: desk.counterId, ticketId: current.id },
        );
        cycles += 1;
        current = both.called ?? (await callNext());
      }
      if (current) await request(desk.socket, 'ticket:no-show', { ticketId: current.id });
    }),
  );
  return { perSecond: cycles / (PHASE_MS / 1000) };
}

export interface Stamps {
  /** Arrival times stamped by the displays since the last collect, by called ticket id. */
  collect(): Promise<[string, number][]>;
}

const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Time from a clerk's call-next to each display receiving that call. */
export async function callToDisplay(desk: Desk, kiosk: LightClient, stamps: Stamps) {
  await stamps.collect();
  const sentAt = new Map<string, number>();
  for (let i = 0; i < 45; i++) {
    await issueTo(kiosk, desk.issuesTo);
    await sleep(20);
    const t0 = monotonicMs();
    const called = await request<Called | null>(desk.socket, 'counter:call-next', {
      counterId: desk.counterId,
    });
    if (!called) continue;
    if (i >= 5) sentAt.set(String(called.id), t0); // the first few warm the sockets up
    await sleep(40);
    await request(desk.socket, 'ticket:no-show', { ticketId: called.id });
  }
  const latencies: number[] = [];
  for (const [key, at] of await stamps.collect()) {
    const sent = sentAt.get(key);
    if (sent !== undefined) latencies.push(at - sent);
  }
  return stats(latencies);
}

/** Everything the bench asks of a hub about the queue's length, on a hub with no displays. */
export async function queueLengthFigures(url: string, log: (m: string) => void) {
  const kiosks = await kiosksOf(url);
  const desks = await desksOf(url, true);
  const [desk] = desks;
  const [kiosk] = kiosks;
  if (!desk || !kiosk) throw new Error('no desk');
  const f: Record<string, Figures> = {};
  log('queue length: call-next, clerk cycles and issue with nobody waiting');
  // Call-next and the cycles keep the queue as long as they found it; issuing adds to it, so last.
  f.callNextAt0 = await callNextAcks(desk, kiosk);
  f.cyclesAt0 = await clerkCycles(desks, kiosks);
  f.waitingAt0 = { n: await waitingNow(kiosk) };
  f.issueAt0 = await pacedIssue(kiosks);
  log('queue length: 5,000 waiting, clerk cycles');
  await fillTo(kiosks, 5000);
  f.cyclesAt5000 = await clerkCycles(desks, kiosks);
  log('queue length: 10,000 waiting, call-next');
  await fillTo(kiosks, 10_000);
  f.callNextAt10000 = await callNextAcks(desk, kiosk);
  log('queue length: 20,000 waiting, issue');
  await fillTo(kiosks, 20_000);
  f.issueAt20000 = await pacedIssue(kiosks);
  f.waitingAtEnd = { n: await waitingNow(kiosk) };
  for (const s of [...kiosks, ...desks.map((d) => d.socket)]) s.close();
  return f;
}
