import type { Database } from 'better-sqlite3';

/**
 * The link to the national service (central/):
 *
 * - `central_link`: the one central this hub is enrolled with, its token
 *   (the hub must present it, so it cannot keep only a hash as central
 *   does; it is sealed with a key kept beside the database, never in it:
 *   hub/src/central/token-seal.ts; a row an earlier hub wrote plain is
 *   sealed when the link starts), and the link's state the console shows;
 * - `outbox`: each daily record waiting to go up, kept until central says it
 *   has it (stored, or already had it) or refuses it with a reason; one per
 *   (day, schema version), so a record is queued once however often the
 *   day's record is collected;
 * - `national_fees`: the ministry's table as last pulled, every effective
 *   date kept, so a fee announced for the future starts at that day's
 *   rollover without the link being up that day;
 * - `service_national_codes`: which national service a local one is.
 *
 * Shipped: never edit, add a new migration instead.
 */
export function migration011(db: Database): void {
  db.exec(`
    CREATE TABLE central_link (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      url TEXT NOT NULL,
      token TEXT NOT NULL,
      centre_code TEXT NOT NULL,
      enrolled_at INTEGER NOT NULL,
      last_push_at INTEGER,
      last_pull_at INTEGER,
      last_error TEXT,
      fee_version INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE outbox (
      day TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      record TEXT NOT NULL CHECK (json_valid(record)),
      queued_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      sent_at INTEGER,
      refused TEXT,
      PRIMARY KEY (day, schema_version)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX outbox_waiting ON outbox (day) WHERE sent_at IS NULL AND refused IS NULL;

    CREATE TABLE national_fees (
      code TEXT NOT NULL,
      effective_on TEXT NOT NULL,
      name_lo TEXT NOT NULL,
      name_en TEXT NOT NULL,
      fee_lak INTEGER NOT NULL CHECK (fee_lak >= 0),
      ref_lo TEXT NOT NULL,
      ref_en TEXT NOT NULL,
      PRIMARY KEY (code, effective_on)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE service_national_codes (
      service_id TEXT PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
      national_code TEXT NOT NULL
    ) STRICT;
  `);
}
