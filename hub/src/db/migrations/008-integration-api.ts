import type { Database } from 'better-sqlite3';

/**
 * The integration API (DESIGN.md "Appointments and the integration API"):
 *
 * - `integration_tokens`: API tokens with their scopes (a JSON list of
 *   `read`, `issue`, `book`, `reports`), only the SHA-256 of each token, the
 *   last four characters to tell them apart, and when each was last used;
 *   revoked is revoked, the row stays for the audit;
 * - `webhooks`: where to post which events, with the signing secret (kept
 *   as it is: the hub signs with it, so it cannot be a hash);
 * - `webhook_deliveries`: the persistent outbox, one row per event per
 *   webhook, written in the transaction that made the change; its body and
 *   idempotency key never change, so every try sends the same delivery.
 *   `window_from` starts the 24 h of retries (a manual retry starts it again).
 *
 * Shipped: never edit, add a new migration instead.
 */
export function migration008(db: Database): void {
  db.exec(`
    CREATE TABLE integration_tokens (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      scopes TEXT NOT NULL CHECK (json_valid(scopes) AND json_type(scopes) = 'array'),
      token_hash TEXT NOT NULL UNIQUE,
      hint TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      created_by INTEGER REFERENCES staff (id),
      last_used_at INTEGER,
      revoked_at INTEGER,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE webhooks (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 500),
      secret TEXT NOT NULL,
      events TEXT NOT NULL CHECK (json_valid(events) AND json_type(events) = 'array'),
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      created_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE webhook_deliveries (
      id INTEGER PRIMARY KEY,
      webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
      event TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      ticket_id INTEGER REFERENCES tickets (id),
      body TEXT NOT NULL CHECK (json_valid(body)),
      created_at INTEGER NOT NULL,
      window_from INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_at INTEGER,
      last_at INTEGER,
      last_status INTEGER,
      last_error TEXT,
      delivered_at INTEGER
    ) STRICT;
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE status = 'pending';
    CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
  `);
}
