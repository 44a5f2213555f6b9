import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCall, applyEvent, RECENT_CALLS_MAX } from './apply-event.js';
import type {
  CallView,
  CounterView,
  PrinterView,
  PublicQueueEvent,
  QueueEvent,
  ServiceView,
  Snapshot,
  Ticket,
} from '../protocol.js';
import { serviceFixture, ticketFixture } from '../../test/fixtures.js';

const T0 = 1_741_971_600_000; // 2025-03-15 00:00 in Vientiane

const service = (id: string, waiting = 0): ServiceView =>
  serviceFixture(id, { waiting, issuedToday: waiting });

function counter(id: number, patch: Partial<CounterView> = {}): CounterView {
  return {
    id,
    number: id,
    name: { lo: `ປ່ອງ ${id}`, en: `Counter ${id}` },
    services: ['f'],
    status: 'closed',
    pauseReason: null,
    current: null,
    staff: null,
    ...patch,
  };
}

const ticket = (id: number, patch: Partial<Ticket> = {}): Ticket =>
  ticketFixture(id, { day: '2025-03-15', issuedAt: T0 + id, queuedAt: T0 + id, ...patch });

function call(ticketId: number, counterId = 1, recalls = 0): CallView {
  return {
    ticketId,
    label: `F${String(ticketId).padStart(3, '0')}`,
    serviceId: 'f',
    counterId,
    counterNumber: counterId,
    at: T0 + 1000 * ticketId + recalls,
    recalls,
  };
}

function snapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 10,
    day: '2025-03-15',
    centre: {
      name: { lo: 'ສູນ', en: 'Centre' },
      timeZone: 'Asia/Vientiane',
      holidays: [],
      publicUrl: 'http://hub',
      notices: [],
      logo: null,
      displays: [],
      voiceClips: [],
      priorityEvery: 2,
    },
    services: [service('f'), service('r')],
    counters: [counter(1), counter(2)],
    recentCalls: [],
    waiting: [],
    ...patch,
  };
}

function event(seq: number, patch: Partial<QueueEvent> = {}): QueueEvent {
  return {
    seq,
    at: T0 + seq,
    type: 'ticket-issued',
    day: '2025-03-15',
    services: [],
    counters: [],
    call: null,
    tickets: [],
    ...patch,
  };
}

/** Folds events one by one, failing the test on a gap. */
function fold(state: Snapshot, events: readonly (QueueEvent | PublicQueueEvent)[]): Snapshot {
  return events.reduce((s, e) => {
    const next = applyEvent(s, e);
    if (next === null) throw new Error(`unexpected gap at seq ${e.seq}`);
    return next;
  }, state);
}

describe('applyEvent: sequence', () => {
  it('folds the next seq and moves the client to it', () => {
    const next = applyEvent(snapshot(), event(11));
    expect(next?.seq).toBe(11);
  });

  it('ignores an event it already has (seq not above its own), leaving the state as it was', () => {
    const state = snapshot({ waiting: [ticket(1)] });
    const stale = event(10, { type: 'ticket-called', tickets: [ticket(1, { status: 'called' })] });
    expect(applyEvent(state, stale)).toBe(state);
    expect(applyEvent(state, { ...stale, seq: 3 })).toBe(state);
  });

  it('returns null on a gap, so the client asks for a snapshot', () => {
    const state = snapshot();
    expect(applyEvent(state, event(12, { tickets: [ticket(1)] }))).toBeNull();
    expect(applyEvent(state, event(100))).toBeNull();
  });

  it('folding a duplicated event twice gives the same state as folding it once', () => {
    const e11 = event(11, { tickets: [ticket(1)], services: [service('f', 1)] });
    const e12 = event(12, { tickets: [ticket(2)], services: [service('f', 2)] });
    expect(fold(snapshot(), [e11, e11, e12, e11, e12])).toEqual(fold(snapshot(), [e11, e12]));
  });
});

