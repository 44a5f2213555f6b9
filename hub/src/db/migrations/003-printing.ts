import type { Database } from 'better-sqlite3';

/**
 * Printers and the print spool (DESIGN.md "Printing"). A printer serves one
 * kiosk device, or every kiosk when `kiosk_device_id` is NULL. A job holds
 * what the ticket said when it was issued (people ahead, estimated wait);
 * the bytes are drawn again from it when it is sent, so a restart re-sends
 * exactly what was first meant. Shipped: never edit.
 */
export function migration003(db: Database): void {
  db.exec(`
    CREATE TABLE printers (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      uri TEXT NOT NULL,
      paper_dots INTEGER NOT NULL DEFAULT 576 CHECK (paper_dots IN (384, 576)),
      kiosk_device_id INTEGER REFERENCES devices (id) ON DELETE SET NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      status TEXT NOT NULL DEFAULT 'offline'
        CHECK (status IN ('ok', 'paper-near-end', 'paper-out', 'cover-open', 'offline')),
      status_at INTEGER,
      CHECK (uri <> 'station' OR kiosk_device_id IS NOT NULL)
    ) STRICT;

    CREATE TABLE print_jobs (
      id INTEGER PRIMARY KEY,
      printer_id INTEGER NOT NULL REFERENCES printers (id) ON DELETE CASCADE,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      created_at INTEGER NOT NULL,
      people_ahead INTEGER,
      estimated_wait_ms INTEGER,
      state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'printed', 'dropped')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      printed_at INTEGER,
      bytes INTEGER,
      last_error TEXT
    ) STRICT;
    CREATE INDEX print_jobs_pending ON print_jobs (printer_id, id)
      WHERE state IN ('queued', 'sending');
    CREATE INDEX print_jobs_ticket ON print_jobs (ticket_id);
  `);
}
