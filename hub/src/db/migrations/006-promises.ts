import type { Database } from 'better-sqlite3';

/**
 * Two promises kept under faults and attack:
 *
 * - A print job remembers whether any of its bytes may have reached the
 *   printer (`reached_printer`). A job counts as printed only once the
 *   printer confirms it; one that went out unconfirmed is sent again, and
 *   the second slip says it is a reprint.
 * - Wrong PINs no longer lock an account: the waits that replace the lock
 *   live in the hub's memory, so the lock-out columns go.
 *
 * Shipped: never edit, add a new migration instead.
 */
export function migration006(db: Database): void {
  db.exec(`
    ALTER TABLE print_jobs ADD COLUMN reached_printer INTEGER NOT NULL DEFAULT 0
      CHECK (reached_printer IN (0, 1));
    UPDATE print_jobs SET reached_printer = 1 WHERE state = 'sending';

    ALTER TABLE staff DROP COLUMN failed_logins;
    ALTER TABLE staff DROP COLUMN locked_until;
  `);
}
