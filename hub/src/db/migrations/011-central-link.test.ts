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

describe('migration 011: the link to central', () => {
  it('queues a day once per schema version', () => {
    const db = migrated();
    const queue = db.prepare(
      `INSERT OR IGNORE INTO outbox (day, schema_version, record, queued_at) VALUES (?, ?, '{}', 0)`,
    );
    queue.run('2026-11-01', 1);
    queue.run('2026-11-01', 1);
    queue.run('2026-11-01', 2);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 });
    expect(() =>
      db
        .prepare(
          `INSERT INTO outbox (day, schema_version, record, queued_at) VALUES ('d', 1, 'x', 0)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('reads what waits by its partial index, not the whole outbox', () => {
    const db = migrated();
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT day FROM outbox WHERE sent_at IS NULL AND refused IS NULL
         ORDER BY day LIMIT 50`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/outbox_waiting/);
  });

  it('forgets a mapping with its service, and keeps one link only', () => {
    const db = migrated();
    db.prepare("INSERT INTO service_national_codes VALUES ('s', 'FB-ENTRY')").run();
    db.prepare("DELETE FROM services WHERE id = 's'").run();
    expect(db.prepare('SELECT count(*) AS n FROM service_national_codes').get()).toEqual({ n: 0 });
    const link = db.prepare(
      `INSERT INTO central_link (id, url, token, centre_code, enrolled_at) VALUES (?, 'u', 't', 'C', 0)`,
    );
    link.run(1);
    expect(() => link.run(2)).toThrow(/CHECK/);
  });
});
