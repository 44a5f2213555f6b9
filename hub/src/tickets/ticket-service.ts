/**
 * Every transition of the ticket lifecycle. Each method is one synchronous
 * transaction through `Commits` that either commits and returns the ticket
 * as it now is, or throws a HubError and changes nothing.
 */
import type { Actor } from '../connection.js';
import { HubError } from '../hub-error.js';
import { unchanged } from '../changes/change.js';
import type { ServiceDay } from '../day/service-day.js';
import { issueTicket, transferTicket } from './issue.js';
import { createCalls, type CallDeps, type Calls } from './calls.js';
import { createLifecycle, ticketChange, type Lifecycle } from './lifecycle.js';
import type { Standings } from './standing.js';
import type { TicketAction } from '../../../shared/domain/lifecycle.js';
import type {
  IssuedTicket,
  QueueEventType,
  RequestPayload,
  ResponseData,
  Ticket,
  TicketSource,
} from '../../../shared/protocol.js';

type TicketRef = RequestPayload<'ticket:start'>;

export interface TicketService extends Calls {
  /** `detail` goes in the `issue` event: who asked when no device did (an API token). */
  issue(
    actor: Actor,
    input: RequestPayload<'ticket:issue'>,
    source: TicketSource,
    detail?: string,
  ): IssuedTicket;
  /**
   * `issue` for the kiosks' hot path: tickets asked for in the same turn of
   * the event loop are committed together, one fsync for the lot.
   */
  issueGrouped(
    actor: Actor,
    input: RequestPayload<'ticket:issue'>,
    source: TicketSource,
    detail?: string,
  ): Promise<IssuedTicket>;
  recall(actor: Actor, input: TicketRef): Ticket;
  start(actor: Actor, input: TicketRef): Ticket;
  complete(actor: Actor, input: TicketRef): Ticket;
  /**
   * Completes the ticket being served and calls the next one, in one
   * transaction (one fsync): both happen, or neither.
   */
  completeAndCallNext(
    actor: Actor,
    input: RequestPayload<'counter:complete-and-call-next'>,
  ): ResponseData['counter:complete-and-call-next'];
  noShow(actor: Actor, input: TicketRef): Ticket;
  park(actor: Actor, input: TicketRef): Ticket;
  /** A parked citizen is back: they wait again at the front, since they already waited once. */
  resume(actor: Actor, input: TicketRef): Ticket;
  cancel(actor: Actor, input: TicketRef): Ticket;
  /** Ends the ticket at this counter and queues a new one, same number, in the target service. */
  transfer(actor: Actor, input: RequestPayload<'ticket:transfer'>): Ticket;
}

export interface TicketServiceDeps extends CallDeps {
  day: ServiceDay;
  standings: Standings;
}

type Step = (actor: Actor, ref: TicketRef) => Ticket;

/** A simple lifecycle step on a ticket at the clerk's own counter. */
function stepOf(
  deps: TicketServiceDeps,
  lifecycle: Lifecycle,
  [action, type, patch]: [
    TicketAction,
    QueueEventType,
    (t: Ticket, now: number) => Partial<Ticket>,
  ],
): Step {
  return (actor, { ticketId }) =>
    deps.commits.run(() => {
      const t = lifecycle.ownTicket(actor, ticketId);
      const moved = lifecycle.move(t, action, actor, patch(t, deps.clock.now()));
      const call = action === 'recall' ? lifecycle.callView(moved) : null;
      const change = ticketChange(type, { ...moved, counterId: t.counterId }, { call });
      return { data: moved, changes: [change] };
    });
}

/** Steps that need no counter of their own: a parked citizen back in the queue, a cancel. */
function queueSteps(
  deps: TicketServiceDeps,
  lifecycle: Lifecycle,
): Pick<TicketService, 'resume' | 'cancel'> {
  return {
    resume: (actor, { ticketId }) =>
      deps.commits.run(() => {
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
      deps.commits.run(() => {
        const now = deps.clock.now();
        const t = lifecycle.move(lifecycle.ticket(ticketId), 'cancel', actor, { finishedAt: now });
        return { data: t, changes: [ticketChange('ticket-cancelled', t)] };
      }),
  };
}

export function createTicketService(deps: TicketServiceDeps): TicketService {
  const { commits } = deps;
  const lifecycle = createLifecycle(deps);
  const issuing = { ...deps, lifecycle };
  const step = (...s: Parameters<typeof stepOf>[2]) => stepOf(deps, lifecycle, s);
  const calls = createCalls(deps, lifecycle);
  const complete = step('complete', 'ticket-completed', (_t, now) => ({ finishedAt: now }));
  return {
    issue: (actor, input, source, detail) =>
      commits.run(() => issueTicket(issuing, actor, input, source, detail ?? null)),
    issueGrouped: (actor, input, source, detail) =>
      commits.grouped(() => issueTicket(issuing, actor, input, source, detail ?? null)),
    ...calls,
    recall: step('recall', 'ticket-recalled', (t, now) => ({
      calledAt: now,
      recalls: t.recalls + 1,
    })),
    start: step('start', 'ticket-started', (_t, now) => ({ startedAt: now })),
    complete,
    // The nested runs commit with this one and publish their events with it, in order; the
    // completion's own checks (the ticket is at the clerk's counter) and the call's (that
    // counter, open, now free) refuse the whole request, with nothing changed.
    completeAndCallNext: (actor, { counterId, ticketId }) =>
      commits.run(() => {
        const completed = complete(actor, { ticketId });
        return unchanged({ completed, called: calls.callNext(actor, counterId) });
      }),
    noShow: step('no-show', 'ticket-no-show', (_t, now) => ({ finishedAt: now })),
    park: step('park', 'ticket-parked', () => ({})),
    ...queueSteps(deps, lifecycle),
    transfer: (actor, input) => commits.run(() => transferTicket(issuing, actor, input)),
  };
}
