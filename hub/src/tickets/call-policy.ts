/** What the next-ticket policy needs besides the queue: its ratio and today's calls per service. */
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { TicketStore } from './ticket-store.js';

export interface CallPolicy {
  priorityEvery(): number;
  /** Normal tickets called today in the service since its last priority one. */
  sinceLastPriority(serviceId: string): number;
}

export function createCallPolicy(deps: {
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
}): CallPolicy {
  const priorityEvery = () => deps.config.current().settings.priorityEvery;
  return {
    priorityEvery,
    sinceLastPriority(serviceId) {
      const window = priorityEvery() + 1;
      const priorities = deps.tickets.recentCallPriorities(serviceId, deps.day.current(), window);
      const firstPriority = priorities.findIndex((p) => p !== 'none');
      return firstPriority === -1 ? priorities.length : firstPriority;
    },
  };
}
