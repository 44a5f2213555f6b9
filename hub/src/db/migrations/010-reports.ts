import type { Database } from 'better-sqlite3';

/**
 * Reports and the daily record (docs/mne.md):
 *
 * - a ticket keeps the wait it was told at issue (`estimated_wait_ms`), so
 *   reports can say how good the estimate was;
 * - and the time it was first called (`first_called_at`): `called_at` moves
 *   on every recall and is cleared when a parked ticket resumes, so it cannot
 *   say how long the citizen waited. A trigger keeps it, whichever code path
 *   calls; tickets already called get theirs from their first `call` event;
 * - one covering index on the day holds every column a report reads, so a
 *   report over any range reads index pages only, never the tickets table or
 *   the events;
 * - the survey's answers, taken out of their JSON, are kept in an index with
 *   the ticket id, so a report reads feedback from the index alone instead of
 *   parsing JSON row by row;
 * - a manager marks citizens' comments reviewed (`feedback.reviewed_*`);
 * - `report_days`: each finished day's tickets, measured and packed into one
 *   blob at the day roll (reports/day-facts.ts), so a year's report reads 300
 *   blobs, not 600,000 rows;
 * - `daily_records`: the day's record, written at each day roll, as it left
 *   the hub; `api_tokens`: read-only tokens (only their hash) for the
 *   ministry to fetch those records.
 *
 * Shipped: never edit, add a new migration instead.
 */
export function migration010(db: Database): void {
  db.exec(`
    ALTER TABLE tickets ADD COLUMN estimated_wait_ms INTEGER CHECK (estimated_wait_ms >= 0);
    ALTER TABLE tickets ADD COLUMN first_called_at INTEGER;
    UPDATE tickets SET first_called_at = (
      SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.type = 'call'
    );

    CREATE TRIGGER tickets_first_call AFTER UPDATE OF called_at ON tickets
      WHEN NEW.called_at IS NOT NULL AND NEW.first_called_at IS NULL
    BEGIN
      UPDATE tickets SET first_called_at = NEW.called_at WHERE id = NEW.id;
    END;

    CREATE INDEX tickets_report ON tickets (day, service_id, counter_id, staff_id, status,
      priority, parent_id, issued_at, first_called_at, started_at, finished_at,
      estimated_wait_ms);

    CREATE INDEX feedback_report ON feedback (ticket_id, score,
      json_extract(answers, '$.waitingTime'), json_extract(answers, '$.courtesy'),
      json_extract(answers, '$.clarity'), json_extract(answers, '$.askedToPayMore'));
    ALTER TABLE feedback ADD COLUMN reviewed_at INTEGER;
    ALTER TABLE feedback ADD COLUMN reviewed_by INTEGER REFERENCES staff (id);
    ALTER TABLE feedback ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE daily_records (
      day TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      record TEXT NOT NULL CHECK (json_valid(record))
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE report_days (
      day TEXT PRIMARY KEY,
      base INTEGER NOT NULL,
      services TEXT NOT NULL CHECK (json_valid(services)),
      facts BLOB NOT NULL
    ) STRICT;

    CREATE TABLE api_tokens (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      scope TEXT NOT NULL CHECK (scope IN ('ministry')),
      token_hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      created_by INTEGER REFERENCES staff (id),
      last_used_at INTEGER,
      revoked_at INTEGER,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
  `);
}
