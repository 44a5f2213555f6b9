import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-queue-counts.js';
import { migration003 } from './003-printing.js';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../migrate.js';
import { openDatabase, type Db } from '../open.js';
import { createTicketStore } from '../../tickets/ticket-store.js';
import { createCounterStore } from '../../counters/counter-store.js';
import { createCounterStats } from '../../counters/counter-stats.js';

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});
const track = (db: Db) => (opened.push(db), db);

const plan = (db: Db, sql: string, params: unknown[] = []) =>
  db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail)
    .join('\n');

describe('migration 004: staff sessions', () => {
  it('upgrades a version-3 database in place, keeping its rows', () => {
    const db = track(new Database(':memory:'));
    for (const step of [migration001, migration002, migration003]) step(db);
    db.pragma('user_version = 3');
    db.prepare(
      "INSERT INTO staff (username, name, role, pin_hash) VALUES ('clerk1', 'Noy', 'clerk', 'x')",
    ).run();
    expect(migrate(db)).toEqual({ from: 3, to: SCHEMA_VERSION });
    expect(db.prepare('SELECT username FROM staff').all()).toEqual([{ username: 'clerk1' }]);
    const table = (db.pragma('table_list') as { name: string; strict: number }[]).find(
      (t) => t.name === 'staff_sessions',
    );
    expect(table?.strict).toBe(1);
  });

  it('keeps one row per token hash, and drops a deleted person’s sessions with them', () => {
    const db = track(openDatabase(':memory:'));
    db.prepare(
      "INSERT INTO staff (id, username, name, role, pin_hash) VALUES (1, 'clerk1', 'Noy', 'clerk', 'x')",
    ).run();
    const insert = db.prepare(
      'INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, 1, 0, 1)',
    );
    insert.run('h1');
    expect(() => insert.run('h1')).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES ('h2', 99, 0, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE staff_sessions SET expires_at = 'tomorrow'").run()).toThrow(
      /cannot store TEXT/,
    );
    db.prepare('DELETE FROM staff WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM staff_sessions').get()).toEqual({ n: 0 });
  });

  it('reads the tickets held at counters through tickets_held, not the whole history', () => {
    // The stores are written against the current schema; tickets_held is migration 004's.
    const db = track(new Database(':memory:'));
    // Today's stores read columns later migrations added; the index is 004's.
    for (const step of MIGRATIONS) step(db);
    const sources: string[] = [];
    const prepare = db.prepare.bind(db);
    const spied = Object.create(db, {
      prepare: {
        value: (sql: string) => {
          const statement = prepare(sql);
          sources.push(statement.source);
          return statement;
        },
      },
    }) as Db;
    createTicketStore(spied);
    createCounterStore(spied);
    const held = sources.filter((s) => s.includes("status IN ('called', 'serving', 'parked')"));
    expect(held).toHaveLength(1);
    const detail = plan(db, held[0] ?? '');
    expect(detail).toMatch(/USING (COVERING )?INDEX tickets_held\b/);
    expect(detail).not.toMatch(/SCAN tickets\b(?! USING)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("counts today's figures from today's rows only", () => {
    const db = track(openDatabase(':memory:'));
    const sources: string[] = [];
    const prepare = db.prepare.bind(db);
    createCounterStats(
      Object.create(db, {
        prepare: {
          value: (sql: string) => {
            const statement = prepare(sql);
            sources.push(statement.source);
            return statement;
          },
        },
      }) as Db,
    );
    expect(sources).toHaveLength(2);
    for (const sql of sources) {
      const detail = db
        .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ day: '2026-11-27', id: 1 })
        .map((r) => r.detail)
        .join('\n');
      expect(detail).not.toMatch(/SCAN (e|t|ticket_events|tickets)\b(?! USING)/);
      expect(detail).toMatch(/ticket_id[>=]|rowid>\?|id>\?/);
    }
  });
});
