import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrate.js';
import { migration008 } from './008-integration-api.js';

/** A database at the schema just before 008, wherever 008 stands in the list. */
function before008() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration008))) step(db);
  db.exec(`
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 5000, 10);
  `);
  return db;
}

describe('migration 008: API tokens, webhooks and their outbox', () => {
  it('keeps tokens by hash with a list of scopes', () => {
    const db = before008();
    db.transaction(() => migration008(db))();
    const token = db.prepare(
      `INSERT INTO integration_tokens (name, scopes, token_hash, hint, created_at)
       VALUES ('App', ?, ?, 'abcd', 1)`,
    );
    token.run('["read","issue"]', 'h1');
    expect(() => token.run('["read"]', 'h1')).toThrow(/UNIQUE/);
    expect(() => token.run('"read"', 'h2')).toThrow(/CHECK/);
    expect(() => token.run('not json', 'h3')).toThrow(/CHECK/);
  });

  it('goes with its webhook, and finds due deliveries by index', () => {
    const db = before008();
    db.transaction(() => migration008(db))();
    db.prepare(
      `INSERT INTO webhooks (id, name, url, secret, events, active, created_at)
       VALUES (1, 'SMS', 'http://127.0.0.1:9/x', 's', '["ticket-called"]', 1, 0)`,
    ).run();
    const delivery = db.prepare(
      `INSERT INTO webhook_deliveries (webhook_id, event, idempotency_key, body, created_at,
         window_from, status, next_at) VALUES (1, 'ticket-called', ?, '{}', 0, 0, ?, 0)`,
    );
    delivery.run('k1', 'pending');
    expect(() => delivery.run('k1', 'pending')).toThrow(/UNIQUE/);
    expect(() => delivery.run('k2', 'sent')).toThrow(/CHECK/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_at <= 5 ORDER BY next_at",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('webhook_deliveries_due');
    db.prepare('DELETE FROM webhooks WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM webhook_deliveries').get()).toEqual({ n: 0 });
  });
});
