/**
 * Where a waiting ticket stands: people called before it in its service, and
 * the estimated wait. The kiosk's ack, the printed slip, the phone and the
 * hall all read it from here. Both follow the order call-next really takes
 * (shared/domain/queue-place.ts), and both are read from the class counts,
 * a count of index entries on the nearer side of the ticket, and the call
 * policy's state: never a scan of the queue.
 */
import type { Clock } from '../clock.js';
import type { CounterStore } from '../counters/counter-store.js';
import type { CallPolicy } from './call-policy.js';
import type { TicketStore } from './ticket-store.js';
import {
  estimateWaitFromRecentMs,
  measuresRate,
  DEFAULT_RATE_WINDOW_MS,
} from '../../../shared/domain/wait-estimate.js';
import { peopleAheadInCallOrder } from '../../../shared/domain/queue-place.js';
import type { Ticket } from '../../../shared/protocol.js';

/** Until a service has its own completion history, assume this long per citizen. */
export const DEFAULT_SERVICE_MS = 10 * 60_000;

export interface Standing {
  peopleAhead: number | null;
  estimatedWaitMs: number | null;
}

type WaitingByClass = ReturnType<TicketStore['waitingByClass']>;

export interface Standings {
  /** The wait of whoever has `peopleAhead` people before them in the service. */
  estimate(serviceId: string, peopleAhead: number): number | null;
  /**
   * The wait of a citizen with no priority who takes a ticket for the service
   * now; `waiting` is the service's `waitingByClass`, when the caller has just read it.
   */
  newcomer(serviceId: string, waiting?: WaitingByClass): number | null;
  /** A ticket's standing; both null once it no longer waits. */
  of(ticket: Ticket): Standing;
}

export function createStandings(deps: {
  clock: Clock;
  tickets: TicketStore;
  counters: CounterStore;
  policy: CallPolicy;
}): Standings {
  const { clock, tickets, counters, policy } = deps;
  function estimate(serviceId: string, peopleAhead: number): number | null {
    const now = clock.now();
    const recent = tickets.recentCompletions(serviceId, now - DEFAULT_RATE_WINDOW_MS, now);
    return estimateWaitFromRecentMs({
      peopleAhead,
      recent,
      now,
      // Read only when it is used: a measured rate does not look at the counters.
      servingCounters: measuresRate(recent) ? 0 : counters.servingCount(serviceId),
      assumedServiceMinutes: DEFAULT_SERVICE_MS / 60_000,
    });
  }
  const place = (serviceId: string, priority: boolean, aheadInClass: number, other: number) =>
    peopleAheadInCallOrder({
      priority,
      aheadInClass,
      otherClassWaiting: other,
      priorityEvery: policy.priorityEvery(),
      sinceLastPriority: policy.sinceLastPriority(serviceId),
    });
  return {
    estimate,
    newcomer(serviceId, waiting = tickets.waitingByClass(serviceId)) {
      const { normal, priority } = waiting;
      return estimate(serviceId, place(serviceId, false, normal, priority));
    },
    of(ticket) {
      if (ticket.status !== 'waiting') return { peopleAhead: null, estimatedWaitMs: null };
      const counts = tickets.waitingByClass(ticket.serviceId);
      const isPriority = ticket.priority !== 'none';
      const own = isPriority ? counts.priority : counts.normal;
      const other = isPriority ? counts.normal : counts.priority;
      const ahead = tickets.aheadInClass(ticket, own);
      const peopleAhead = place(ticket.serviceId, isPriority, ahead, other);
      return { peopleAhead, estimatedWaitMs: estimate(ticket.serviceId, peopleAhead) };
    },
  };
}
