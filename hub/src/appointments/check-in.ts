/**
 * Check-in: a booked citizen enters the queue (DESIGN.md "Appointments and
 * the integration API"). Inside the window (slot − early … slot + late, on
 * the booking's day) the ticket is issued with priority `appointment`
 * through the same path as `ticket:issue` — the same checks, the same
 * transaction, the same printing — and the booking becomes `checked-in`.
 * After the window the citizen gets a walk-in ticket and the booking is
 * `late`. A second check-in answers the ticket of the first, issuing
 * nothing. The ticket's source is where the citizen checked in (`kiosk`
 * prints the slip there), not where they booked.
 */
import type { Actor } from '../connection.js';
import type { Commits } from '../changes/commits.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Clock } from '../clock.js';
import { HubError } from '../hub-error.js';
import { issueTicket, type IssueDeps } from '../tickets/issue.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { Standings } from '../tickets/standing.js';
import type { Outbox } from '../webhooks/webhook-outbox.js';
import type { BookingRow, BookingStore } from './booking-store.js';
import { webhookBooking } from './booking-view.js';
import { checkInRule, checkInWindow, clockTime } from '../../../shared/domain/slots.js';
import {
  normalBookingCode,
  shownBookingCode,
  type CheckInAnswer,
  type IssuedTicket,
  type TicketSource,
} from '../../../shared/protocol.js';

export interface CheckInDeps {
  clock: Clock;
  commits: Commits;
  day: ServiceDay;
  store: BookingStore;
  tickets: TicketStore;
  standings: Standings;
  issuing: IssueDeps;
  outbox: Pick<Outbox, 'booking'>;
}

const bookingOf = (r: BookingRow) => ({
  code: shownBookingCode(r.code),
  serviceId: r.service_id,
  day: r.day,
  start: clockTime(r.start_min),
});

/** The booked citizen's ticket: issued and the booking marked, in one transaction; the slip prints. */
function entry(deps: CheckInDeps) {
  return (actor: Actor, r: BookingRow, late: boolean, source: TicketSource) =>
    deps.commits.run(() => {
      const input = {
        serviceId: r.service_id,
        priority: late ? ('none' as const) : ('appointment' as const),
        lang: r.lang,
        requestId: `booking-${r.id}`,
      };
      const detail = `booking ${r.code}${late ? ' (late: walk-in)' : ''}`;
      const bookedStart = late ? null : r.start_min;
      const outcome = issueTicket(deps.issuing, actor, input, source, detail, bookedStart);
      deps.store.checkIn(r.id, late ? 'late' : 'checked-in', outcome.data.id, deps.clock.now());
      const now = deps.store.byId(r.id) ?? r;
      deps.outbox.booking('booking-checked-in', webhookBooking(now), outcome.data.id);
      return outcome;
    });
}

/** Before the service opens (check-in opens early): come back when it does. */
function notOpenYet(err: unknown, r: BookingRow): CheckInAnswer {
  if (!(err instanceof HubError) || err.reason !== 'outside-hours') throw err;
  const opensAt = err.detail.params?.['opensAt'];
  return {
    outcome: 'too-early',
    booking: bookingOf(r),
    ...(typeof opensAt === 'number' ? { opensAt } : {}),
  };
}

export function createCheckIn(deps: CheckInDeps) {
  const { store, clock } = deps;
  const enter = entry(deps);

  function issued(ticketId: number | null): IssuedTicket | undefined {
    const t = ticketId === null ? undefined : deps.tickets.byId(ticketId);
    return t ? { ...t, ...deps.standings.of(t) } : undefined;
  }

  return function checkIn(actor: Actor, code: string, source: TicketSource): CheckInAnswer {
    const normal = normalBookingCode(code);
    const r = normal === null ? undefined : store.byCode(normal);
    if (!r) return { outcome: 'unknown' };
    const settings = store.settings(r.service_id);
    const outcome = checkInRule(
      { status: r.status, day: r.day, startsAt: r.starts_at },
      deps.day.current(),
      clock.now(),
      settings,
    );
    const booking = bookingOf(r);
    switch (outcome) {
      case 'checked-in':
      case 'too-late':
        try {
          const ticket = enter(actor, r, outcome === 'too-late', source);
          return { outcome, booking, ticket };
        } catch (err) {
          if (outcome === 'too-late') throw err;
          return notOpenYet(err, r);
        }
      case 'already-checked-in': {
        const ticket = issued(r.ticket_id);
        return { outcome, booking, ...(ticket ? { ticket } : {}) };
      }
      case 'too-early':
        return { outcome, booking, opensAt: checkInWindow(r.starts_at, settings).opensAt };
      case 'not-today':
        return { outcome, booking, day: r.day };
      case 'cancelled':
        return { outcome, booking };
    }
  };
}
export type CheckIn = ReturnType<typeof createCheckIn>;
