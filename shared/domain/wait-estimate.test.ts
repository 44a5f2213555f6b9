import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RATE_WINDOW_MS, estimateWaitMs } from './wait-estimate.js';
import type { WaitEstimateInput } from './wait-estimate.js';

const MINUTE_MS = 60_000;
const NOW = 1_700_000_000_000;

function input(overrides: Partial<WaitEstimateInput> = {}): WaitEstimateInput {
  return {
    peopleAhead: 3,
    completedAt: [],
    now: NOW,
    windowMs: DEFAULT_RATE_WINDOW_MS,
    servingCounters: 2,
    assumedServiceMinutes: 5,
    ...overrides,
  };
}

const minutesAgo = (...minutes: number[]) => minutes.map((m) => NOW - m * MINUTE_MS);

describe('estimateWaitMs', () => {
  it('counts completions over the last hour by default', () => {
    expect(DEFAULT_RATE_WINDOW_MS).toBe(60 * MINUTE_MS);
  });

  it('is 0 with nobody ahead while a counter serves, and unknown when none does', () => {
    expect(estimateWaitMs(input({ peopleAhead: 0 }))).toBe(0);
    expect(estimateWaitMs(input({ peopleAhead: -1 }))).toBe(0);
    // The next in line still cannot be told a time when no counter is open.
    expect(estimateWaitMs(input({ peopleAhead: 0, servingCounters: 0 }))).toBeNull();
  });

  it('divides people ahead by the rate observed from the oldest completion to now', () => {
    // 6 completions in 30 minutes: one every 5 minutes, whatever the counters say.
    const completedAt = minutesAgo(30, 25, 20, 12, 6, 1);
    expect(estimateWaitMs(input({ completedAt }))).toBe(15 * MINUTE_MS);
    expect(estimateWaitMs(input({ completedAt, servingCounters: 0 }))).toBe(15 * MINUTE_MS);
  });

  it('measures the rate over at least 10 minutes, so an early burst does not promise too much', () => {
    const completedAt = minutesAgo(1, 0.5, 0);
    // 3 completions per 10 minutes, not per minute.
    expect(estimateWaitMs(input({ completedAt }))).toBe(10 * MINUTE_MS);
  });

  it('rounds to whole milliseconds', () => {
    const completedAt = minutesAgo(10, 8, 6, 5, 4, 2, 1);
    expect(estimateWaitMs(input({ peopleAhead: 1, completedAt }))).toBe(85_714);
  });

  it('falls back to one ticket per target time per counter with fewer than 3 completions', () => {
    const completedAt = minutesAgo(2, 1);
    // 2 counters at 5 minutes each finish one ticket every 2.5 minutes.
    expect(estimateWaitMs(input({ peopleAhead: 4, completedAt }))).toBe(10 * MINUTE_MS);
  });

  it('ignores completions older than the window or stamped after now', () => {
    const inWindow = minutesAgo(60, 30);
    const outside = [...minutesAgo(60.01, 90), NOW + MINUTE_MS];
    const completedAt = [...inWindow, ...outside];
    expect(estimateWaitMs(input({ peopleAhead: 4, completedAt }))).toBe(10 * MINUTE_MS);
    // The edge of the window still counts: 3 completions over 60 minutes.
    const atEdge = [...completedAt, NOW];
    expect(estimateWaitMs(input({ peopleAhead: 1, completedAt: atEdge }))).toBe(20 * MINUTE_MS);
  });

  it('honours a shorter window', () => {
    const completedAt = minutesAgo(40, 30, 20, 15, 10, 5);
    const windowMs = 20 * MINUTE_MS;
    // 4 completions in the last 20 minutes: one every 5 minutes.
    expect(estimateWaitMs(input({ peopleAhead: 2, completedAt, windowMs }))).toBe(10 * MINUTE_MS);
  });

  it('is unknown when no counter serves the service and there is no rate yet', () => {
    expect(estimateWaitMs(input({ servingCounters: 0 }))).toBeNull();
    expect(estimateWaitMs(input({ servingCounters: 0, completedAt: minutesAgo(3, 1) }))).toBeNull();
  });

  it('is unknown when the target time is missing and there is no rate yet', () => {
    expect(estimateWaitMs(input({ assumedServiceMinutes: 0 }))).toBeNull();
  });
});

describe('estimateWaitMs: properties', () => {
  const restArb = fc.record({
    completedAt: fc.array(fc.integer({ min: NOW - 2 * DEFAULT_RATE_WINDOW_MS, max: NOW }), {
      maxLength: 20,
    }),
    now: fc.constant(NOW),
    windowMs: fc.integer({ min: MINUTE_MS, max: 2 * DEFAULT_RATE_WINDOW_MS }),
    servingCounters: fc.nat(5),
    assumedServiceMinutes: fc.integer({ min: 0, max: 60 }),
  });

  it('never decreases as more people are ahead', () => {
    fc.assert(
      fc.property(restArb, fc.nat(500), fc.nat(500), (rest, a, b) => {
        const fewer = estimateWaitMs({ ...rest, peopleAhead: Math.min(a, b) });
        const more = estimateWaitMs({ ...rest, peopleAhead: Math.max(a, b) });
        if (more === null) expect(fewer === null || fewer === 0).toBe(true);
        else expect(fewer).not.toBeNull();
        if (fewer !== null && more !== null) expect(fewer).toBeLessThanOrEqual(more);
      }),
      { numRuns: 300 },
    );
  });

  it('is a whole, non-negative number of milliseconds or unknown', () => {
    fc.assert(
      fc.property(restArb, fc.nat(500), (rest, peopleAhead) => {
        const estimate = estimateWaitMs({ ...rest, peopleAhead });
        if (estimate !== null) {
          expect(Number.isInteger(estimate)).toBe(true);
          expect(estimate).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
