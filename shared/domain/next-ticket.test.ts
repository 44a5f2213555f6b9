import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PRIORITIES } from '../protocol.js';
import type { Priority } from '../protocol.js';
import { DEFAULT_PRIORITY_EVERY, pickNextTicket } from './next-ticket.js';
import type { NextTicketInput, WaitingTicket } from './next-ticket.js';

const MINUTE_MS = 60_000;

function ticket(id: number, serviceId: string, queuedAt: number, priority: Priority = 'none') {
  return { id, serviceId, priority, queuedAt };
}

function input(
  waiting: readonly WaitingTicket[],
  overrides: Partial<NextTicketInput<WaitingTicket>> = {},
): NextTicketInput<WaitingTicket> {
  return {
    services: ['A', 'B'],
    waiting,
    now: 10 * MINUTE_MS,
    targetWaitMs: () => 30 * MINUTE_MS,
    priorityEvery: DEFAULT_PRIORITY_EVERY,
    sinceLastPriority: () => 0,
    ...overrides,
  };
}

const isPriority = (t: WaitingTicket) => t.priority !== 'none';
const queuedBefore = (a: WaitingTicket, b: WaitingTicket) =>
  a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.id < b.id);

describe('pickNextTicket: choosing the service', () => {
  it('returns null when nothing waits for the counter’s services', () => {
    expect(pickNextTicket(input([]))).toBeNull();
    expect(pickNextTicket(input([ticket(1, 'C', 0)]))).toBeNull();
  });

  it('serves the best-ranked service that has tickets, even if another has older ones', () => {
    const waiting = [ticket(1, 'B', 0), ticket(2, 'A', 5 * MINUTE_MS), ticket(3, 'C', 0)];
    expect(pickNextTicket(input(waiting))?.id).toBe(2);
    expect(pickNextTicket(input(waiting, { services: ['B', 'A'] }))?.id).toBe(1);
  });

  it('falls through to a lower-ranked service when the better ones are empty', () => {
    expect(pickNextTicket(input([ticket(1, 'B', 0)]))?.id).toBe(1);
  });

  it('lets an overdue ticket’s service jump ahead of the ranking', () => {
    const waiting = [ticket(1, 'A', 9 * MINUTE_MS), ticket(2, 'B', 0)];
    const targetWaitMs = (s: string) => (s === 'B' ? 5 * MINUTE_MS : 30 * MINUTE_MS);
    expect(pickNextTicket(input(waiting, { targetWaitMs }))?.id).toBe(2);
  });

  it('counts a ticket as overdue only once it has waited longer than the target', () => {
    const waiting = [ticket(1, 'A', 9 * MINUTE_MS), ticket(2, 'B', 0)];
    const atTarget = input(waiting, { targetWaitMs: () => 10 * MINUTE_MS });
    expect(pickNextTicket(atTarget)?.id).toBe(1);
    expect(pickNextTicket({ ...atTarget, now: 10 * MINUTE_MS + 1 })?.id).toBe(2);
  });

  it('among overdue tickets, follows the oldest, ties by the smaller id', () => {
    const targetWaitMs = () => MINUTE_MS;
    const waiting = [ticket(1, 'A', 2 * MINUTE_MS), ticket(3, 'B', 0), ticket(2, 'C', 0)];
    const services = ['A', 'B', 'C'];
    expect(pickNextTicket(input(waiting, { services, targetWaitMs }))?.id).toBe(2);
  });

  it('applies the priority ratio inside the overdue ticket’s service', () => {
    const waiting = [ticket(1, 'B', 0), ticket(2, 'B', 9 * MINUTE_MS, 'monk')];
    const picked = pickNextTicket(
      input(waiting, { targetWaitMs: () => 5 * MINUTE_MS, sinceLastPriority: () => 2 }),
    );
    expect(picked?.id).toBe(2);
  });
});

