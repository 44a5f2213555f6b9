/**
 * How often the citizen-facing appointment operations may be called: per
 * client address for everything, and per phone number for new bookings, so
 * one person cannot take a day's slots from one phone or one machine.
 */
import { keyedTokenBuckets } from '../api/rate-limit.js';
import { HubError } from '../hub-error.js';

export interface BookingRate {
  /** Reads (bookable services, slots, one booking) per address: burst, then per minute. */
  readBurst: number;
  readPerMinute: number;
  /** Writes (book, move, cancel, check in) per address. */
  writeBurst: number;
  writePerHour: number;
  /** New bookings per phone number. */
  phoneBurst: number;
  phonePerDay: number;
}

export const DEFAULT_BOOKING_RATE: BookingRate = {
  readBurst: 60,
  readPerMinute: 60,
  writeBurst: 10,
  writePerHour: 20,
  phoneBurst: 3,
  phonePerDay: 3,
};

const MAX_KEYS = 10_000;

export function createBookingLimits(rate: BookingRate, now: () => number) {
  const reads = keyedTokenBuckets(rate.readBurst, rate.readPerMinute / 60, now, MAX_KEYS);
  const writes = keyedTokenBuckets(rate.writeBurst, rate.writePerHour / 3600, now, MAX_KEYS);
  const phones = keyedTokenBuckets(rate.phoneBurst, rate.phonePerDay / 86_400, now, MAX_KEYS);
  const refuse = (what: string, retryAfter: number) => {
    throw new HubError('rate-limited', `Too many ${what}: try again later`, undefined, {
      params: { retryAfter },
    });
  };
  return {
    read(address: string) {
      if (!reads(address)) refuse('requests from this device', 60);
    },
    write(address: string) {
      if (!writes(address)) refuse('bookings from this device', 3600);
    },
    phone(phoneKey: string) {
      if (!phones(phoneKey)) refuse('bookings for this phone number', 3600);
    },
  };
}
export type BookingLimits = ReturnType<typeof createBookingLimits>;
