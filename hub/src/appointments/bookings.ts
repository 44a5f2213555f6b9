/**
 * Booking, moving and cancelling (DESIGN.md "Appointments and the
 * integration API"). Each is checked in full before anything is written (a
 * refused request leaves the database as it was), then written in one
 * transaction with its webhook deliveries. A booking is a reservation only:
 * it enters the queue at check-in (check-in.ts). What can be booked is
 * bookable-slots.ts.
 */
import type { Db } from '../db/open.js';
import { HubError, notFound } from '../hub-error.js';
import type { BookingEvent, Outbox } from '../webhooks/webhook-outbox.js';
import { createBookableSlots, type BookableSlotsDeps } from './bookable-slots.js';
import { newBookingCode } from './booking-codes.js';
import type { BookingRow, BookingStore } from './booking-store.js';
import { bookingView, webhookBooking } from './booking-view.js';
import {
  normalBookingCode,
  normalPhone,
  type Booking,
  type BookingMove,
  type BookingRequest,
  type BookingSource,
} from '../../../shared/protocol.js';

export interface BookingsDeps extends BookableSlotsDeps {
  db: Db;
  outbox: Pick<Outbox, 'booking' | 'wake'>;
}

function heldBooking(store: BookingStore, code: string): BookingRow {
  const normal = normalBookingCode(code);
  const r = normal === null ? undefined : store.byCode(normal);
  if (!r) throw notFound('A booking with that code');
  return r;
}

/** Only a booking still `booked` can be moved or cancelled. */
function stillBooked(r: BookingRow) {
  if (r.status !== 'booked') {
    throw new HubError('conflict', `This booking is ${r.status}: it cannot change`, 'status', {
      params: { status: r.status },
    });
  }
}

export function createBookings(deps: BookingsDeps) {
  const { store, clock } = deps;
  const open = createBookableSlots(deps);

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

  const held = (code: string) => heldBooking(store, code);

  return {
    bookable: open.bookable,
    slots: open.slots,
    book(req: BookingRequest, source: BookingSource): Booking {
      const svc = open.bookableService(req.serviceId);
      const slot = open.freeSlot(svc, req.day, req.start, null);
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
      const slot = open.freeSlot(open.bookableService(r.service_id), to.day, to.start, r);
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
