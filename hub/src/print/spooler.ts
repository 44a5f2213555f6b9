/**
 * The print spool: jobs in `print_jobs`, sent oldest first, one printer at a
 * time each, never inside a database transaction.
 *
 * Delivery is at-least-once, with the window for a repeat made as small as a
 * write: a job is marked `sending` (committed) before its bytes go out and
 * `printed` (committed) as soon as the printer has taken them. A hub that
 * dies before the write sends the job after restart; one that dies between
 * the last byte and the `printed` mark sends it again, and the citizen holds
 * two copies of the same number, which is harmless. Losing a ticket that the
 * kiosk promised is not, so the other choice (at-most-once) is not taken.
 *
 * A job whose ticket no longer waits (called, cancelled, or from a day gone
 * by, after a printer was broken overnight) is dropped, not printed: a slip
 * for a number already served would only mislead the next person at the kiosk.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { PrinterStatus } from '../../../shared/protocol.js';
import { canPrint } from '../../../shared/printer/status.js';
import type { JobRow, PrinterRow, PrintStore } from './print-store.js';
import type { PrinterConnection } from './printer-connection.js';

export interface SpoolTiming {
  /** How often a printer that is fine is asked its status, so staff see paper running low. */
  idlePollMs: number;
  /** How often a printer in trouble is asked, so jobs print soon after it is fixed. */
  faultPollMs: number;
  /** The first retry after a failed send; doubled each time, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_SPOOL_TIMING: SpoolTiming = {
  idlePollMs: 10_000,
  faultPollMs: 2_000,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
};

export function retryDelayMs(attempts: number, t: SpoolTiming): number {
  return Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export interface SpoolerDeps {
  store: PrintStore;
  clock: Clock;
  log: Logger;
  timing: SpoolTiming;
  connect(printer: PrinterRow, onStatus: (status: PrinterStatus) => void): PrinterConnection;
  /** The ESC/POS bytes of a job, drawn from its ticket. */
  render(job: JobRow, printer: PrinterRow): Uint8Array;
  /** Why a job should no longer print (its ticket was called, or is from another day), or null. */
  stale(job: JobRow): string | null;
  /** A printer's status or backlog changed in a way staff should see. */
  changed(printerId: number): void;
}

function createWorker(printer: PrinterRow, deps: SpoolerDeps) {
  const { store, clock, log, timing } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let shown = { status: printer.status, queued: store.pending(printer.id) };
  const connection = deps.connect(printer, (status) => {
    record(status);
    if (canPrint(status)) kick();
  });

  /** Stores the status; tells staff when it, or a backlog behind a fault, changed. */
  function record(status: PrinterStatus) {
    if (stopped) return;
    store.setStatus(printer.id, status, clock.now());
    const queued = store.pending(printer.id);
    const worth =
      status !== shown.status ||
      (!canPrint(status) && queued !== shown.queued) ||
      (shown.queued > 0 && queued === 0);
    if (worth) {
      shown = { status, queued };
      deps.changed(printer.id);
    }
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(kick, ms);
    timer.unref();
  }

  /**
   * The job's bytes, or null when it cannot be drawn: then it is dropped with the reason, so
   * one bad ticket never holds up every ticket after it on this printer.
   */
  function drawn(job: JobRow): Uint8Array | null {
    try {
      return deps.render(job, printer);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      store.markDropped(job.id, `could not be drawn: ${message}`);
      log.error(
        { printer: printer.name, job: job.id, err: message },
        'print job could not be drawn',
      );
      return null;
    }
  }

  /** Sends what it can; returns when to look again. */
  async function work(): Promise<number> {
    let status = await connection.status();
    record(status);
    for (;;) {
      if (!canPrint(status)) return timing.faultPollMs;
      const job = store.nextJob(printer.id);
      if (!job) return timing.idlePollMs;
      const wait = job.next_attempt_at - clock.now();
      if (wait > 0) return wait;
      const stale = deps.stale(job);
      if (stale) {
        store.markDropped(job.id, stale);
        continue;
      }
      const data = drawn(job);
      if (data === null) continue;
      store.markSending(job.id);
      try {
        await connection.print(job.id, data);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const delay = retryDelayMs(job.attempts + 1, timing);
        store.markRetry(job.id, clock.now() + delay, message);
        log.warn(
          { printer: printer.name, job: job.id, err: message },
          'print job failed; will retry',
        );
        record(await connection.status());
        return delay;
      }
      store.markPrinted(job.id, clock.now(), data.length);
      status = await connection.status();
      record(status);
    }
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      let next = timing.faultPollMs;
      try {
        do {
          again = false;
          next = await work();
        } while (again && !stopped);
      } catch (err) {
        log.error({ err, printer: printer.name }, 'print spooler failed; trying again');
      } finally {
        running = null;
        schedule(next);
      }
    })();
  }

  return {
    kick,
    /** Lets a job being sent finish (and be marked), then lets go of the printer. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await connection.close();
    },
  };
}

export function createSpooler(deps: SpoolerDeps) {
  const workers = new Map<number, ReturnType<typeof createWorker>>();

  return {
    /** Starts a worker per printer; jobs left by a previous run are sent first. */
    start() {
      for (const printer of deps.store.printers()) {
        if (workers.has(printer.id)) continue;
        const worker = createWorker(printer, deps);
        workers.set(printer.id, worker);
        worker.kick();
      }
    },
    /** A job was committed for this printer: send it now rather than at the next poll. */
    kick(printerId: number) {
      workers.get(printerId)?.kick();
    },
    async stop() {
      await Promise.all([...workers.values()].map((w) => w.stop()));
      workers.clear();
    },
  };
}

export type Spooler = ReturnType<typeof createSpooler>;
