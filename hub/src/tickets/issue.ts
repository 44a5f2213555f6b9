/**
 * New tickets: issued at a kiosk (or by the console), or made by a transfer
 * into another service's queue. Either way one `tickets` row, its number
 * from the day's series, and an `issue` audit row.
 */
import type { Actor } from '../connection.js';
import type { Outcome } from '../changes/change.js';
import { serviceIn, type ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import { HubError } from '../hub-error.js';
import type { Clock } from '../clock.js';
import { newTicketCode, ticketChange, type Lifecycle } from './lifecycle.js';
import type { Standings } from './standing.js';
import type { NewTicket, TicketStore } from './ticket-store.js';
import { formatLabel } from '../../../shared/domain/numbering.js';
import type {
  IssuedTicket,
  RequestPayload,
  Ticket,
  TicketSource,
} from '../../../shared/protocol.js';

export interface IssueDeps {
  clock: Clock;
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  standings: Standings;
  lifecycle: Lifecycle;
}

export function createIssue(deps: IssueDeps) {
  const { clock, config, tickets } = deps;

  function insert(actor: Actor, t: NewTicket, counterId: number | null, detail: string | null) {
    const ticket = tickets.insert(t);
    tickets.insertEvent({
      ticketId: ticket.id,
      at: t.issuedAt,
      type: 'issue',
      fromStatus: null,
      toStatus: 'waiting',
      counterId,
      staffId: actor.staffId,
      deviceId: actor.deviceId,
      detail,
    });
    return ticket;
  }

  const withStanding = (t: Ticket): IssuedTicket => ({ ...t, ...deps.standings.of(t) });

  /** A repeated `requestId` gets the ticket it got the first time, and changes nothing. */
  function issue(
    actor: Actor,
    input: RequestPayload<'ticket:issue'>,
    source: TicketSource,
  ): Outcome<IssuedTicket> {
    const existing = tickets.byRequest(input.requestId);
    if (existing) return { data: withStanding(existing), changes: [] };
    const svc = serviceIn(config.current(), input.serviceId);
    if (!svc.open) {
      throw new HubError('closed', `${svc.name.en} is not issuing tickets now`, 'service-closed');
    }
    const day = deps.day.current();
    if (svc.dailyCap !== null && tickets.issuedToday(day, svc.id) >= svc.dailyCap) {
      throw new HubError('closed', `${svc.name.en} has reached today's limit`, 'daily-cap-reached');
    }
    const now = clock.now();
    const number = tickets.nextNumber(day, svc.prefix);
    const t = insert(
      actor,
      {
        code: newTicketCode(),
        day,
        number,
        label: formatLabel(svc.prefix, number),
        serviceId: svc.id,
        priority: input.priority ?? 'none',
        lang: input.lang,
        source,
        issuedAt: now,
        queuedAt: now,
        parentId: null,
        requestId: input.requestId,
      },
      null,
      null,
    );
    const change = ticketChange('ticket-issued', t, { deviceId: actor.deviceId });
    return { data: withStanding(t), changes: [change] };
  }

  /** Ends the ticket at this counter and queues a new one, same number, in the target service. */
  function transfer(actor: Actor, input: RequestPayload<'ticket:transfer'>): Outcome<Ticket> {
    const { lifecycle } = deps;
    const t = lifecycle.ownTicket(actor, input.ticketId);
    const target = serviceIn(config.current(), input.toServiceId);
    const now = clock.now();
    const done = lifecycle.move(t, 'transfer', actor, { finishedAt: now }, input.reason ?? null);
    const next = insert(
      actor,
      {
        code: newTicketCode(),
        day: t.day,
        number: t.number,
        label: t.label,
        serviceId: target.id,
        priority: t.priority,
        lang: t.lang,
        source: 'counter',
        issuedAt: now,
        queuedAt: input.position === 'front' ? lifecycle.front(target.id) : now,
        parentId: t.id,
        requestId: null,
      },
      t.counterId,
      `transfer from ${t.id} (${input.position})`,
    );
    const change = ticketChange('ticket-transferred', done, {
      ticketIds: [done.id, next.id],
      serviceIds: [...new Set([done.serviceId, next.serviceId])],
    });
    return { data: next, changes: [change] };
  }

  return { issue, transfer };
}
