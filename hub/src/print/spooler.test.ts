import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { openDatabase, type Db } from '../db/open.js';
import { systemClock } from '../clock.js';
import { createPrintStore } from './print-store.js';
import { createSpooler, retryDelayMs, type SpoolTiming } from './spooler.js';
import type { PrinterConnection } from './printer-connection.js';
import { PrintError } from '../../../shared/printer/printer-link.js';
import type { PrinterStatus } from '../../../shared/protocol.js';

const TIMING: SpoolTiming = {
  idlePollMs: 1_000,
  faultPollMs: 20,
  retryBaseMs: 20,
  retryMaxMs: 80,
  confirmBaseMs: 100,
  confirmMsPerByte: 0,
};

describe('retryDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    const t = { ...TIMING, retryBaseMs: 1_000, retryMaxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((n) => retryDelayMs(n, t))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

/** A database with a printer and `tickets` kiosk tickets, each with a queued job. */
function spool(tickets: number) {
  const db = openDatabase(':memory:');
  db.exec(`
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 0, 10);`);
  const store = createPrintStore(db);
  const printerId = store.savePrinter({
    name: 'P',
    uri: 'tcp://127.0.0.1:9',
    paperDots: 576,
    kioskDeviceId: null,
  });
  for (let i = 1; i <= tickets; i++) {
    db.prepare(
      `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
         issued_at, queued_at) VALUES (?, '2026-11-27', ?, ?, 's', 'none', 'waiting', 'lo', 'kiosk', 0, 0)`,
    ).run(`code${i}xyz`, i, `A00${i}`);
    store.insertJob(printerId, i, 0, null, null);
  }
  return { db, store, printerId };
}

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('spooler', () => {
  it('sends jobs oldest first, retries a failed send with back-off, and marks each printed once', async () => {
    const { db, store, printerId } = spool(3);
    opened.push(db);
    const sent: number[] = [];
    const attemptsAt: number[] = [];
    let failures = 2;
    const connection: PrinterConnection = {
      status: async () => 'ok',
      async print(jobId) {
        attemptsAt.push(Date.now());
        if (jobId === 2 && failures-- > 0) throw new Error('connection reset');
        sent.push(jobId);
      },
      close: async () => {},
    };
    const changed: number[] = [];
    const spooler = createSpooler({
      store,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      timing: TIMING,
      connect: () => connection,
      render: (job) => Uint8Array.of(job.id),
      stale: () => null,
      changed: (id) => changed.push(id),
    });
    spooler.start();
    await expect.poll(() => sent, { timeout: 2_000 }).toEqual([1, 2, 3]);
    await spooler.stop();
    const rows = db.prepare('SELECT id, state, attempts, bytes FROM print_jobs ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, state: 'printed', attempts: 1, bytes: 1 },
      { id: 2, state: 'printed', attempts: 3, bytes: 1 },
      { id: 3, state: 'printed', attempts: 1, bytes: 1 },
    ]);
    // Job 3 waited behind job 2: per printer, tickets come out in the order they were issued.
    expect(attemptsAt).toHaveLength(5);
    const gaps = attemptsAt.slice(1, 4).map((t, i) => t - (attemptsAt[i] ?? 0));
    expect(gaps[1]).toBeGreaterThanOrEqual(TIMING.retryBaseMs - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(TIMING.retryBaseMs * 2 - 5);
    expect(store.printerById(printerId)?.status).toBe('ok');
  });

  it('drops a job that cannot be drawn, with the reason, and prints the ones after it', async () => {
    const { db, store } = spool(3);
    opened.push(db);
    const sent: number[] = [];
    const connection: PrinterConnection = {
      status: async () => 'ok',
      async print(jobId) {
        sent.push(jobId);
      },
      close: async () => {},
    };
    const spooler = createSpooler({
      store,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      timing: TIMING,
      connect: () => connection,
      render: (job) => {
        if (job.id === 1) throw new Error('no such service');
        return Uint8Array.of(job.id);
      },
      stale: () => null,
      changed: () => {},
    });
    spooler.start();
    await expect.poll(() => sent, { timeout: 2_000 }).toEqual([2, 3]);
    await spooler.stop();
    expect(db.prepare('SELECT id, state, last_error FROM print_jobs ORDER BY id').all()).toEqual([
      { id: 1, state: 'dropped', last_error: 'could not be drawn: no such service' },
      { id: 2, state: 'printed', last_error: null },
      { id: 3, state: 'printed', last_error: null },
    ]);
  });

  it('holds the jobs while the printer cannot print, and tells staff of each change', async () => {
    const { db, store, printerId } = spool(1);
    opened.push(db);
    let status: PrinterStatus = 'paper-out';
    const sent: number[] = [];
    const changed: number[] = [];
    const spooler = createSpooler({
      store,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      timing: TIMING,
      connect: () => ({
        status: async () => status,
        print: async (jobId) => void sent.push(jobId),
        close: async () => {},
      }),
      render: () => Uint8Array.of(0),
      stale: () => null,
      changed: (id) => changed.push(id),
    });
    spooler.start();
    await expect.poll(() => store.printerById(printerId)?.status).toBe('paper-out');
    await new Promise((r) => setTimeout(r, TIMING.faultPollMs * 5));
    expect(sent).toEqual([]);
    expect(changed).toEqual([printerId]);
    status = 'ok';
    await expect.poll(() => sent).toEqual([1]);
    // Out of paper; ready again; its backlog printed.
    await expect.poll(() => changed).toEqual([printerId, printerId, printerId]);
    await spooler.stop();
    expect(store.printerById(printerId)?.status).toBe('ok');
    expect(store.pending(printerId)).toBe(0);
  });

  it('logs a fault once as a warning, each new fault again, and its clearing as info', async () => {
    const { db, store, printerId } = spool(1);
    opened.push(db);
    let status: PrinterStatus = 'ok';
    let polls = 0;
    const lines: { level: number; msg: string; printer: string; status: string }[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    const spooler = createSpooler({
      store,
      clock: systemClock,
      log,
      timing: { ...TIMING, idlePollMs: 20 },
      connect: () => ({
        status: async () => (polls++, status),
        print: async () => {},
        close: async () => {},
      }),
      render: () => Uint8Array.of(0),
      stale: () => null,
      changed: () => {},
    });
    spooler.start();
    const pollsAfter = async (n: number) => {
      const from = polls;
      await expect.poll(() => polls - from).toBeGreaterThanOrEqual(n);
    };
    await pollsAfter(3);
    expect(lines).toEqual([]); // a printer that is fine is not news
    status = 'paper-out';
    await pollsAfter(5);
    status = 'cover-open';
    await pollsAfter(5);
    status = 'paper-near-end';
    await pollsAfter(5);
    status = 'ok';
    await pollsAfter(3);
    await spooler.stop();
    expect(lines.map((l) => [l.level, l.status, l.msg])).toEqual([
      [40, 'paper-out', 'printer fault: tickets wait until it is fixed'],
      [40, 'cover-open', 'printer fault: tickets wait until it is fixed'],
      [30, 'paper-near-end', 'printer fault cleared'],
    ]);
    expect(lines.every((l) => l.printer === 'P')).toBe(true);
    expect(store.printerById(printerId)?.status).toBe('ok');
  });

  it('prints again, as a reprint, a job that went out unconfirmed; not one that never left', async () => {
    const { db, store } = spool(2);
    opened.push(db);
    const failures = new Map([
      [1, new PrintError('the printer did not confirm the job within 100 ms', true)],
      [2, new PrintError('cannot reach the printer: ECONNREFUSED', false)],
    ]);
    const drawn: { id: number; reached: number; withinMs?: number }[] = [];
    const spooler = createSpooler({
      store,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      timing: { ...TIMING, confirmMsPerByte: 2 },
      connect: () => ({
        status: async () => 'ok',
        async print(jobId, data, withinMs) {
          drawn.push({ id: jobId, reached: data[1] ?? -1, withinMs });
          const failure = failures.get(jobId);
          failures.delete(jobId);
          if (failure) throw failure;
        },
        close: async () => {},
      }),
      render: (job) => Uint8Array.of(job.id, job.reached_printer, 0, 0, 0),
      stale: () => null,
      changed: () => {},
    });
    spooler.start();
    await expect.poll(() => drawn.length, { timeout: 2_000 }).toBe(4);
    await spooler.stop();
    // Each job waits for the printer's word for the base time and 2 ms a byte.
    expect(drawn).toEqual([
      { id: 1, reached: 0, withinMs: 110 },
      { id: 1, reached: 1, withinMs: 110 },
      { id: 2, reached: 0, withinMs: 110 },
      { id: 2, reached: 0, withinMs: 110 },
    ]);
    expect(
      db.prepare('SELECT id, state, reached_printer FROM print_jobs ORDER BY id').all(),
    ).toEqual([
      { id: 1, state: 'printed', reached_printer: 1 },
      { id: 2, state: 'printed', reached_printer: 0 },
    ]);
  });
});
