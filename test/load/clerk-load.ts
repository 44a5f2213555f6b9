/**
 * The clerk's side of `npm run bench`: call-next and issuing as the queue
 * grows, eight counters in a closed loop, and the same loop against the
 * ~100-line reference server (reference-server.ts). Every figure is taken
 * twice in the same run, short queue and long, so the bench can state it as
 * a ratio to its own baseline.
 */
import { connectLight, type LightClient } from './light-client.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { DEMO_BOOKABLE } from '../../hub/src/demo/appointments.js';
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

/**
 * The demo centre's services with no daily cap and no opening hours (the demo
 * start gives its bookable ones office hours), so a long run, at any hour, is
 * never refused.
 */
export const SERVICES = DEMO_CENTRE.services
  .filter((s) => s.dailyCap === null && !(DEMO_BOOKABLE as readonly string[]).includes(s.id))
  .map((s) => s.id);

export interface Desk {
  socket: LightClient;
  counterId: number;
  services: readonly string[];
  /** The counter's best-ranked service open at any hour with no daily cap: where its kiosk issues. */
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
      if (!issuesTo) throw new Error(`counter ${c.number} serves only capped or bookable services`);
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
export async function pacedIssue(kiosks: LightClient[], samples = ISSUE_SAMPLES) {
  const latencies: number[] = [];
  const intervalMs = 1000 / ISSUE_RATE_PER_KIOSK;
  const spanMs = (samples / (ISSUE_RATE_PER_KIOSK * kiosks.length)) * 1000;
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
  return latencies;
}

/**
 * Call-next acks at one counter. Each round issues one ticket first (not
 * timed), so the queue keeps its length and, when empty, holds just that one.
 */
export async function callNextAcks(desk: Desk, kiosk: LightClient, samples = CALL_SAMPLES) {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    await issueTo(kiosk, desk.issuesTo);
    const t0 = performance.now();
    const called = await request<Called | null>(desk.socket, 'counter:call-next', {
      counterId: desk.counterId,
    });
    latencies.push(performance.now() - t0);
    if (called) await request(desk.socket, 'ticket:no-show', { ticketId: called.id });
    await sleep(5);
  }
  return latencies;
}

/**
 * Eight clerks back to back: start, then complete and call next, one
 * request. Each counter's kiosk issues one ticket per cycle, so the queue
 * keeps the length it had.
 */
export async function clerkCycles(desks: Desk[], kiosks: LightClient[], phaseMs = PHASE_MS) {
  let cycles = 0;
  const end = performance.now() + phaseMs;
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
  return { cycles, ms: phaseMs };
}

export interface Stamps {
  /** Arrival times stamped by the displays since the last collect, by called ticket id. */
  collect(): Promise<[string, number][]>;
}

const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Time from a clerk's call-next to each display receiving that call. */
export async function callToDisplay(desk: Desk, kiosk: LightClient, stamps: Stamps, calls = 45) {
  await stamps.collect();
  const sentAt = new Map<string, number>();
  for (let i = 0; i < calls; i++) {
    await issueTo(kiosk, desk.issuesTo);
    await sleep(20);
    const t0 = monotonicMs();
    const called = await request<Called | null>(desk.socket, 'counter:call-next', {
      counterId: desk.counterId,
    });
    if (!called) continue;
    sentAt.set(String(called.id), t0);
    await sleep(40);
    await request(desk.socket, 'ticket:no-show', { ticketId: called.id });
  }
  const latencies: number[] = [];
  for (const [key, at] of await stamps.collect()) {
    const sent = sentAt.get(key);
    if (sent !== undefined) latencies.push(at - sent);
  }
  return latencies;
}

/** A server under the clerk's load: its kiosks and its eight desks. */
export interface Loaded {
  kiosks: LightClient[];
  desks: Desk[];
}

export async function loaded(url: string, login: boolean): Promise<Loaded> {
  return { kiosks: await kiosksOf(url), desks: await desksOf(url, login) };
}

export const closeLoaded = (l: Loaded) => {
  for (const s of [...l.kiosks, ...l.desks.map((d) => d.socket)]) s.close();
};

/**
 * A figure taken on two servers in turns (a, b, a, b, …), each round a slice
 * of it, so that whatever else the machine does in the meantime falls on
 * both alike. Returns both sides' samples, pooled.
 */
