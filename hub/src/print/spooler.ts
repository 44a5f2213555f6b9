/**
 * The print spool: jobs in `print_jobs`, sent oldest first, one printer at a
 * time each, never inside a database transaction.
 *
 * Delivery is at-least-once: a job is marked `sending` (committed) before its
 * bytes go out, and `printed` (committed) only once the printer confirms that
 * it processed them (GS r after the job, shared/printer/printer-link.ts). A
 * write alone proves nothing: the bytes may sit in the kernel's buffer of a
 * printer that then closes the connection or stops reading. A job that was
 * not confirmed is sent again; if some of it may have come out, its next slip
 * is marked as a reprint. A hub that dies mid-job sends it again after
 * restart, as a reprint too. The citizen may then hold two slips with one
 * number, which is harmless; losing a ticket the kiosk promised is not, so the
 * other choice (at-most-once) is not taken.
 *
 * A job whose ticket no longer waits (called, cancelled, or from a day gone
 * by, after a printer was broken overnight) is dropped, not printed: a slip
 * for a number already served would only mislead the next person at the kiosk.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { PrinterStatus, TestPrintResult } from '../../../shared/protocol.js';
import { canPrint } from '../../../shared/printer/status.js';
import {
  CONFIRM_BASE_MS,
  CONFIRM_MS_PER_BYTE,
  PrintError,
} from '../../../shared/printer/printer-link.js';
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
  /** How long the printer has to confirm a job: this, plus `confirmMsPerByte` for each byte. */
  confirmBaseMs: number;
  confirmMsPerByte: number;
}

