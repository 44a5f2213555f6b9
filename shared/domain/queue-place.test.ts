import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRIORITIES, type Priority } from '../protocol.js';
import { pickNextTicket, type WaitingTicket } from './next-ticket.js';
import { peopleAheadInCallOrder } from './queue-place.js';

const SERVICE_IDS = ['A', 'B', 'C'];
const isPriority = (t: WaitingTicket) => t.priority !== 'none';
const queuedBefore = (a: WaitingTicket, b: WaitingTicket) =>
  a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);

/** The place the hub shows: the counts of the ticket's service and the ratio's state. */
function shownPlace(
  waiting: readonly WaitingTicket[],
  t: WaitingTicket,
  priorityEvery: number,
  sinceLastPriority: (serviceId: string) => number,
) {
  const inService = waiting.filter((x) => x.serviceId === t.serviceId);
  return peopleAheadInCallOrder({
    priority: isPriority(t),
    aheadInClass: inService.filter((x) => isPriority(x) === isPriority(t) && queuedBefore(x, t))
      .length,
    otherClassWaiting: inService.filter((x) => isPriority(x) !== isPriority(t)).length,
    priorityEvery,
    sinceLastPriority: sinceLastPriority(t.serviceId),
  });
}

describe('peopleAheadInCallOrder', () => {
  it('tells the pregnant citizen the two normal calls due before hers', () => {
    // One priority after every two normals, none called yet: N1 N2 then P.
    const place = (priority: boolean, aheadInClass: number, other: number, since = 0) =>
      peopleAheadInCallOrder({
        priority,
        aheadInClass,
        otherClassWaiting: other,
        priorityEvery: 2,
        sinceLastPriority: since,
      });
    expect(place(true, 0, 2)).toBe(2);
    expect(place(true, 0, 1)).toBe(1);
    expect(place(true, 0, 2, 2)).toBe(0);
    // The third normal ticket waits for the priority one due after the first two.
    expect(place(false, 2, 1)).toBe(3);
    expect(place(false, 1, 1)).toBe(1);
  });

  it('with a ratio of 0, puts every priority ticket first', () => {
    const input = { otherClassWaiting: 4, priorityEvery: 0, sinceLastPriority: 0 };
    expect(peopleAheadInCallOrder({ ...input, priority: true, aheadInClass: 3 })).toBe(3);
    expect(peopleAheadInCallOrder({ ...input, priority: false, aheadInClass: 1 })).toBe(5);
  });

  it('equals the order call-next really calls in, when nobody else arrives', () => {
    const arb = fc.record({
      tickets: fc.array(
        fc.record({
          serviceId: fc.constantFrom(...SERVICE_IDS),
          priority: fc.oneof(fc.constant<Priority>('none'), fc.constantFrom(...PRIORITIES)),
          queuedAt: fc.integer({ min: 0, max: 60 }),
        }),
        { maxLength: 40 },
      ),
      counters: fc.array(fc.shuffledSubarray(SERVICE_IDS, { minLength: 1 }), {
        minLength: 1,
        maxLength: 4,
      }),
      turns: fc.array(fc.nat(), { maxLength: 200 }),
      targets: fc.func<[string], number>(fc.integer({ min: 0, max: 80 })),
      priorityEvery: fc.integer({ min: 0, max: 4 }),
      since: fc.func<[string], number>(fc.nat(5)),
    });
    fc.assert(
      fc.property(arb, ({ tickets, counters, turns, targets, priorityEvery, since }) => {
        const all = tickets.map((t, i) => ({ ...t, id: i + 1 }));
        const shown = new Map(all.map((t) => [t.id, shownPlace(all, t, priorityEvery, since)]));
        // Counters call in any order, at times that make any ticket overdue or not.
        const sinceLast = new Map<string, number>();
        const calledBefore = new Map<string, number>();
        const actual = new Map<number, number>();
        let waiting: WaitingTicket[] = [...all];
        for (let turn = 0; waiting.length > 0; turn++) {
          const services = counters[(turns[turn] ?? turn) % counters.length] ?? SERVICE_IDS;
          const picked =
            pickNextTicket({
              services: turn < turns.length ? services : SERVICE_IDS,
              waiting,
              now: 60 + turn,
              targetWaitMs: targets,
              priorityEvery,
              sinceLastPriority: (s) => sinceLast.get(s) ?? since(s),
            }) ?? null;
          if (picked === null) continue;
          const n = calledBefore.get(picked.serviceId) ?? 0;
          actual.set(picked.id, n);
          calledBefore.set(picked.serviceId, n + 1);
          const before = sinceLast.get(picked.serviceId) ?? since(picked.serviceId);
          sinceLast.set(picked.serviceId, isPriority(picked) ? 0 : before + 1);
          waiting = waiting.filter((t) => t.id !== picked.id);
        }
        expect(actual).toEqual(shown);
      }),
      { numRuns: 400 },
    );
  });
});
