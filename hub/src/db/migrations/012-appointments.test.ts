import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrate.js';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of MIGRATIONS) step(db);
  db.exec(`
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 5000, 10);
  `);
  return db;
}

const book = (db: Database.Database, code: string, status = 'booked') =>
  db
    .prepare(
      `INSERT INTO bookings (code, service_id, day, start_min, starts_at, name, phone, phone_key,
         lang, status, source, created_at)
       VALUES (?, 's', '2026-11-27', 570, 0, 'Noy', '020 5555 1234', '2055551234', 'lo', ?,
         'phone', 0)`,
    )
    .run(code, status);

const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((p) => p.detail)
    .join(' ');

describe('migration 012: appointments', () => {
  it('keeps one retention row, 30 days to begin with', () => {
    const db = migrated();
    expect(db.prepare('SELECT retention_days, version FROM booking_policy').all()).toEqual([
      { retention_days: 30, version: 1 },
    ]);
    expect(() =>
      db.prepare('INSERT INTO booking_policy (id, retention_days) VALUES (2, 5)').run(),
    ).toThrow(/CHECK/);
  });

  it('refuses settings outside their bounds, and forgets them with their service', () => {
    const db = migrated();
    const save = db.prepare(
      `INSERT OR REPLACE INTO booking_settings (service_id, bookable, slot_minutes, per_slot,
         days_ahead, early_minutes, late_minutes) VALUES ('s', 1, ?, ?, 14, 15, 10)`,
    );
    expect(() => save.run(4, 1)).toThrow(/CHECK/);
    expect(() => save.run(30, 51)).toThrow(/CHECK/);
    save.run(30, 2);
    db.prepare("DELETE FROM services WHERE id = 's'").run();
    expect(db.prepare('SELECT count(*) AS n FROM booking_settings').get()).toEqual({ n: 0 });
  });

  it('holds each code once, and only the statuses a booking can have', () => {
    const db = migrated();
    book(db, 'ABCD2345');
    expect(() => book(db, 'ABCD2345')).toThrow(/UNIQUE/);
    expect(() => book(db, 'ABCD2346', 'waiting')).toThrow(/CHECK/);
    expect(() => book(db, 'SHORT')).toThrow(/CHECK/);
  });

  it('counts a slot, a day and what is left to wipe by index, not by scanning bookings', () => {
    const db = migrated();
    expect(
      plan(
        db,
        `SELECT count(*) FROM bookings WHERE service_id = 's' AND day = '2026-11-27'
           AND start_min = 570 AND status <> 'cancelled'`,
      ),
    ).toMatch(/bookings_slot/);
    expect(
      plan(db, `SELECT id FROM bookings WHERE day = '2026-11-27' AND status = 'booked'`),
    ).toMatch(/bookings_day/);
    expect(
      plan(db, `SELECT id FROM bookings WHERE day <= '2026-10-01' AND wiped_at IS NULL`),
    ).toMatch(/bookings_unwiped/);
  });

  it("gives tickets the booked slot's start, empty for walk-ins", () => {
    const db = migrated();
    db.prepare(
      `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
         issued_at, queued_at) VALUES ('c', '2026-11-27', 1, 'A001', 's', 'none', 'waiting', 'lo',
         'kiosk', 0, 0)`,
    ).run();
    expect(db.prepare('SELECT booked_start_min FROM tickets').get()).toEqual({
      booked_start_min: null,
    });
  });
});
