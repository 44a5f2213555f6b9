import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrate.js';
import { migration010 } from './010-reports.js';
import { REPORT_SQL } from '../../reports/report-store.js';

/** A database at schema 7 with one ticket called twice (a recall) and one never called. */
function atVersion7() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of MIGRATIONS.slice(0, 7)) step(db);
  db.exec(`
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 5000, 10);
    INSERT INTO counters (id, number, name_lo, name_en) VALUES (1, 1, 'ຊ່ອງ 1', 'Counter 1');
    INSERT INTO tickets (id, code, day, number, label, service_id, priority, status, lang, source,
        issued_at, queued_at, called_at, counter_id)
      VALUES (1, 'code1abcdef', '2026-11-24', 1, 'A001', 's', 'none', 'called', 'lo', 'kiosk',
        1000, 1000, 9000, 1),
      (2, 'code2abcdef', '2026-11-24', 2, 'A002', 's', 'none', 'waiting', 'lo', 'kiosk',
        2000, 2000, NULL, NULL);
    INSERT INTO ticket_events (ticket_id, at, type, from_status, to_status, counter_id) VALUES
      (1, 1000, 'issue', NULL, 'waiting', NULL),
      (1, 5000, 'call', 'waiting', 'called', 1),
      (1, 9000, 'recall', 'called', 'called', 1),
      (2, 2000, 'issue', NULL, 'waiting', NULL);
    INSERT INTO feedback (ticket_id, at, score) VALUES (1, 10000, 4);
  `);
  return db;
}

const plan = (db: Database.Database, sql: string, params: Record<string, unknown>) =>
  db
    .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((r) => r.detail)
    .join('\n');

const RANGE = { from: '2026-11-01', to: '2026-11-30', firstId: 1, lastId: 2, limit: 10 };

describe('migration 010: reports and the daily record', () => {
  it("gives a ticket already called its first call's time, not its last recall's", () => {
    const db = atVersion7();
    db.transaction(() => migration010(db))();
    expect(
      db.prepare('SELECT id, first_called_at, estimated_wait_ms FROM tickets ORDER BY id').all(),
    ).toEqual([
      { id: 1, first_called_at: 5000, estimated_wait_ms: null },
      { id: 2, first_called_at: null, estimated_wait_ms: null },
    ]);
    expect(db.prepare('SELECT reviewed_at, reviewed_by, version FROM feedback').get()).toEqual({
      reviewed_at: null,
      reviewed_by: null,
      version: 1,
    });
  });

  it('keeps the first call through recalls and a resume, whichever code calls', () => {
    const db = atVersion7();
    db.transaction(() => migration010(db))();
    const call = db.prepare<[number | null, number]>(
      'UPDATE tickets SET called_at = ? WHERE id = ?',
    );
    const first = () =>
      (db.prepare('SELECT first_called_at AS f FROM tickets WHERE id = 2').get() as { f: number })
        .f;
    call.run(3000, 2);
    expect(first()).toBe(3000);
    call.run(4000, 2); // a recall
    call.run(null, 2); // parked, then resumed: waiting again
    call.run(7000, 2);
    expect(first()).toBe(3000);
    expect(() =>
      db.prepare('UPDATE tickets SET estimated_wait_ms = -1 WHERE id = 2').run(),
    ).toThrow(/CHECK/);
  });

  it('keeps records one a day, and tokens by their hash only', () => {
    const db = atVersion7();
    db.transaction(() => migration010(db))();
    const record = db.prepare(
      "INSERT INTO daily_records (day, version, record) VALUES ('2026-11-24', 1, ?)",
    );
    record.run('{"schema":"khiu-daily-record"}');
    expect(() => record.run('{}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      db
        .prepare("INSERT INTO daily_records (day, version, record) VALUES ('2026-11-25', 1, 'x')")
        .run(),
    ).toThrow(/CHECK/);
    const token = db.prepare(
      "INSERT INTO api_tokens (name, scope, token_hash, created_at) VALUES ('MOHA', ?, ?, 0)",
    );
    token.run('ministry', 'h1');
    expect(() => token.run('ministry', 'h1')).toThrow(/UNIQUE/);
    expect(() => token.run('admin', 'h2')).toThrow(/CHECK/);
  });

  // docs/mne.md "Big history stays fast": a report reads index pages for its days only.
  it('reads a range of days from the covering index, never the tickets or the events', () => {
    const db = atVersion7();
    db.transaction(() => migration010(db))();
    const tickets = plan(db, REPORT_SQL.tickets, RANGE);
    expect(tickets).toMatch(
      /SEARCH tickets USING COVERING INDEX tickets_report \(day>\? AND day<\?\)/,
    );
    for (const name of ['firstId', 'lastId', 'feedback', 'comments'] as const) {
      const detail = plan(db, REPORT_SQL[name], RANGE);
      expect(detail, name).not.toMatch(/SCAN (tickets|t|f|feedback|ticket_events)\b/);
      expect(detail, name).not.toMatch(/ticket_events/);
    }
    expect(plan(db, REPORT_SQL.feedback, RANGE)).toMatch(
      /SEARCH feedback USING COVERING INDEX feedback_report \(ticket_id>\? AND ticket_id<\?\)/,
    );
    const comments = plan(db, REPORT_SQL.comments, RANGE);
    expect(comments).toMatch(/SEARCH f USING INDEX \w+ \(ticket_id>\? AND ticket_id<\?\)/);
    expect(comments).toMatch(/SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan(db, REPORT_SQL.firstId, RANGE)).toMatch(/SEARCH tickets USING (COVERING )?INDEX/);
  });
});
