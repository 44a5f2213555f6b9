/**
 * Ticket numbers and service days. Numbering restarts each service day per
 * prefix; the service day is the calendar date in the centre's time zone.
 */

export const LABEL_DIGITS = 3;

/** `A` + 23 → `A023`; numbers past 999 simply grow (`A1000`). */
export function formatLabel(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(LABEL_DIGITS, '0')}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

/** The service day (`YYYY-MM-DD`) that the instant `epochMs` falls in, in `timeZone`. */
export function serviceDay(epochMs: number, timeZone: string): string {
  return dayFormatter(timeZone).format(epochMs);
}

/** Throws a RangeError for a time zone name the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  dayFormatter(timeZone);
}

const HOUR_MS = 3_600_000;

/**
 * Milliseconds from `epochMs` to the first instant of the next service day.
 * Searches hour by hour, then bisects, so it is right across DST changes too.
 */
export function msUntilNextServiceDay(epochMs: number, timeZone: string): number {
  const today = serviceDay(epochMs, timeZone);
  let hi = epochMs + HOUR_MS;
  while (serviceDay(hi, timeZone) === today) hi += HOUR_MS;
  let lo = hi - HOUR_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (serviceDay(mid, timeZone) === today) lo = mid;
    else hi = mid;
  }
  return hi - epochMs;
}
