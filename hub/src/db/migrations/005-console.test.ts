import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-queue-counts.js';
import { migration003 } from './003-printing.js';
import { migration004 } from './004-staff-sessions.js';
import { migration005 } from './005-console.js';

/** A database at schema 4 with a clerk, a manager, their sessions and a ticket one of them served. */
function atVersion4() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of [migration001, migration002, migration003, migration004]) step(db);
  db.exec(`
    INSERT INTO centre (id, name_lo, name_en, time_zone) VALUES (1, 'ສູນ', 'Centre', 'Asia/Vientiane');
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 5000, 10);
    INSERT INTO staff (id, username, name, role, pin_hash) VALUES
      (3, 'clerk1', 'Clerk One', 'clerk', 'h1'), (7, 'manager', 'Manager', 'manager', 'h2');
    INSERT INTO counters (id, number, name_lo, name_en, staff_id) VALUES (1, 1, 'ຕູ້ 1', 'Counter 1', 3);
    INSERT INTO staff_counters (staff_id, counter_id) VALUES (3, 1);
    INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES ('t', 3, 0, 9);
    INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
      issued_at, queued_at, staff_id) VALUES ('abcdefgh', '2026-12-02', 1, 'A001', 's', 'none',
      'done', 'lo', 'kiosk', 0, 0, 3);
  `);
  return db;
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('migration 005: what the console edits', () => {
  it('rebuilds staff with the supervisor role, keeping every row, id and reference to it', () => {
    const db = atVersion4();
    db.transaction(() => migration005(db))();
    expect(
      db
        .prepare('SELECT id, username, role, pin_must_change, version FROM staff ORDER BY id')
        .all(),
    ).toEqual([
      { id: 3, username: 'clerk1', role: 'clerk', pin_must_change: 0, version: 1 },
      { id: 7, username: 'manager', role: 'manager', pin_must_change: 0, version: 1 },
    ]);
    // Sessions, counters and tickets still point at the same people, through a table named staff.
    expect(count(db, 'SELECT count(*) AS n FROM staff_sessions WHERE staff_id = 3')).toBe(1);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const schema = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'staff_sessions'")
      .get()?.sql;
    expect(schema).toMatch(/REFERENCES staff \(id\)/);
    expect(
      count(db, "SELECT count(*) AS n FROM sqlite_schema WHERE sql LIKE '%staff_before_005%'"),
    ).toBe(0);
    db.prepare(
      "INSERT INTO staff (username, name, role, pin_hash) VALUES ('sup', 'Sup', 'supervisor', 'h')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff (username, name, role, pin_hash) VALUES ('x', 'X', 'boss', 'h')",
        )
        .run(),
    ).toThrow(/CHECK/);
    // Deleting a person still cascades to their sessions, as before.
    db.prepare('DELETE FROM staff_counters WHERE staff_id = 3').run();
    db.prepare('UPDATE counters SET staff_id = NULL').run();
    db.prepare('UPDATE tickets SET staff_id = NULL').run();
    db.prepare('DELETE FROM staff WHERE id = 3').run();
    expect(count(db, 'SELECT count(*) AS n FROM staff_sessions')).toBe(0);
  });

  it('refuses opening hours that end before they start, or a lunch outside them', () => {
    const db = atVersion4();
    db.transaction(() => migration005(db))();
    const insert = db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min, lunch_to_min)
       VALUES ('s', ?, ?, ?, ?, ?)`,
    );
    insert.run(1, 8 * 60, 16 * 60, 12 * 60, 13 * 60);
    insert.run(2, 8 * 60, 16 * 60, null, null);
    expect(() => insert.run(3, 16 * 60, 8 * 60, null, null)).toThrow(/CHECK/);
    expect(() => insert.run(4, 8 * 60, 16 * 60, 7 * 60, 9 * 60)).toThrow(/CHECK/);
    expect(() => insert.run(5, 8 * 60, 16 * 60, 12 * 60, null)).toThrow(/CHECK/);
    expect(() => insert.run(7, 8 * 60, 16 * 60, null, null)).toThrow(/CHECK/);
    expect(count(db, 'SELECT count(*) AS n FROM opening_hours')).toBe(2);
  });

  it('makes every new table STRICT, and starts each edited row at version 1', () => {
    const db = atVersion4();
    db.transaction(() => migration005(db))();
    const tables = [
      'fee_history',
      'opening_hours',
      'holidays',
      'notices',
      'config_audit',
      'pairing_codes',
      'staff',
    ];
    const strict = db
      .prepare<[], { name: string; strict: number }>('SELECT name, strict FROM pragma_table_list')
      .all()
      .filter((t) => tables.includes(t.name));
    expect(strict).toHaveLength(tables.length);
    expect(strict.every((t) => t.strict === 1)).toBe(true);
    for (const table of ['centre', 'ministries', 'services', 'counters', 'devices', 'staff']) {
      const column = db
        .prepare<[], { name: string; dflt_value: string }>(
          `SELECT name, dflt_value FROM pragma_table_info('${table}')`,
        )
        .all()
        .find((c) => c.name === 'version');
      expect(column?.dflt_value, table).toBe('1');
    }
    expect(
      db.prepare("SELECT asks_priority, fee_ref_lo FROM services WHERE id = 's'").get(),
    ).toEqual({
      asks_priority: 1,
      fee_ref_lo: '',
    });
  });
});
