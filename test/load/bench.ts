/**
 * `npm run bench`: load figures for the hub, each beside a baseline measured
 * in the same run on the same machine (raw better-sqlite3 with the hub's
 * pragmas; a bare Socket.IO server broadcasting). The hub runs as its own
 * process from the real CLI; the load generator is this process. Everything
 * targets 127.0.0.1 and stops by itself. Each figure and its baseline are
 * taken in turns (a, b, a, b, …) with both servers up, so a shared machine's
 * noise falls on both alike; memory is read in memory-probe.ts processes.
 * `npm run bench -- displays memory` runs only those parts (see PARTS).
 *
 * Reports (report-bench.ts) are timed on a year of seeded history.
 *
 * Prints a table, then the same figures as JSON (also written to
 * bench-results.json).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { connectLight, type LightClient } from './light-client.js';
import type { FleetCommand, FleetReply } from './display-fleet.js';
import type { ProbeCommand, ProbeReply } from './memory-probe.js';
import { PROTOCOL_VERSION, type Ack, type Ticket } from '../../shared/protocol.js';
import { PRINT_TICKETS, printFigures, printRows } from './print-bench.js';
import { floorFigures, floorRows } from './floor-bench.js';
import {
  closeLoaded,
  compareInTurns,
  deskServices,
  inTurns,
  loaded,
  queueLengthFigures,
  SERVICES,
} from './clerk-load.js';
import { ratioRows, type RatioRow } from './bench-ratios.js';
import { reportFigures, reportRows } from './report-bench.js';

const KIOSKS = 20;
const PHASE_MS = 4000;
/**
 * Each figure beside its baseline is taken in this many rounds, the two (or
 * three) sides in turns (a, b, a, b, …), so that whatever else the machine
 * does meanwhile falls on both alike.
 */
const ROUNDS = 4;
/** Paced rates per kiosk: 20 × 0.5/s = 10 tickets/s (a very busy centre), 20 × 5/s = 100/s (stress). */
const PACED_RATES_PER_KIOSK = [0.5, 5] as const;
const PACED_SAMPLES = 400;
const DISPLAY_COUNTS = [100, 1000] as const;
const COMPARE_DISPLAYS = [0, 100] as const;
const CALLS_PER_DELIVERY_RUN = 40;
/** Calls made first and not counted: the first sends to a thousand new sockets are slower (JIT, buffers). */
const WARM_UP_CALLS = 5;
const CONNECT_BATCH = 100;
/** Processes the displays are spread over; see display-fleet.ts. */
const FLEETS = 2;
/** The ticket id of a `ticket-called` event, as it appears in the frame the hub sends. */
const CALL_MARKER = String.raw`"type":"ticket-called".*?"call":\{"ticketId":(\d+)`;
const TICK_MARKER = String.raw`"tick",\{.*?"i":(\d+)`;

type Figures = Record<string, number>;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN, n: s.length };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ processes

/** The hub as production runs it: compiled, under plain Node (scripts/build-hub.ts). */
const HUB = ['dist/hub/main.js'];
const hubArgs = (dataDir: string) => [...HUB, '--demo', '--port', '0', '--data-dir', dataDir];
const HUB_READY = /Khiu hub listening on (\S+)/;

