/** Durations on the desk: "12 min" for waits, "4:05" for the running service clock. */
import { t, type Lang } from '../../shared/i18n/index.js';

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

export function formatDuration(ms: number, lang: Lang): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE_MS)
    return t(lang, 'counter.duration.seconds', { seconds: Math.floor(safe / SECOND_MS) });
  if (safe < HOUR_MS)
    return t(lang, 'counter.duration.minutes', { minutes: Math.floor(safe / MINUTE_MS) });
  return t(lang, 'counter.duration.hours', {
    hours: Math.floor(safe / HOUR_MS),
    minutes: Math.floor((safe % HOUR_MS) / MINUTE_MS),
  });
}

/** A stopwatch: "4:05", "1:02:09". */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / SECOND_MS);
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
