/**
 * Every transition of the ticket lifecycle. Each method is one synchronous
 * transaction through `Commits` that either commits and returns the ticket
 * as it now is, or throws a HubError and changes nothing.
 */
import type { Clock } from '../clock.js';
import type { Actor } from '../connection.js';
import type { Commits } from '../changes/commits.js';
import type { Outcome } from '../changes/change.js';
import { serviceIn, type ConfigSource } from '../config/config.js';
import { HubError } from '../hub-error.js';
import type { CounterService } from '../counters/counter-service.js';
import type { ServiceDay } from '../day/service-day.js';
import type { CallPolicy } from './call-policy.js';
import { createIssue } from './issue.js';
import { createLifecycle, ticketChange } from './lifecycle.js';
import type { Standings } from './standing.js';
import type { TicketStore } from './ticket-store.js';
import type { TicketAction } from '../../../shared/domain/lifecycle.js';
import { pickNextTicket } from '../../../shared/domain/next-ticket.js';
import type {
  IssuedTicket,
  QueueEventType,
  RequestPayload,
  Ticket,
  TicketSource,
} from '../../../shared/protocol.js';

type TicketRef = RequestPayload<'ticket:start'>;

export interface TicketService {
  issue(actor: Actor, input: RequestPayload<'ticket:issue'>, source: TicketSource): IssuedTicket;
  /**
   * `issue` for the kiosks' hot path: tickets asked for in the same turn of
   * the event loop are committed together, one fsync for the lot.
   */
  issueGrouped(
    actor: Actor,
    input: RequestPayload<'ticket:issue'>,
    source: TicketSource,
  ): Promise<IssuedTicket>;
  /** The ticket the call policy picks for the counter; null when nobody waits for it. */
  callNext(actor: Actor, counterId: number): Ticket | null;
  call(actor: Actor, input: RequestPayload<'counter:call'>): Ticket;
  recall(actor: Actor, input: TicketRef): Ticket;
  start(actor: Actor, input: TicketRef): Ticket;
  complete(actor: Actor, input: TicketRef): Ticket;
  noShow(actor: Actor, input: TicketRef): Ticket;
  park(actor: Actor, input: TicketRef): Ticket;
  /** A parked citizen is back: they wait again at the front, since they already waited once. */
  resume(actor: Actor, input: TicketRef): Ticket;
  cancel(actor: Actor, input: TicketRef): Ticket;
  /** Ends the ticket at this counter and queues a new one, same number, in the target service. */
  transfer(actor: Actor, input: RequestPayload<'ticket:transfer'>): Ticket;
}

export interface TicketServiceDeps {
  clock: Clock;
  commits: Commits;
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  counters: CounterService;
  standings: Standings;
  policy: CallPolicy;
}

export function createTicketService(deps: TicketServiceDeps): TicketService {
  const { clock, commits, tickets, counters } = deps;
  const lifecycle = createLifecycle(deps);
  const { issue, transfer } = createIssue({ ...deps, lifecycle });

  function callTicket(actor: Actor, counterId: number, t: Ticket): Outcome<Ticket> {
    const called = lifecycle.move(t, 'call', actor, {
      calledAt: clock.now(),
      counterId,
      staffId: actor.staffId,
      recalls: 0,
    });
    const call = lifecycle.callView(called);
    return { data: called, changes: [ticketChange('ticket-called', called, { call })] };
  }

  function pickFor(counterId: number): Ticket | null {
    const { services } = counters.get(counterId);
    return pickNextTicket({
      services,
      waiting: services.flatMap((s) => tickets.waitingIn(s)),
      now: clock.now(),
      targetWaitMs: (s) => serviceIn(deps.config.current(), s).targetMinutes * 60_000,
      priorityEvery: deps.policy.priorityEvery(),
      sinceLastPriority: deps.policy.sinceLastPriority,
    });
  }

  /** A simple lifecycle step on a ticket at the clerk's own counter. */
  const step =
    (
      action: TicketAction,
      type: QueueEventType,
      patch: (t: Ticket, now: number) => Partial<Ticket>,
    ) =>
    (actor: Actor, { ticketId }: TicketRef): Ticket =>
      commits.run(() => {
        const t = lifecycle.ownTicket(actor, ticketId);
        const moved = lifecycle.move(t, action, actor, patch(t, clock.now()));
        const call = action === 'recall' ? lifecycle.callView(moved) : null;
        const change = ticketChange(type, { ...moved, counterId: t.counterId }, { call });
        return { data: moved, changes: [change] };
      });

  return {
    issue: (actor, input, source) => commits.run(() => issue(actor, input, source)),
    issueGrouped: (actor, input, source) => commits.grouped(() => issue(actor, input, source)),
    callNext: (actor, counterId) =>
      commits.run(() => {
        counters.callable(actor, counterId);
        const pick = pickFor(counterId);
        return pick ? callTicket(actor, counterId, pick) : { data: null, changes: [] };
      }),
    call: (actor, { counterId, ticketId }) =>
      commits.run(() => {
        counters.callable(actor, counterId);
        return callTicket(actor, counterId, lifecycle.ticket(ticketId));
      }),
    recall: step('recall', 'ticket-recalled', (t, now) => ({
      calledAt: now,
      recalls: t.recalls + 1,
    })),
    start: step('start', 'ticket-started', (_t, now) => ({ startedAt: now })),
    complete: step('complete', 'ticket-completed', (_t, now) => ({ finishedAt: now })),
    noShow: step('no-show', 'ticket-no-show', (_t, now) => ({ finishedAt: now })),
    park: step('park', 'ticket-parked', () => ({})),
    resume: (actor, { ticketId }) =>
      commits.run(() => {
        if (actor.counterId === null) {
          throw new HubError('conflict', 'Open a counter first', 'counter-not-open');
        }
        const t = lifecycle.ticket(ticketId);
        const resumed = lifecycle.move(t, 'resume', actor, {
          queuedAt: lifecycle.front(t.serviceId),
          counterId: null,
          staffId: null,
          calledAt: null,
          startedAt: null,
        });
        const change = ticketChange('ticket-resumed', { ...resumed, counterId: t.counterId });
        return { data: resumed, changes: [change] };
      }),
    cancel: (actor, { ticketId }) =>
      commits.run(() => {
        const t = lifecycle.move(lifecycle.ticket(ticketId), 'cancel', actor, {
          finishedAt: clock.now(),
        });
        return { data: t, changes: [ticketChange('ticket-cancelled', t)] };
      }),
    transfer: (actor, input) => commits.run(() => transfer(actor, input)),
  };
}
