import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shortServices, WAITING_WINDOW, windowed } from './waiting-window.js';
import { ticketFixture, serviceFixture } from '../../test/fixtures.js';
import type { Priority, Ticket } from '../protocol.js';

const SERVICES = ['a', 'b'];

const servicesOf = (truth: readonly Ticket[]) =>
  SERVICES.map((id) => {
    const inService = truth.filter((t) => t.serviceId === id);
    return serviceFixture(id, {
      waiting: inService.length,
      priorityWaiting: inService.filter((t) => t.priority !== 'none').length,
    });
  });

describe('the window of the queue a counter holds', () => {
  it('keeps the first WAITING_WINDOW of each class of each service, in queue order', () => {
    const many = Array.from({ length: 130 }, (_, i) =>
      ticketFixture(i + 1, {
        serviceId: i % 2 ? 'a' : 'b',
        priority: i % 5 === 0 ? 'monk' : 'none',
        queuedAt: 1000 - i,
      }),
    );
    const kept = windowed(many);
    for (const id of SERVICES) {
      const normal = kept.filter((t) => t.serviceId === id && t.priority === 'none');
      expect(normal).toHaveLength(WAITING_WINDOW);
      // The newest tickets have the smallest queuedAt here: those are the front.
      expect(normal.every((t) => t.queuedAt >= 1000 - 129)).toBe(true);
    }
    expect(kept.map((t) => t.queuedAt)).toEqual(
      [...kept.map((t) => t.queuedAt)].sort((x, y) => x - y),
    );
  });

  it('stays the true front of every class through calls, arrivals and refills of short services', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('arrive' as const),
        serviceId: fc.constantFrom(...SERVICES),
        priority: fc.constantFrom<Priority>('none', 'none', 'elderly'),
        front: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 160 }),
        fc.array(op, { maxLength: 120 }),
        (start, ops) => {
          let nextId = 1;
          const make = (serviceId: string, priority: Priority, queuedAt: number) =>
            ticketFixture(nextId++, { serviceId, priority, queuedAt });
          let truth = Array.from({ length: start }, (_, i) =>
            make(SERVICES[i % 2] ?? 'a', i % 7 === 0 ? 'pregnant' : 'none', 10_000 + i),
          );
          let held = windowed(truth);
          let clock = 20_000;
          for (const o of ops) {
            if (o.kind === 'leave') {
              const gone = truth[o.pick % Math.max(1, truth.length)];
              if (!gone) continue;
              truth = truth.filter((t) => t !== gone);
              held = windowed(held.filter((t) => t.id !== gone.id));
            } else {
              const t = make(o.serviceId, o.priority, o.front ? -(clock += 1) : (clock += 1));
              truth = [...truth, t];
              held = windowed([...held, t]);
            }
            for (const s of shortServices(servicesOf(truth), held)) {
              held = windowed([
                ...held.filter((t) => t.serviceId !== s),
                ...truth.filter((t) => t.serviceId === s),
              ]);
            }
            expect(held).toEqual(windowed(truth));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
