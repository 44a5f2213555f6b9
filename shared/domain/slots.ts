/**
 * Appointments' day math (DESIGN.md "Appointments and the integration API"),
 * pure so the hub, the /book page and the tests share it: a service's slots
 * on a day, from its opening hours for that weekday, its slot length and its
 * cap, skipping the centre's holidays and the lunch break; and the check-in
 * window around a slot. Days are `YYYY-MM-DD` on the centre's clock and are
 * counted as calendar dates (UTC date arithmetic), so a day is a day in any
 * zone; instants come from opening-hours.ts's wall-clock conversion.
 */
import { instantOnDay } from './opening-hours.js';
import type {
  BookingSettingsInput,
  BookingStatus,
  CheckInOutcome,
  OpeningHours,
  Slot,
  SlotsClosed,
} from '../protocol.js';

const MINUTE_MS = 60_000;

/** `570` → `"09:30"`. */
export const clockTime = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** `"09:30"` → `570` (the schema has checked the form). */
export function clockMinute(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

const dateOf = (day: string) => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

/** The calendar day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const d = dateOf(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (day: string) => dateOf(day).getUTCDay();

/**
 * The minutes a service's slots start at on a weekday: from opening, every `slotMinutes`,
 * each ending by closing time; a slot that would run into lunch starts after it instead.
 */
export function slotStarts(h: OpeningHours, slotMinutes: number): number[] {
  const starts: number[] = [];
  let at = h.opensMin;
  while (at + slotMinutes <= h.closesMin) {
    if (h.lunchFromMin !== null && h.lunchToMin !== null) {
      if (at < h.lunchToMin && at + slotMinutes > h.lunchFromMin) {
        at = Math.max(at, h.lunchToMin);
        continue;
      }
    }
    starts.push(at);
    at += slotMinutes;
  }
  return starts;
}

export interface DaySlotsInput {
  day: string;
  /** The service day being served now. */
  today: string;
  now: number;
  timeZone: string;
  settings: BookingSettingsInput;
  hours: readonly OpeningHours[];
  holidays: ReadonlySet<string>;
  /** Live (not cancelled) bookings in the slot starting at that minute. */
  taken: (startMin: number) => number;
}

export type DaySlots = { slots: Slot[]; closed?: SlotsClosed };

/** Why a day has no slots, before looking at its hours; null when it may have some. */
function closedDay(i: DaySlotsInput): SlotsClosed | null {
  if (!i.settings.bookable) return 'not-bookable';
  if (i.day < i.today) return 'past';
  if (i.day > addDays(i.today, i.settings.daysAhead)) return 'too-far';
  if (i.holidays.has(i.day)) return 'holiday';
  return null;
}

/** Every slot of the day in order; a full one, or one that has started, has `left: 0`. */
export function daySlots(i: DaySlotsInput): DaySlots {
  const closed = closedDay(i);
  if (closed) return { slots: [], closed };
  const h = i.hours.find((x) => x.weekday === weekdayOf(i.day));
  if (!h) return { slots: [], closed: 'closed-day' };
  const slots = slotStarts(h, i.settings.slotMinutes).map((min) => {
    const startsAt = instantOnDay(i.day, min, i.timeZone);
    const left = startsAt <= i.now ? 0 : Math.max(0, i.settings.perSlot - i.taken(min));
    return { start: clockTime(min), startsAt, left };
  });
  return { slots };
}

/** Check-in is open from `early` minutes before the slot to `late` minutes after it starts. */
export const checkInWindow = (
  startsAt: number,
  s: Pick<BookingSettingsInput, 'earlyMinutes' | 'lateMinutes'>,
) => ({
  opensAt: startsAt - s.earlyMinutes * MINUTE_MS,
  closesAt: startsAt + s.lateMinutes * MINUTE_MS,
});

export interface CheckInFacts {
  status: BookingStatus;
  day: string;
  startsAt: number;
}

/** What checking in now means for a booking (the hub then issues, or not, accordingly). */
export function checkInRule(
  b: CheckInFacts,
  today: string,
  now: number,
  s: Pick<BookingSettingsInput, 'earlyMinutes' | 'lateMinutes'>,
): Exclude<CheckInOutcome, 'unknown'> {
  if (b.status === 'cancelled') return 'cancelled';
  if (b.status === 'checked-in' || b.status === 'late') return 'already-checked-in';
  if (b.status === 'no-show' || b.day !== today) return 'not-today';
  const w = checkInWindow(b.startsAt, s);
  if (now < w.opensAt) return 'too-early';
  return now > w.closesAt ? 'too-late' : 'checked-in';
}