/** `args` run under the tsx loader unless they start with a built .js file. */
async function startProcess(args: string[], readyPattern: RegExp) {
  const loader = args[0]?.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start`)), 30_000);
    lines.on('line', (line) => {
      const m = readyPattern.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
  return { child, url };
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// ------------------------------------------------------------------ clients

const client = (url: string, role: string) =>
  connectLight(url, { protocol: PROTOCOL_VERSION, role });

async function clients(url: string, role: string, count: number): Promise<LightClient[]> {
  const all: LightClient[] = [];
  for (let i = 0; i < count; i += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, count - i);
    all.push(...(await Promise.all(Array.from({ length: batch }, () => client(url, role)))));
  }
  return all;
}

async function request<T>(socket: LightClient, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.request(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

// Spread over the demo centre's services, as citizens would be (SERVICES: those open at any hour).
let requestSeq = 0;
const issuePayload = () => ({
  serviceId: SERVICES[requestSeq % SERVICES.length],
  lang: 'lo',
  requestId: `bench-${process.pid}-${++requestSeq}`,
});

/** Each kiosk issues back to back for the phase: the hub's ceiling. */
async function issueClosedLoop(kiosks: LightClient[]) {
  const latencies: number[] = [];
  const end = performance.now() + PHASE_MS;
  await Promise.all(
    kiosks.map(async (k) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await request<Ticket>(k, 'ticket:issue', issuePayload());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { perSecond: latencies.length / (PHASE_MS / 1000), ...stats(latencies) };
}

/** Each client sends at a steady pace: ack latency when the server is not saturated. */
async function paced(
  kiosks: LightClient[],
  ratePerKiosk: number,
  send: (k: LightClient) => Promise<unknown> = (k) =>
    request<Ticket>(k, 'ticket:issue', issuePayload()),
  samples = PACED_SAMPLES,
): Promise<number[]> {
  const latencies: number[] = [];
  const intervalMs = 1000 / ratePerKiosk;
  // Long enough for `samples` acks, so p99 over all rounds is a percentile and not the maximum.
  const end =
    performance.now() +
    Math.max(PHASE_MS / ROUNDS, (samples / (ratePerKiosk * kiosks.length)) * 1000);
  await Promise.all(
    kiosks.map(async (k, i) => {
      await sleep((i * intervalMs) / kiosks.length); // spread the kiosks over the interval
      while (performance.now() < end) {
        const t0 = performance.now();
        await send(k);
        latencies.push(performance.now() - t0);
        await sleep(Math.max(0, intervalMs - (performance.now() - t0)));
      }
    }),
  );
  return latencies;
}

/** CLOCK_MONOTONIC: the same clock in this process and in every fleet. */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Displays spread over FLEETS child processes, each stamping what it receives. */
function startFleets() {
  const children = Array.from({ length: FLEETS }, () =>
    fork('test/load/display-fleet.ts', [], { execArgv: ['--import', 'tsx'] }),
  );
  const ask = (child: ChildProcess, command: FleetCommand) =>
    new Promise<FleetReply>((resolve) => {
      child.once('message', (reply: FleetReply) => resolve(reply));
      child.send(command);
    });
  return {
    /** Adds `count` displays, shared among the fleets. */
    async connect(url: string, role: string, count: number, marker: string) {
      await Promise.all(
        children.map((child, i) =>
          ask(child, {
            type: 'connect',
            url,
            role,
            marker,
            count: Math.floor(count / FLEETS) + (i < count % FLEETS ? 1 : 0),
          }),
        ),
      );
    },
    /** Arrival times stamped since the last collect, by broadcast key. */
    async collect(): Promise<[string, number][]> {
      const replies = await Promise.all(children.map((c) => ask(c, { type: 'collect' })));
      return replies.flatMap((r) => (r.type === 'samples' ? r.samples : []));
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.send({ type: 'close' } satisfies FleetCommand);
            }),
        ),
      );
    },
  };
}
type Fleets = ReturnType<typeof startFleets>;

/** Delivery latencies: each arrival minus when its broadcast was asked for. */
async function deliveries(fleets: Fleets, sentAt: Map<string, number>) {
  const latencies: number[] = [];
  for (const [key, arrivedMs] of await fleets.collect()) {
    const sent = sentAt.get(key);
    if (sent !== undefined) latencies.push(arrivedMs - sent);
  }
  return latencies;
}

/** Time from a counter's call to each display receiving the ticket-called event. */
async function callDelivery(
  fleets: Fleets,
  counter: LightClient,
  kiosk: LightClient,
  calls: number,
) {
  await fleets.collect(); // drop anything stamped before this run
  const sentAt = new Map<string, number>();
  for (let i = 0; i < calls; i++) {
    const ticket = await request<Ticket>(kiosk, 'ticket:issue', issuePayload());
    await sleep(30);
    sentAt.set(String(ticket.id), monotonicMs());
    await request(counter, 'counter:call', { counterId: 3, ticketId: ticket.id });
    await sleep(60); // let every display receive it before the next call
    await request(counter, 'ticket:no-show', { ticketId: ticket.id });
    await sleep(30);
  }
  return deliveries(fleets, sentAt);
}

/** The same on the bare server: its small `tick` to every client, asked for by one of them. */
async function bareBroadcast(fleets: Fleets, trigger: LightClient, calls: number) {
  await fleets.collect();
  const sentAt = new Map<string, number>();
  for (let i = 0; i < calls; i++) {
    const key = String(++tickSeq);
    sentAt.set(key, monotonicMs());
    await trigger.request('broadcast', { label: 'N001', counter: 3, i: Number(key) });
    await sleep(60);
  }
  return deliveries(fleets, sentAt);
}
let tickSeq = 0;

async function hubMemory(url: string) {
  const health = (await (await fetch(`${url}/api/v1/health`)).json()) as {
    memory: { rss: number; heapUsed: number };
  };
  return health.memory;
}

// ------------------------------------------------------------------ baselines

/** Back-to-back insert transactions on raw better-sqlite3 with the hub's pragmas, in rounds. */
function rawSqlite(dir: string) {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT, label TEXT, at INTEGER) STRICT');
  const insert = db.prepare('INSERT INTO t (code, label, at) VALUES (?, ?, ?)');
  const tx = db.transaction((i: number) => insert.run(`code-${i}`, `N${i}`, Date.now()));
  let i = 0;
  return {
    round(ms: number): number[] {
      const latencies: number[] = [];
      const end = performance.now() + ms;
      while (performance.now() < end) {
        const t0 = performance.now();
        tx(i++);
        latencies.push(performance.now() - t0);
      }
      return latencies;
    },
    close: () => db.close(),
  };
}

// ------------------------------------------------------------------ the clerk's side

/** Spawn to "listening", and the hub's RSS just after, on an empty data directory. */
async function hubStart(args: string[], dir: string) {
  const t0 = performance.now();
  const { child, url } = await startProcess(args, HUB_READY);
  const ms = performance.now() - t0;
  const memory = await hubMemory(url);
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
  return { ms, rssMiB: memory.rss / 2 ** 20 };
}

async function startFigures(dir: string, log: (m: string) => void) {
  log('hub start: under the tsx loader, then compiled');
  const tsxDir = join(dir, 'start-tsx');
  const builtDir = join(dir, 'start-built');
  return {
    startTsx: await hubStart(
      ['hub/src/main.ts', '--demo', '--port', '0', '--data-dir', tsxDir],
      tsxDir,
    ),
    startBuilt: await hubStart(hubArgs(builtDir), builtDir),
  };
}

/** Two hubs of their own for the queue-length figures: one kept near empty, one filled. */
async function queueHubs(dir: string, log: (m: string) => void) {
  const short = await startProcess(hubArgs(join(dir, 'short-queue-hub')), HUB_READY);
  const long = await startProcess(hubArgs(join(dir, 'long-queue-hub')), HUB_READY);
  try {
    return await queueLengthFigures(short.url, long.url, log);
  } finally {
    await stop(short.child);
    await stop(long.child);
  }
}

/**
 * The closed loop on the hub and the reference server side by side, each with
 * its own displays (one observer for "0 displays", then 100), in turns.
 */
async function comparison(dir: string, log: (m: string) => void) {
  const refDir = join(dir, 'reference');
  mkdirSync(refDir);
  const ref = await startProcess(
    ['test/load/reference-server.ts', refDir, JSON.stringify(deskServices())],
    /listening on (\S+)/,
  );
  const hub = await startProcess(hubArgs(join(dir, 'compare-hub')), HUB_READY);
  const fleets = { hub: startFleets(), reference: startFleets() };
  const figures: Record<string, Figures> = {};
  try {
    const onHub = await loaded(hub.url, true);
    const onRef = await loaded(ref.url, false);
    let connected = 0;
    for (const displays of COMPARE_DISPLAYS) {
      const add = Math.max(1, displays) - connected;
      await fleets.hub.connect(hub.url, 'display', add, CALL_MARKER);
      await fleets.reference.connect(ref.url, 'display', add, CALL_MARKER);
      connected += add;
      log(`comparison: hub and reference server in turns, ${displays} displays`);
      Object.assign(figures, await compareInTurns(onHub, onRef, fleets, displays));
    }
    closeLoaded(onHub);
    closeLoaded(onRef);
  } finally {
    await fleets.hub.close();
    await fleets.reference.close();
    await stop(ref.child);
    await stop(hub.child);
  }
  return figures;
}

// ------------------------------------------------------------------ displays

const bareMemory = async (probe: LightClient) =>
  (await probe.request('memory', {})) as NodeJS.MemoryUsage;

/** Memory per connection on both servers for `added` more displays, each measured alike. */
async function connectBoth(
  both: { hub: Fleets; bare: Fleets },
  urls: { hub: string; bare: string },
  probe: LightClient,
  added: number,
) {
  await sleep(300);
  const before = { hub: await hubMemory(urls.hub), bare: await bareMemory(probe) };
  await both.hub.connect(urls.hub, 'display', added, CALL_MARKER);
  await both.bare.connect(urls.bare, 'display', added, TICK_MARKER);
  await sleep(1000);
  const after = { hub: await hubMemory(urls.hub), bare: await bareMemory(probe) };
  const per = (a: { rss: number; heapUsed: number }, b: { rss: number; heapUsed: number }) => ({
    rssPerConnectionKiB: (a.rss - b.rss) / added / 1024,
    heapPerConnectionKiB: (a.heapUsed - b.heapUsed) / added / 1024,
  });
  return {
    hub: { ...per(after.hub, before.hub), hubRssMiB: after.hub.rss / 2 ** 20 },
    bare: per(after.bare, before.bare),
  };
}

/**
 * The hub with displays attached beside the bare Socket.IO server with as
 * many (raw-broadcast-server.ts), both up for the whole part: issue acks
 * against bare acks and one fsync, calls reaching the displays against a
 * bare broadcast, and memory per display, each side taken in turns.
 */
async function displayFigures(dir: string, log: (m: string) => void) {
  const figures: Record<string, Figures> = {};
  const hub = await startProcess(hubArgs(join(dir, 'hub')), HUB_READY);
  const bare = await startProcess(['test/load/raw-broadcast-server.ts'], /listening on (\S+)/);
  const fleets = { hub: startFleets(), bare: startFleets() };
  const sqlite = rawSqlite(dir);
  try {
    const kiosks = await clients(hub.url, 'kiosk', KIOSKS);
    const bareKiosks = await clients(bare.url, 'kiosk', KIOSKS);
    const trigger = await client(bare.url, 'kiosk');
    const counter = await client(hub.url, 'counter');
    await request(counter, 'staff:login', { username: 'clerk3', pin: '1234' });
    await request(counter, 'counter:open', { counterId: 3 });
    const echo = (k: LightClient) => k.request('echo', {});

    /** Paced acks on the hub and the bare server in turns; at 10/s, raw fsyncs too. */
    const ackTurns = async (displays: number) => {
      for (const rate of PACED_RATES_PER_KIOSK) {
        const samples = PACED_SAMPLES / ROUNDS;
        const hubAcks: number[] = [];
        const bareAcks: number[] = [];
        const fsyncs: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          hubAcks.push(...(await paced(kiosks, rate, undefined, samples)));
          bareAcks.push(...(await paced(bareKiosks, rate, echo, samples)));
          if (rate === PACED_RATES_PER_KIOSK[0])
            fsyncs.push(...sqlite.round(PHASE_MS / ROUNDS / 2));
        }
        figures[`issuePaced${rate * KIOSKS}at${displays}`] = stats(hubAcks);
        figures[`rawAckPaced${rate * KIOSKS}at${displays}`] = stats(bareAcks);
        if (fsyncs.length > 0) {
          const seconds = PHASE_MS / 2 / 1000; // ROUNDS rounds of PHASE_MS / ROUNDS / 2
          figures[`rawSqliteAt${displays}`] = {
            perSecond: fsyncs.length / seconds,
            ...stats(fsyncs),
          };
        }
      }
    };

    log('displays: issue back to back, 0 displays');
    figures.issue0 = { ...(await issueClosedLoop(kiosks)) };
    log('displays: paced acks, hub and bare Socket.IO in turns, with raw fsyncs, 0 displays');
    await ackTurns(0);

    const probe = await client(bare.url, 'kiosk');
    let connected = 0;
    for (const count of DISPLAY_COUNTS) {
      const memory = await connectBoth(
        fleets,
        { hub: hub.url, bare: bare.url },
        probe,
        count - connected,
      );
      connected = count;
      figures[`memory${count}`] = memory.hub;
      log(`displays: call delivery and bare broadcast in turns, ${count} displays`);
      // The first sends to new sockets are slower (JIT, buffers): a few of each, not counted.
      await callDelivery(fleets.hub, counter, kiosks[0]!, WARM_UP_CALLS);
      await bareBroadcast(fleets.bare, trigger, WARM_UP_CALLS);
      const calls = CALLS_PER_DELIVERY_RUN / ROUNDS;
      const [d, b] = await inTurns(
        ROUNDS,
        () => callDelivery(fleets.hub, counter, kiosks[0]!, calls),
        () => bareBroadcast(fleets.bare, trigger, calls),
      );
      figures[`delivery${count}`] = stats(d);
      figures[`rawBroadcast${count}`] = { ...stats(b), ...memory.bare };
    }
    probe.close();

    log('displays: paced acks, hub and bare Socket.IO in turns, with raw fsyncs, 1000 displays');
    await ackTurns(DISPLAY_COUNTS.at(-1)!);
    log('displays: issue back to back, 1000 displays');
    figures.issue1000 = await issueClosedLoop(kiosks);
    figures.rawSqlite = {
      ...(figures[`rawSqliteAt${DISPLAY_COUNTS.at(-1)}`] ?? {}),
    };
    for (const s of [...kiosks, ...bareKiosks, trigger, counter]) s.close();
  } finally {
    sqlite.close();
    await fleets.hub.close();
    await fleets.bare.close();
    await stop(hub.child);
    await stop(bare.child);
  }
  return figures;
}

// ------------------------------------------------------------------ memory

const MEMORY_DISPLAYS = 1000;

/** A server in a memory-probe.ts process of its own, read after a full collection. */
async function startProbe(kind: 'hub' | 'bare') {
  const child = fork('test/load/memory-probe.ts', [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
  });
  const ask = (command: ProbeCommand) =>
    new Promise<ProbeReply>((resolve) => {
      child.once('message', (reply: ProbeReply) => resolve(reply));
      child.send(command);
    });
  const started = await ask({ type: 'start', kind });
  if (started.type !== 'listening') throw new Error(`the ${kind} memory probe did not start`);
  const memory = async () => {
    const m = await ask({ type: 'measure' });
    if (m.type !== 'memory') throw new Error(`the ${kind} memory probe did not measure`);
    return m;
  };
  const close = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'close' } satisfies ProbeCommand);
    });
  return { url: started.url, memory, close };
}

/**
 * Memory per display connection: the hub and a bare Socket.IO server, each
 * in a probe process, the same displays connected to each in turns, each
 * read after a full collection before and after.
 */
async function memoryFigures(log: (m: string) => void) {
  log(`memory: ${MEMORY_DISPLAYS} displays on the hub and on bare Socket.IO, in turns`);
  const hub = await startProbe('hub');
  const bare = await startProbe('bare');
  const fleets = { hub: startFleets(), bare: startFleets() };
  try {
    const before = { hub: await hub.memory(), bare: await bare.memory() };
    for (let i = 0; i < ROUNDS; i++) {
      await fleets.hub.connect(hub.url, 'display', MEMORY_DISPLAYS / ROUNDS, CALL_MARKER);
      await fleets.bare.connect(bare.url, 'display', MEMORY_DISPLAYS / ROUNDS, TICK_MARKER);
    }
    const after = { hub: await hub.memory(), bare: await bare.memory() };
    const per = (a: ProbeReply, b: ProbeReply) =>
      a.type === 'memory' && b.type === 'memory'
        ? {
            rssPerConnectionKiB: (a.rss - b.rss) / MEMORY_DISPLAYS / 1024,
            heapPerConnectionKiB: (a.heapUsed - b.heapUsed) / MEMORY_DISPLAYS / 1024,
            // What the process still holds for them after a full collection: its heap and the
            // buffers outside it. RSS also counts heap pages the collector has not handed back,
            // which says more about the last second's garbage than about a connection.
            retainedPerConnectionKiB:
              (a.heapUsed + a.external - b.heapUsed - b.external) / MEMORY_DISPLAYS / 1024,
          }
        : {};
    return { memoryHub: per(after.hub, before.hub), memoryBare: per(after.bare, before.bare) };
  } finally {
    await fleets.hub.close();
    await fleets.bare.close();
    await hub.close();
    await bare.close();
  }
}

// ------------------------------------------------------------------ run

/** `npm run bench -- <part> …` runs only those; with none, all of them. */
const PARTS = [
  'print',
  'start',
  'queue',
  'compare',
  'floor',
  'reports',
  'displays',
  'memory',
] as const;
type Part = (typeof PARTS)[number];

function partsAsked(): Set<Part> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no part ${unknown.join(', ')}; the parts: ${PARTS.join(' ')}\n`);
    process.exit(2);
  }
  return new Set(asked.length === 0 ? PARTS : (asked as Part[]));
}

