import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertTimeZone, formatLabel, msUntilNextServiceDay, serviceDay } from './numbering.js';

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const at = (iso: string) => Date.parse(iso);

describe('formatLabel', () => {
  it('pads the number to three digits after the prefix', () => {
    expect(formatLabel('F', 1)).toBe('F001');
    expect(formatLabel('A', 23)).toBe('A023');
    expect(formatLabel('ID', 7)).toBe('ID007');
    expect(formatLabel('BL', 999)).toBe('BL999');
  });

  it('lets numbers past 999 grow instead of wrapping or truncating', () => {
    expect(formatLabel('A', 1000)).toBe('A1000');
    expect(formatLabel('TP', 12345)).toBe('TP12345');
  });
});

describe('serviceDay', () => {
  it('changes at local midnight in Asia/Vientiane (UTC+7), not at UTC midnight', () => {
    const tz = 'Asia/Vientiane';
    expect(serviceDay(at('2025-03-14T16:59:59.999Z'), tz)).toBe('2025-03-14');
    expect(serviceDay(at('2025-03-14T17:00:00.000Z'), tz)).toBe('2025-03-15');
    // 06:59 local on the 15th, while UTC still says the 14th.
    expect(serviceDay(at('2025-03-14T23:59:00Z'), tz)).toBe('2025-03-15');
    expect(serviceDay(at('2025-03-15T00:00:00Z'), tz)).toBe('2025-03-15');
  });

  it('is the UTC date in UTC', () => {
    expect(serviceDay(at('2025-12-31T23:59:59.999Z'), 'UTC')).toBe('2025-12-31');
    expect(serviceDay(at('2026-01-01T00:00:00.000Z'), 'UTC')).toBe('2026-01-01');
  });

  it('follows Europe/Berlin across its DST changes', () => {
    const tz = 'Europe/Berlin';
    // Winter: UTC+1.
    expect(serviceDay(at('2024-03-30T22:59:59.999Z'), tz)).toBe('2024-03-30');
    expect(serviceDay(at('2024-03-30T23:00:00Z'), tz)).toBe('2024-03-31');
    // The spring-forward day (31 March 2024) ends at 22:00 UTC, now UTC+2.
    expect(serviceDay(at('2024-03-31T21:59:59.999Z'), tz)).toBe('2024-03-31');
    expect(serviceDay(at('2024-03-31T22:00:00Z'), tz)).toBe('2024-04-01');
    // The fall-back day (27 October 2024) starts at 22:00 UTC (UTC+2) and ends at 23:00 UTC (UTC+1).
    expect(serviceDay(at('2024-10-26T22:00:00Z'), tz)).toBe('2024-10-27');
    expect(serviceDay(at('2024-10-27T22:59:59.999Z'), tz)).toBe('2024-10-27');
    expect(serviceDay(at('2024-10-27T23:00:00Z'), tz)).toBe('2024-10-28');
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(() => assertTimeZone('Asia/Nowhere')).toThrow(RangeError);
    expect(() => assertTimeZone('Asia/Vientiane')).not.toThrow();
  });
});

describe('msUntilNextServiceDay', () => {
  it('counts down to local midnight in Asia/Vientiane', () => {
    const tz = 'Asia/Vientiane';
    // 23:59:30 local.
    expect(msUntilNextServiceDay(at('2025-03-14T16:59:30Z'), tz)).toBe(30 * SECOND_MS);
    // One millisecond before midnight.
    expect(msUntilNextServiceDay(at('2025-03-14T16:59:59.999Z'), tz)).toBe(1);
    // Exactly at midnight a whole day lies ahead.
    expect(msUntilNextServiceDay(at('2025-03-14T17:00:00Z'), tz)).toBe(DAY_MS);
    // 08:00 local: 16 hours to go.
    expect(msUntilNextServiceDay(at('2025-03-15T01:00:00Z'), tz)).toBe(16 * HOUR_MS);
  });

  it('counts down to UTC midnight in UTC', () => {
    expect(msUntilNextServiceDay(at('2025-06-01T00:00:00Z'), 'UTC')).toBe(DAY_MS);
    expect(msUntilNextServiceDay(at('2025-06-01T12:34:56.789Z'), 'UTC')).toBe(
      at('2025-06-02T00:00:00Z') - at('2025-06-01T12:34:56.789Z'),
    );
  });

  it('knows Europe/Berlin days of 23 and 25 hours', () => {
    const tz = 'Europe/Berlin';
    // Spring forward: local midnight of 31 March 2024 to local midnight of 1 April is 23 h.
    expect(msUntilNextServiceDay(at('2024-03-30T23:00:00Z'), tz)).toBe(23 * HOUR_MS);
    // From 01:30 local, just before the clocks jump from 02:00 to 03:00: 21.5 h left.
    expect(msUntilNextServiceDay(at('2024-03-31T00:30:00Z'), tz)).toBe(21.5 * HOUR_MS);
    // Fall back: 27 October 2024 lasts 25 h.
    expect(msUntilNextServiceDay(at('2024-10-26T22:00:00Z'), tz)).toBe(25 * HOUR_MS);
    // 02:30 local the first time (UTC+2): 21.5 h of wall clock, but the hour repeats.
    expect(msUntilNextServiceDay(at('2024-10-27T00:30:00Z'), tz)).toBe(22.5 * HOUR_MS);
  });

  it('always lands on the first millisecond of the next service day', () => {
    const zones = [
      'Asia/Vientiane',
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe', // a half-hour DST shift
      'America/Santiago', // DST starts at midnight, so some days begin at 01:00
      'Asia/Kathmandu', // UTC+5:45
    ];
    const from = at('2023-01-01T00:00:00Z');
    const to = at('2027-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (now, tz) => {
        const ms = msUntilNextServiceDay(now, tz);
        expect(ms).toBeGreaterThan(0);
        expect(ms).toBeLessThanOrEqual(25 * HOUR_MS);
        const today = serviceDay(now, tz);
        expect(serviceDay(now + ms - 1, tz)).toBe(today);
        expect(serviceDay(now + ms, tz) > today).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
