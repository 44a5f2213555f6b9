/**
 * Migration 002: the per-service counts kept by triggers must always equal
 * what counting the tickets gives, whatever sequence of changes happens, and
 * a database that already has tickets gets them counted on upgrade.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { MIGRATIONS, migrate } from './migrate.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/protocol.js';

const SERVICES = ['s1', 's2', 's3'] as const;
const DAYS = ['2026-11-26', '2026-11-27'] as const;

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A database at schema version 1 with three services, before migration 002. */
function atVersion1(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  MIGRATIONS[0]?.(db);
  db.pragma('user_version = 1');
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
function insertTicket(
  db: Database.Database,
  t: { service: string; status: TicketStatus; day: string; parent: boolean },
) {
  const parentId = t.parent
    ? ((db.prepare('SELECT max(id) AS id FROM tickets').get() as { id: number | null }).id ?? null)
    : null;
  codeSeq += 1;
  db.prepare(
    `INSERT INTO tickets (code, day, number, label, service_id, priority, status, lang, source,
       issued_at, queued_at, parent_id)
     VALUES (?, ?, ?, ?, ?, 'none', ?, 'lo', 'kiosk', 0, 0, ?)`,
  ).run(`code${codeSeq}xx`, t.day, codeSeq, `X${codeSeq}`, t.service, t.status, parentId);
}

/** What the triggers must agree with: counting the tickets themselves. */
function counted(db: Database.Database) {
  return {
    waiting: db
      .prepare(
        `SELECT service_id, count(*) AS n FROM tickets WHERE status = 'waiting'
         GROUP BY service_id ORDER BY service_id`,
      )
      .all(),
    issued: db
      .prepare(
        `SELECT day, service_id, count(*) AS n FROM tickets WHERE parent_id IS NULL
         GROUP BY day, service_id ORDER BY day, service_id`,
      )
      .all(),
  };
}
function kept(db: Database.Database) {
  return {
    waiting: db
      .prepare(
        'SELECT service_id, waiting AS n FROM queue_counts WHERE waiting > 0 ORDER BY service_id',
      )
      .all(),
    issued: db
      .prepare(
        `SELECT day, service_id, issued AS n FROM issued_counts WHERE issued > 0
         ORDER BY day, service_id`,
      )
      .all(),
  };
}

const ticketArb = fc.record({
  service: fc.constantFrom(...SERVICES),
  status: fc.constantFrom(...TICKET_STATUSES),
  day: fc.constantFrom(...DAYS),
  parent: fc.boolean(),
});
const changeArb = fc.oneof(
  ticketArb.map((t) => ({ kind: 'insert' as const, ...t })),
  fc.record({
    kind: fc.constant('status' as const),
    pick: fc.nat(),
    status: fc.constantFrom(...TICKET_STATUSES),
  }),
  fc.record({
    kind: fc.constant('service' as const),
    pick: fc.nat(),
    service: fc.constantFrom(...SERVICES),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

describe('migration 002: queue counts kept by triggers', () => {
  it('counts the tickets a database already has when it is upgraded', () => {
    const db = atVersion1();
    insertTicket(db, { service: 's1', status: 'waiting', day: DAYS[0], parent: false });
    insertTicket(db, { service: 's1', status: 'waiting', day: DAYS[1], parent: false });
    insertTicket(db, { service: 's2', status: 'done', day: DAYS[1], parent: false });
    insertTicket(db, { service: 's1', status: 'waiting', day: DAYS[1], parent: true });
    migrate(db);
    expect(kept(db)).toEqual(counted(db));
    expect(kept(db).waiting).toEqual([{ service_id: 's1', n: 3 }]);
  });

  it('agrees with counting the tickets after any sequence of inserts, updates and deletes', () => {
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 60 }), (changes) => {
        const db = atVersion1();
        migrate(db);
        for (const change of changes) {
          const ids = (
            db.prepare('SELECT id FROM tickets ORDER BY id').all() as { id: number }[]
          ).map((r) => r.id);
          const id = 'pick' in change ? ids[change.pick % Math.max(1, ids.length)] : undefined;
          switch (change.kind) {
            case 'insert':
              insertTicket(db, change);
              break;
            case 'status':
              if (id !== undefined)
                db.prepare('UPDATE tickets SET status = ? WHERE id = ?').run(change.status, id);
              break;
            case 'service':
              if (id !== undefined)
                db.prepare('UPDATE tickets SET service_id = ? WHERE id = ?').run(
                  change.service,
                  id,
                );
              break;
            case 'delete':
              // Children first: a transfer chain's parent cannot go before the ticket it made.
              if (
                id !== undefined &&
                !db.prepare('SELECT 1 FROM tickets WHERE parent_id = ?').get(id)
              )
                db.prepare('DELETE FROM tickets WHERE id = ?').run(id);
              break;
          }
        }
        expect(kept(db)).toEqual(counted(db));
        db.close();
        opened.splice(opened.indexOf(db), 1);
      }),
      { numRuns: 150 },
    );
  });

  it('rolls the counts back with the transaction that changed the ticket', () => {
    const db = atVersion1();
    migrate(db);
    insertTicket(db, { service: 's1', status: 'waiting', day: DAYS[1], parent: false });
    const before = kept(db);
    expect(() =>
      db.transaction(() => {
        insertTicket(db, { service: 's1', status: 'waiting', day: DAYS[1], parent: false });
        db.prepare("UPDATE tickets SET status = 'called'").run();
        throw new Error('the transaction fails after the changes');
      })(),
    ).toThrow(/fails/);
    expect(kept(db)).toEqual(before);
  });
});
