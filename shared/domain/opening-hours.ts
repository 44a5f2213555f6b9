/**
 * Whether a service is open at an instant, and when it opens next (DESIGN.md
 * via the console issue: "outside opening hours, or on a holiday, the kiosk
 * says when the service opens next"). Pure: the hub refuses tickets with it,
 * and the kiosk and the hall show the same answer without asking.
 *
 * A service with no hours is open every day the centre is (not a holiday).
 * A weekday without hours is closed all day. Within a day it is open from
 * `opensMin` to `closesMin`, except from `lunchFromMin` to `lunchToMin`;
 * minutes are the centre's wall clock.
 */
import { localDate } from '../i18n/calendar.js';
import type { OpeningHours } from '../protocol.js';

/** How far ahead "opens next" looks: two weeks covers any run of holidays. */
export const LOOK_AHEAD_DAYS = 14;
const MINUTE_MS = 60_000;

export interface Schedule {
  hours: readonly OpeningHours[];
  /** `YYYY-MM-DD` days the centre is closed. */
  holidays: ReadonlySet<string>;
}

export type OpenState =
  | { open: true }
  | {
      open: false;
      why: 'holiday' | 'closed-day' | 'before-hours' | 'lunch' | 'after-hours';
      /** The next instant it is open; null when not within LOOK_AHEAD_DAYS. */
      opensAt: number | null;
    };

interface Day {
  year: number;
  month: number;
  day: number;
  weekday: number;
  key: string;
}

function dayOf(year: number, month: number, day: number): Day {
  const d = new Date(Date.UTC(year, month - 1, day));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  return { year: y, month: m, day: dd, weekday: d.getUTCDay(), key };
}

/** The instant the centre's clock shows `minute` on `day` (twice corrected, for DST zones). */
function instantOf(day: Day, minute: number, timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minute);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const l = localDate(guess, timeZone);
    const shown = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
    guess += wall - shown;
  }
  return guess;
}

/** When the service opens on `day`, or null when it does not (holiday, closed weekday). */
/** The instant the centre's clock shows `minute` on the day `YYYY-MM-DD`. */
export function instantOnDay(dayKey: string, minute: number, timeZone: string): number {
  const [y = 0, m = 1, d = 1] = dayKey.split('-').map(Number);
  return instantOf(dayOf(y, m, d), minute, timeZone);
}

function opensOn(s: Schedule, day: Day, timeZone: string): number | null {
  if (s.holidays.has(day.key)) return null;
  if (s.hours.length === 0) return instantOf(day, 0, timeZone);
  const h = s.hours.find((x) => x.weekday === day.weekday);
  return h ? instantOf(day, h.opensMin, timeZone) : null;
}

function nextOpening(s: Schedule, today: Day, timeZone: string): number | null {
  for (let ahead = 1; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const at = opensOn(s, dayOf(today.year, today.month, today.day + ahead), timeZone);
    if (at !== null) return at;
  }
  return null;
}

export function openState(s: Schedule, now: number, timeZone: string): OpenState {
  const l = localDate(now, timeZone);
  const today = dayOf(l.year, l.month, l.day);
  const minute = l.hour * 60 + l.minute;
  const later = () => nextOpening(s, today, timeZone);
  if (s.holidays.has(today.key)) return { open: false, why: 'holiday', opensAt: later() };
  if (s.hours.length === 0) return { open: true };
  const h = s.hours.find((x) => x.weekday === today.weekday);
  if (!h) return { open: false, why: 'closed-day', opensAt: later() };
  if (minute < h.opensMin) {
    return { open: false, why: 'before-hours', opensAt: instantOf(today, h.opensMin, timeZone) };
  }
  if (minute >= h.closesMin) return { open: false, why: 'after-hours', opensAt: later() };
  if (h.lunchFromMin !== null && h.lunchToMin !== null) {
    if (minute >= h.lunchFromMin && minute < h.lunchToMin) {
      return { open: false, why: 'lunch', opensAt: instantOf(today, h.lunchToMin, timeZone) };
    }
  }
  return { open: true };
}

/** The minute boundary after `now`: when an open state can next change. */
export const nextMinute = (now: number) => (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS;
