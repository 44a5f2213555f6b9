/**
 * The counter app's pure parts (counter/src/desk.ts, desk-actions.ts): what
 * the desk shows and which actions it offers, for every ticket status.
 */
import { describe, expect, it } from 'vitest';
import { deskOf, selectableTickets } from '../../counter/src/desk.js';
import {
  actionForKey,
  availableActions,
  DESK_ACTIONS,
  type DeskAction,
} from '../../counter/src/desk-actions.js';
import type { CounterView, Snapshot, Ticket, TicketStatus } from '../../shared/protocol.js';
import { serviceFixture, ticketFixture } from '../fixtures.js';

const T0 = Date.UTC(2026, 10, 27, 3, 0);
const MINUTE_MS = 60_000;

const ticket = (id: number, patch: Partial<Ticket> = {}): Ticket =>
  ticketFixture(id, { issuedAt: T0 + id * MINUTE_MS, queuedAt: T0 + id * MINUTE_MS, ...patch });

function snapshot(counter: Partial<CounterView>, tickets: Ticket[]): Snapshot {
  const service = (id: string) => serviceFixture(id, { targetMinutes: 60, feeLak: 0 });
  return {
    seq: 1,
    day: '2026-11-27',
    centre: {
      name: { lo: 'c', en: 'c' },
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
    counters: [
      {
        id: 1,
        number: 1,
        name: { lo: 'ປ່ອງ 1', en: 'Counter 1' },
        services: ['r', 'f'],
        status: 'open',
        pauseReason: null,
        current: null,
        staff: { id: 1, name: 'Noy' },
        ...counter,
      },
    ],
    recentCalls: [],
    waiting: tickets.filter((t) => t.status === 'waiting'),
    held: tickets.filter((t) => ['called', 'serving', 'parked'].includes(t.status)),
    callPolicy: { priorityEvery: 2, sinceLastPriority: {} },
  };
}

const NOW = T0 + 30 * MINUTE_MS;

function actionsFor(status: TicketStatus | null, counterStatus: CounterView['status'] = 'open') {
  const held = status ? [ticket(9, { status, counterId: 1, calledAt: T0 })] : [];
  const current =
    status === 'called' || status === 'serving'
      ? { ticketId: 9, label: 'F009', serviceId: 'f', status, calledAt: T0 }
      : null;
  const desk = deskOf(snapshot({ current, status: counterStatus }, held), 1, NOW);
  if (!desk) throw new Error('no desk');
  return [...availableActions(desk, null)].sort();
}

describe('the desk offers only what the lifecycle allows', () => {
  it.each([
    [null, 'open', ['call-next', 'close', 'logout', 'pause']],
    ['called', 'open', ['logout', 'no-show', 'pause', 'recall', 'start']],
    ['serving', 'open', ['complete', 'complete-next', 'logout', 'park', 'pause', 'transfer']],
    ['serving', 'paused', ['complete', 'logout', 'park', 'transfer', 'unpause']],
    [null, 'paused', ['close', 'logout', 'unpause']],
  ] as const)('ticket %s at an %s counter', (status, counterStatus, expected) => {
    expect(actionsFor(status, counterStatus)).toEqual([...expected].sort());
  });

  it('offers call-this and cancel for a chosen waiting ticket, resume for one on hold', () => {
    const tickets = [ticket(1), ticket(2, { status: 'parked', counterId: 1 })];
    const desk = deskOf(snapshot({}, tickets), 1, NOW);
    if (!desk) throw new Error('no desk');
    expect(selectableTickets(desk).map((t) => t.id)).toEqual([2, 1]);
    const onWaiting = availableActions(desk, tickets[0] ?? null);
    expect(onWaiting.has('call-this') && onWaiting.has('cancel')).toBe(true);
    expect(onWaiting.has('resume')).toBe(false);
    const onParked = availableActions(desk, tickets[1] ?? null);
    expect(onParked.has('resume')).toBe(true);
    expect(onParked.has('call-this') || onParked.has('cancel')).toBe(false);
  });

  it('maps each key to at most one available action, and ignores the others', () => {
    const all = new Set(Object.keys(DESK_ACTIONS) as DeskAction[]);
    all.delete('unpause'); // shares F2 with pause; never offered together
    all.delete('complete-next'); // shares N with call-next: one while serving, the other when free
    const codes = [...all].map((a) => DESK_ACTIONS[a].code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(actionForKey('KeyN', new Set(['call-next', 'logout']))).toBe('call-next');
    expect(actionForKey('KeyS', new Set(['call-next', 'logout']))).toBeNull();
    expect(actionForKey('F2', new Set(['unpause']))).toBe('unpause');
    expect(actionForKey('KeyN', new Set(['complete-next', 'complete']))).toBe('complete-next');
  });
});

describe('what waits, per service, in call order', () => {
  it('lists each service of the counter in its rank, priority interleaved, and marks the next', () => {
    const tickets = [
      ticket(1),
      ticket(2, { priority: 'elderly' }),
      ticket(3),
      ticket(4),
      ticket(5, { serviceId: 'r' }),
    ];
    const desk = deskOf(snapshot({}, tickets), 1, NOW);
    expect(desk?.queues.map((q) => [q.service.id, q.tickets.map((t) => t.id)])).toEqual([
      ['r', [5]],
      ['f', [1, 3, 2, 4]],
    ]);
    expect(desk?.queues[1]?.longestWaitMs).toBe(29 * MINUTE_MS);
    expect(desk?.nextId).toBe(5); // r ranks first at this counter
  });

  it('marks the tickets past their target wait, which call-next then takes first', () => {
    // Targets are 60 min; at NOW + 35 min tickets 1, 3, 4 have queued 64, 62, 61 min; 5 just 60.
    const later = NOW + 35 * MINUTE_MS;
    const tickets = [ticket(1), ticket(3), ticket(5, { serviceId: 'r' }), ticket(4)];
    const desk = deskOf(snapshot({}, tickets), 1, later);
    expect(desk?.queues.map((q) => [q.service.id, [...q.overdue]])).toEqual([
      ['r', []],
      ['f', [1, 3, 4]],
    ]);
    expect(desk?.nextId).toBe(1); // past its target: ahead of r, which ranks first here
    expect(
      [...(deskOf(snapshot({}, tickets), 1, NOW)?.queues ?? [])].flatMap((q) => [...q.overdue]),
    ).toEqual([]);
  });
});
