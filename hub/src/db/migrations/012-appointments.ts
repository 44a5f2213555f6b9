import type { Database } from 'better-sqlite3';

/**
 * Appointments (DESIGN.md "Appointments and the integration API"):
 *
 * - `booking_settings`: per service, whether it can be booked and how
 *   (slot length, the cap per slot, days ahead, the check-in window); a
 *   service without a row is not bookable;
 * - `booking_policy`: the centre's one row, how many days after a booking's
 *   day its name and phone are kept;
 * - `bookings`: one per reservation, its code unique; the citizen enters the
 *   queue only at check-in (`ticket_id`). `phone_key` is the number in one
 *   form, for the per-phone limit; name, phone and phone_key are wiped
 *   together (`wiped_at`) once the retention period is over;
 * - `tickets.booked_start_min`: the slot a checked-in ticket was booked for,
 *   which the counter shows ("Appointment 09:30").
 *
 * Shipped: never edit, add a new migration instead.
 */
export function migration012(db: Database): void {
  db.exec(`
    CREATE TABLE booking_settings (
      service_id TEXT PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
      bookable INTEGER NOT NULL CHECK (bookable IN (0, 1)),
      slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
      per_slot INTEGER NOT NULL CHECK (per_slot BETWEEN 1 AND 50),
      days_ahead INTEGER NOT NULL CHECK (days_ahead BETWEEN 0 AND 60),
      early_minutes INTEGER NOT NULL CHECK (early_minutes BETWEEN 0 AND 120),
      late_minutes INTEGER NOT NULL CHECK (late_minutes BETWEEN 0 AND 120),
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE booking_policy (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      retention_days INTEGER NOT NULL CHECK (retention_days BETWEEN 1 AND 365),
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    INSERT INTO booking_policy (id, retention_days) VALUES (1, 30);

    CREATE TABLE bookings (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (length(code) = 8),
      service_id TEXT NOT NULL REFERENCES services (id),
      day TEXT NOT NULL,
      start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
      starts_at INTEGER NOT NULL,
      name TEXT NOT NULL,
      phone TEXT NOT NULL,
      phone_key TEXT NOT NULL,
      lang TEXT NOT NULL CHECK (lang IN ('lo', 'en')),
      status TEXT NOT NULL DEFAULT 'booked'
        CHECK (status IN ('booked', 'cancelled', 'checked-in', 'no-show', 'late')),
      ticket_id INTEGER REFERENCES tickets (id),
      source TEXT NOT NULL CHECK (source IN ('phone', 'api')),
      created_at INTEGER NOT NULL,
      cancelled_at INTEGER,
      checked_in_at INTEGER,
      wiped_at INTEGER
    ) STRICT;
    -- Places taken in a slot: counted on every slot list and every booking.
    CREATE INDEX bookings_slot ON bookings (service_id, day, start_min) WHERE status <> 'cancelled';
    -- A day's bookings by status: the rollover's no-shows, the floor's and the reports' counts.
    CREATE INDEX bookings_day ON bookings (day, status);
    -- What the retention purge still has to wipe.
    CREATE INDEX bookings_unwiped ON bookings (day) WHERE wiped_at IS NULL;
    CREATE INDEX bookings_ticket ON bookings (ticket_id) WHERE ticket_id IS NOT NULL;

    ALTER TABLE tickets ADD COLUMN booked_start_min INTEGER;
  `);
}