describe('pickNextTicket: within a service', () => {
  it('is first in, first out, ties by the smaller id', () => {
    const waiting = [ticket(4, 'A', 3), ticket(2, 'A', 1), ticket(3, 'A', 1)];
    expect(pickNextTicket(input(waiting))?.id).toBe(2);
  });

  it('calls a normal ticket until enough normals have gone since the last priority one', () => {
    const waiting = [ticket(1, 'A', 5, 'elderly'), ticket(2, 'A', 9)];
    const since = (n: number) => input(waiting, { sinceLastPriority: () => n });
    expect(pickNextTicket(since(0))?.id).toBe(2);
    expect(pickNextTicket(since(1))?.id).toBe(2);
    expect(pickNextTicket(since(2))?.id).toBe(1);
    expect(pickNextTicket(since(7))?.id).toBe(1);
  });

  it('calls the only waiting class regardless of the ratio', () => {
    const onlyPriority = [ticket(1, 'A', 5, 'pregnant'), ticket(2, 'A', 3, 'appointment')];
    expect(pickNextTicket(input(onlyPriority))?.id).toBe(2);
    const onlyNormal = [ticket(3, 'A', 5), ticket(4, 'A', 3)];
    expect(pickNextTicket(input(onlyNormal, { sinceLastPriority: () => 9 }))?.id).toBe(4);
  });

  it('treats every priority other than none as the priority class', () => {
    for (const priority of PRIORITIES.filter((p) => p !== 'none')) {
      const waiting = [ticket(1, 'A', 0), ticket(2, 'A', 1, priority)];
      expect(pickNextTicket(input(waiting, { sinceLastPriority: () => 2 }))?.id).toBe(2);
    }
  });

  it('with priorityEvery 0, a waiting priority ticket always goes first', () => {
    const waiting = [ticket(1, 'A', 0), ticket(2, 'A', 1, 'disability')];
    expect(pickNextTicket(input(waiting, { priorityEvery: 0 }))?.id).toBe(2);
  });

  it('does not change its inputs', () => {
    const waiting = Object.freeze(
      [ticket(2, 'A', 1), ticket(1, 'A', 1, 'monk')].map((t) => Object.freeze(t)),
    );
    const services = Object.freeze(['A']);
    expect(pickNextTicket(input(waiting, { services, sinceLastPriority: () => 3 }))?.id).toBe(1);
    expect(waiting.map((t) => t.id)).toEqual([2, 1]);
  });
});

// ------------------------------------------------------------------- properties

const SERVICE_IDS = ['A', 'B', 'C', 'D'];
const priorityArb = fc.oneof(fc.constant<Priority>('none'), fc.constantFrom(...PRIORITIES));

const waitingArb = fc
  .array(
    fc.record({
      serviceId: fc.constantFrom(...SERVICE_IDS),
      priority: priorityArb,
      queuedAt: fc.integer({ min: 0, max: 100 }),
    }),
    { maxLength: 30 },
  )
  .map((ts) => ts.map((t, i) => ({ id: i + 1, ...t })));

const inputArb: fc.Arbitrary<NextTicketInput<WaitingTicket>> = fc.record({
  services: fc.shuffledSubarray(SERVICE_IDS),
  waiting: waitingArb,
  now: fc.integer({ min: 0, max: 200 }),
  targetWaitMs: fc.func<[string], number>(fc.integer({ min: 0, max: 150 })),
  priorityEvery: fc.integer({ min: 0, max: 4 }),
  sinceLastPriority: fc.func<[string], number>(fc.nat(6)),
});

