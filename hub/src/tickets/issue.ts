/**
 * New tickets: issued at a kiosk (or by the console), or made by a transfer
 * into another service's queue. Either way one `tickets` row, its number
 * from the day's series, and an `issue` audit row.
 */
import type { Actor } from '../connection.js';
import type { Outcome } from '../changes/change.js';
import { serviceIn, type ConfigSource, type ServiceConfig } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import { HubError } from '../hub-error.js';
import type { Clock } from '../clock.js';
import { newTicketCode, ticketChange, type Lifecycle } from './lifecycle.js';
import type { Standings } from './standing.js';
import type { NewTicket, TicketStore } from './ticket-store.js';
import { formatLabel } from '../../../shared/domain/numbering.js';
import { openState } from '../../../shared/domain/opening-hours.js';
import { clockMinute } from '../../../shared/domain/slots.js';
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

function insert(
  deps: IssueDeps,
  actor: Actor,
  t: NewTicket,
  at: { counterId: number | null; detail: string | null },
): Ticket {
  const ticket = deps.tickets.insert(t);
  deps.tickets.insertEvent({
    ticketId: ticket.id,
    at: t.issuedAt,
    type: 'issue',
    fromStatus: null,
    toStatus: 'waiting',
    counterId: at.counterId,
    staffId: actor.staffId,
    deviceId: actor.deviceId,
    detail: at.detail,
  });
  return ticket;
}

const withStanding = (deps: IssueDeps, t: Ticket): IssuedTicket => ({
  ...t,
  ...deps.standings.of(t),
});

/** Within its opening hours, and not on a holiday; `closed` with when it opens next. */
function withinHours(deps: IssueDeps, svc: ServiceConfig) {
  const config = deps.config.current();
  const holidays = new Set(config.holidays.map((h) => h.day));
  const state = openState({ hours: svc.hours, holidays }, deps.clock.now(), config.timeZone);
  if (state.open) return;
  const holiday = state.why === 'holiday';
  throw new HubError(
    'closed',
    holiday ? 'The centre is closed today' : `${svc.name.en} is not open at this time`,
    holiday ? 'holiday' : 'outside-hours',
    state.opensAt === null ? {} : { params: { opensAt: state.opensAt } },
  );
}

/** The service's checks before it issues: open, in its hours, and under today's cap. */
function issuable(deps: IssueDeps, serviceId: string, day: string) {
  const svc = serviceIn(deps.config.current(), serviceId);
  if (!svc.open) {
    throw new HubError('closed', `${svc.name.en} is not issuing tickets now`, 'service-closed');
  }
  withinHours(deps, svc);
  if (svc.dailyCap !== null && deps.tickets.issuedToday(day, svc.id) >= svc.dailyCap) {
    throw new HubError('closed', `${svc.name.en} has reached today's limit`, 'daily-cap-reached');
  }
  return svc;
}

/** A repeated `requestId` gets the ticket it got the first time, and changes nothing. */
export function issueTicket(
  deps: IssueDeps,
  actor: Actor,
  input: RequestPayload<'ticket:issue'>,
  source: TicketSource,
  /** Said in the ticket's `issue` event: who asked, when it was not a device (an API token). */
  detail: string | null = null,
  /** A booked citizen checking in: their slot's start, minutes from midnight. */
  bookedStartMin: number | null = null,
): Outcome<IssuedTicket> {
  const existing = deps.tickets.byRequest(input.requestId);
  if (existing) return { data: withStanding(deps, existing), changes: [] };
  const day = deps.day.current();
  const svc = issuable(deps, input.serviceId, day);
  const now = deps.clock.now();
  const number = deps.tickets.nextNumber(day, svc.prefix);
  const fresh: NewTicket = {
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
    bookedStartMin,
  };
  const t = insert(deps, actor, fresh, { counterId: null, detail });
  const change = ticketChange('ticket-issued', t, { deviceId: actor.deviceId });
  const standing = deps.standings.of(t);
  // Kept on the ticket, so reports can measure the estimate against the wait (docs/mne.md).
  deps.tickets.setEstimatedWait(t.id, standing.estimatedWaitMs);
  return { data: { ...t, ...standing }, changes: [change] };
}

/** Ends the ticket at this counter and queues a new one, same number, in the target service. */
export function transferTicket(
  deps: IssueDeps,
  actor: Actor,
  input: RequestPayload<'ticket:transfer'>,
): Outcome<Ticket> {
  return requeueIn(deps, actor, deps.lifecycle.ownTicket(actor, input.ticketId), 'transfer', input);
}

/**
 * A supervisor sends a citizen still in the hall (waiting, or on hold) to another
 * service's queue: the same number moves, as a clerk's transfer does.
 */
export function reassignTicket(
  deps: IssueDeps,
  actor: Actor,
  input: RequestPayload<'ticket:transfer'>,
): Outcome<Ticket> {
  const t = deps.lifecycle.ticket(input.ticketId);
  if (t.serviceId === input.toServiceId) {
    throw new HubError('invalid-request', `Ticket ${t.label} already waits there`, undefined, {
      fields: [{ path: 'toServiceId', issue: 'same-service' }],
    });
  }
  return requeueIn(deps, actor, t, 'reassign', input);
}

function requeueIn(
  deps: IssueDeps,
  actor: Actor,
  t: Ticket,
  action: 'transfer' | 'reassign',
  input: RequestPayload<'ticket:transfer'>,
): Outcome<Ticket> {
  const { lifecycle } = deps;
  const target = serviceIn(deps.config.current(), input.toServiceId);
  const now = deps.clock.now();
  const done = lifecycle.move(t, action, actor, { finishedAt: now }, input.reason ?? null);
  const moved: NewTicket = {
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
    bookedStartMin: t.booking ? clockMinute(t.booking.start) : null,
  };
  const detail = `transfer from ${t.id} (${input.position})`;
  const next = insert(deps, actor, moved, { counterId: t.counterId, detail });
  const change = ticketChange('ticket-transferred', done, {
    ticketIds: [done.id, next.id],
    serviceIds: [...new Set([done.serviceId, next.serviceId])],
  });
  return { data: next, changes: [change] };
}
