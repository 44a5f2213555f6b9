/**
 * The steps every ticket action is made of: find the ticket, check the
 * lifecycle allows the move, write it with its audit row, and say what
 * changed. Each runs inside the caller's transaction.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Actor } from '../connection.js';
import type { Change } from '../changes/change.js';
import type { CounterService } from '../counters/counter-service.js';
import { HubError, notFound } from '../hub-error.js';
import type { TicketStore } from './ticket-store.js';
import { nextStatus, type TicketAction } from '../../../shared/domain/lifecycle.js';
import type { CallView, QueueEventType, Ticket } from '../../../shared/protocol.js';

const TICKET_CODE_BYTES = 10; // 80 bits: unguessable, short enough for a QR code

export const newTicketCode = () => randomBytes(TICKET_CODE_BYTES).toString('base64url');

export function ticketChange(type: QueueEventType, t: Ticket, extra: Partial<Change> = {}): Change {
  return {
    type,
    ticketIds: [t.id],
    serviceIds: [t.serviceId],
    counterIds: t.counterId === null ? [] : [t.counterId],
    call: null,
    ...extra,
  };
}

export interface LifecycleDeps {
  clock: Clock;
  tickets: TicketStore;
  counters: CounterService;
}

export interface Lifecycle {
  /** The ticket; not-found for an unknown id. */
  ticket(id: number): Ticket;
  /** Moves a ticket along the lifecycle and writes the audit row; refuses what the lifecycle does not allow. */
  move(
    t: Ticket,
    action: TicketAction,
    actor: Actor,
    patch?: Partial<Ticket>,
    detail?: string | null,
  ): Ticket;
  /** A ticket this clerk's counter holds right now. */
  ownTicket(actor: Actor, ticketId: number): Ticket;
  /** The call a ticket at a counter makes on the hall's screens. */
  callView(t: Ticket): CallView;
  /** Just before the front of a service's queue (a resumed or front-transferred citizen). */
  front(serviceId: string): number;
}

/** Just before the front of a service's queue (a resumed or front-transferred citizen). */
function front({ clock, tickets }: LifecycleDeps, serviceId: string): number {
  const now = clock.now();
  return Math.min(tickets.frontOfQueue(serviceId) ?? now, now) - 1;
}

/** The call a ticket at a counter makes on the hall's screens. */
function callView({ clock, counters }: LifecycleDeps, t: Ticket): CallView {
  const c = counters.get(t.counterId ?? 0);
  return {
    ticketId: t.id,
    label: t.label,
    serviceId: t.serviceId,
    counterId: c.id,
    counterNumber: c.number,
    at: t.calledAt ?? clock.now(),
    recalls: t.recalls,
  };
}

export function createLifecycle(deps: LifecycleDeps): Lifecycle {
  const { clock, tickets } = deps;
  function ticket(id: number): Ticket {
    const t = tickets.byId(id);
    if (!t) throw notFound(`Ticket ${id}`);
    return t;
  }

  function move(
    t: Ticket,
    action: TicketAction,
    actor: Actor,
    patch: Partial<Ticket> = {},
    detail: string | null = null,
  ): Ticket {
    const to = nextStatus(t.status, action);
    if (!to) {
      throw new HubError(
        'conflict',
        `Ticket ${t.label} is ${t.status}; it cannot ${action}`,
        'status',
      );
    }
    const updated: Ticket = { ...t, ...patch, status: to };
    tickets.update(updated);
    tickets.insertEvent({
      ticketId: t.id,
      at: clock.now(),
      type: action,
      fromStatus: t.status,
      toStatus: to,
      counterId: patch.counterId ?? t.counterId,
      staffId: actor.staffId,
      deviceId: actor.deviceId,
      detail,
    });
    return updated;
  }

  function ownTicket(actor: Actor, ticketId: number): Ticket {
    const t = ticket(ticketId);
    if (actor.counterId === null) {
      throw new HubError('conflict', 'Open a counter first', 'counter-not-open');
    }
    if (t.counterId !== actor.counterId) {
      throw new HubError('conflict', `Ticket ${t.label} is not at your counter`, 'wrong-counter');
    }
    return t;
  }

  return {
    ticket,
    move,
    ownTicket,
    callView: (t: Ticket) => callView(deps, t),
    front: (serviceId: string) => front(deps, serviceId),
  };
}
