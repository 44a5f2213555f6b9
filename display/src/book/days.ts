/**
 * The days a citizen may pick on /book: the hub's service day and the next
 * `daysAhead`, each marked closed by the hub's own rule (shared/domain/slots.ts:
 * the centre's holidays and the service's hours that weekday), read here so
 * the list needs no request per day; a day whose times have all begun says
 * so too. The hub still decides: a day it answers as closed says so when chosen.
 */
import { t, type Lang } from '../../../shared/i18n/index.js';
import { addDays, daySlots } from '../../../shared/domain/slots.js';
import type { BookableAnswer, Centre, ServiceView } from '../../../shared/protocol.js';
import { dayName } from '../../../shared/ui/booking-words.js';

export type DayClosed =
  | { why: 'holiday'; name: Centre['holidays'][number]['name'] }
  | { why: 'closed-day' }
  /** Today, with every time begun already. */
  | { why: 'over' };

export interface BookableDay {
  day: string;
  closed: DayClosed | null;
}

export interface DayFacts {
  today: string;
  now: number;
  centre: Pick<Centre, 'timeZone' | 'holidays'>;
  service: BookableAnswer['services'][number];
  hours: ServiceView['hours'];
}

export function bookableDays({ today, now, centre, service, hours }: DayFacts): BookableDay[] {
  const holidays = new Set(centre.holidays.map((h) => h.day));
  // Only the day's shape matters here; the places left come with the day's slots.
  const settings = {
    bookable: true,
    slotMinutes: service.slotMinutes,
    daysAhead: service.daysAhead,
    perSlot: 1,
    earlyMinutes: 0,
    lateMinutes: 0,
  };
  const days: BookableDay[] = [];
  for (let ahead = 0; ahead <= service.daysAhead; ahead++) {
    const day = addDays(today, ahead);
    const { slots, closed } = daySlots({
      day,
      today,
      now,
      timeZone: centre.timeZone,
      settings,
      hours,
      holidays,
      taken: () => 0,
    });
    const holiday = centre.holidays.find((h) => h.day === day);
    let shut: DayClosed | null = null;
    if (closed === 'holiday' && holiday) shut = { why: 'holiday', name: holiday.name };
    else if (closed || slots.length === 0) shut = { why: 'closed-day' };
    else if (slots.every((s) => s.startsAt <= now)) shut = { why: 'over' };
    days.push({ day, closed: shut });
  }
  return days;
}

/** "Today", "Tomorrow", or the date; `today` is the hub's service day. */
export function dayWords(day: string, today: string, lang: Lang): string {
  if (day === today) return `${t(lang, 'book.today')}, ${dayName(day, lang)}`;
  if (day === addDays(today, 1)) return `${t(lang, 'book.tomorrow')}, ${dayName(day, lang)}`;
  return dayName(day, lang);
}
