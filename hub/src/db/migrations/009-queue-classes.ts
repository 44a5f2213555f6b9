import type { Database } from 'better-sqlite3';

/**
 * The queue by class (normal, priority), so where a ticket stands and what
 * call-next may pick are read from counts and a few index rows, not from
 * every waiting ticket (issue 13 and 14).
 *
 * - `queue_counts.priority_waiting`: the waiting tickets of the priority
 *   class, kept by triggers beside 002's `waiting` (normal = waiting −
 *   priority_waiting). A ticket's priority is set when it is inserted and
 *   never updated, but the triggers watch it anyway so a hand edit cannot
 *   leave the count wrong.
 * - `tickets_waiting_class`: the waiting tickets by service, class and queue
 *   order. The head of each class is one row through it, and a ticket's
 *   place in its class is a count of index entries before (or after) it.
 *   It replaces 001's `tickets_waiting` (service, queue order), which nothing
 *   reads any more: every change of a waiting ticket wrote both.
 *
 * Shipped: never edit.
 */
export function migration009(db: Database): void {
  db.exec(`
    ALTER TABLE queue_counts
      ADD COLUMN priority_waiting INTEGER NOT NULL DEFAULT 0 CHECK (priority_waiting >= 0);
    UPDATE queue_counts SET priority_waiting = (
      SELECT count(*) FROM tickets t
      WHERE t.status = 'waiting' AND t.priority <> 'none' AND t.service_id = queue_counts.service_id
    );

    -- priority and status ride along only so that counting a place reads the index alone.
    CREATE INDEX tickets_waiting_class
      ON tickets (service_id, priority = 'none', queued_at, id, priority, status)
      WHERE status = 'waiting';
    DROP INDEX tickets_waiting;

    CREATE TRIGGER tickets_priority_count_insert AFTER INSERT ON tickets
      WHEN NEW.status = 'waiting' AND NEW.priority <> 'none'
    BEGIN
      INSERT INTO queue_counts (service_id, waiting, priority_waiting) VALUES (NEW.service_id, 0, 1)
        ON CONFLICT (service_id) DO UPDATE SET priority_waiting = priority_waiting + 1;
    END;

    CREATE TRIGGER tickets_priority_count_update AFTER UPDATE OF status, service_id, priority
      ON tickets
      WHEN (OLD.status = 'waiting' AND OLD.priority <> 'none')
        IS NOT (NEW.status = 'waiting' AND NEW.priority <> 'none')
        OR (OLD.status = 'waiting' AND OLD.priority <> 'none' AND OLD.service_id IS NOT NEW.service_id)
    BEGIN
      UPDATE queue_counts SET priority_waiting = priority_waiting - 1
        WHERE OLD.status = 'waiting' AND OLD.priority <> 'none' AND service_id = OLD.service_id;
      INSERT INTO queue_counts (service_id, waiting, priority_waiting)
        SELECT NEW.service_id, 0, 1 WHERE NEW.status = 'waiting' AND NEW.priority <> 'none'
        ON CONFLICT (service_id) DO UPDATE SET priority_waiting = priority_waiting + 1;
    END;

    CREATE TRIGGER tickets_priority_count_delete AFTER DELETE ON tickets
      WHEN OLD.status = 'waiting' AND OLD.priority <> 'none'
    BEGIN
      UPDATE queue_counts SET priority_waiting = priority_waiting - 1
        WHERE service_id = OLD.service_id;
    END;
  `);
}