async function main() {
  const parts = partsAsked();
  const dir = mkdtempSync(join(tmpdir(), 'khiu-bench-'));
  const figures: Record<string, Figures> = {};
  const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
  try {
    if (parts.has('print')) {
      log(`printing: render and encode ${PRINT_TICKETS} tickets per paper width and language`);
      Object.assign(figures, printFigures());
    }
    log('compiling the hub (scripts/build-hub.ts)');
    await import('../../scripts/build-hub.js');
    if (parts.has('start')) Object.assign(figures, await startFigures(dir, log));
    if (parts.has('queue')) Object.assign(figures, await queueHubs(dir, log));
    if (parts.has('compare')) Object.assign(figures, await comparison(dir, log));
    if (parts.has('floor')) Object.assign(figures, await floorFigures(log));
    if (parts.has('reports')) {
      Object.assign(figures, await reportFigures({ dir, log, startProcess, stop }));
    }
    if (parts.has('displays')) Object.assign(figures, await displayFigures(dir, log));
    if (parts.has('memory')) Object.assign(figures, await memoryFigures(log));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(figures);
}

function report(f: Record<string, Figures>) {
  const ms = (x: number | undefined) => (x === undefined ? '' : x.toFixed(2));
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '' : `${(a / b).toFixed(2)}×`;
  const raw = f.rawSqlite;
  const rows: string[][] = [
    ['figure', 'value', 'baseline', 'ratio'],
    [
      'issue/s, 20 kiosks back to back, 0 displays',
      f.issue0?.perSecond?.toFixed(0) ?? '',
      `${raw?.perSecond?.toFixed(0)} raw inserts/s`,
      ratio(f.issue0?.perSecond, raw?.perSecond),
    ],
    [
      'issue/s, 20 kiosks back to back, 1000 displays',
      f.issue1000?.perSecond?.toFixed(0) ?? '',
      `${raw?.perSecond?.toFixed(0)} raw inserts/s`,
      ratio(f.issue1000?.perSecond, raw?.perSecond),
    ],
    [
      'issue ack ms p50/p99, back to back, 0 displays',
      `${ms(f.issue0?.p50)} / ${ms(f.issue0?.p99)}`,
      `${ms(raw?.p50)} / ${ms(raw?.p99)} raw tx`,
      ratio(f.issue0?.p99, raw?.p99),
    ],
    [
      'issue ack ms p50/p99, back to back, 1000 displays',
      `${ms(f.issue1000?.p50)} / ${ms(f.issue1000?.p99)}`,
      `${ms(raw?.p50)} / ${ms(raw?.p99)} raw tx`,
      ratio(f.issue1000?.p99, raw?.p99),
    ],
  ];
  for (const displays of [0, 1000]) {
    for (const rate of PACED_RATES_PER_KIOSK) {
      const p = f[`issuePaced${rate * KIOSKS}at${displays}`];
      const b = f[`rawAckPaced${rate * KIOSKS}at${displays}`];
      rows.push([
        `issue ack ms p50/p99, ${rate * KIOSKS}/s paced, ${displays} displays`,
        `${ms(p?.p50)} / ${ms(p?.p99)}`,
        `${ms(b?.p50)} / ${ms(b?.p99)} bare Socket.IO ack`,
        ratio(p?.p99, b?.p99),
      ]);
    }
  }
  for (const n of DISPLAY_COUNTS) {
    const d = f[`delivery${n}`];
    const b = f[`rawBroadcast${n}`];
    rows.push([
      `call → display ms p50/p99/max, ${n} displays`,
      `${ms(d?.p50)} / ${ms(d?.p99)} / ${ms(d?.max)}`,
      `${ms(b?.p50)} / ${ms(b?.p99)} / ${ms(b?.max)} raw broadcast`,
      ratio(d?.p99, b?.p99),
    ]);
    const m = f[`memory${n}`];
    rows.push([
      `hub memory per connection KiB (rss / heap), ${n} displays`,
      `${m?.rssPerConnectionKiB?.toFixed(1)} / ${m?.heapPerConnectionKiB?.toFixed(1)}`,
      `hub rss ${m?.hubRssMiB?.toFixed(0)} MiB`,
      '',
    ]);
  }
  rows.push(...printRows(f));
  rows.push(...clerkRows(f));
  rows.push(...floorRows(f));
  rows.push(...reportRows(f));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ');
  process.stdout.write(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  for (const r of rows.slice(1)) process.stdout.write(`${line(r)}\n`);
  const json = JSON.stringify(
    { at: new Date().toISOString(), node: process.version, figures: f },
    null,
    2,
  );
  writeFileSync('bench-results.json', `${json}\n`);
  process.stdout.write(`\n${json}\n`);
  // Last, so the targets are what a reader sees when the run ends.
  printRatios(ratioRows(f));
}

/** The clerk's figures and the hub's start, each beside what it is compared with. */
function clerkRows(f: Record<string, Figures>): string[][] {
  const ms = (x: number | undefined) => (x === undefined ? '' : x.toFixed(2));
  const rows: string[][] = [
    [
      'hub start ms / rss MiB, compiled',
      `${f.startBuilt?.ms?.toFixed(0)} / ${f.startBuilt?.rssMiB?.toFixed(0)}`,
      `${f.startTsx?.ms?.toFixed(0)} / ${f.startTsx?.rssMiB?.toFixed(0)} under tsx`,
      '',
    ],
  ];
  for (const displays of COMPARE_DISPLAYS) {
    const hub = f[`hubCallToDisplay${displays}`];
    const ref = f[`referenceCallToDisplay${displays}`];
    rows.push(
      [
        `clerk cycles/s, 8 counters, ${displays} displays`,
        f[`hubCycles${displays}`]?.perSecond?.toFixed(0) ?? '',
        `${f[`referenceCycles${displays}`]?.perSecond?.toFixed(0)} reference server`,
        '',
      ],
      [
        `call → display ms p50/p99, ${displays || 1} display(s)`,
        `${ms(hub?.p50)} / ${ms(hub?.p99)}`,
        `${ms(ref?.p50)} / ${ms(ref?.p99)} reference server`,
        '',
      ],
    );
  }
  return rows;
}

/** The issue's targets, each with the figure, its baseline from this run, and whether it holds. */
function printRatios(rows: RatioRow[]) {
  const table = [
    ['target', 'figure', 'baseline (same run)', 'ratio', 'holds'],
    ...rows.map((r) => [r.name, r.figure, r.baseline, r.ratio, r.holds ? 'yes' : 'NO']),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ');
  process.stdout.write(`\n${line(table[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  for (const r of table.slice(1)) process.stdout.write(`${line(r)}\n`);
}

await main();
process.exit(0);
