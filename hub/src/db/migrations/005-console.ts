import type { Database } from 'better-sqlite3';

/**
 * What the console edits (DESIGN.md "Staff roles and the console"):
 *
 * - staff get the supervisor role and a PIN that must be changed at the next
 *   login (a new or reset one); the role's CHECK can only change by rebuilding
 *   the table, done so the tables that point at staff keep pointing at it;
 * - every edited row carries a `version`, so an edit made on an old version
 *   is refused instead of overwriting another manager's;
 * - official fees carry their legal reference and keep their history;
 * - services have opening hours per weekday (with a lunch break) and may skip
 *   the priority question; the centre has holidays, notices with dates, a
 *   province, district, address, public address and logo;
 * - every configuration change leaves a `config_audit` row (who, when, what,
 *   old → new);
 * - devices pair with a 6-digit code (only its hash is kept) and remember the
 *   address and app version they were last seen with.
 *
 * Shipped: never edit, add a new migration instead.
 */
/**
 * SQLite changes a CHECK only by rebuilding the table. Dropping the old one
 * deletes its rows first, which would cascade to sessions and counter rights,
 * so those are kept aside and put back; the other references (counters,
 * tickets, events) wait, deferred, until the new table holds the same ids
 * again (inserted under its own name, so SQLite counts them as resolved).
 * Runs inside the migration's transaction (defer_foreign_keys ends with it).
 */
function rebuildStaff(db: Database) {
  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    CREATE TEMP TABLE keep_staff AS SELECT * FROM staff;
    CREATE TEMP TABLE keep_sessions AS SELECT * FROM staff_sessions;
    CREATE TEMP TABLE keep_staff_counters AS SELECT * FROM staff_counters;
    DROP TABLE staff;
    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager')),
      pin_hash TEXT NOT NULL,
      pin_must_change INTEGER NOT NULL DEFAULT 0 CHECK (pin_must_change IN (0, 1)),
      failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    INSERT INTO staff (id, username, name, role, pin_hash, failed_logins, locked_until, active)
      SELECT id, username, name, role, pin_hash, failed_logins, locked_until, active FROM keep_staff;
    INSERT INTO staff_sessions SELECT * FROM keep_sessions;
    INSERT INTO staff_counters SELECT * FROM keep_staff_counters;
    DROP TABLE keep_staff;
    DROP TABLE keep_sessions;
    DROP TABLE keep_staff_counters;
  `);
}

export function migration005(db: Database): void {
  rebuildStaff(db);
  db.exec(`
    ALTER TABLE centre ADD COLUMN province_lo TEXT NOT NULL DEFAULT '';
    ALTER TABLE centre ADD COLUMN province_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE centre ADD COLUMN district_lo TEXT NOT NULL DEFAULT '';
    ALTER TABLE centre ADD COLUMN district_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE centre ADD COLUMN address_lo TEXT NOT NULL DEFAULT '';
    ALTER TABLE centre ADD COLUMN address_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE centre ADD COLUMN public_url TEXT;
    ALTER TABLE centre ADD COLUMN logo TEXT;
    ALTER TABLE centre ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    ALTER TABLE ministries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    ALTER TABLE services ADD COLUMN fee_ref_lo TEXT NOT NULL DEFAULT '';
    ALTER TABLE services ADD COLUMN fee_ref_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE services ADD COLUMN fee_ref_date TEXT;
    ALTER TABLE services ADD COLUMN asks_priority INTEGER NOT NULL DEFAULT 1
      CHECK (asks_priority IN (0, 1));
    ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    ALTER TABLE counters ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
    ALTER TABLE counters ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    ALTER TABLE devices ADD COLUMN last_address TEXT;
    ALTER TABLE devices ADD COLUMN app_version TEXT;
    ALTER TABLE devices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE fee_history (
      id INTEGER PRIMARY KEY,
      service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      staff_id INTEGER REFERENCES staff (id),
      old_fee_lak INTEGER,
      new_fee_lak INTEGER NOT NULL,
      old_is_sample INTEGER,
      new_is_sample INTEGER NOT NULL,
      ref_lo TEXT NOT NULL,
      ref_en TEXT NOT NULL,
      ref_date TEXT
    ) STRICT;
    CREATE INDEX fee_history_service ON fee_history (service_id, at);

    CREATE TABLE opening_hours (
      service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
      opens_min INTEGER NOT NULL CHECK (opens_min BETWEEN 0 AND 1440),
      closes_min INTEGER NOT NULL CHECK (closes_min BETWEEN 0 AND 1440 AND closes_min > opens_min),
      lunch_from_min INTEGER,
      lunch_to_min INTEGER,
      CHECK ((lunch_from_min IS NULL) = (lunch_to_min IS NULL)),
      CHECK (lunch_from_min IS NULL OR
        (lunch_from_min > opens_min AND lunch_to_min > lunch_from_min AND lunch_to_min < closes_min)),
      PRIMARY KEY (service_id, weekday)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE holidays (
      day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      name_lo TEXT NOT NULL,
      name_en TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE notices (
      id INTEGER PRIMARY KEY,
      text_lo TEXT NOT NULL,
      text_en TEXT NOT NULL,
      starts_on TEXT,
      ends_on TEXT,
      sort INTEGER NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 1,
      CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
    ) STRICT;

    CREATE TABLE config_audit (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      staff_id INTEGER REFERENCES staff (id),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import', 'setup')),
      before TEXT,
      after TEXT
    ) STRICT;
    CREATE INDEX config_audit_entity ON config_audit (entity, entity_id, id);

    CREATE TABLE pairing_codes (
      id INTEGER PRIMARY KEY,
      code_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('kiosk', 'counter', 'display', 'feedback', 'console')),
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      created_by INTEGER REFERENCES staff (id),
      used_at INTEGER,
      device_id INTEGER REFERENCES devices (id)
    ) STRICT;
  `);
}
