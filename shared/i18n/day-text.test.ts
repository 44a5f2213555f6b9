import { describe, expect, it } from 'vitest';
import { dayInWords, dayText, parseDayText } from './day-text.js';

describe("the console's date fields, day first", () => {
  it('shows an ISO day as dd/mm/yyyy', () => {
    expect(dayText('2026-12-04')).toBe('04/12/2026');
    expect(dayText('')).toBe('');
  });

  it('reads what a person types, day first, and an ISO day pasted in', () => {
    expect(parseDayText('04/12/2026')).toBe('2026-12-04');
    expect(parseDayText(' 4/12/2026 ')).toBe('2026-12-04');
    expect(parseDayText('4.12.2026')).toBe('2026-12-04');
    expect(parseDayText('2026-12-04')).toBe('2026-12-04');
  });

  it('refuses what is no day, rather than rolling it over to another', () => {
    expect(parseDayText('31/04/2026')).toBeNull();
    expect(parseDayText('29/02/2026')).toBeNull();
    expect(parseDayText('29/02/2028')).toBe('2028-02-29');
    expect(parseDayText('12/13/2026')).toBeNull();
    expect(parseDayText('04/12')).toBeNull();
    expect(parseDayText('')).toBeNull();
  });

  it('round-trips every day of a leap year', () => {
    for (let d = Date.UTC(2028, 0, 1); d < Date.UTC(2029, 0, 1); d += 86_400_000) {
      const iso = new Date(d).toISOString().slice(0, 10);
      expect(parseDayText(dayText(iso))).toBe(iso);
    }
  });

  it('writes the day in words in each language, the Lao year in the Buddhist era', () => {
    expect(dayInWords('2026-12-04', 'lo')).toBe('ວັນສຸກ ທີ 4 ທັນວາ ພ.ສ. 2569');
    expect(dayInWords('2026-12-04', 'en')).toBe('Friday 4 December 2026');
    expect(dayInWords('2026-02-30', 'en')).toBeNull();
  });
});
