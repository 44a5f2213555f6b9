import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migration001 } from './001-initial.js';
import { migration003 } from './003-printing.js';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration001(db);
  migration003(db);
  db.prepare(
    "INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry')",
  ).run();
  db.prepare(
    `INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
     VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 0, 10)`,
  ).run();
  db.prepare(
    `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
       issued_at, queued_at) VALUES ('abcdefgh', '2026-11-27', 1, 'A001', 's', 'none', 'waiting',
       'lo', 'kiosk', 0, 0)`,
  ).run();
  return db;
}

describe('migration 003: printers and print_jobs', () => {
  it('creates both tables STRICT, a printer offline until it answers, a job queued', () => {
    const db = migrated();
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('printers', 'print_jobs') ORDER BY name",
      )
      .all();
    expect(strict).toEqual([
      { name: 'print_jobs', strict: 1 },
      { name: 'printers', strict: 1 },
    ]);
    db.prepare("INSERT INTO printers (name, uri) VALUES ('P', 'tcp://10.0.0.5:9100')").run();
    expect(db.prepare('SELECT status, paper_dots, kiosk_device_id FROM printers').get()).toEqual({
      status: 'offline',
      paper_dots: 576,
      kiosk_device_id: null,
    });
    db.prepare(
      'INSERT INTO print_jobs (printer_id, ticket_id, created_at, next_attempt_at) VALUES (1, 1, 0, 0)',
    ).run();
    expect(db.prepare('SELECT state, attempts FROM print_jobs').get()).toEqual({
      state: 'queued',
      attempts: 0,
    });
  });

  it('refuses a paper width, status or job state that is not one of ours, and an orphan job', () => {
    const db = migrated();
    const bad = [
      "INSERT INTO printers (name, uri, paper_dots) VALUES ('P', 'tcp://h', 500)",
      "INSERT INTO printers (name, uri, status) VALUES ('P', 'tcp://h', 'jammed')",
      // A station printer must belong to a kiosk: the hub reaches it through that kiosk.
      "INSERT INTO printers (name, uri) VALUES ('P', 'station')",
      'INSERT INTO print_jobs (printer_id, ticket_id, created_at, next_attempt_at) VALUES (9, 1, 0, 0)',
    ];
    for (const sql of bad) expect(() => db.prepare(sql).run(), sql).toThrow();
    db.prepare("INSERT INTO printers (name, uri) VALUES ('P', 'tcp://h')").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO print_jobs (printer_id, ticket_id, created_at, next_attempt_at, state) VALUES (1, 1, 0, 0, 'lost')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM print_jobs').get()).toEqual({ n: 0 });
  });

  it("finds a printer's next job through print_jobs_pending, without a full scan", () => {
    const db = migrated();
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT * FROM print_jobs WHERE printer_id = 1 AND state IN ('queued', 'sending') ORDER BY id LIMIT 1",
      )
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX print_jobs_pending/);
    expect(plan).not.toMatch(/SCAN print_jobs\b(?! USING)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
