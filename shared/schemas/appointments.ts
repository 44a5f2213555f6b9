/**
 * Appointments (DESIGN.md "Appointments and the integration API"): what a
 * manager sets per service, the slots a citizen may book, a booking as its
 * holder sees it, and check-in. A booking is a reservation, not a place in
 * the queue: the citizen enters the queue only at check-in. Name and phone
 * appear only in the booking's own view (its holder has the code); no
 * display, hall, webhook or other public payload ever carries them.
 */
import { z } from 'zod';
import { EpochMs, IssuedTicketSchema, ServiceDaySchema } from './entities.js';
import { Slug, Version } from './console.js';
import { LangSchema } from './enums.js';

// ---------------------------------------------------------------- the console's settings

/** Per service; a service never saved here is not bookable and has these values. */
export const DEFAULT_BOOKING_SETTINGS = {
  bookable: false,
  slotMinutes: 30,
  perSlot: 1,
  daysAhead: 14,
  earlyMinutes: 15,
  lateMinutes: 10,
} as const;

export const BookingSettingsInputSchema = z.strictObject({
  bookable: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240),
  /** The cap per slot: what is left of each hour stays for walk-ins. */
  perSlot: z.number().int().min(1).max(50),
  /** 0: only today. */
  daysAhead: z.number().int().min(0).max(60),
  /** Check-in opens this long before the slot starts… */
  earlyMinutes: z.number().int().min(0).max(120),
  /** …and closes this long after it started (later: a walk-in ticket). */
  lateMinutes: z.number().int().min(0).max(120),
});
export type BookingSettingsInput = z.infer<typeof BookingSettingsInputSchema>;

/** `version` null: never saved, the defaults apply. */
export type BookingSettingsConfig = BookingSettingsInput & {
  serviceId: string;
  version: number | null;
};

/** Days after a booking's day its name and phone are wiped (at the day's rollover). */
export const DEFAULT_BOOKING_RETENTION_DAYS = 30;
export const BookingRetentionInputSchema = z.strictObject({
  days: z.number().int().min(1).max(365),
});
export interface BookingRetention {
  days: number;
  version: number;
}

/** What the console shows and edits of appointments (inside `config:get`). */
export interface BookingConfig {
  services: BookingSettingsConfig[];
  retention: BookingRetention;
}

// ---------------------------------------------------------------- words

/** `late`: checked in after the window, and given a walk-in ticket. */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked-in', 'no-show', 'late'] as const;
export const BookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

export const BOOKING_SOURCES = ['phone', 'api'] as const;
export const BookingSourceSchema = z.enum(BOOKING_SOURCES);
export type BookingSource = z.infer<typeof BookingSourceSchema>;

/** A slot's start on the centre's clock. */
export const SlotTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time, HH:MM')
  .meta({ description: "A time on the centre's clock, `HH:MM`", example: '09:30' });

/** The code's letters: no 0/O, 1/I/L, so it can be read aloud and typed without doubt. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 8;

/**
 * A booking code as typed or scanned: 8 letters and digits, with or without the dash, any
 * case (`abcd-2345`, `ABCD2345`). The hub reads it as upper case without the dash.
 */
export const BookingCodeInputSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/, 'a booking code')
  .meta({ description: 'The booking code, `XXXX-XXXX` (the dash and the case do not matter)' });

/** The code's canonical form (upper case, no dash), or null when it is not one. */
export function normalBookingCode(input: string): string | null {
  const code = input.trim().replace('-', '').toUpperCase();
  if (code.length !== BOOKING_CODE_LENGTH) return null;
  return [...code].every((c) => BOOKING_CODE_ALPHABET.includes(c)) ? code : null;
}

/** How the code is shown and printed: `ABCD-2345`. */
export const shownBookingCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A name as the citizen gives it: plain text, never markup. */
export const BookingNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^<>\p{Cc}]*$/u, 'plain text');

/**
 * A Lao phone number: 8 to 13 digits once spaces, dashes and dots are dropped, optionally
 * after `+` (`+856 20 5555 1234`, `020 5555 1234`, `2055551234`).
 */
export const PhoneSchema = z
  .string()
  .trim()
  .max(24)
  .refine((p) => /^\+?\d{8,13}$/.test(p.replace(/[\s.-]/g, '')), 'phone');

/** One number however it is written, for the per-phone rate limit: `2055551234`. */
export function normalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.startsWith('856') && digits.length > 10 ? digits.slice(3) : digits;
  return national.replace(/^0+/, '');
}

/** `•••• 5678`: enough for its holder to recognise their number, nothing more. */
export const maskedPhone = (phone: string) => `•••• ${phone.replace(/\D/g, '').slice(-4)}`;

// ---------------------------------------------------------------- slots

export const SlotSchema = z
  .object({
    start: SlotTimeSchema,
    startsAt: EpochMs,
    /** Places left in the slot; 0 for a full slot and for one that has started already. */
    left: z.number().int().nonnegative(),
  })
  .meta({ id: 'Slot' });
export type Slot = z.infer<typeof SlotSchema>;

/** Why a day has no slots at all. */
export const SLOTS_CLOSED = ['holiday', 'closed-day', 'too-far', 'past', 'not-bookable'] as const;
export const SlotsClosedSchema = z.enum(SLOTS_CLOSED);
export type SlotsClosed = z.infer<typeof SlotsClosedSchema>;

