/**
 * Booking, moving and cancelling (DESIGN.md "Appointments and the
 * integration API"). Each is checked in full before anything is written (a
 * refused request leaves the database as it was), then written in one
 * transaction with its webhook deliveries. A booking is a reservation only:
 * it enters the queue at check-in (check-in.ts).
 */
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { serviceIn, type ConfigSource, type ServiceConfig } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import { HubError, notFound } from '../hub-error.js';
import type { BookingEvent, Outbox } from '../webhooks/webhook-outbox.js';
import { newBookingCode } from './booking-codes.js';
import type { BookingRow, BookingStore } from './booking-store.js';
import { bookingView, webhookBooking } from './booking-view.js';
import { clockMinute, daySlots } from '../../../shared/domain/slots.js';
import {
  normalBookingCode,
  normalPhone,
  type BookableAnswer,
  type Booking,
  type BookingMove,
  type BookingRequest,
  type BookingSource,
  type SlotsAnswer,
} from '../../../shared/protocol.js';

export interface BookingsDeps {
  db: Db;
  clock: Clock;
  config: ConfigSource;
  day: ServiceDay;
  store: BookingStore;
  outbox: Pick<Outbox, 'booking' | 'wake'>;
}

export function createBookings(deps: BookingsDeps) {
  const { store, clock } = deps;

  /** The day's slots as the citizen sees them; `except` does not count against its own slot. */
  function slotsOf(svc: ServiceConfig, day: string, except: BookingRow | null = null) {
    const config = deps.config.current();
    const taken = store.takenOnDay(svc.id, day);
    return daySlots({
      day,
      today: deps.day.current(),
      now: clock.now(),
      timeZone: config.timeZone,
      settings: store.settings(svc.id),
      hours: svc.hours,
      holidays: new Set(config.holidays.map((h) => h.day)),
      taken: (min) =>
        (taken.get(min) ?? 0) - (except?.day === day && except.start_min === min ? 1 : 0),
    });
  }

  /** The slot asked for, when it can be booked; else the reason it cannot. */
  function freeSlot(svc: ServiceConfig, day: string, start: string, except: BookingRow | null) {
    const { slots, closed } = slotsOf(svc, day, except);
    const slot = slots.find((s) => s.start === start);
    if (!slot || slot.startsAt <= clock.now()) {
      throw new HubError('conflict', 'That slot cannot be booked', 'slot-unavailable', {
        params: { closed: closed ?? 'no-slot' },
      });
    }
    if (slot.left === 0) throw new HubError('conflict', 'That slot is full', 'slot-full');
    return { startMin: clockMinute(start), startsAt: slot.startsAt };
  }

  const bookableService = (serviceId: string) => {
    const svc = serviceIn(deps.config.current(), serviceId);
    if (!store.settings(svc.id).bookable) throw notFound(`A bookable service ${serviceId}`);
    return svc;
  };

  const view = (r: BookingRow) => bookingView(r, store.settings(r.service_id), store);

  /** One transaction: the write, then the webhook deliveries of the booking as it now is. */
  function write(event: BookingEvent | null, work: () => number): Booking {
    const row = deps.db.transaction(() => {
      const r = store.byId(work());
      if (!r) throw new Error('a booking just written is missing');
      if (event) deps.outbox.booking(event, webhookBooking(r), r.ticket_id);
      return r;
    })();
    deps.outbox.wake();
    return view(row);
  }

  function held(code: string): BookingRow {
    const normal = normalBookingCode(code);
    const r = normal === null ? undefined : store.byCode(normal);
    if (!r) throw notFound('A booking with that code');
    return r;
  }

  function stillBooked(r: BookingRow) {
    if (r.status !== 'booked') {
      throw new HubError('conflict', `This booking is ${r.status}: it cannot change`, 'status', {
        params: { status: r.status },
      });
    }
  }

  return {
    bookable(): BookableAnswer {
      const services = [...deps.config.current().services.values()].flatMap((svc) => {
        const s = store.settings(svc.id);
        if (!s.bookable) return [];
        return [
          {
            serviceId: svc.id,
            name: svc.name,
            ministry: svc.ministry.name,
            slotMinutes: s.slotMinutes,
            daysAhead: s.daysAhead,
            ...(svc.feeIsSample ? {} : { fee: svc.feeLak }),
          },
        ];
      });
      return { services };
    },
    slots(serviceId: string, day: string): SlotsAnswer {
      const svc = serviceIn(deps.config.current(), serviceId);
      return { serviceId: svc.id, day, ...slotsOf(svc, day) };
    },
    book(req: BookingRequest, source: BookingSource): Booking {
      const svc = bookableService(req.serviceId);
      const slot = freeSlot(svc, req.day, req.start, null);
      return write('booking-made', () =>
        store.insert({
          code: newBookingCode((c) => store.byCode(c) !== undefined),
          serviceId: svc.id,
          day: req.day,
          ...slot,
          name: req.name,
          phone: req.phone,
          phoneKey: normalPhone(req.phone),
          lang: req.lang,
          source,
          createdAt: clock.now(),
        }),
      );
    },
    get: (code: string): Booking => view(held(code)),
    move(code: string, to: BookingMove): Booking {
      const r = held(code);
      stillBooked(r);
      const slot = freeSlot(bookableService(r.service_id), to.day, to.start, r);
      return write(null, () => (store.move(r.id, to.day, slot.startMin, slot.startsAt), r.id));
    },
    cancel(code: string): Booking {
      const r = held(code);
      stillBooked(r);
      return write('booking-cancelled', () => (store.cancel(r.id, clock.now()), r.id));
    },
    held,
  };
}
export type Bookings = ReturnType<typeof createBookings>;
