/** Calendar days as `YYYY-MM-DD`, the form both a hub's record and PostgreSQL's `date` use. */
import { serviceDay } from '../../shared/domain/numbering.js';

/** The ministry is in Vientiane: "today" and "not reported for 2 days" are counted there. */
export const CENTRAL_TIME_ZONE = 'Asia/Vientiane';

export const todayAt = (nowMs: number) => serviceDay(nowMs, CENTRAL_TIME_ZONE);

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isDay = (s: string | null | undefined): s is string =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s;
