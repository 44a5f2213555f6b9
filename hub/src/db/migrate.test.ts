import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, MIGRATIONS, NewerDatabaseError, SCHEMA_VERSION } from './migrate.js';
import { openDatabase, type Db } from './open.js';
import { createTicketStore } from '../tickets/ticket-store.js';
import { createCounterStore } from '../counters/counter-store.js';

const opened: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function track(db: Db): Db {
  opened.push(db);
  return db;
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khiu-migrate-'));
  dirs.push(dir);
  return join(dir, 'khiu.sqlite');
}

/** A row of `PRAGMA table_list`. */
interface TableListRow {
  schema: string;
  name: string;
  type: string;
  strict: number;
}

const userVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number;

/** The whole schema as SQLite stores it, to compare before and after. */
const schemaOf = (db: Db) =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();

describe('migrate', () => {
  it('brings an empty database to SCHEMA_VERSION in one call', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const db = track(new Database(':memory:'));
    expect(migrate(db)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('creates the core tables of DESIGN.md "Data", every one STRICT', () => {
    const db = track(openDatabase(':memory:'));
    const tables = (db.pragma('table_list') as TableListRow[]).filter(
      (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'),
    );
    const names = tables.map((t) => t.name);
    for (const core of [
      'centre',
      'ministries',
      'services',
      'counters',
      'counter_services',
      'staff',
      'devices',
      'tickets',
      'ticket_events',
      'feedback',
    ]) {
      expect(names).toContain(core);
    }
    const notStrict = tables.filter((t) => t.strict !== 1);
    expect(notStrict).toEqual([]);
  });

  it('turns foreign keys on, and they are enforced', () => {
    const db = track(openDatabase(':memory:'));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const orphan = () =>
      db
        .prepare(
          `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
             issued_at, queued_at) VALUES ('abcdefgh', '2025-03-15', 1, 'X001', 'no-such-service',
             'none', 'waiting', 'lo', 'kiosk', 0, 0)`,
        )
        .run();
    expect(orphan).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('is a no-op the second time: same schema, same data, same version', () => {
    const db = track(openDatabase(':memory:'));
    db.prepare(
      "INSERT INTO centre (id, name_lo, name_en, time_zone) VALUES (1, 'ສູນ', 'Centre', 'Asia/Vientiane')",
    ).run();
    const schema = schemaOf(db);
    expect(migrate(db)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(schemaOf(db)).toEqual(schema);
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT name_en FROM centre').all()).toEqual([{ name_en: 'Centre' }]);
  });

  it('refuses a database newer than this hub and leaves it untouched', () => {
    const db = track(new Database(':memory:'));
    db.exec(
      "CREATE TABLE from_the_future (x TEXT) STRICT; INSERT INTO from_the_future VALUES ('kept')",
    );
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    const schema = schemaOf(db);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
    expect(() => migrate(db)).toThrow(/Upgrade the hub/);
    expect(userVersion(db)).toBe(SCHEMA_VERSION + 1);
    expect(schemaOf(db)).toEqual(schema);
    expect(db.prepare('SELECT x FROM from_the_future').all()).toEqual([{ x: 'kept' }]);
  });

  it('refuses to open a newer database file, and a later reader finds its data as it was', () => {
    const file = tempFile();
    const future = new Database(file);
    future.exec(
      "CREATE TABLE from_the_future (x TEXT) STRICT; INSERT INTO from_the_future VALUES ('kept')",
    );
    future.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    const schema = schemaOf(future);
    future.close();

    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);

    const after = track(new Database(file, { readonly: true }));
    expect(userVersion(after)).toBe(SCHEMA_VERSION + 7);
    expect(schemaOf(after)).toEqual(schema);
    expect(after.prepare('SELECT x FROM from_the_future').all()).toEqual([{ x: 'kept' }]);
  });
});

describe('openDatabase on a file', () => {
  it('uses WAL and synchronous=FULL, and migrates', () => {
    const db = track(openDatabase(tempFile()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('opens the same file again without migrating twice', () => {
    const file = tempFile();
    const first = openDatabase(file);
    first
      .prepare(
        "INSERT INTO centre (id, name_lo, name_en, time_zone) VALUES (1, 'ສູນ', 'Centre', 'Asia/Vientiane')",
      )
      .run();
    first.close();
    const again = track(openDatabase(file));
    expect(again.prepare('SELECT name_lo FROM centre').all()).toEqual([{ name_lo: 'ສູນ' }]);
    expect(userVersion(again)).toBe(SCHEMA_VERSION);
  });
});

describe('query plans', () => {
  /** The SQL of every statement the store prepares, read from better-sqlite3's `source`. */
  function storeStatements(): { db: Db; sources: string[] } {
    const db = track(openDatabase(':memory:'));
    const sources: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = ((sql: string) => {
      const statement = prepare(sql);
      sources.push(statement.source);
      return statement;
    }) as Db['prepare'];
    const spied = Object.create(db, { prepare: { value: spy } }) as Db;
    createTicketStore(spied);
    createCounterStore(spied);
    return { db, sources };
  }

  const plan = (db: Db, sql: string) =>
    db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(sql.match(/\?/g) ?? []).map(() => 'family-book-entry'))
      .map((r) => r.detail);

  it("finds a service's class fronts through tickets_waiting_class, in order, without a full scan", () => {
    const { db, sources } = storeStatements();
    // ticket-store.ts `classHeads` (read on every call-next) and `classFronts` (a counter's window).
    const heads = sources.filter(
      (s) =>
        /^\s*SELECT \* FROM tickets\b/.test(s) &&
        /'waiting'/.test(s) &&
        /service_id = @serviceId/.test(s) &&
        /ORDER BY queued_at\b/.test(s),
    );
    expect(heads).toHaveLength(2);
    for (const sql of heads) {
      const detail = db
        .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({
          serviceId: 'family-book-entry',
          normal: 1,
          ...(/@limit/.test(sql) ? { limit: 50 } : {}),
        })
        .map((r) => r.detail);
      expect(detail).toEqual(
        expect.arrayContaining([expect.stringMatching(/USING INDEX tickets_waiting_class\b/)]),
      );
      expect(detail).not.toContain('SCAN tickets');
      // The index already holds queue order; a sort per call-next would grow with the day.
      expect(detail).not.toEqual(expect.arrayContaining([expect.stringMatching(/TEMP B-TREE/)]));
    }
  });
  it('reads waiting and issued counts by key, not by counting tickets', () => {
    const { db, sources } = storeStatements();
    // ticket-store.ts `waitingByClass` and `issuedToday`: read for every service in every queue
    // event, and for every ticket's place.
    const counts = sources.filter((s) => /FROM (queue_counts|issued_counts)\b/.test(s));
    expect(counts).toHaveLength(2);
    for (const sql of counts) {
      expect(plan(db, sql).join('\n')).toMatch(/SEARCH \w+ USING PRIMARY KEY/);
    }
  });
  it("finds a counter's current ticket through tickets_at_counter, without a full scan", () => {
    const { db, sources } = storeStatements();
    // ticket-store.ts / counter-store.ts `counterCurrent`: read for every counter view and every call-next.
    const current = sources.filter(
      (s) => /counter_id = \?/.test(s) && /'called', 'serving'/.test(s),
    );
    expect(current).toHaveLength(1);
    const detail = plan(db, current[0] ?? '');
    expect(detail).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/USING (COVERING )?INDEX tickets_at_counter\b/),
      ]),
    );
    expect(detail).not.toContain('SCAN tickets');
  });
  it("reads only today's calls for recent calls and the priority ratio, however long the history", () => {
    const { db, sources } = storeStatements();
    const calls = sources.filter((s) => s.includes("e.type IN ('call', 'recall')"));
    expect(calls).toHaveLength(2);
    for (const sql of calls) {
      const detail = db
        .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({
          day: '2026-11-27',
          limit: 10,
          ...(sql.includes('@serviceId') ? { serviceId: 's' } : {}),
        })
        .map((r) => r.detail);
      expect(detail.join('\n')).not.toMatch(/SCAN (e|t|ticket_events|tickets)\b/);
      // Bounded by today's first ticket id, not by every call ever made.
      expect(detail.join('\n')).toMatch(/ticket_id[>=]|rowid>\?/);
    }
  });
});
