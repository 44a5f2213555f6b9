/**
 * What the clerk's desk shows, derived from the hub's snapshot with no I/O:
 * the counter, the citizen at it, the tickets on hold there, and each of its
 * services' queues in the order `counter:call-next` will take them.
 */
import { callOrder } from '../../shared/domain/call-order.js';
import { WAITING_WINDOW } from '../../shared/domain/waiting-window.js';
import { pickNextTicket, type NextTicketInput } from '../../shared/domain/next-ticket.js';
import type { CounterView, ServiceView, Snapshot, Ticket } from '../../shared/protocol.js';

const MINUTE_MS = 60_000;

export interface ServiceQueue {
  service: ServiceView;
  /** In call order: the first WAITING_WINDOW, the front the counter holds (waiting-window.ts). */
  tickets: Ticket[];
  /** Waiting behind those, shown a page at a time on request. */
  more: number;
  /** Since the longest-waiting ticket was issued; null when nobody waits. */
  longestWaitMs: number | null;
  /** The tickets past the service's target wait, which call-next takes first. */
  overdue: ReadonlySet<number>;
}

export interface Desk {
  counter: CounterView;
  current: Ticket | null;
  parked: Ticket[];
  queues: ServiceQueue[];
  /** The ticket `call-next` would take now. */
  nextId: number | null;
}

function policyInput(snapshot: Snapshot, services: readonly string[], now: number) {
  const policy = snapshot.callPolicy;
  const targets = new Map(snapshot.services.map((s) => [s.id, s.targetMinutes * MINUTE_MS]));
  return {
    services,
    waiting: snapshot.waiting ?? [],
    now,
    targetWaitMs: (id: string) => targets.get(id) ?? Number.POSITIVE_INFINITY,
    priorityEvery: policy?.priorityEvery ?? 1,
    sinceLastPriority: (id: string) => policy?.sinceLastPriority[id] ?? 0,
  } satisfies NextTicketInput<Ticket>;
}

export function deskOf(
  snapshot: Snapshot | null,
  counterId: number | null,
  now: number,
): Desk | null {
  const counter = snapshot?.counters.find((c) => c.id === counterId);
  if (!snapshot || !counter) return null;
  const held = snapshot.held ?? [];
  const current = counter.current
    ? (held.find((t) => t.id === counter.current?.ticketId) ?? null)
    : null;
  const queues = counter.services.flatMap((id): ServiceQueue[] => {
    const service = snapshot.services.find((s) => s.id === id);
    if (!service) return [];
    const tickets = callOrder(policyInput(snapshot, [id], now)).slice(0, WAITING_WINDOW);
    const oldest = Math.min(...tickets.map((t) => t.issuedAt));
    const targetMs = service.targetMinutes * MINUTE_MS;
    // By the time in the queue, as next-ticket.ts counts it: the mark and the jump agree.
    const overdue = new Set(tickets.filter((t) => now - t.queuedAt > targetMs).map((t) => t.id));
    return [
      {
        service,
        tickets,
        more: Math.max(0, service.waiting - tickets.length),
        longestWaitMs: tickets.length ? Math.max(0, now - oldest) : null,
        overdue,
      },
    ];
  });
  return {
    counter,
    current,
    parked: held.filter((t) => t.status === 'parked' && t.counterId === counter.id),
    queues,
    nextId: pickNextTicket(policyInput(snapshot, counter.services, now))?.id ?? null,
  };
}

/** Every ticket the clerk can choose with ↑ ↓, top to bottom as on screen. */
export function selectableTickets(desk: Desk): Ticket[] {
  return [...desk.parked, ...desk.queues.flatMap((q) => q.tickets)];
}

export function selectedTicket(desk: Desk | null, selectedId: number | null): Ticket | null {
  if (!desk || selectedId === null) return null;
  return selectableTickets(desk).find((t) => t.id === selectedId) ?? null;
}