export const DEFAULT_SPOOL_TIMING: SpoolTiming = {
  idlePollMs: 10_000,
  faultPollMs: 2_000,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  confirmBaseMs: CONFIRM_BASE_MS,
  confirmMsPerByte: CONFIRM_MS_PER_BYTE,
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

/** A test slip: not a ticket, so not in `print_jobs`, and never sent again. */
interface TestSlip {
  data: Uint8Array;
  done(result: TestPrintResult): void;
}

/** One printer's worker, as its pieces below see it. */
interface Worker {
  printer: PrinterRow;
  deps: SpoolerDeps;
  connection: PrinterConnection;
  stopped: boolean;
  /** Test slips asked for, sent before the next job. */
  tests: TestSlip[];
  /** What staff were last told: the status, and the backlog behind it. */
  shown: { status: PrinterStatus; queued: number };
  /** The status the log last heard of; null until this run's first reading. */
  logged: PrinterStatus | null;
}

/**
 * The log hears of each change that staff must act on, once: a fault as a warning (with the
 * tickets held behind it), its clearing as info. Paper running low is info; a poll that finds
 * the same status says nothing.
 */
function logChange(w: Worker, status: PrinterStatus, queued: number) {
  const before = w.logged;
  w.logged = status;
  if (before === status) return;
  const printer = w.printer.name;
  if (!canPrint(status)) {
    w.deps.log.warn({ printer, status, queued }, 'printer fault: tickets wait until it is fixed');
  } else if (before !== null && !canPrint(before)) {
    w.deps.log.info({ printer, status, was: before, queued }, 'printer fault cleared');
  } else if (status === 'paper-near-end') {
    w.deps.log.info({ printer, status }, 'printer paper running low');
  }
}

/** Stores the status; tells staff when it, or a backlog behind a fault, changed. */
function record(w: Worker, status: PrinterStatus) {
  if (w.stopped) return;
  const { store, clock } = w.deps;
  store.setStatus(w.printer.id, status, clock.now());
  const queued = store.pending(w.printer.id);
  logChange(w, status, queued);
  const worth =
    status !== w.shown.status ||
    (!canPrint(status) && queued !== w.shown.queued) ||
    (w.shown.queued > 0 && queued === 0);
  if (worth) {
    w.shown = { status, queued };
    w.deps.changed(w.printer.id);
  }
}

/**
 * The job's bytes, or null when it cannot be drawn: then it is dropped with the reason, so
 * one bad ticket never holds up every ticket after it on this printer.
 */
function drawn(w: Worker, job: JobRow): Uint8Array | null {
  try {
    return w.deps.render(job, w.printer);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    w.deps.store.markDropped(job.id, `could not be drawn: ${message}`);
    w.deps.log.error(
      { printer: w.printer.name, job: job.id, err: message },
      'print job could not be drawn',
    );
    return null;
  }
}

const confirmWithinMs = (data: Uint8Array, t: SpoolTiming) =>
  Math.ceil(t.confirmBaseMs + data.length * t.confirmMsPerByte);

/**
 * Sends the test slips asked for, each confirmed as a job is (GS r after it), but only
 * once: whether it printed goes back to whoever asked. Returns the status after them.
 */
async function printTests(w: Worker, status: PrinterStatus): Promise<PrinterStatus> {
  for (let slip = w.tests.shift(); slip; slip = w.tests.shift()) {
    if (!canPrint(status)) {
      slip.done({ printed: false, status, error: `the printer is ${status}` });
      continue;
    }
    let error: string | null = null;
    try {
      await w.connection.print(0, slip.data, confirmWithinMs(slip.data, w.deps.timing));
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    status = await w.connection.status();
    record(w, status);
    slip.done({ printed: error === null, status, error });
  }
  return status;
}

/** The worker stops: whoever asked for a test slip still waiting hears that it did not print. */
function abandonTests(w: Worker) {
  for (let slip = w.tests.shift(); slip; slip = w.tests.shift()) {
    slip.done({ printed: false, status: w.shown.status, error: 'the printer was stopped' });
  }
}

/** Sends one job; on failure, schedules its retry and returns how long to wait. */
async function send(w: Worker, job: JobRow, data: Uint8Array): Promise<number | null> {
  const { store, clock, log, timing } = w.deps;
  store.markSending(job.id);
  try {
    await w.connection.print(job.id, data, confirmWithinMs(data, timing));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reached = err instanceof PrintError ? err.sent : true;
    const delay = retryDelayMs(job.attempts + 1, timing);
    store.markRetry(job.id, clock.now() + delay, message, reached);
    log.warn(
      { printer: w.printer.name, job: job.id, ticket: job.ticket_id, err: message, reached },
      reached
        ? 'print job not confirmed by the printer; will print again, marked as a reprint'
        : 'print job failed; will retry',
    );
    record(w, await w.connection.status());
    return delay;
  }
  store.markPrinted(job.id, clock.now(), data.length);
  return null;
}

/** Sends what it can; returns when to look again. */
async function work(w: Worker): Promise<number> {
  const { store, clock, timing } = w.deps;
  let status = await w.connection.status();
  record(w, status);
  for (;;) {
    status = await printTests(w, status);
    if (!canPrint(status)) return timing.faultPollMs;
    const job = store.nextJob(w.printer.id);
    if (!job) return timing.idlePollMs;
    const wait = job.next_attempt_at - clock.now();
    if (wait > 0) return wait;
    const stale = w.deps.stale(job);
    if (stale) {
      store.markDropped(job.id, stale);
      continue;
    }
    const data = drawn(w, job);
    if (data === null) continue;
    const retryIn = await send(w, job, data);
    if (retryIn !== null) return retryIn;
    status = await w.connection.status();
    record(w, status);
  }
}

/** A worker's state before its first look at the printer. */
function workerState(
  printer: PrinterRow,
  deps: SpoolerDeps,
  onStatus: (status: PrinterStatus) => void,
): Worker {
  return {
    printer,
    deps,
    stopped: false,
    tests: [],
    shown: { status: printer.status, queued: deps.store.pending(printer.id) },
    logged: null,
    connection: deps.connect(printer, onStatus),
  };
}

function createWorker(printer: PrinterRow, deps: SpoolerDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const w: Worker = workerState(printer, deps, (status) => {
    record(w, status);
    if (canPrint(status)) kick();
  });

  function schedule(ms: number) {
    clearTimeout(timer);
    if (w.stopped) return;
    timer = setTimeout(kick, ms);
    timer.unref();
  }

  function kick() {
    if (w.stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      let next = deps.timing.faultPollMs;
      try {
        do {
          again = false;
          next = await work(w);
        } while (again && !w.stopped);
      } catch (err) {
        deps.log.error({ err, printer: printer.name }, 'print spooler failed; trying again');
      } finally {
        running = null;
        schedule(next);
      }
    })();
  }

  return {
    kick,
    testPrint(data: Uint8Array): Promise<TestPrintResult> {
      return new Promise((done) => {
        w.tests.push({ data, done });
        kick();
      });
    },
    /** Lets a job being sent finish (and be marked), then lets go of the printer. */
    async stop() {
      w.stopped = true;
      clearTimeout(timer);
      await running;
      abandonTests(w);
      await w.connection.close();
    },
  };
}

export interface Spooler {
  /** Starts a worker per printer that has none; jobs left by a previous run are sent first. */
  start(): void;
  /** A job was committed for this printer: send it now rather than at the next poll. */
  kick(printerId: number): void;
  /**
   * Changes a printer's row (`change`, one synchronous transaction) with its worker
   * stopped, so no job is half-way out to the old address while it changes; then every
   * printer in use has a worker again: a new or edited one starts afresh, a removed one
   * stays stopped, and one whose change was refused carries on as before.
   */
  reconfigure<T>(printerId: number | null, change: () => T): Promise<T>;
  /** Prints a test slip on a printer in use, before its next job; null: it is not in use. */
  testPrint(printerId: number, data: Uint8Array): Promise<TestPrintResult> | null;
  stop(): Promise<void>;
}

export function createSpooler(deps: SpoolerDeps): Spooler {
  const workers = new Map<number, ReturnType<typeof createWorker>>();
  let stopped = false;

  function start() {
    if (stopped) return;
    const inUse = deps.store.printers();
    for (const printer of inUse) {
      if (workers.has(printer.id)) continue;
      const worker = createWorker(printer, deps);
      workers.set(printer.id, worker);
      worker.kick();
    }
  }

  async function halt(printerId: number) {
    const worker = workers.get(printerId);
    if (!worker) return;
    workers.delete(printerId);
    await worker.stop();
  }

  return {
    start,
    kick(printerId) {
      workers.get(printerId)?.kick();
    },
    async reconfigure(printerId, change) {
      if (printerId !== null) await halt(printerId);
      try {
        return change();
      } finally {
        start();
      }
    },
    testPrint: (printerId, data) => workers.get(printerId)?.testPrint(data) ?? null,
    async stop() {
      stopped = true;
      await Promise.all([...workers.values()].map((w) => w.stop()));
      workers.clear();
    },
  };
}
