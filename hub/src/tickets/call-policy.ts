/** What the next-ticket policy needs besides the queue: its ratio and today's calls per service. */
import type { Commits } from '../changes/commits.js';
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { TicketStore } from './ticket-store.js';

export interface CallPolicy {
  priorityEvery(): number;
  /** Normal tickets called today in the service since its last priority one. */
  sinceLastPriority(serviceId: string): number;
}

/**
 * Every queue event shows each touched service's wait, which needs this
 * count, so it is kept per service instead of read from today's calls each
 * time: read once, then forgotten when a committed call in that service, a
 * new day or a new configuration (another ratio) may have changed it. Only
 * committed calls change it, and nothing reads it after a call inside the
 * call's own transaction, so a cached value is never one a rollback undid.
 */
export function createCallPolicy(deps: {
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  commits: Commits;
}): CallPolicy {
  const priorityEvery = () => deps.config.current().settings.priorityEvery;
  const known = new Map<string, number>();
  let knownFor: { day: string; config: unknown } = { day: '', config: null };
  deps.commits.listen({
    committed(changes) {
      for (const c of changes) {
        if (c.type === 'ticket-called') for (const s of c.serviceIds) known.delete(s);
      }
    },
  });

  function read(serviceId: string, day: string) {
    const window = priorityEvery() + 1;
    const priorities = deps.tickets.recentCallPriorities(serviceId, day, window);
    const firstPriority = priorities.findIndex((p) => p !== 'none');
    return firstPriority === -1 ? priorities.length : firstPriority;
  }

  return {
    priorityEvery,
    sinceLastPriority(serviceId) {
      const day = deps.day.current();
      const config = deps.config.current();
      if (knownFor.day !== day || knownFor.config !== config) {
        known.clear();
        knownFor = { day, config };
      }
      let since = known.get(serviceId);
      if (since === undefined) {
        since = read(serviceId, day);
        known.set(serviceId, since);
      }
      return since;
    },
  };
}
