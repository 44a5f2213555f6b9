import { describe, expect, it } from 'vitest';
import { formatDuration, minutesOf } from '../../console/src/report-format.js';

describe("the reports' chart values", () => {
  it('keep short times apart and above zero, as the table beside them shows them', () => {
    const times = [8_000, 7_000, 9_000, 2_000];
    expect(times.map(formatDuration)).toEqual(['0:08', '0:07', '0:09', '0:02']);
    const bars = times.map(minutesOf);
    expect(new Set(bars).size).toBe(times.length);
    expect(bars.every((m) => m !== null && m > 0)).toBe(true);
    expect(minutesOf(90_000)).toBe(1.5);
    expect(minutesOf(null)).toBeNull();
  });
});
