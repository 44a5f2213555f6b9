import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callOrder } from './call-order.js';
import { pickNextTicket, type WaitingTicket } from './next-ticket.js';
import { PRIORITIES } from '../protocol.js';

const T0 = 1_741_971_600_000;
const MINUTE_MS = 60_000;

const ticket = (id: number, patch: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id,
  serviceId: 'f',
  priority: 'none',
  queuedAt: T0 + id * MINUTE_MS,
  ...patch,
});

const base = {
  services: ['f'],
  now: T0 + 30 * MINUTE_MS,
  targetWaitMs: () => 60 * MINUTE_MS,
  priorityEvery: 2,
  sinceLastPriority: () => 0,
};

describe('callOrder', () => {
  it('interleaves one priority ticket after every two others, FIFO within each class', () => {
    const waiting = [
      ticket(1),
      ticket(2),
      ticket(3, { priority: 'elderly' }),
      ticket(4),
      ticket(5, { priority: 'monk' }),
      ticket(6),
    ];
    expect(callOrder({ ...base, waiting }).map((t) => t.id)).toEqual([1, 2, 3, 4, 6, 5]);
  });

  it("starts from the service's calls so far: two normal calls already made, a priority is next", () => {
    const waiting = [ticket(1), ticket(2, { priority: 'pregnant' })];
    const order = callOrder({ ...base, waiting, sinceLastPriority: () => 2 });
    expect(order.map((t) => t.id)).toEqual([2, 1]);
  });

  it('is empty when nobody waits for these services', () => {
    expect(callOrder({ ...base, waiting: [ticket(1, { serviceId: 'r' })] })).toEqual([]);
  });

  it('lists every candidate once, and its head is what the policy picks now', () => {
    const arbTicket = fc.record({
      serviceId: fc.constantFrom('a', 'b', 'c'),
      priority: fc.constantFrom(...PRIORITIES),
      queuedAt: fc.integer({ min: 0, max: 120 }).map((m) => T0 + m * MINUTE_MS),
    });
    fc.assert(
      fc.property(fc.array(arbTicket, { maxLength: 25 }), fc.nat(4), (raw, since) => {
        const waiting = raw.map((r, i) => ({ ...r, id: i + 1 }));
        const input = {
          ...base,
          services: ['b', 'a'],
          now: T0 + 90 * MINUTE_MS,
          waiting,
          sinceLastPriority: () => since,
        };
        const order = callOrder(input);
        const candidates = waiting.filter((t) => t.serviceId !== 'c');
        expect(order.map((t) => t.id).sort((x, y) => x - y)).toEqual(candidates.map((t) => t.id));
        expect(order[0] ?? null).toEqual(pickNextTicket(input));
      }),
      { numRuns: 200 },
    );
  });
});
