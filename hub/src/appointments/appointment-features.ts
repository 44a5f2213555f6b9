/**
 * The appointments' part of the hub: booking and check-in, the console's
 * settings, and the end of each day (no-shows; personal data past its
 * retention wiped).
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { Commits } from '../changes/commits.js';
import type { Audit } from '../config/audit.js';
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Handlers } from '../handler.js';
import type { IssueDeps } from '../tickets/issue.js';
import type { Outbox } from '../webhooks/webhook-outbox.js';
import { bookingAdminHandlers } from './booking-admin.js';
import { createBookingLimits, DEFAULT_BOOKING_RATE, type BookingRate } from './booking-rate.js';
import type { BookingStore } from './booking-store.js';
import { createBookings } from './bookings.js';
import { createCheckIn } from './check-in.js';
import { addDays } from '../../../shared/domain/slots.js';

export interface AppointmentDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  commits: Commits;
  config: ConfigSource;
  day: ServiceDay;
  bookingStore: BookingStore;
  issuing: IssueDeps;
  dayEnds: ((today: string) => void)[];
  audit: Audit;
  outbox: Outbox;
  inForce: <T>(work: () => T) => T;
  rate?: Partial<BookingRate>;
}

export function appointmentFeatures(deps: AppointmentDeps) {
  const store = deps.bookingStore;
  const bookings = createBookings({ ...deps, store });
  const checkIn = createCheckIn({
    ...deps,
    store,
    tickets: deps.issuing.tickets,
    standings: deps.issuing.standings,
  });
  deps.dayEnds.push((today) => {
    const noShows = store.markNoShows(today);
    // Name and phone go N days after the booking's day: a day N days back is wiped today.
    const wiped = store.wipeThrough(addDays(today, -store.retention().days), deps.clock.now());
    deps.log.info({ day: today, noShows, wiped }, 'bookings closed for the day');
  });
  const handlers: Handlers<'ticket:check-in' | 'config:booking-save' | 'config:retention-save'> = {
    'ticket:check-in': (ctx, { code }) => {
      if (ctx.conn.role === 'console') ctx.staff();
      return checkIn(ctx.actor, code, ctx.conn.role === 'kiosk' ? 'kiosk' : 'api');
    },
    ...bookingAdminHandlers({
      store,
      audit: deps.audit,
      config: deps.config,
      inForce: deps.inForce,
    }),
  };
  return {
    bookings,
    checkIn,
    limits: createBookingLimits({ ...DEFAULT_BOOKING_RATE, ...deps.rate }, () => deps.clock.now()),
    handlers,
  };
}
export type Appointments = ReturnType<typeof appointmentFeatures>;
