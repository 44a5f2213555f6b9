/** Today's last calls, newest first, one per citizen: what the hall's list shows. */
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { RECENT_CALLS_MAX } from '../../../shared/domain/apply-event.js';
import type { CallView } from '../../../shared/protocol.js';

export function createRecentCalls(deps: {
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
}) {
  return function recentCalls(): CallView[] {
    const calls: CallView[] = [];
    // By label: a transferred citizen keeps theirs on a new ticket, and is one person called.
    const seen = new Set<string>();
    for (const r of deps.tickets.recentCalls(deps.day.current(), RECENT_CALLS_MAX * 20)) {
      if (seen.has(r.label)) continue;
      seen.add(r.label);
      const c = deps.config.current().counters.get(r.counter_id);
      const t = deps.tickets.byId(r.ticket_id);
      if (!c || !t) continue;
      calls.push({
        ticketId: r.ticket_id,
        label: r.label,
        serviceId: r.service_id,
        counterId: c.id,
        counterNumber: c.number,
        // The ticket's calledAt is what this call's event carried (this row is its newest
        // call), so a client keying calls on `at` sees the same call in both.
        at: t.calledAt ?? r.at,
        recalls: t.recalls,
      });
      if (calls.length === RECENT_CALLS_MAX) break;
    }
    return calls;
  };
}
