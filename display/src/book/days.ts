/**
 * The days a citizen may pick on /book: the hub's service day and the next
 * `daysAhead`, each marked closed when the centre keeps a holiday or the
 * service has no hours that weekday (the rule of shared/domain/opening-hours.ts,
 * read here so the list needs no request per day). The hub still decides: a
 * day it answers as closed says so when chosen.
 */
import { t, type Lang } from '../../../shared/i18n/index.js';
import type { Centre, ServiceView } from '../../../shared/protocol.js';
import { dayName, noonOf } from '../../../shared/ui/booking-words.js';

export type DayClosed =
  { why: 'holiday'; name: Centre['holidays'][number]['name'] } | { why: 'closed-day' };

export interface BookableDay {
  day: string;
  /** 0: today. */
  ahead: number;
  closed: DayClosed | null;
}

export function addDays(day: string, days: number): string {
  const d = noonOf(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function bookableDays(
  today: string,
  daysAhead: number,
  hours: ServiceView['hours'],
  holidays: Centre['holidays'],
): BookableDay[] {
  const days: BookableDay[] = [];
  for (let ahead = 0; ahead <= daysAhead; ahead++) {
    const day = addDays(today, ahead);
    const holiday = holidays.find((h) => h.day === day);
    const weekday = noonOf(day).getUTCDay();
    let closed: DayClosed | null = null;
    if (holiday) closed = { why: 'holiday', name: holiday.name };
    else if (hours.length > 0 && !hours.some((h) => h.weekday === weekday)) {
      closed = { why: 'closed-day' };
    }
    days.push({ day, ahead, closed });
  }
  return days;
}

/** "Today", "Tomorrow", or the date; `today` is the hub's service day. */
export function dayWords(day: string, today: string, lang: Lang): string {
  if (day === today) return `${t(lang, 'book.today')}, ${dayName(day, lang)}`;
  if (day === addDays(today, 1)) return `${t(lang, 'book.tomorrow')}, ${dayName(day, lang)}`;
  return dayName(day, lang);
}