export async function inTurns<T>(
  rounds: number,
  a: () => Promise<T[]>,
  b: () => Promise<T[]>,
): Promise<[T[], T[]]> {
  const left: T[] = [];
  const right: T[] = [];
  for (let i = 0; i < rounds; i++) {
    left.push(...(await a()));
    right.push(...(await b()));
  }
  return [left, right];
}

const ROUNDS = 4;
const cyclesPerSecond = (runs: { cycles: number; ms: number }[]) => ({
  perSecond: runs.reduce((n, r) => n + r.cycles, 0) / (runs.reduce((n, r) => n + r.ms, 0) / 1000),
});

/**
 * The queue-length figures: a hub that keeps its queue near empty and one
 * whose queue is filled to 5,000, 10,000 and 20,000, measured in turns.
 */
export async function queueLengthFigures(
  shortUrl: string,
  longUrl: string,
  log: (m: string) => void,
) {
  const short = await loaded(shortUrl, true);
  const long = await loaded(longUrl, true);
  const desk = (l: Loaded) => l.desks[0] as Desk;
  const kiosk = (l: Loaded) => l.kiosks[0] as LightClient;
  const f: Record<string, Figures> = {};
  // Both warm up first: the first requests of a fresh process measure its JIT.
  await clerkCycles(short.desks, short.kiosks, 1000);
  await clerkCycles(long.desks, long.kiosks, 1000);
  log('queue length: clerk cycles, 0 and 5,000 waiting, in turns');
  await fillTo(long.kiosks, 5000);
  const cycleRound = (l: Loaded) => async () => [await clerkCycles(l.desks, l.kiosks, 1000)];
  const [c0, c5000] = await inTurns(ROUNDS, cycleRound(short), cycleRound(long));
  f.cyclesAt0 = cyclesPerSecond(c0);
  f.cyclesAt5000 = cyclesPerSecond(c5000);
  log('queue length: call-next, 0 and 10,000 waiting, in turns');
  await fillTo(long.kiosks, 10_000);
  const callRound = (l: Loaded) => () => callNextAcks(desk(l), kiosk(l), CALL_SAMPLES / ROUNDS);
  const [n0, n10000] = await inTurns(ROUNDS, callRound(short), callRound(long));
  f.callNextAt0 = stats(n0);
  f.callNextAt10000 = stats(n10000);
  log('queue length: issue, 0 and 20,000 waiting, in turns');
  await fillTo(long.kiosks, 20_000);
  f.waitingAt0 = { n: await waitingNow(kiosk(short)) };
  const issueRound = (l: Loaded) => () => pacedIssue(l.kiosks, ISSUE_SAMPLES / ROUNDS);
  const [i0, i20000] = await inTurns(ROUNDS, issueRound(short), issueRound(long));
  f.issueAt0 = stats(i0);
  f.issueAt20000 = stats(i20000);
  f.waitingAtEnd = { n: await waitingNow(kiosk(long)) };
  closeLoaded(short);
  closeLoaded(long);
  return f;
}

/**
 * The closed loop on the hub and the reference server, both up, each with
 * the same displays attached, measured in turns: clerk cycles per second
 * and call → display.
 */
export async function compareInTurns(
  hub: Loaded,
  reference: Loaded,
  stamps: { hub: Stamps; reference: Stamps },
  displays: number,
) {
  const cycleRound = (l: Loaded) => async () => [await clerkCycles(l.desks, l.kiosks, 1000)];
  // A warm-up round for each first, not counted: a fresh process's first requests measure its JIT.
  await inTurns(1, cycleRound(hub), cycleRound(reference));
  const [hubCycles, refCycles] = await inTurns(ROUNDS, cycleRound(hub), cycleRound(reference));
  const callRound = (l: Loaded, s: Stamps) => () =>
    callToDisplay(l.desks[0] as Desk, l.kiosks[0] as LightClient, s, 12);
  const [hubCalls, refCalls] = await inTurns(
    ROUNDS,
    callRound(hub, stamps.hub),
    callRound(reference, stamps.reference),
  );
  return {
    [`hubCycles${displays}`]: cyclesPerSecond(hubCycles),
    [`referenceCycles${displays}`]: cyclesPerSecond(refCycles),
    [`hubCallToDisplay${displays}`]: stats(hubCalls),
    [`referenceCallToDisplay${displays}`]: stats(refCalls),
  };
}