describe('pickNextTicket: properties', () => {
  it('returns one of the candidates, and null only when there are none', () => {
    fc.assert(
      fc.property(inputArb, (inp) => {
        const candidates = inp.waiting.filter((t) => inp.services.includes(t.serviceId));
        const picked = pickNextTicket(inp);
        if (candidates.length === 0) expect(picked).toBeNull();
        else expect(candidates).toContain(picked);
      }),
      { numRuns: 300 },
    );
  });

  it('is FIFO within a class: no waiting ticket of the same service and class is older', () => {
    fc.assert(
      fc.property(inputArb, (inp) => {
        const picked = pickNextTicket(inp);
        if (picked === null) return;
        const rivals = inp.waiting.filter(
          (t) => t.serviceId === picked.serviceId && isPriority(t) === isPriority(picked),
        );
        for (const t of rivals) expect(queuedBefore(t, picked)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('interleaves exactly priorityEvery normals, then one priority, while both wait', () => {
    const classArb = (priority: fc.Arbitrary<Priority>) =>
      fc.array(fc.record({ priority, queuedAt: fc.nat(1000) }), { minLength: 1, maxLength: 40 });
    const nonePriorities = PRIORITIES.filter((p) => p !== 'none');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        classArb(fc.constant('none')),
        classArb(fc.constantFrom(...nonePriorities)),
        (priorityEvery, normals, priorities) => {
          // Each pick takes at most one of each class, so both still wait for this many picks.
          const picks = Math.min(normals.length, priorities.length);
          let waiting = [...normals, ...priorities].map((t, i) => ({
            id: i + 1,
            serviceId: 'A',
            ...t,
          }));
          let sinceLast = 0;
          const pattern: boolean[] = [];
          for (let i = 0; i < picks; i++) {
            const picked = pickNextTicket({
              services: ['A'],
              waiting,
              now: 1000,
              targetWaitMs: () => Number.POSITIVE_INFINITY,
              priorityEvery,
              sinceLastPriority: () => sinceLast,
            });
            if (picked === null) throw new Error('both classes wait, yet nothing was picked');
            pattern.push(isPriority(picked));
            sinceLast = isPriority(picked) ? 0 : sinceLast + 1;
            waiting = waiting.filter((t) => t !== picked);
          }
          const expected = Array.from(
            { length: picks },
            (_, i) => (i + 1) % (priorityEvery + 1) === 0,
          );
          expect(pattern).toEqual(expected);
          const priorityCount = pattern.filter(Boolean).length;
          expect(Math.abs(priorityCount - picks / (priorityEvery + 1))).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  /*
   * No starvation. A centre where each counter calls once every `periodMs`
   * (at its own phase) and every service has at least one counter.
   *
   * Bound. Let X be a ticket of service s with target T, queued at q, still
   * waiting once it is overdue (after q + T). Let O be the tickets waiting at
   * q + T that were queued no later than X (X included); O only shrinks, since
   * later arrivals are younger. While X waits, a counter serving s always sees
   * X overdue, so it picks in a service holding an O ticket (the service of
   * the oldest overdue candidate, at least as old as X). In such a service a
   * pick outside O comes only from a class holding no O ticket (FIFO), and the
   * ratio bounds such picks between two O picks there: at most priorityEvery
   * normals before an O priority ticket, at most 1 priority before an O normal
   * ticket (needs priorityEvery >= 1; with 0, normals wait while any priority
   * one does, by design). So at most |O| * (priorityEvery + 1) calls land in
   * O services, X's own included. The k counters serving s make k calls per
   * period while X waits, hence
   *   wait(X) <= T + ceil(|O| * (priorityEvery + 1) / k) * periodMs.
   */
  it('calls every ticket, none waiting longer than the bound, when capacity exceeds arrivals', () => {
    fc.assert(
      fc.property(centreArb, (centre) => {
        const calledAt = simulate(centre);
        expect(calledAt.size).toBe(centre.tickets.length);
        for (const x of centre.tickets) {
          const called = calledAt.get(x.id) ?? Number.POSITIVE_INFINITY;
          expect(called - x.queuedAt).toBeLessThanOrEqual(waitBound(centre, calledAt, x));
        }
      }),
      { numRuns: 300 },
    );
  });
});

interface Centre {
  counters: { services: string[]; phaseMs: number }[];
  periodMs: number;
  targetWaitMs: (serviceId: string) => number;
  priorityEvery: number;
  tickets: WaitingTicket[];
}

const centreArb: fc.Arbitrary<Centre> = fc
  .record({
    counters: fc.array(
      fc.record({ services: fc.shuffledSubarray(SERVICE_IDS, { minLength: 1 }), phase: fc.nat() }),
      { minLength: 1, maxLength: 4 },
    ),
    periodMs: fc.integer({ min: 1, max: 5 }),
    targetWaitMs: fc.func<[string], number>(fc.integer({ min: 0, max: 40 })),
    priorityEvery: fc.integer({ min: 1, max: 4 }),
    arrivals: fc.array(
      fc.record({
        serviceId: fc.constantFrom(...SERVICE_IDS),
        priority: priorityArb,
        atPermille: fc.nat(999),
      }),
      { maxLength: 60, size: 'max' },
    ),
  })
  .map(({ counters, periodMs, arrivals, ...policy }) => {
    // Spread arrivals so they come at 80% of the centre's calling capacity on average.
    const spanMs = Math.ceil((1.25 * arrivals.length * periodMs) / counters.length);
    const tickets = arrivals.map((a, i) => ({
      id: i + 1,
      serviceId: a.serviceId,
      priority: a.priority,
      queuedAt: Math.floor((a.atPermille * spanMs) / 1000),
    }));
    const withCoverage = counters.map((c) => ({
      services: [...c.services],
      phaseMs: c.phase % periodMs,
    }));
    SERVICE_IDS.forEach((s, i) => {
      if (withCoverage.some((c) => c.services.includes(s))) return;
      withCoverage[i % withCoverage.length]?.services.push(s);
    });
    return { counters: withCoverage, periodMs, tickets, ...policy };
  });

/** Runs the centre in whole-ms steps until every ticket is called; returns call times by id. */
function simulate(centre: Centre): Map<number, number> {
  const { counters, periodMs, tickets } = centre;
  const lastArrivalMs = Math.max(0, ...tickets.map((t) => t.queuedAt));
  // Past the last arrival, at least one call per period drains the queue.
  const giveUpMs = lastArrivalMs + (tickets.length + 1) * periodMs;
  const sinceLast = new Map<string, number>();
  const calledAt = new Map<number, number>();
  let waiting: WaitingTicket[] = [];
  for (let now = 0; now <= giveUpMs && calledAt.size < tickets.length; now++) {
    waiting.push(...tickets.filter((t) => t.queuedAt === now));
    for (const counter of counters) {
      if (now < counter.phaseMs || (now - counter.phaseMs) % periodMs !== 0) continue;
      const picked = pickNextTicket({
        services: counter.services,
        waiting,
        now,
        targetWaitMs: centre.targetWaitMs,
        priorityEvery: centre.priorityEvery,
        sinceLastPriority: (s) => sinceLast.get(s) ?? 0,
      });
      if (picked === null) continue;
      const before = sinceLast.get(picked.serviceId) ?? 0;
      sinceLast.set(picked.serviceId, isPriority(picked) ? 0 : before + 1);
      calledAt.set(picked.id, now);
      waiting = waiting.filter((t) => t !== picked);
    }
  }
  return calledAt;
}

/** The no-starvation bound derived above, for ticket x. */
function waitBound(centre: Centre, calledAt: Map<number, number>, x: WaitingTicket): number {
  const targetMs = centre.targetWaitMs(x.serviceId);
  const overdueAfter = x.queuedAt + targetMs;
  const stillWaiting = (t: WaitingTicket) => (calledAt.get(t.id) ?? Infinity) > overdueAfter;
  const o = centre.tickets.filter((t) => (t === x || queuedBefore(t, x)) && stillWaiting(t));
  const k = centre.counters.filter((c) => c.services.includes(x.serviceId)).length;
  return targetMs + Math.ceil((o.length * (centre.priorityEvery + 1)) / k) * centre.periodMs;
}
