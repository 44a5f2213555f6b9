/**
 * Call-next reads only the head of each class of each of the counter's
 * services, and the place a ticket is shown reads a count on the nearer side
 * of it. Over random queues in a real database, both agree with reading the
 * whole queue, with booked citizens' tickets (priority `appointment`) among them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase, type Db } from '../db/open.js';
import { createTicketStore } from './ticket-store.js';
import { pickNextTicket } from '../../../shared/domain/next-ticket.js';
import { clockTime } from '../../../shared/domain/slots.js';
import { PRIORITIES, type Priority } from '../../../shared/protocol.js';

const SERVICES = ['a', 'b', 'c'];
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function queueDb() {
  const db = openDatabase(':memory:');
  opened.push(db);
  db.exec(`INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ມ', 'M')`);
  for (const id of SERVICES) {
    db.prepare(
      `INSERT INTO services (id, prefix, name_lo, name_en, ministry_id, fee_lak, target_minutes)
       VALUES (?, ?, ?, ?, 'm', 0, 10)`,
    ).run(id, id.toUpperCase(), id, id);
  }
  return { db, store: createTicketStore(db) };
}

const ticketArb = fc.record({
  serviceId: fc.constantFrom(...SERVICES),
  // Booked citizens checked in (priority `appointment`, with their slot) are common.
  priority: fc.oneof(
    fc.constant<Priority>('none'),
    fc.constant<Priority>('appointment'),
    fc.constantFrom(...PRIORITIES),
  ),
  slotMin: fc.integer({ min: 480, max: 960 }),
  // Few distinct times, so ties broken by id are common.
  queuedAt: fc.integer({ min: 0, max: 30 }),
  waiting: fc.boolean(),
});

describe('the candidate read', () => {
  it('picks exactly what the full read picks, over random queues', () => {
    fc.assert(
      fc.property(
        fc.array(ticketArb, { maxLength: 60 }),
        fc.shuffledSubarray(SERVICES, { minLength: 1 }),
        fc.integer({ min: 0, max: 60 }),
        fc.func<[string], number>(fc.integer({ min: 0, max: 40 })),
        fc.integer({ min: 0, max: 4 }),
        fc.func<[string], number>(fc.nat(5)),
        (raw, services, now, targetWaitMs, priorityEvery, sinceLastPriority) => {
          const { db, store } = queueDb();
          raw.forEach((t, i) => {
            const inserted = store.insert({
              code: `code-${i}`,
              day: '2026-11-27',
              number: i + 1,
              label: `X${i + 1}`,
              serviceId: t.serviceId,
              priority: t.priority,
              lang: 'lo',
              source: 'kiosk',
              issuedAt: t.queuedAt,
              queuedAt: t.queuedAt,
              parentId: null,
              requestId: null,
              bookedStartMin: t.priority === 'appointment' ? t.slotMin : null,
            });
            if (!t.waiting) store.update({ ...inserted, status: 'done' });
          });
          const policy = { services, now, targetWaitMs, priorityEvery, sinceLastPriority };
          const full = pickNextTicket({ ...policy, waiting: store.allWaiting() });
          const heads = store.classHeads(services);
          expect(heads.length).toBeLessThanOrEqual(2 * services.length);
          expect(pickNextTicket({ ...policy, waiting: heads })).toEqual(full);
          // The booked citizen's slot comes back with the head read, for the counter to show.
          for (const h of heads) {
            const t = raw[h.id - 1];
            const slot = t?.priority === 'appointment' ? { start: clockTime(t.slotMin) } : null;
            expect(h.booking).toEqual(slot);
          }
          db.close();
          opened.splice(opened.indexOf(db), 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sums up the recent completions the wait estimate used to read one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 30 }),
        fc.nat(100),
        (finished, now) => {
          const { db, store } = queueDb();
          finished.forEach((at, i) => {
            const t = store.insert({
              code: `done-${i}`,
              day: '2026-11-27',
              number: i + 1,
              label: `X${i + 1}`,
              serviceId: 'a',
              priority: 'none',
              lang: 'lo',
              source: 'kiosk',
              issuedAt: 0,
              queuedAt: 0,
              parentId: null,
              requestId: null,
              bookedStartMin: null,
            });
            store.update({ ...t, status: 'done', finishedAt: at });
          });
          const windowMs = 40;
          // What the hub read before (finished after now − window) and the estimate then kept (up to now).
          const counted = finished.filter((at) => at > now - windowMs && at <= now);
          expect(store.recentCompletions('a', now - windowMs, now)).toEqual({
            count: counted.length,
            oldestMs: counted.length ? Math.min(...counted) : null,
          });
          db.close();
          opened.splice(opened.indexOf(db), 1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts the same place in the class from either end of a long class', () => {
    const { store } = queueDb();
    const tickets = Array.from({ length: 700 }, (_, i) =>
      store.insert({
        code: `code-${i}`,
        day: '2026-11-27',
        number: i + 1,
        label: `X${i + 1}`,
        serviceId: 'a',
        priority: i % 3 === 0 ? 'monk' : 'none',
        lang: 'lo',
        source: 'kiosk',
        issuedAt: i,
        // Pairs share a time: the id breaks the tie.
        queuedAt: Math.floor(i / 2),
        parentId: null,
        requestId: null,
        bookedStartMin: null,
      }),
    );
    const counts = store.waitingByClass('a');
    expect(counts).toEqual({ normal: 466, priority: 234 });
    for (const t of tickets) {
      const sameClass = tickets.filter((x) => (x.priority === 'none') === (t.priority === 'none'));
      const expected = sameClass.indexOf(t);
      const own = t.priority === 'none' ? counts.normal : counts.priority;
      expect(store.aheadInClass(t, own)).toBe(expected);
    }
  });
});
