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
 * time (that read sorts the day's calls). It is read once per service, day
 * and configuration (another ratio), then moved by each committed call as
 * the read would move it: +1 for a normal ticket, up to the ratio + 1 the
 * read looks back over, 0 for a priority one. Nothing reads it after a call
 * inside the call's own transaction, so it never holds a call that a
 * rollback undid.
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
        if (c.type !== 'ticket-called') continue;
        for (const id of c.ticketIds) {
          const t = deps.tickets.byId(id);
          const since = t && known.get(t.serviceId);
          if (!t || since === undefined) continue;
          known.set(
            t.serviceId,
            t.priority === 'none' ? Math.min(since + 1, priorityEvery() + 1) : 0,
          );
        }
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
