/**
 * A service's appointment settings as the form holds them (numbers as
 * typed) and back to what the hub takes; a value that is not a number
 * becomes NaN, which the schema refuses next to its field. And what a cap
 * leaves for walk-ins, said next to it.
 */
import type { BookingSettingsConfig, BookingSettingsInput } from '../../shared/protocol.js';

export interface BookingDraft {
  bookable: boolean;
  slotMinutes: string;
  perSlot: string;
  daysAhead: string;
  earlyMinutes: string;
  lateMinutes: string;
}

export const toBookingDraft = (s: BookingSettingsConfig): BookingDraft => ({
  bookable: s.bookable,
  slotMinutes: String(s.slotMinutes),
  perSlot: String(s.perSlot),
  daysAhead: String(s.daysAhead),
  earlyMinutes: String(s.earlyMinutes),
  lateMinutes: String(s.lateMinutes),
});

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export const fromBookingDraft = (d: BookingDraft): BookingSettingsInput => ({
  bookable: d.bookable,
  slotMinutes: numberOf(d.slotMinutes),
  perSlot: numberOf(d.perSlot),
  daysAhead: numberOf(d.daysAhead),
  earlyMinutes: numberOf(d.earlyMinutes),
  lateMinutes: numberOf(d.lateMinutes),
});

/**
 * What a cap leaves of each hour. A slot is about one citizen's time at a counter, so each
 * counter serving the service sees one citizen per slot; `perSlot` of them are booked and the
 * rest of the counters' time is the walk-ins'. Null when the numbers are not (yet) valid.
 */
export function walkInShare(
  slotMinutes: number,
  perSlot: number,
  counters: number,
): { perHour: number; share: number } | null {
  if (!(slotMinutes > 0) || !(perSlot > 0) || counters < 0) return null;
  const perHour = Math.floor((60 / slotMinutes) * perSlot);
  const share = counters === 0 ? 0 : Math.max(0, 1 - perSlot / counters);
  return { perHour, share };
}
