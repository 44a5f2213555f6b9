import type { Database } from 'better-sqlite3';

/** The first schema (DESIGN.md "Data"). Shipped: never edit, add a new migration instead. */
export function migration001(db: Database): void {
  db.exec(`
    CREATE TABLE centre (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name_lo TEXT NOT NULL,
      name_en TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      current_day TEXT,
      settings TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE ministries (
      id TEXT PRIMARY KEY,
      name_lo TEXT NOT NULL,
      name_en TEXT NOT NULL,
      sort INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE services (
      id TEXT PRIMARY KEY,
      prefix TEXT NOT NULL UNIQUE CHECK (prefix GLOB '[A-Z]*' AND length(prefix) <= 3),
      ministry_id TEXT NOT NULL REFERENCES ministries (id),
      name_lo TEXT NOT NULL,
      name_en TEXT NOT NULL,
      fee_lak INTEGER NOT NULL CHECK (fee_lak >= 0),
      fee_is_sample INTEGER NOT NULL DEFAULT 0 CHECK (fee_is_sample IN (0, 1)),
      documents_lo TEXT NOT NULL DEFAULT '[]',
      documents_en TEXT NOT NULL DEFAULT '[]',
      target_minutes INTEGER NOT NULL CHECK (target_minutes > 0),
      daily_cap INTEGER CHECK (daily_cap > 0),
      open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
      sort INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('clerk', 'manager')),
      pin_hash TEXT NOT NULL,
      failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE counters (
      id INTEGER PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number > 0),
      name_lo TEXT NOT NULL,
      name_en TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
      pause_reason TEXT,
      staff_id INTEGER REFERENCES staff (id)
    ) STRICT;

    CREATE TABLE counter_services (
      counter_id INTEGER NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
      service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      rank INTEGER NOT NULL,
      PRIMARY KEY (counter_id, service_id)
    ) STRICT;

    CREATE TABLE staff_counters (
      staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
      counter_id INTEGER NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
      PRIMARY KEY (staff_id, counter_id)
    ) STRICT;

    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      role TEXT NOT NULL CHECK (role IN ('kiosk', 'counter', 'display', 'feedback', 'console')),
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER,
      revoked_at INTEGER
    ) STRICT;

    CREATE TABLE number_series (
      day TEXT NOT NULL,
      prefix TEXT NOT NULL,
      last_number INTEGER NOT NULL,
      PRIMARY KEY (day, prefix)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE tickets (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      day TEXT NOT NULL,
      number INTEGER NOT NULL,
      label TEXT NOT NULL,
      service_id TEXT NOT NULL REFERENCES services (id),
      priority TEXT NOT NULL
        CHECK (priority IN ('none', 'elderly', 'disability', 'pregnant', 'monk', 'appointment')),
      status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'parked',
        'cancelled', 'no_show', 'expired', 'transferred')),
      lang TEXT NOT NULL CHECK (lang IN ('lo', 'en')),
      source TEXT NOT NULL CHECK (source IN ('kiosk', 'phone', 'counter', 'api')),
      issued_at INTEGER NOT NULL,
      queued_at INTEGER NOT NULL,
      called_at INTEGER,
      started_at INTEGER,
      finished_at INTEGER,
      counter_id INTEGER REFERENCES counters (id),
      staff_id INTEGER REFERENCES staff (id),
      recalls INTEGER NOT NULL DEFAULT 0,
      parent_id INTEGER REFERENCES tickets (id),
      request_id TEXT UNIQUE
    ) STRICT;
    CREATE INDEX tickets_waiting ON tickets (service_id, queued_at, id) WHERE status = 'waiting';
    CREATE INDEX tickets_at_counter ON tickets (counter_id, called_at)
      WHERE status IN ('called', 'serving');
    CREATE INDEX tickets_day_service ON tickets (day, service_id);
    CREATE INDEX tickets_parent ON tickets (parent_id) WHERE parent_id IS NOT NULL;
    CREATE INDEX tickets_finished ON tickets (service_id, finished_at) WHERE status = 'done';

    CREATE TABLE ticket_events (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      counter_id INTEGER REFERENCES counters (id),
      staff_id INTEGER REFERENCES staff (id),
      device_id INTEGER REFERENCES devices (id),
      detail TEXT
    ) STRICT;
    CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id);
    CREATE INDEX ticket_events_calls ON ticket_events (type, ticket_id) WHERE type IN ('call', 'recall');

    CREATE TABLE counter_events (
      id INTEGER PRIMARY KEY,
      counter_id INTEGER NOT NULL REFERENCES counters (id),
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      staff_id INTEGER REFERENCES staff (id),
      detail TEXT
    ) STRICT;

    CREATE TABLE feedback (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets (id),
      at INTEGER NOT NULL,
      score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
      answers TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
  `);
}
