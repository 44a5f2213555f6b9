import type { Database } from 'better-sqlite3';

/**
 * Per-service counts every queue event carries (people waiting, tickets issued
 * today), kept by triggers instead of counted on each read. Counting grew with
 * the queue: with a thousand waiting it cost about a millisecond per event,
 * which capped issuing near 1,000 tickets/s. Triggers run inside the
 * transaction that changes the ticket, so the counts commit or roll back with
 * it, whichever code path changes a status. Shipped: never edit.
 */
export function migration002(db: Database): void {
  db.exec(`
    CREATE TABLE queue_counts (
      service_id TEXT PRIMARY KEY REFERENCES services (id),
      waiting INTEGER NOT NULL CHECK (waiting >= 0)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE issued_counts (
      day TEXT NOT NULL,
      service_id TEXT NOT NULL REFERENCES services (id),
      issued INTEGER NOT NULL CHECK (issued >= 0),
      PRIMARY KEY (day, service_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO queue_counts (service_id, waiting)
      SELECT service_id, count(*) FROM tickets WHERE status = 'waiting' GROUP BY service_id;
    INSERT INTO issued_counts (day, service_id, issued)
      SELECT day, service_id, count(*) FROM tickets WHERE parent_id IS NULL
      GROUP BY day, service_id;

    CREATE TRIGGER tickets_count_insert AFTER INSERT ON tickets
    BEGIN
      INSERT INTO queue_counts (service_id, waiting)
        SELECT NEW.service_id, 1 WHERE NEW.status = 'waiting'
        ON CONFLICT (service_id) DO UPDATE SET waiting = waiting + 1;
      INSERT INTO issued_counts (day, service_id, issued)
        SELECT NEW.day, NEW.service_id, 1 WHERE NEW.parent_id IS NULL
        ON CONFLICT (day, service_id) DO UPDATE SET issued = issued + 1;
    END;

    CREATE TRIGGER tickets_count_update AFTER UPDATE OF status, service_id ON tickets
      WHEN (OLD.status = 'waiting' OR NEW.status = 'waiting')
        AND (OLD.status IS NOT NEW.status OR OLD.service_id IS NOT NEW.service_id)
    BEGIN
      UPDATE queue_counts SET waiting = waiting - 1
        WHERE OLD.status = 'waiting' AND service_id = OLD.service_id;
      INSERT INTO queue_counts (service_id, waiting)
        SELECT NEW.service_id, 1 WHERE NEW.status = 'waiting'
        ON CONFLICT (service_id) DO UPDATE SET waiting = waiting + 1;
    END;

    CREATE TRIGGER tickets_count_move AFTER UPDATE OF service_id ON tickets
      WHEN OLD.service_id IS NOT NEW.service_id AND OLD.parent_id IS NULL
    BEGIN
      UPDATE issued_counts SET issued = issued - 1
        WHERE day = OLD.day AND service_id = OLD.service_id;
      INSERT INTO issued_counts (day, service_id, issued) VALUES (NEW.day, NEW.service_id, 1)
        ON CONFLICT (day, service_id) DO UPDATE SET issued = issued + 1;
    END;

    -- The hub never deletes tickets (they are the audit trail); this keeps the counts true if
    -- someone does by hand. A ticket's day and parent never change (a transfer makes a new ticket), so no
    -- trigger watches them.
    CREATE TRIGGER tickets_count_delete AFTER DELETE ON tickets
    BEGIN
      UPDATE queue_counts SET waiting = waiting - 1
        WHERE OLD.status = 'waiting' AND service_id = OLD.service_id;
      UPDATE issued_counts SET issued = issued - 1
        WHERE OLD.parent_id IS NULL AND day = OLD.day AND service_id = OLD.service_id;
    END;
  `);
}
