/**
 * The call rule with appointments (docs/operations.md "Appointments"), over
 * random days of a centre that takes bookings: slots of a bookable service
 * capped per slot, booked citizens checking in anywhere in their window (or
 * not coming), walk-ins and the other priority groups arriving at any time,
 * and one to three counters calling at their own pace, some serving both
 * services. The ratio's state moves as the hub's call policy moves it
 * (hub/src/tickets/call-policy.ts): +1 for a walk-in called, 0 for a
 * priority one. The bounds are counted in calls of the ticket's own service,
 * since which service a counter serves is decided by rank and by the clock.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Priority } from '../protocol.js';
import { pickNextTicket, type WaitingTicket } from './next-ticket.js';
import { peopleAheadInCallOrder } from './queue-place.js';

const SERVICES = ['A', 'B'] as const;
/** The day runs from minute 0 to DAY_MIN; counters go on calling until nobody waits. */
const DAY_MIN = 240;
const EARLY_MIN = 15;
const LATE_MIN = 10;
const OTHER_PRIORITIES: Priority[] = ['elderly', 'disability', 'pregnant', 'monk'];

const isPriority = (t: WaitingTicket) => t.priority !== 'none';

interface Day {
  priorityEvery: number;
  counters: { services: string[]; everyMin: number; phaseMin: number }[];
  /** In arrival order: the id is the order, queuedAt the minute. */
  tickets: WaitingTicket[];
  perSlot: number;
  slotMinutes: number;
}

/** The booked citizens of one service: at most `perSlot` a slot, each checking in inside the window. */
const bookingsArb = (serviceId: string, slotMinutes: number, perSlot: number) =>
  fc
    .array(
      fc.array(
        fc.record({
          offsetMin: fc.integer({ min: -EARLY_MIN, max: LATE_MIN }),
          comes: fc.boolean(),
        }),
        { maxLength: perSlot },
      ),
      { minLength: DAY_MIN / slotMinutes, maxLength: DAY_MIN / slotMinutes },
    )
    .map((slots) =>
      slots.flatMap((booked, i) =>
        booked
          .filter((b) => b.comes)
          // Before the service opens the kiosk says when it does: they check in at opening.
          .map((b) => ({
            serviceId,
            priority: 'appointment' as Priority,
            atMin: Math.max(0, i * slotMinutes + b.offsetMin),
          })),
      ),
    );