export const SlotsAnswerSchema = z
  .object({
    serviceId: z.string(),
    day: ServiceDaySchema,
    /** Every slot of the day in order, full and started ones with `left: 0`. */
    slots: z.array(SlotSchema),
    /** Present when `slots` is empty because of the day itself. */
    closed: SlotsClosedSchema.optional(),
  })
  .meta({ id: 'Slots' });
export type SlotsAnswer = z.infer<typeof SlotsAnswerSchema>;

export const BookableServiceSchema = z.object({
  serviceId: z.string(),
  name: z.object({ lo: z.string(), en: z.string() }),
  ministry: z.object({ lo: z.string(), en: z.string() }),
  slotMinutes: z.number().int().positive(),
  daysAhead: z.number().int().nonnegative(),
  /** The fee in kip, absent when it is only a sample. */
  fee: z.number().int().nonnegative().optional(),
});
export const BookableAnswerSchema = z
  .object({ services: z.array(BookableServiceSchema) })
  .meta({ id: 'Bookable' });
export type BookableAnswer = z.infer<typeof BookableAnswerSchema>;

// ---------------------------------------------------------------- bookings

export const BookingRequestSchema = z
  .strictObject({
    serviceId: Slug,
    day: ServiceDaySchema,
    start: SlotTimeSchema,
    name: BookingNameSchema,
    phone: PhoneSchema,
    lang: LangSchema,
  })
  .meta({ id: 'BookingRequest' });
export type BookingRequest = z.infer<typeof BookingRequestSchema>;

/** Moving a booking: another slot of the same service (only while `booked`). */
export const BookingMoveSchema = z
  .strictObject({ day: ServiceDaySchema, start: SlotTimeSchema })
  .meta({ id: 'BookingMove' });
export type BookingMove = z.infer<typeof BookingMoveSchema>;

/** A booking as its holder sees it: the only payload that carries the name (and part of the phone). */
export const BookingSchema = z
  .object({
    /** As shown and printed: `ABCD-2345`. */
    code: z.string(),
    serviceId: z.string(),
    day: ServiceDaySchema,
    start: SlotTimeSchema,
    startsAt: EpochMs,
    endsAt: EpochMs,
    status: BookingStatusSchema,
    /** Empty once the retention period wiped it. */
    name: z.string(),
    phoneMasked: z.string(),
    checkInOpensAt: EpochMs,
    checkInClosesAt: EpochMs,
    /** The ticket check-in gave; null before. */
    ticket: z.object({ code: z.string(), label: z.string() }).nullable(),
    lang: LangSchema,
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof BookingSchema>;

export const BookingAnswerSchema = z
  .object({ booking: BookingSchema })
  .meta({ id: 'BookingAnswer' });

// ---------------------------------------------------------------- check-in

/**
 * `checked-in`: inside the window, a ticket with priority `appointment` was issued.
 * `already-checked-in`: the same ticket again, nothing issued. `too-early`: come back at
 * `opensAt`. `too-late`: after the window; a walk-in ticket was issued. `cancelled`;
 * `not-today`: the booking is for `day`; `unknown`: no booking has that code.
 */
export const CHECK_IN_OUTCOMES = [
  'checked-in',
  'already-checked-in',
  'too-early',
  'too-late',
  'cancelled',
  'not-today',
  'unknown',
] as const;
export const CheckInOutcomeSchema = z.enum(CHECK_IN_OUTCOMES);
export type CheckInOutcome = z.infer<typeof CheckInOutcomeSchema>;

export const CheckInRequestSchema = z.strictObject({ code: BookingCodeInputSchema });

/** What the kiosk needs of the booking: nothing personal. */
export const CheckInBookingSchema = z.object({
  code: z.string(),
  serviceId: z.string(),
  day: ServiceDaySchema,
  start: SlotTimeSchema,
});

/**
 * The answer to `ticket:check-in` and `POST /bookings/{code}/check-in`. `ticket` (with
 * `checked-in`, `already-checked-in` and `too-late`) is the `ticket:issue` ack's shape.
 */
export const CheckInAnswerSchema = z
  .object({
    outcome: CheckInOutcomeSchema,
    booking: CheckInBookingSchema.optional(),
    ticket: IssuedTicketSchema.optional(),
    /** With `too-early`: when check-in opens. */
    opensAt: EpochMs.optional(),
    /** With `not-today`: the booking's day. */
    day: ServiceDaySchema.optional(),
  })
  .meta({ id: 'CheckIn' });
export type CheckInAnswer = z.infer<typeof CheckInAnswerSchema>;

// ---------------------------------------------------------------- the console's requests

export const BookingSaveRequestSchema = z.strictObject({
  serviceId: Slug,
  booking: BookingSettingsInputSchema,
  /** The settings' version the manager saw; null: never saved (the defaults). */
  version: Version.nullable(),
});
export const RetentionSaveRequestSchema = z.strictObject({
  retention: BookingRetentionInputSchema,
  version: Version,
});

/** Today's bookings of one service, for the floor and the reports. */
export interface BookingCounts {
  booked: number;
  checkedIn: number;
  late: number;
  noShows: number;
  cancelled: number;
}
