import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrate.js';
import { migration006 } from './006-promises.js';

/** A database at schema 5 with a locked clerk and a job cut short in each state. */
function atVersion5() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of MIGRATIONS.slice(0, 5)) step(db);
  db.exec(`
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 5000, 10);
    INSERT INTO staff (id, username, name, role, pin_hash, failed_logins, locked_until)
      VALUES (3, 'clerk1', 'Clerk One', 'clerk', 'h1', 5, 1764000000000);
    INSERT INTO printers (id, name, uri) VALUES (1, 'P', 'tcp://127.0.0.1:9100');
  `);
  for (const [i, state] of ['queued', 'sending', 'printed'].entries()) {
    db.prepare(
      `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
         issued_at, queued_at) VALUES (?, '2026-12-04', ?, ?, 's', 'none', 'waiting', 'lo', 'kiosk', 0, 0)`,
    ).run(`code${i}abcdef`, i + 1, `A00${i + 1}`);
    db.prepare(
      `INSERT INTO print_jobs (printer_id, ticket_id, created_at, next_attempt_at, state)
         VALUES (1, ?, 0, 0, ?)`,
    ).run(i + 1, state);
  }
  return db;
}

describe('migration 006: printed means printed, and no lock-out', () => {
  it('counts a job cut short mid-send as having reached the printer', () => {
    const db = atVersion5();
    db.transaction(() => migration006(db))();
    expect(db.prepare('SELECT state, reached_printer FROM print_jobs ORDER BY id').all()).toEqual([
      { state: 'queued', reached_printer: 0 },
      { state: 'sending', reached_printer: 1 },
      { state: 'printed', reached_printer: 0 },
    ]);
  });

  it('drops the lock-out columns and keeps every account', () => {
    const db = atVersion5();
    db.transaction(() => migration006(db))();
    const columns = (db.pragma('table_info(staff)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('failed_logins');
    expect(columns).not.toContain('locked_until');
    expect(db.prepare('SELECT id, username, pin_hash FROM staff').all()).toEqual([
      { id: 3, username: 'clerk1', pin_hash: 'h1' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