describe('applyEvent: services and counters', () => {
  it('merges updated entities by id, keeps the others and their order, appends new ones', () => {
    const state = snapshot();
    const busy = counter(2, { status: 'open', staff: { id: 3, name: 'Bounmy' } });
    const next = applyEvent(
      state,
      event(11, {
        type: 'counter-updated',
        services: [service('r', 4)],
        counters: [busy, counter(9)],
      }),
    );
    expect(next?.services).toEqual([service('f'), service('r', 4)]);
    expect(next?.counters).toEqual([counter(1), busy, counter(9)]);
  });

  it('keeps the day and centre of the event', () => {
    const centre = {
      name: { lo: 'ໃໝ່', en: 'New' },
      timeZone: 'UTC',
      holidays: [],
      publicUrl: 'http://x',
      notices: [{ lo: 'ແຈ້ງການ', en: 'Notice' }],
      logo: {
        url: '/api/v1/centre/logo?v=0123456789abcdef',
        type: 'image/png' as const,
        width: 200,
        height: 100,
        bytes: 4_000,
      },
      displays: [],
      voiceClips: [],
      priorityEvery: 2,
    };
    const next = applyEvent(snapshot(), event(11, { type: 'config-changed', centre }));
    expect(next?.centre).toEqual(centre);
    // An event without a centre leaves it alone.
    expect(applyEvent(snapshot(), event(11))?.centre).toEqual(snapshot().centre);
  });

  it('replaces services and counters on config-changed, so a removed service disappears', () => {
    const state = snapshot({ recentCalls: [call(1)] });
    const next = applyEvent(
      state,
      event(11, { type: 'config-changed', services: [service('r')], counters: [counter(2)] }),
    );
    expect(next?.services).toEqual([service('r')]);
    expect(next?.counters).toEqual([counter(2)]);
    // The hall's last calls are still true after a config change.
    expect(next?.recentCalls).toEqual([call(1)]);
  });
});

describe('applyEvent: recent calls', () => {
  it('puts a new call on top', () => {
    const next = fold(snapshot(), [
      event(11, { type: 'ticket-called', call: call(1) }),
      event(12, { type: 'ticket-called', call: call(2, 2) }),
    ]);
    expect(next.recentCalls).toEqual([call(2, 2), call(1)]);
  });

  it('moves a recalled ticket back to the top, once, with its recall count', () => {
    const state = snapshot({ recentCalls: [call(3), call(2), call(1)] });
    const next = applyEvent(state, event(11, { type: 'ticket-recalled', call: call(1, 1, 1) }));
    expect(next?.recentCalls).toEqual([call(1, 1, 1), call(3), call(2)]);
  });

  it("moves a transferred citizen's call to the top: the new ticket keeps the label", () => {
    const state = snapshot({ recentCalls: [call(3), call(2), call(1)] });
    const transferred: CallView = { ...call(9, 2), label: call(1).label, serviceId: 'r' };
    const next = applyEvent(state, event(11, { type: 'ticket-called', call: transferred }));
    expect(next?.recentCalls).toEqual([transferred, call(3), call(2)]);
  });

  it(`keeps at most RECENT_CALLS_MAX (${RECENT_CALLS_MAX}) calls, newest first`, () => {
    const events = Array.from({ length: RECENT_CALLS_MAX + 5 }, (_, i) =>
      event(11 + i, { type: 'ticket-called', call: call(i + 1) }),
    );
    const next = fold(snapshot(), events);
    expect(next.recentCalls).toHaveLength(RECENT_CALLS_MAX);
    expect(next.recentCalls.map((c) => c.ticketId)).toEqual(
      Array.from({ length: RECENT_CALLS_MAX }, (_, i) => RECENT_CALLS_MAX + 5 - i),
    );
  });

  it('leaves the calls alone for events without a call', () => {
    const state = snapshot({ recentCalls: [call(1)] });
    const next = applyEvent(state, event(11, { type: 'ticket-started' }));
    expect(next?.recentCalls).toEqual([call(1)]);
  });

  it('addCall never lists a ticket twice', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 60 }), (ids) => {
        const calls = ids.reduce<CallView[]>((list, id) => addCall(list, call(id)), []);
        expect(new Set(calls.map((c) => c.ticketId)).size).toBe(calls.length);
        expect(calls.length).toBe(Math.min(new Set(ids).size, RECENT_CALLS_MAX));
        if (ids.length > 0) expect(calls[0]?.ticketId).toBe(ids.at(-1));
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyEvent: day-rolled', () => {
  it('starts the new day: new lists, no calls, nobody waiting', () => {
    const state = snapshot({
      recentCalls: [call(2), call(1)],
      waiting: [ticket(3), ticket(4)],
      counters: [
        counter(1, {
          current: { ticketId: 2, label: 'F002', serviceId: 'f', status: 'called', calledAt: T0 },
        }),
      ],
    });
    const rolled = event(11, {
      type: 'day-rolled',
      day: '2025-03-16',
      services: [service('f'), service('r')],
      counters: [counter(1), counter(2)],
      tickets: [3, 4, 2].map((id) => ticket(id, { status: 'expired' })),
    });
    const next = applyEvent(state, rolled);
    expect(next).toMatchObject({
      seq: 11,
      day: '2025-03-16',
      recentCalls: [],
      waiting: [],
      services: [service('f'), service('r')],
      counters: [counter(1), counter(2)],
    });
  });

  it('keeps a public client without a waiting list', () => {
    const publicState = snapshot({ recentCalls: [call(1)] });
    delete publicState.waiting;
    const next = applyEvent(publicState, {
      ...event(11, { type: 'day-rolled', day: '2025-03-16' }),
      tickets: [],
    });
    expect(next?.recentCalls).toEqual([]);
    expect(next).not.toHaveProperty('waiting');
  });
});

