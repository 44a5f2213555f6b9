/**
 * Where a waiting ticket stands: people ahead of it in its service, and the
 * estimated wait. The kiosk's ack, the printed slip, the phone and the hall
 * all read it from here.
 */
import type { Clock } from '../clock.js';
import type { CounterStore } from '../counters/counter-store.js';
import type { TicketStore } from './ticket-store.js';
import { estimateWaitMs, DEFAULT_RATE_WINDOW_MS } from '../../../shared/domain/wait-estimate.js';
import type { Ticket } from '../../../shared/protocol.js';

/** Until a service has its own completion history, assume this long per citizen. */
export const DEFAULT_SERVICE_MS = 10 * 60_000;

export interface Standing {
  peopleAhead: number | null;
  estimatedWaitMs: number | null;
}

export interface Standings {
  /** The wait of whoever has `peopleAhead` people before them in the service. */
  estimate(serviceId: string, peopleAhead: number): number | null;
  /** A ticket's standing; both null once it no longer waits. */
  of(ticket: Ticket): Standing;
}

export function createStandings(deps: {
  clock: Clock;
  tickets: TicketStore;
  counters: CounterStore;
}): Standings {
  const { clock, tickets, counters } = deps;
  function estimate(serviceId: string, peopleAhead: number): number | null {
    const now = clock.now();
    return estimateWaitMs({
      peopleAhead,
      completedAt: tickets.completedSince(serviceId, now - DEFAULT_RATE_WINDOW_MS),
      now,
      windowMs: DEFAULT_RATE_WINDOW_MS,
      servingCounters: counters.servingCount(serviceId),
      assumedServiceMinutes: DEFAULT_SERVICE_MS / 60_000,
    });
  }
  return {
    estimate,
    of(ticket) {
      if (ticket.status !== 'waiting') return { peopleAhead: null, estimatedWaitMs: null };
      const peopleAhead = tickets.peopleAhead(ticket);
      return { peopleAhead, estimatedWaitMs: estimate(ticket.serviceId, peopleAhead) };
    },
  };
}
