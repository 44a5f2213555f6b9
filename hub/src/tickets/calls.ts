/** Calling a citizen to a counter: the one the call policy picks next, or one the clerk chose. */
import type { Actor } from '../connection.js';
import type { Outcome } from '../changes/change.js';
import { serviceIn } from '../config/config.js';
import { ticketChange, type Lifecycle } from './lifecycle.js';
import type { Clock } from '../clock.js';
import type { Commits } from '../changes/commits.js';
import type { ConfigSource } from '../config/config.js';
import type { CounterService } from '../counters/counter-service.js';
import type { CallPolicy } from './call-policy.js';
import type { TicketStore } from './ticket-store.js';
import { pickNextTicket } from '../../../shared/domain/next-ticket.js';
import type { RequestPayload, Ticket } from '../../../shared/protocol.js';

export interface Calls {
  /** The ticket the call policy picks for the counter; null when nobody waits for it. */
  callNext(actor: Actor, counterId: number): Ticket | null;
  call(actor: Actor, input: RequestPayload<'counter:call'>): Ticket;
}

export interface CallDeps {
  clock: Clock;
  commits: Commits;
  config: ConfigSource;
  tickets: TicketStore;
  counters: CounterService;
  policy: CallPolicy;
}

export function createCalls(deps: CallDeps, lifecycle: Lifecycle): Calls {
  const { clock, commits, counters, tickets } = deps;

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
      waiting: tickets.classHeads(services),
      now: clock.now(),
      targetWaitMs: (s) => serviceIn(deps.config.current(), s).targetMinutes * 60_000,
      priorityEvery: deps.policy.priorityEvery(),
      sinceLastPriority: deps.policy.sinceLastPriority,
    });
  }

  return {
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
  };
}
