/**
 * Every SQL statement of printing, prepared once: the printers, and the
 * spool of jobs in `print_jobs`.
 */
import type { Db } from '../db/open.js';
import type { PrinterStatus, PrinterView } from '../../../shared/protocol.js';
import type { PaperDots } from './ticket-layout.js';

export interface PrinterRow {
  id: number;
  name: string;
  uri: string;
  paper_dots: PaperDots;
  kiosk_device_id: number | null;
  enabled: number;
  status: PrinterStatus;
  status_at: number | null;
}

export interface JobRow {
  id: number;
  printer_id: number;
  ticket_id: number;
  created_at: number;
  people_ahead: number | null;
  estimated_wait_ms: number | null;
  state: 'queued' | 'sending' | 'printed' | 'dropped';
  attempts: number;
  next_attempt_at: number;
  /** Some of its bytes may have reached the printer before: a slip may be out already. */
  reached_printer: 0 | 1;
}

export interface NewPrinter {
  name: string;
  uri: string;
  paperDots: PaperDots;
  kioskDeviceId: number | null;
}

/** The printers: which exist, which a kiosk uses, what state they are in. */
function printerStatements(db: Db) {
  const q = {
    printers: db.prepare<[], PrinterRow>('SELECT * FROM printers WHERE enabled = 1 ORDER BY id'),
    byId: db.prepare<[number], PrinterRow>('SELECT * FROM printers WHERE id = ?'),
    insert: db.prepare<[NewPrinter]>(
      `INSERT INTO printers (name, uri, paper_dots, kiosk_device_id)
       VALUES (@name, @uri, @paperDots, @kioskDeviceId)`,
    ),
    byName: db.prepare<[string], PrinterRow>('SELECT * FROM printers WHERE name = ?'),
    update: db.prepare<[NewPrinter & { id: number }]>(
      `UPDATE printers SET uri = @uri, paper_dots = @paperDots, kiosk_device_id = @kioskDeviceId,
       enabled = 1 WHERE id = @id`,
    ),
    setStatus: db.prepare<[PrinterStatus, number, number]>(
      'UPDATE printers SET status = ?, status_at = ? WHERE id = ?',
    ),
    forDevice: db.prepare<[number], PrinterRow>(
      'SELECT * FROM printers WHERE enabled = 1 AND kiosk_device_id = ? ORDER BY id LIMIT 1',
    ),
    forAnyKiosk: db.prepare<[], PrinterRow>(
      `SELECT * FROM printers WHERE enabled = 1 AND kiosk_device_id IS NULL ORDER BY id LIMIT 1`,
    ),
  };
  return {
    printers: () => q.printers.all(),
    printerById: (id: number) => q.byId.get(id),
    /** The printer a kiosk's tickets go to: its own, else the one every kiosk shares. */
    printerForKiosk: (deviceId: number | null) =>
      (deviceId === null ? undefined : q.forDevice.get(deviceId)) ?? q.forAnyKiosk.get(),
    /** Adds the printer, or points the one of that name at a new address; returns its id. */
    savePrinter(p: NewPrinter): number {
      const existing = q.byName.get(p.name);
      if (existing) {
        q.update.run({ ...p, id: existing.id });
        return existing.id;
      }
      return Number(q.insert.run(p).lastInsertRowid);
    },
    setStatus: (id: number, status: PrinterStatus, at: number) => q.setStatus.run(status, at, id),
  };
}

/** The spool: jobs in `print_jobs`, and the marks of their way to the printer. */
function jobStatements(db: Db) {
  const q = {
    insert: db.prepare<[number, number, number, number | null, number | null]>(
      `INSERT INTO print_jobs (printer_id, ticket_id, created_at, people_ahead, estimated_wait_ms,
         next_attempt_at) VALUES (?, ?, ?, ?, ?, 0)`,
    ),
    next: db.prepare<[number], JobRow>(
      `SELECT * FROM print_jobs WHERE printer_id = ? AND state IN ('queued', 'sending')
       ORDER BY id LIMIT 1`,
    ),
    pending: db.prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM print_jobs WHERE printer_id = ? AND state IN ('queued', 'sending')`,
    ),
    sending: db.prepare<[number]>(
      `UPDATE print_jobs SET state = 'sending', attempts = attempts + 1 WHERE id = ?`,
    ),
    printed: db.prepare<[number, number, number]>(
      `UPDATE print_jobs SET state = 'printed', printed_at = ?, bytes = ?, last_error = NULL
       WHERE id = ?`,
    ),
    dropped: db.prepare<[string, number]>(
      `UPDATE print_jobs SET state = 'dropped', last_error = ? WHERE id = ?`,
    ),
    retry: db.prepare<[number, string, number, number]>(
      `UPDATE print_jobs SET state = 'queued', next_attempt_at = ?, last_error = ?,
         reached_printer = max(reached_printer, ?) WHERE id = ?`,
    ),
  };
  return {
    pending: (printerId: number) => q.pending.get(printerId)?.n ?? 0,
    insertJob: (
      printerId: number,
      ticketId: number,
      at: number,
      peopleAhead: number | null,
      estimatedWaitMs: number | null,
    ) =>
      Number(q.insert.run(printerId, ticketId, at, peopleAhead, estimatedWaitMs).lastInsertRowid),
    nextJob: (printerId: number) => q.next.get(printerId),
    markSending: (jobId: number) => q.sending.run(jobId),
    markPrinted: (jobId: number, at: number, bytes: number) => q.printed.run(at, bytes, jobId),
    markDropped: (jobId: number, why: string) => q.dropped.run(why, jobId),
    /** Sends it again at `nextAt`; `reached`: some of its bytes may have reached the printer. */
    markRetry: (jobId: number, nextAt: number, error: string, reached: boolean) =>
      q.retry.run(nextAt, error, reached ? 1 : 0, jobId),
  };
}

export function createPrintStore(db: Db) {
  const printers = printerStatements(db);
  const jobs = jobStatements(db);
  const view = (row: PrinterRow): PrinterView => ({
    id: row.id,
    name: row.name,
    status: row.status,
    kioskDeviceId: row.kiosk_device_id,
    paperDots: row.paper_dots,
    queuedJobs: jobs.pending(row.id),
    statusAt: row.status_at,
  });
  return { ...printers, ...jobs, view };
}

export type PrintStore = ReturnType<typeof createPrintStore>;
