/**
 * The floor's part of the protocol (supervisors and managers at the console):
 * the live view, ticket search, and the floor's actions. A console login is
 * a supervisor's at least (pipeline.ts turns clerks away), so `ctx.staff()`
 * is the role check.
 */
import type { ServiceDay } from '../day/service-day.js';
import type { ConfigSource } from '../config/config.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../handler.js';
import { notFound } from '../hub-error.js';
import type { StaffAdmin } from '../staff/staff-admin.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { Views } from '../views/views.js';
import type { Alerts } from './alerts.js';
import type { FloorActions } from './floor-actions.js';
import type { BookingStatusRow, FloorStore } from './floor-store.js';
import { formatLabel } from '../../../shared/domain/numbering.js';
import { addBookings, countBookings } from '../../../shared/domain/booking-counts.js';
import type {
  FloorBookings,
  FloorView,
  RequestPayload,
  TicketHistory,
} from '../../../shared/protocol.js';

type FloorEvent =
  | 'floor:get'
  | 'floor:ticket-search'
  | 'floor:transfer'
  | 'floor:cancel'
  | 'floor:reprint'
  | 'floor:close-counter'
  | 'floor:sign-out';

export interface FloorDeps {
  clock: Clock;
  config: ConfigSource;
  day: ServiceDay;
  views: Views;
  tickets: TicketStore;
  floor: FloorStore;
  alerts: Alerts;
  actions: FloorActions;
  staffAdmin: StaffAdmin;
}

/**
 * Today's bookings per service (in the console's order) and in total. An open booking whose
 * window has closed is counted a no-show now; the rollover will make it one.
 */
function todaysBookings(rows: BookingStatusRow[], serviceIds: Iterable<string>) {
  const services: FloorBookings[] = [];
  for (const serviceId of serviceIds) {
    const own = rows.filter((r) => r.service_id === serviceId);
    if (own.length === 0) continue;
    const missed = own.reduce((sum, r) => sum + r.missed, 0);
    const open = own.find((r) => r.status === 'booked')?.n ?? 0;
    const counts = countBookings(own);
    services.push({
      serviceId,
      ...counts,
      noShows: counts.noShows + missed,
      expected: open - missed,
    });
  }
  const total = services.reduce(
    (sum, s) => ({ ...addBookings(sum, s), expected: sum.expected + s.expected }),
    { ...countBookings([]), expected: 0 },
  );
  return { total, services };
}

/** Everything the floor shows, read from counts and indexes (floor-store.ts). */
export function floorView(deps: FloorDeps): FloorView {
  const { floor } = deps;
  const c = deps.config.current();
  const day = deps.day.current();
  const now = deps.clock.now();
  const waiting = floor.waiting();
  const today = floor.today(day);
  deps.alerts.check();
  return {
    day,
    at: now,
    services: [...c.services.values()].map((s) => {
      const n = waiting.get(s.id) ?? 0;
      return {
        serviceId: s.id,
        waiting: n,
        oldestQueuedAt: n > 0 ? floor.oldestQueuedAt(s.id) : null,
        targetMinutes: s.targetMinutes,
        served: today.get(s.id)?.served ?? 0,
        noShows: today.get(s.id)?.noShows ?? 0,
      };
    }),
    counters: deps.views.counters(c.counters.keys(), false),
    alerts: deps.alerts.current(),
    slowed: deps.staffAdmin
      .list()
      .flatMap((m) =>
        m.slowedUntil !== null && m.slowedUntil > now
          ? [{ id: m.id, name: m.name, until: m.slowedUntil }]
          : [],
      ),
    bookings: todaysBookings(floor.bookings(day, now), c.services.keys()),
  };
}

/** Every ticket with this number on the day (a transfer keeps it), or the code's ticket's. */
function search(deps: FloorDeps, { query, day }: RequestPayload<'floor:ticket-search'>) {
  const number = /^([A-Za-z]{1,3})(\d{1,5})$/.exec(query);
  let label: string;
  let onDay = day;
  if (number?.[1] && number[2]) {
    label = formatLabel(number[1].toUpperCase(), Number(number[2]));
  } else {
    const t = deps.tickets.byCode(query);
    if (!t) return [];
    label = t.label;
    onDay = t.day;
  }
  return deps.floor
    .byLabel(onDay, label)
    .map((ticket) => ({ ticket, steps: deps.floor.steps(ticket.id) })) satisfies TicketHistory;
}

export function floorHandlers(deps: FloorDeps): Handlers<FloorEvent> {
  const { actions } = deps;
  const counterView = (id: number) => {
    const v = deps.views.counter(id, false);
    if (!v) throw notFound(`Counter ${id}`);
    return v;
  };
  return {
    'floor:get': (ctx) => (ctx.staff(), floorView(deps)),
    'floor:ticket-search': (ctx, p) => (ctx.staff(), search(deps, p)),
    'floor:transfer': (ctx, p) => actions.transfer(ctx.staff(), ctx.actor, p),
    'floor:cancel': (ctx, { ticketId }) => actions.cancel(ctx.staff(), ctx.actor, ticketId),
    'floor:reprint': (ctx, { ticketId }) => actions.reprint(ctx.staff(), ticketId),
    'floor:close-counter': (ctx, { counterId }) => {
      actions.closeCounter(ctx.staff(), ctx.actor, counterId);
      return counterView(counterId);
    },
    'floor:sign-out': (ctx, { staffId }) => {
      actions.signOut(ctx.staff(), ctx.actor, staffId);
      return {};
    },
  };
}
