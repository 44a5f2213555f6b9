/**
 * Migration 009: the priority class's waiting count always equals counting
 * the tickets, and the class heads and places are read through the index.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { MIGRATIONS } from '../migrate.js';
import { migration009 } from './009-queue-classes.js';
import { PRIORITIES, TICKET_STATUSES } from '../../../../shared/protocol.js';

const SERVICES = ['s1', 's2'] as const;
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Every migration before 009, with two services. */
function before009(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  for (const step of MIGRATIONS) {
    if (step === migration009) break;
    step(db);
  }
  db.exec(`INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ມ', 'M')`);
  for (const id of SERVICES) {
    db.prepare(
      `INSERT INTO services (id, prefix, name_lo, name_en, ministry_id, fee_lak, target_minutes)
       VALUES (?, ?, ?, ?, 'm', 0, 10)`,
    ).run(id, id.toUpperCase(), id, id);
  }
  return db;
}

let codeSeq = 0;
function insertTicket(db: Database.Database, service: string, status: string, priority: string) {
  codeSeq += 1;
  db.prepare(
    `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
       issued_at, queued_at)
     VALUES (?, '2026-11-27', ?, ?, ?, ?, ?, 'lo', 'kiosk', 0, ?)`,
  ).run(`code${codeSeq}xx`, codeSeq, `X${codeSeq}`, service, priority, status, codeSeq);
}

const counted = (db: Database.Database) =>
  db
    .prepare(
      `SELECT service_id, count(*) AS n FROM tickets WHERE status = 'waiting' AND priority <> 'none'
       GROUP BY service_id ORDER BY service_id`,
    )
    .all();
const kept = (db: Database.Database) =>
  db
    .prepare(
      `SELECT service_id, priority_waiting AS n FROM queue_counts WHERE priority_waiting > 0
       ORDER BY service_id`,
    )
    .all();

describe('migration 009: waiting counts by class, and the index by class', () => {
  it('counts the priority tickets a database already has when it is upgraded', () => {
    const db = before009();
    insertTicket(db, 's1', 'waiting', 'monk');
    insertTicket(db, 's1', 'waiting', 'none');
    insertTicket(db, 's2', 'done', 'elderly');
    insertTicket(db, 's2', 'waiting', 'pregnant');
    migration009(db);
    expect(kept(db)).toEqual([
      { service_id: 's1', n: 1 },
      { service_id: 's2', n: 1 },
    ]);
  });

  it('agrees with counting the tickets after any sequence of inserts, updates and deletes', () => {
    const changeArb = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        service: fc.constantFrom(...SERVICES),
        status: fc.constantFrom(...TICKET_STATUSES),
        priority: fc.constantFrom(...PRIORITIES),
      }),
      fc.record({
        kind: fc.constant('update' as const),
        pick: fc.nat(),
        column: fc.constantFrom('status', 'service_id', 'priority'),
        value: fc.nat(),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    const values = { status: TICKET_STATUSES, service_id: SERVICES, priority: PRIORITIES };
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 50 }), (changes) => {
        const db = before009();
        migration009(db);
        for (const change of changes) {
          const ids = (db.prepare('SELECT id FROM tickets').all() as { id: number }[]).map(
            (r) => r.id,
          );
          if (change.kind === 'insert') {
            insertTicket(db, change.service, change.status, change.priority);
            continue;
          }
          const id = ids[change.pick % Math.max(1, ids.length)];
          if (id === undefined) continue;
          if (change.kind === 'delete') {
            db.prepare('DELETE FROM tickets WHERE id = ?').run(id);
            continue;
          }
          const options = values[change.column];
          const value = options[change.value % options.length];
          db.prepare(`UPDATE tickets SET ${change.column} = ? WHERE id = ?`).run(value, id);
        }
        expect(kept(db)).toEqual(counted(db));
      }),
      { numRuns: 150 },
    );
  });

  it('reads a class head and a place in the class through the index', () => {
    const db = before009();
    migration009(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    const head = plan(
      `SELECT * FROM tickets WHERE status = 'waiting' AND service_id = 's1'
       AND (priority = 'none') = 1 ORDER BY queued_at, id LIMIT 1`,
    );
    expect(head).toMatch(/USING INDEX tickets_waiting_class/);
    expect(head).not.toMatch(/TEMP B-TREE/);
    const place = plan(
      `SELECT count(*) FROM tickets WHERE status = 'waiting' AND service_id = 's1'
       AND (priority = 'none') = 0 AND (queued_at, id) < (5, 9)`,
    );
    expect(place).toMatch(/USING COVERING INDEX tickets_waiting_class/);
    // The front of a service, for a citizen put back at the front (ticket-store.ts frontOfQueue).
    const front = plan(
      `SELECT min(q) FROM (
         SELECT min(queued_at) AS q FROM tickets WHERE status = 'waiting' AND service_id = 's1'
           AND (priority = 'none') = 1
         UNION ALL
         SELECT min(queued_at) AS q FROM tickets WHERE status = 'waiting' AND service_id = 's1'
           AND (priority = 'none') = 0)`,
    );
    expect(front).toMatch(/tickets_waiting_class/);
    expect(front).not.toMatch(/SCAN tickets\b(?! USING)/);
  });
});
