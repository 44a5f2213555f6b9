/** A service as every client sees it: its configuration and its queue right now. */
import type { BookingStore } from '../appointments/booking-store.js';
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Standings } from '../tickets/standing.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { ServiceView } from '../../../shared/protocol.js';

export function createServiceViews(deps: {
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  standings: Standings;
  bookingStore: Pick<BookingStore, 'settings'>;
}) {
  return function service(id: string): ServiceView | null {
    const s = deps.config.current().services.get(id);
    if (!s) return null;
    const byClass = deps.tickets.waitingByClass(id);
    return {
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      ministry: s.ministry,
      feeLak: s.feeLak,
      feeIsSample: s.feeIsSample,
      feeRef: s.feeRef,
      documents: s.documents,
      targetMinutes: s.targetMinutes,
      dailyCap: s.dailyCap,
      asksPriority: s.asksPriority,
      open: s.open,
      hours: s.hours,
      waiting: byClass.normal + byClass.priority,
      priorityWaiting: byClass.priority,
      issuedToday: deps.tickets.issuedToday(deps.day.current(), id),
      estimatedWaitMs: deps.standings.newcomer(id, byClass),
      // The same rule as /book's list of services (bookable-slots.ts `bookable`).
      bookable: deps.bookingStore.settings(id).bookable,
    };
  };
}
