/**
 * Every SQL statement of printing, prepared once: the printers, and the
 * spool of jobs in `print_jobs`.
 */
import type { Db } from '../db/open.js';
import type { PrinterStatus, PrinterView, TicketStatus } from '../../../shared/protocol.js';
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

/** What the console changes: a printer's settings, by id, and taking it out of use. */
function consoleStatements(db: Db) {
  const q = {
    edit: db.prepare<[NewPrinter & { id: number }]>(
      `UPDATE printers SET name = @name, uri = @uri, paper_dots = @paperDots,
       kiosk_device_id = @kioskDeviceId, enabled = 1 WHERE id = @id`,
    ),
    disable: db.prepare<[number]>('UPDATE printers SET enabled = 0 WHERE id = ?'),
    /** Printers in use that hold this name, or print for this kiosk (null: the shared one). */
    nameHolder: db.prepare<[string], { id: number }>(
      'SELECT id FROM printers WHERE enabled = 1 AND name = ? ORDER BY id LIMIT 1',
    ),
    kioskHolder: db.prepare<[number | null], { id: number }>(
      `SELECT id FROM printers WHERE enabled = 1 AND kiosk_device_id IS ? ORDER BY id LIMIT 1`,
    ),
    disabledByName: db.prepare<[string], { id: number }>(
      'SELECT id FROM printers WHERE enabled = 0 AND name = ? ORDER BY id LIMIT 1',
    ),
    // A printer's version is how many console edits it has had: no column of its own.
    edits: db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM config_audit WHERE entity = 'printer' AND entity_id = ?`,
    ),
    kiosk: db.prepare<[number], { id: number }>(
      `SELECT id FROM devices WHERE id = ? AND role = 'kiosk' AND revoked_at IS NULL`,
    ),
  };
  return {
    editPrinter: (id: number, p: NewPrinter) => q.edit.run({ ...p, id }),
    disablePrinter: (id: number) => q.disable.run(id),
    nameHolder: (name: string) => q.nameHolder.get(name)?.id ?? null,
    kioskHolder: (kioskDeviceId: number | null) => q.kioskHolder.get(kioskDeviceId)?.id ?? null,
    /** A printer once removed under this name, to take back into use rather than add twice. */
    removedNamed: (name: string) => q.disabledByName.get(name)?.id ?? null,
    printerVersion: (id: number) => (q.edits.get(String(id))?.n ?? 0) + 1,
    isKiosk: (deviceId: number) => q.kiosk.get(deviceId) !== undefined,
  };
}

export interface SpoolRow extends JobRow {
  printed_at: number | null;
  last_error: string | null;
  label: string;
  ticket_status: TicketStatus;
}

/** The spool as staff see it, and what they may do to one slip. */
function spoolStatements(db: Db) {
  const q = {
    // What waits, and today's slips of tickets that still wait (the ones worth printing again).
    // Both halves run on partial indexes (print_jobs_pending, tickets_waiting), never over
    // the printer's whole history.
    spool: db.prepare<{ printerId: number; day: string }, SpoolRow>(
      `SELECT j.*, t.label, t.status AS ticket_status FROM print_jobs j
       JOIN tickets t ON t.id = j.ticket_id
       WHERE j.id IN (
         SELECT id FROM print_jobs WHERE printer_id = @printerId AND state IN ('queued', 'sending')
         UNION
         SELECT p.id FROM tickets w JOIN print_jobs p ON p.ticket_id = w.id
         WHERE w.status = 'waiting' AND w.day = @day AND p.printer_id = @printerId)
       ORDER BY j.id DESC LIMIT 200`,
    ),
    job: db.prepare<[number], SpoolRow>(
      `SELECT j.*, t.label, t.status AS ticket_status FROM print_jobs j
       JOIN tickets t ON t.id = j.ticket_id WHERE j.id = ?`,
    ),
    requeue: db.prepare<[number]>(
      `UPDATE print_jobs SET state = 'queued', reached_printer = 1, next_attempt_at = 0
       WHERE id = ?`,
    ),
    dropWaiting: db.prepare<[string, number]>(
      `UPDATE print_jobs SET state = 'dropped', last_error = ?
       WHERE printer_id = ? AND state IN ('queued', 'sending')`,
    ),
  };
  return {
    spool: (printerId: number, day: string) => q.spool.all({ printerId, day }),
    spoolJob: (jobId: number) => q.job.get(jobId),
    /** Back in the spool, to print at once; its slip says REPRINT. */
    requeueJob: (jobId: number) => q.requeue.run(jobId),
    dropWaitingJobs: (printerId: number, why: string) => q.dropWaiting.run(why, printerId),
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
  const edits = consoleStatements(db);
  const spool = spoolStatements(db);
  const view = (row: PrinterRow): PrinterView => ({
    id: row.id,
    name: row.name,
    status: row.status,
    kioskDeviceId: row.kiosk_device_id,
    paperDots: row.paper_dots,
    queuedJobs: jobs.pending(row.id),
    statusAt: row.status_at,
  });
  return { ...printers, ...jobs, ...edits, ...spool, view };
}

export type PrintStore = ReturnType<typeof createPrintStore>;
