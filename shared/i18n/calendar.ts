/**
 * The date and time a hall display shows, in the centre's time zone (never
 * the browser's: a TV's clock setting is whatever the installer left).
 * Lao: Lao weekday and month names and the Buddhist-era year (ພ.ສ.), as Lao
 * calendars and notices write it; English: the usual Gregorian date.
 */
import type { Lang } from '../protocol.js';

export const LAO_MONTHS = [
  'ມັງກອນ',
  'ກຸມພາ',
  'ມີນາ',
  'ເມສາ',
  'ພຶດສະພາ',
  'ມິຖຸນາ',
  'ກໍລະກົດ',
  'ສິງຫາ',
  'ກັນຍາ',
  'ຕຸລາ',
  'ພະຈິກ',
  'ທັນວາ',
] as const;
/** Sunday first, as `Date` counts. */
export const LAO_WEEKDAYS = [
  'ວັນອາທິດ',
  'ວັນຈັນ',
  'ວັນອັງຄານ',
  'ວັນພຸດ',
  'ວັນພະຫັດ',
  'ວັນສຸກ',
  'ວັນເສົາ',
] as const;
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const ENGLISH_WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** The Buddhist era starts 543 years before the common era. */
export const BUDDHIST_ERA_OFFSET_YEARS = 543;

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

/**
 * One formatter per time zone: making one costs far more than using it, and
 * the hub asks for the local time on every ticket it issues (opening hours).
 */
const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock parts of `epochMs` in `timeZone`. */
export function localDate(epochMs: number, timeZone: string): LocalDate {
  const parts = partsFormat(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const year = part('year');
  const month = part('month');
  const day = part('day');
  return {
    year,
    month,
    day,
    // The weekday of that calendar date, whatever the zone.
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** "14:05": 24-hour time, as both Lao and English notices in Laos write it. */
export function formatTime(epochMs: number, timeZone: string): string {
  const d = localDate(epochMs, timeZone);
  return `${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
}

/**
 * "ວັນສຸກ ທີ 27 ພະຈິກ ພ.ສ. 2569" / "Friday 27 November 2026".
 */
export function formatDate(epochMs: number, timeZone: string, lang: Lang): string {
  const d = localDate(epochMs, timeZone);
  if (lang === 'lo') {
    const year = d.year + BUDDHIST_ERA_OFFSET_YEARS;
    return `${LAO_WEEKDAYS[d.weekday]} ທີ ${d.day} ${LAO_MONTHS[d.month - 1]} ພ.ສ. ${year}`;
  }
  return `${ENGLISH_WEEKDAYS[d.weekday]} ${d.day} ${ENGLISH_MONTHS[d.month - 1]} ${d.year}`;
}
