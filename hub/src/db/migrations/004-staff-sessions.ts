import type { Database } from 'better-sqlite3';

/**
 * Staff sessions, so a clerk stays logged in across a page reload and a hub
 * restart: only the SHA-256 of each token is kept. Also an index for the
 * tickets a counter holds (called, serving, parked), which every counter
 * snapshot reads; without it that read scans the whole ticket history.
 * Shipped: never edit, add a new migration instead.
 */
export function migration004(db: Database): void {
  db.exec(`
    CREATE TABLE staff_sessions (
      id INTEGER PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);

    CREATE INDEX tickets_held ON tickets (id) WHERE status IN ('called', 'serving', 'parked');
  `);
}