describe('applyEvent: the waiting list', () => {
  it('adds issued tickets in queue order: queuedAt, then id', () => {
    const next = fold(snapshot(), [
      event(11, { tickets: [ticket(2, { queuedAt: T0 + 5 })] }),
      event(12, { tickets: [ticket(1, { queuedAt: T0 + 5 })] }),
      event(13, { tickets: [ticket(3, { queuedAt: T0 + 1 })] }),
    ]);
    expect(next.waiting?.map((t) => t.id)).toEqual([3, 1, 2]);
  });

  it('removes a ticket that stops waiting, and updates one that still waits', () => {
    const state = snapshot({ waiting: [ticket(1), ticket(2), ticket(3)] });
    const next = fold(state, [
      event(11, {
        type: 'ticket-called',
        tickets: [ticket(1, { status: 'called', counterId: 1 })],
      }),
      event(12, { type: 'ticket-cancelled', tickets: [ticket(3, { status: 'cancelled' })] }),
      event(13, { type: 'ticket-issued', tickets: [ticket(2, { priority: 'elderly' })] }),
    ]);
    expect(next.waiting).toEqual([ticket(2, { priority: 'elderly' })]);
  });

  it('puts a resumed ticket back where its new queuedAt says (the front)', () => {
    const state = snapshot({ waiting: [ticket(2), ticket(3)] });
    const resumed = ticket(1, { status: 'waiting', queuedAt: T0 - 1000 });
    const next = applyEvent(state, event(11, { type: 'ticket-resumed', tickets: [resumed] }));
    expect(next?.waiting?.map((t) => t.id)).toEqual([1, 2, 3]);
  });

  it('on a transfer, drops the old ticket and queues the new one', () => {
    const state = snapshot({ waiting: [ticket(5)] });
    const moved = ticket(6, { serviceId: 'r', parentId: 1, queuedAt: T0 });
    const next = applyEvent(
      state,
      event(11, {
        type: 'ticket-transferred',
        tickets: [ticket(1, { status: 'transferred' }), moved],
      }),
    );
    expect(next?.waiting).toEqual([moved, ticket(5)]);
  });

  it('does not touch the waiting list for public tickets, which carry no code', () => {
    const state = snapshot({ waiting: [ticket(1)] });
    const publicEvent: PublicQueueEvent = {
      ...event(11, { type: 'ticket-called' }),
      tickets: [{ id: 1, label: 'F001', serviceId: 'f', status: 'called', counterId: 1 }],
    };
    expect(applyEvent(state, publicEvent)?.waiting).toEqual([ticket(1)]);
  });

  it('always holds exactly the tickets whose latest version waits, in queue order', () => {
    const statuses = ['waiting', 'called', 'serving', 'done', 'cancelled'] as const;
    const update = fc.record({
      id: fc.integer({ min: 1, max: 8 }),
      status: fc.constantFrom(...statuses),
      queuedAt: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(update, { maxLength: 3 }), { maxLength: 30 }), (batches) => {
        const latest = new Map<number, Ticket>();
        const events = batches.map((batch, i) => {
          const tickets = batch.map((u) =>
            ticket(u.id, { status: u.status, queuedAt: T0 + u.queuedAt }),
          );
          // Within one event the last version of a ticket wins, as the hub sends one version each.
          const unique = [...new Map(tickets.map((t) => [t.id, t])).values()];
          for (const t of unique) latest.set(t.id, t);
          return event(11 + i, { tickets: unique });
        });
        const next = fold(snapshot(), events);
        const expected = [...latest.values()]
          .filter((t) => t.status === 'waiting')
          .sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
        expect(next.waiting).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyEvent: printers', () => {
  const printer = (id: number, patch: Partial<PrinterView> = {}): PrinterView => ({
    id,
    name: `Printer ${id}`,
    status: 'ok',
    kioskDeviceId: null,
    paperDots: 576,
    queuedJobs: 0,
    statusAt: T0,
    ...patch,
  });

  it('updates the printer that changed and keeps the others, for staff and kiosks', () => {
    const state = snapshot({ printers: [printer(1), printer(2)] });
    const out = printer(2, { status: 'paper-out', queuedJobs: 3 });
    const next = applyEvent(state, event(11, { type: 'printer-updated', printers: [out] }));
    expect(next?.printers).toEqual([printer(1), out]);
    expect(next?.seq).toBe(11);
    expect(next?.services).toBe(state.services);
  });

  it('moves a client without printers (a display, a phone) along the sequence, nothing else', () => {
    const state = snapshot();
    const next = applyEvent(state, event(11, { type: 'printer-updated' }));
    expect(next).toEqual({ ...state, seq: 11 });
    expect(next?.printers).toBeUndefined();
  });

  it('keeps printers through events that do not carry them', () => {
    const state = snapshot({ printers: [printer(1, { status: 'cover-open' })] });
    const next = applyEvent(state, event(11, { type: 'ticket-issued', tickets: [ticket(5)] }));
    expect(next?.printers).toEqual(state.printers);
  });
});

describe('applyEvent: tickets held at counters (counter and console)', () => {
  it('keeps called, serving and parked tickets, drops the rest, by id', () => {
    const state = snapshot({ held: [ticket(4, { status: 'serving', counterId: 2 })] });
    const next = fold(state, [
      event(11, { type: 'ticket-called', tickets: [ticket(7, { status: 'called' })] }),
      event(12, { type: 'ticket-started', tickets: [ticket(7, { status: 'serving' })] }),
      event(13, {
        type: 'ticket-parked',
        tickets: [ticket(4, { status: 'parked', counterId: 2 })],
      }),
      event(14, { type: 'ticket-called', tickets: [ticket(2, { status: 'called' })] }),
      event(15, { type: 'ticket-no-show', tickets: [ticket(2, { status: 'no_show' })] }),
    ]);
    expect(next.held).toEqual([
      ticket(4, { status: 'parked', counterId: 2 }),
      ticket(7, { status: 'serving' }),
    ]);
  });

  it('lets go of a resumed or transferred ticket', () => {
    const state = snapshot({
      held: [ticket(1, { status: 'parked' }), ticket(2, { status: 'serving' })],
    });
    const next = fold(state, [
      event(11, { type: 'ticket-resumed', tickets: [ticket(1, { status: 'waiting' })] }),
      event(12, {
        type: 'ticket-transferred',
        tickets: [ticket(2, { status: 'transferred' }), ticket(3, { parentId: 2 })],
      }),
    ]);
    expect(next.held).toEqual([]);
    expect(next.waiting?.map((t) => t.id)).toEqual([1, 3]);
  });

  it('keeps a ticket still served at midnight, and drops the ones that expired', () => {
    const serving = ticket(1, { status: 'serving' });
    const state = snapshot({ held: [serving, ticket(2, { status: 'parked' })] });
    const next = applyEvent(
      state,
      event(11, { type: 'day-rolled', tickets: [ticket(2, { status: 'expired' })] }),
    );
    expect(next?.held).toEqual([serving]);
  });

  it('never adds a held list to a public client', () => {
    const publicState = snapshot();
    delete publicState.waiting;
    const next = applyEvent(publicState, event(11, { tickets: [ticket(1, { status: 'called' })] }));
    expect(next).not.toHaveProperty('held');
  });
});

describe('applyEvent: the call policy counts (counter and console)', () => {
  const policy = { priorityEvery: 2, sinceLastPriority: { f: 1 } };

  it('counts normal calls per service and starts again after a priority call', () => {
    const next = fold(snapshot({ callPolicy: policy }), [
      event(11, { type: 'ticket-called', tickets: [ticket(1, { status: 'called' })] }),
      event(12, {
        type: 'ticket-called',
        tickets: [ticket(2, { status: 'called', serviceId: 'r' })],
      }),
      event(13, { type: 'ticket-recalled', tickets: [ticket(1, { status: 'called' })] }),
    ]);
    expect(next.callPolicy).toEqual({ priorityEvery: 2, sinceLastPriority: { f: 2, r: 1 } });
    const afterPriority = applyEvent(
      next,
      event(14, {
        type: 'ticket-called',
        tickets: [ticket(3, { status: 'called', priority: 'monk' })],
      }),
    );
    expect(afterPriority?.callPolicy?.sinceLastPriority).toEqual({ f: 0, r: 1 });
  });

  it('asks for a snapshot after a configuration change, which may change the policy', () => {
    const state = snapshot({ callPolicy: policy });
    expect(applyEvent(state, event(11, { type: 'config-changed' }))).toBeNull();
    const publicState = snapshot();
    expect(applyEvent(publicState, event(11, { type: 'config-changed' }))?.seq).toBe(11);
  });

  it('starts every service from zero on a new day', () => {
    const next = applyEvent(snapshot({ callPolicy: policy }), event(11, { type: 'day-rolled' }));
    expect(next?.callPolicy).toEqual({ priorityEvery: 2, sinceLastPriority: {} });
  });
});