const dayArb: fc.Arbitrary<Day> = fc
  .record({
    priorityEvery: fc.integer({ min: 1, max: 4 }),
    slotMinutes: fc.constantFrom(10, 15, 20, 30),
    perSlot: fc.integer({ min: 1, max: 4 }),
    counters: fc.array(
      fc.record({
        services: fc.shuffledSubarray([...SERVICES], { minLength: 1 }),
        everyMin: fc.integer({ min: 2, max: 9 }),
        phaseMin: fc.nat(8),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    others: fc.array(
      fc.record({
        serviceId: fc.constantFrom(...SERVICES),
        priority: fc.oneof(
          { weight: 4, arbitrary: fc.constant<Priority>('none') },
          { weight: 1, arbitrary: fc.constantFrom(...OTHER_PRIORITIES) },
        ),
        atMin: fc.nat(DAY_MIN),
      }),
      { maxLength: 80 },
    ),
  })
  .chain((d) =>
    fc
      .tuple(
        bookingsArb('A', d.slotMinutes, d.perSlot),
        // Service B takes bookings on some days, not on others.
        fc.oneof(bookingsArb('B', d.slotMinutes, d.perSlot), bookingsArb('B', d.slotMinutes, 0)),
      )
      .map(([a, b]) => {
        const arrivals = [...d.others, ...a, ...b].sort((x, y) => x.atMin - y.atMin);
        const tickets = arrivals.map((t, i) => ({
          id: i + 1,
          serviceId: t.serviceId,
          priority: t.priority,
          queuedAt: t.atMin,
        }));
        const counters = d.counters.map((c) => ({ ...c, services: [...c.services] }));
        // Every service has a counter.
        for (const s of SERVICES) {
          if (!counters.some((c) => c.services.includes(s))) counters[0]?.services.push(s);
        }
        return {
          priorityEvery: d.priorityEvery,
          counters,
          tickets,
          perSlot: d.perSlot,
          slotMinutes: d.slotMinutes,
        };
      }),
  );

interface Call {
  ticket: WaitingTicket;
  /** Did a walk-in of the service wait when this call was made? */
  walkInsWaited: boolean;
}

interface Run {
  /** Each service's calls, in order. */
  calls: Map<string, Call[]>;
  /** For each ticket: tickets of its class and service waiting when it was queued. */
  aheadWhenQueued: Map<number, number>;
  /** For each ticket: calls of its service between its queueing and its own call. */
  callsBefore: Map<number, number>;
}

/**
 * Minute by minute: the minute's arrivals queue, then each counter due calls.
 * `pause(now, waiting, sinceLast, callsSoFar)` sees the queue after each minute.
 */
function simulate(
  day: Day,
  pause?: (
    now: number,
    waiting: readonly WaitingTicket[],
    since: ReadonlyMap<string, number>,
    callsSoFar: ReadonlyMap<string, number>,
  ) => void,
): Run {
  const sinceLast = new Map<string, number>();
  const served = new Map<string, number>();
  const queuedAtCall = new Map<number, number>();
  const run: Run = { calls: new Map(), aheadWhenQueued: new Map(), callsBefore: new Map() };
  let waiting: WaitingTicket[] = [];
  let next = 0;
  for (let now = 0; next < day.tickets.length || waiting.length > 0; now++) {
    for (let t = day.tickets[next]; t && t.queuedAt === now; t = day.tickets[++next]) {
      const sameClass = (w: WaitingTicket) =>
        w.serviceId === t.serviceId && isPriority(w) === isPriority(t);
      run.aheadWhenQueued.set(t.id, waiting.filter(sameClass).length);
      queuedAtCall.set(t.id, served.get(t.serviceId) ?? 0);
      waiting.push(t);
    }
    for (const counter of day.counters) {
      if (now < counter.phaseMin || (now - counter.phaseMin) % counter.everyMin !== 0) continue;
      const picked = pickNextTicket({
        services: counter.services,
        waiting,
        now,
        targetWaitMs: () => 30,
        priorityEvery: day.priorityEvery,
        sinceLastPriority: (s) => sinceLast.get(s) ?? 0,
      });
      if (picked === null) continue;
      const s = picked.serviceId;
      const walkInsWaited = waiting.some((w) => w.serviceId === s && !isPriority(w));
      const calls = run.calls.get(s) ?? [];
      calls.push({ ticket: picked, walkInsWaited });
      run.calls.set(s, calls);
      const n = served.get(s) ?? 0;
      run.callsBefore.set(picked.id, n - (queuedAtCall.get(picked.id) ?? 0));
      served.set(s, n + 1);
      sinceLast.set(s, isPriority(picked) ? 0 : (sinceLast.get(s) ?? 0) + 1);
      waiting = waiting.filter((w) => w !== picked);
    }
    pause?.(now, waiting, sinceLast, served);
  }
  return run;
}

/** The documented bound, in other calls of the ticket's service (K = priorityEvery ≥ 1). */
function callBound(priority: boolean, ahead: number, k: number): number {
  return priority ? (ahead + 1) * k + ahead : ahead + 1 + Math.floor(ahead / k);
}

describe('the call rule with appointments', () => {
  it('calls every ticket, walk-in or booked, within the documented number of calls', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const run = simulate(day);
        expect(run.callsBefore.size).toBe(day.tickets.length);
        for (const t of day.tickets) {
          const ahead = run.aheadWhenQueued.get(t.id) ?? 0;
          const bound = callBound(isPriority(t), ahead, day.priorityEvery);
          expect(run.callsBefore.get(t.id)).toBeLessThanOrEqual(bound);
        }
        // A booked citizen at the head of the priority class: at most K other calls.
        for (const t of day.tickets.filter((x) => x.priority === 'appointment')) {
          if (run.aheadWhenQueued.get(t.id) !== 0) continue;
          expect(run.callsBefore.get(t.id)).toBeLessThanOrEqual(day.priorityEvery);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves walk-ins at least ⌊n·K/(K+1)⌋ of any n calls made while they wait, bookings capped per slot', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const k = day.priorityEvery;
        const run = simulate(day);
        for (const calls of run.calls.values()) {
          // Each stretch of consecutive calls made while a walk-in waited, and every window in it.
          const stretches: boolean[][] = [[]];
          for (const c of calls) {
            if (c.walkInsWaited) stretches.at(-1)?.push(!isPriority(c.ticket));
            else stretches.push([]);
          }
          for (const walkIns of stretches) {
            for (let from = 0; from < walkIns.length; from++) {
              let got = 0;
              for (let to = from; to < walkIns.length; to++) {
                if (walkIns[to]) got++;
                const n = to - from + 1;
                expect(got).toBeGreaterThanOrEqual(Math.floor((n * k) / (k + 1)));
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows each waiting ticket, booked ones included, the place it is really called at', () => {
    fc.assert(
      fc.property(dayArb, fc.nat(DAY_MIN), (full, stopMin) => {
        // Nobody arrives after the stop; the places shown then must be the order that follows.
        const day = { ...full, tickets: full.tickets.filter((t) => t.queuedAt <= stopMin) };
        const shown = new Map<number, number>();
        const servedAtStop = new Map<string, number>();
        const run = simulate(day, (now, waiting, since, served) => {
          if (now !== stopMin) return;
          for (const s of SERVICES) servedAtStop.set(s, served.get(s) ?? 0);
          for (const t of waiting) {
            const inService = waiting.filter((w) => w.serviceId === t.serviceId);
            const own = inService.filter((w) => isPriority(w) === isPriority(t));
            shown.set(
              t.id,
              peopleAheadInCallOrder({
                priority: isPriority(t),
                aheadInClass: own.indexOf(t),
                otherClassWaiting: inService.length - own.length,
                priorityEvery: day.priorityEvery,
                sinceLastPriority: since.get(t.serviceId) ?? 0,
              }),
            );
          }
        });
        for (const [id, place] of shown) {
          const t = day.tickets[id - 1];
          if (!t) throw new Error(`no ticket ${id}`);
          const calls = run.calls.get(t.serviceId) ?? [];
          const at = calls.findIndex((c) => c.ticket.id === id);
          expect(at - (servedAtStop.get(t.serviceId) ?? 0)).toBe(place);
        }
      }),
      { numRuns: 300 },
    );
  });
});
