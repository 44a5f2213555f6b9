/**
 * A calendar day as people in Laos write it on forms, day first: "04/12/2026"
 * (the kiosk prints a fee's decree date the same way). The console's date
 * fields show and read this, never the browser's own order (a browser set
 * to US English shows mm/dd/yyyy, which reads 04/12 as the 12th of April).
 * The wire and the database keep ISO days ("2026-12-04").
 */
import { formatDate } from './calendar.js';
import type { Lang } from '../protocol.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** True when year-month-day is a day the calendar has (no 31 April, 29 February only in leap years). */
function exists(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "2026-12-04" → "04/12/2026"; anything that is not an ISO day is returned as it is. */
export function dayText(isoDay: string): string {
  const m = ISO_DAY.exec(isoDay);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDay;
}

/**
 * What a person typed → the ISO day: "4/12/2026", "04.12.2026" and "04-12-2026"
 * (day first), or an ISO day pasted as it is. Null when it is no day at all.
 */
export function parseDayText(text: string): string | null {
  const typed = text.trim();
  const iso = ISO_DAY.exec(typed);
  const dmy = iso ? null : TYPED_DAY.exec(typed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!exists(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The day in words, as the hall writes it: "ວັນສຸກ ທີ 4 ທັນວາ ພ.ສ. 2569" / "Friday 4 December 2026". */
export function dayInWords(isoDay: string, lang: Lang): string | null {
  const m = ISO_DAY.exec(isoDay);
  if (!m || !exists(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return formatDate(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12), 'UTC', lang);
}
