/**
 * How appointments are worded wherever a citizen reads them: a booking's day,
 * the check-in window ("arrive between 09:15 and 09:40"), and each check-in
 * outcome, the same on the kiosk and on the citizen's phone.
 */
import { missingCaseError } from '../assert.js';
import { LAO_MONTHS, LAO_WEEKDAYS, formatTime } from '../i18n/calendar.js';
import { t, type Lang } from '../i18n/index.js';
import type { Booking, CheckInAnswer } from '../protocol.js';

/** Noon UTC of a `YYYY-MM-DD` day: its calendar date and weekday, whatever the zone. */
export function noonOf(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date, 12));
}

const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "ວັນສຸກ ທີ 27 ພະຈິກ" / "Friday 27 November". */
export function dayName(day: string, lang: Lang): string {
  const d = noonOf(day);
  if (lang === 'en') return ENGLISH_DATE.format(d);
  return `${LAO_WEEKDAYS[d.getUTCDay()]} ທີ ${d.getUTCDate()} ${LAO_MONTHS[d.getUTCMonth()]}`;
}

/** "Arrive between 09:15 and 09:40; check in at the kiosk with this code." */
export function arriveWords(booking: Booking, timeZone: string, lang: Lang): string {
  return t(lang, 'book.arrive', {
    from: formatTime(booking.checkInOpensAt, timeZone),
    to: formatTime(booking.checkInClosesAt, timeZone),
  });
}

/** What a check-in came to, in one sentence the citizen can act on. */
export function checkInWords(answer: CheckInAnswer, timeZone: string, lang: Lang): string {
  const label = answer.ticket?.label ?? '';
  switch (answer.outcome) {
    case 'checked-in':
    case 'already-checked-in':
    case 'too-late':
      return t(lang, `checkin.${answer.outcome}`, { label });
    case 'too-early':
      return t(lang, 'checkin.too-early', {
        start: answer.booking?.start ?? '',
        time: answer.opensAt === undefined ? '' : formatTime(answer.opensAt, timeZone),
      });
    case 'not-today': {
      const day = answer.day ?? answer.booking?.day;
      return t(lang, 'checkin.not-today', { day: day ? dayName(day, lang) : '' });
    }
    case 'cancelled':
    case 'unknown':
      return t(lang, `checkin.${answer.outcome}`);
    default:
      throw missingCaseError(answer.outcome);
  }
}
