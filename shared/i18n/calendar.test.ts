import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, LAO_MONTHS, localDate } from './calendar.js';

// 27 November 2026, 23:30 in Vientiane (UTC+7) is already the 27th there but
// 16:30 UTC; 00:30 on the 28th in Vientiane is still the 27th in UTC.
const LATE_EVENING = Date.parse('2026-11-27T23:30:00+07:00');
const JUST_AFTER_MIDNIGHT = Date.parse('2026-11-28T00:30:00+07:00');

describe('the hall clock', () => {
  it('writes the Lao date with Lao weekday and month names and the Buddhist-era year', () => {
    expect(formatDate(LATE_EVENING, 'Asia/Vientiane', 'lo')).toBe('ວັນສຸກ ທີ 27 ພະຈິກ ພ.ສ. 2569');
    expect(formatDate(LATE_EVENING, 'Asia/Vientiane', 'en')).toBe('Friday 27 November 2026');
  });

  it("uses the centre's time zone, not the machine's", () => {
    expect(formatDate(JUST_AFTER_MIDNIGHT, 'Asia/Vientiane', 'en')).toBe(
      'Saturday 28 November 2026',
    );
    expect(formatDate(JUST_AFTER_MIDNIGHT, 'UTC', 'en')).toBe('Friday 27 November 2026');
    expect(formatTime(JUST_AFTER_MIDNIGHT, 'Asia/Vientiane')).toBe('00:30');
    expect(formatTime(JUST_AFTER_MIDNIGHT, 'UTC')).toBe('17:30');
  });

  it('names every month of the year in Lao, and moves to the next Buddhist-era year on 1 January', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      formatDate(Date.UTC(2025, i, 15, 5), 'Asia/Vientiane', 'lo'),
    );
    months.forEach((text, i) => expect(text).toContain(` ${LAO_MONTHS[i]} ພ.ສ. 2568`));
    expect(formatDate(Date.UTC(2025, 11, 31, 16, 59), 'Asia/Vientiane', 'lo')).toContain(
      'ພ.ສ. 2568',
    );
    expect(formatDate(Date.UTC(2025, 11, 31, 17, 0), 'Asia/Vientiane', 'lo')).toBe(
      'ວັນພະຫັດ ທີ 1 ມັງກອນ ພ.ສ. 2569',
    );
  });

  it('gives the wall-clock parts with a 24-hour day', () => {
    expect(localDate(Date.parse('2026-01-05T00:05:00+07:00'), 'Asia/Vientiane')).toEqual({
      year: 2026,
      month: 1,
      day: 5,
      weekday: 1,
      hour: 0,
      minute: 5,
    });
  });
});
