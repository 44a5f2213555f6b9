/** A booking row as its holder sees it (`Booking`), and as a webhook receiver does. */
import type { BookingRow, BookingStore } from './booking-store.js';
import { checkInWindow, clockTime } from '../../../shared/domain/slots.js';
import {
  maskedPhone,
  shownBookingCode,
  type Booking,
  type BookingSettingsInput,
  type WebhookBooking,
} from '../../../shared/protocol.js';

const MINUTE_MS = 60_000;

export function bookingView(
  r: BookingRow,
  settings: BookingSettingsInput,
  store: Pick<BookingStore, 'ticketOf'>,
): Booking {
  const window = checkInWindow(r.starts_at, settings);
  return {
    code: shownBookingCode(r.code),
    serviceId: r.service_id,
    day: r.day,
    start: clockTime(r.start_min),
    startsAt: r.starts_at,
    endsAt: r.starts_at + settings.slotMinutes * MINUTE_MS,
    status: r.status,
    name: r.name,
    phoneMasked: r.phone === '' ? '' : maskedPhone(r.phone),
    checkInOpensAt: window.opensAt,
    checkInClosesAt: window.closesAt,
    ticket: store.ticketOf(r.ticket_id),
    lang: r.lang,
  };
}

/** Nothing personal: no name, no phone. */
export const webhookBooking = (r: BookingRow): WebhookBooking => ({
  code: shownBookingCode(r.code),
  serviceId: r.service_id,
  day: r.day,
  start: clockTime(r.start_min),
  startsAt: r.starts_at,
  status: r.status,
  source: r.source,
});
