/**
 * Floor figures for `npm run bench`: a year of history (year-history.ts) in a
 * hub database, then the live floor read over a real socket as the console
 * reads it (`floor:get`, a supervisor logged in), and a ticket search, with
 * the database's size for that year. The issue asks for a floor refresh in
 * ≤ 100 ms; the figure is printed beside that target.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createHub } from '../../hub/src/app.js';
import { openDatabase } from '../../hub/src/db/open.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { seedCentre } from '../../hub/src/demo/seed.js';
import { PROTOCOL_VERSION, type Ack, type FloorView } from '../../shared/protocol.js';
import { HISTORY_DAYS, seedYear, TICKETS_PER_DAY } from './year-history.js';

type Figures = Record<string, number>;

export const FLOOR_TARGET_MS = 100;
const READS = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    socket.timeout(10_000).emit(event, payload, (err: Error | null, ack: Ack<T>) => {
      if (err) return reject(err);
      if (!ack.ok) return reject(new Error(`${event}: ${ack.error.message}`));
      resolve(ack.data);
    }),
  );
}

async function timed(n: number, work: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1) ?? NaN };
}

export async function floorFigures(log: (msg: string) => void): Promise<Record<string, Figures>> {
  const dir = mkdtempSync(join(tmpdir(), 'khiu-floor-bench-'));
  const file = join(dir, 'khiu.sqlite');
  const db = openDatabase(file);
  try {
    seedCentre(db, DEMO_CENTRE, { sampleFees: true });
    log(`floor: seeding ${HISTORY_DAYS} days × ${TICKETS_PER_DAY} tickets`);
    const seedStart = performance.now();
    const seeded = seedYear(db, Date.now());
    const seedMs = performance.now() - seedStart;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(file).size;
    const hub = createHub({ db, demo: true });
    const url = await hub.listen(0, '127.0.0.1');
    const socket = io(url, {
      transports: ['websocket'],
      auth: { protocol: PROTOCOL_VERSION, role: 'console' },
      reconnection: false,
    });
    await new Promise((resolve) => socket.once('queue:snapshot', resolve));
    await ask(socket, 'staff:login', { username: 'supervisor', pin: '5555' });
    const first = await ask<FloorView>(socket, 'floor:get', {});
    log(`floor: ${seeded.tickets} tickets, ${seeded.events} events; reading the floor ${READS}×`);
    const floor = await timed(READS, () => ask(socket, 'floor:get', {}));
    const day = first.day;
    const search = await timed(READS, () =>
      ask(socket, 'floor:ticket-search', { query: 'F001', day }),
    );
    socket.close();
    await hub.close();
    return {
      floorRefresh: floor,
      ticketSearch: search,
      history: {
        tickets: seeded.tickets,
        events: seeded.events,
        dbMiB: bytes / 2 ** 20,
        seedSeconds: seedMs / 1000,
        waitingToday: first.services.reduce((n, s) => n + s.waiting, 0),
      },
    };
  } finally {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function floorRows(f: Record<string, Figures>): string[][] {
  const ms = (x: number | undefined) => (x === undefined ? '' : x.toFixed(2));
  const h = f.history;
  const year = `${h?.tickets ?? ''} tickets, ${h?.events ?? ''} events`;
  return [
    [
      'floor refresh (floor:get) ms p50/p99/max, a year of history',
      `${ms(f.floorRefresh?.p50)} / ${ms(f.floorRefresh?.p99)} / ${ms(f.floorRefresh?.max)}`,
      `target ≤ ${FLOOR_TARGET_MS} ms; ${year}`,
      '',
    ],
    [
      'ticket search ms p50/p99, a year of history',
      `${ms(f.ticketSearch?.p50)} / ${ms(f.ticketSearch?.p99)}`,
      '',
      '',
    ],
    [
      `database size, ${HISTORY_DAYS} days × ${TICKETS_PER_DAY} tickets (≈ a year)`,
      `${h?.dbMiB?.toFixed(0) ?? ''} MiB`,
      `seeded in ${h?.seedSeconds?.toFixed(0) ?? ''} s`,
      '',
    ],
  ];
}
