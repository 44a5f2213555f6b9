import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { durationFigures, FiguresAcc, measure, nearestRank } from './report-figures.js';

/** The definition, by sorting: the smallest value with at least p of the values at or below it. */
function bySorting(values: number[], p: number): number | null {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? null : (s[Math.ceil(p * s.length) - 1] ?? s[0] ?? null);
}

const durations = fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { maxLength: 300 });

describe('report figures', () => {
  it('finds the nearest-rank median and p90 without sorting, exactly as sorting does', () => {
    fc.assert(
      fc.property(durations, (values) => {
        const f = durationFigures(values);
        expect(f.medianMs).toBe(bySorting(values, 0.5));
        expect(f.p90Ms).toBe(bySorting(values, 0.9));
        expect(nearestRank(values, 0.5)).toBe(bySorting(values, 0.5));
        expect(f.count).toBe(values.length);
        const mean = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
        expect(f.meanMs).toBe(mean === null ? null : Math.round(mean));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the median of an even count at its lower middle, and p90 of ten at the ninth', () => {
    expect(durationFigures([4, 1, 3, 2])).toEqual({ count: 4, meanMs: 3, medianMs: 2, p90Ms: 4 });
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(durationFigures(ten)).toMatchObject({ medianMs: 5, p90Ms: 9 });
    expect(durationFigures([])).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
  });

  it('measures a wait from entering the queue to the first call, and service only when served', () => {
    const base = {
      transferredIn: false,
      issuedAt: 1_000,
      estimatedWaitMs: 4_000,
      targetMs: 5_000,
    };
    expect(
      measure({
        ...base,
        status: 'done',
        firstCalledAt: 7_000,
        startedAt: 8_000,
        finishedAt: 20_000,
      }),
    ).toMatchObject({ waitMs: 6_000, serviceMs: 12_000 });
    expect(
      measure({
        ...base,
        status: 'no_show',
        firstCalledAt: 3_000,
        startedAt: null,
        finishedAt: 9_000,
      }),
    ).toMatchObject({ waitMs: 2_000, serviceMs: null });
    expect(
      measure({
        ...base,
        status: 'cancelled',
        firstCalledAt: null,
        startedAt: null,
        finishedAt: 9_000,
      }),
    ).toMatchObject({ waitMs: null, serviceMs: null });
  });

  it('counts an estimate within ±5 min, the target inclusive, and each face and question', () => {
    const acc = new FiguresAcc();
    const ticket = (waitMs: number, estimatedWaitMs: number | null) =>
      acc.addTicket({
        status: 'done',
        transferredIn: false,
        waitMs,
        serviceMs: 60_000,
        estimatedWaitMs,
        targetMs: 600_000,
      });
    ticket(600_000, 300_000); // exactly the target; 5 min off: accurate
    ticket(900_000, 300_000); // over the target; 10 min off
    ticket(60_000, null); // told nothing
    acc.addFeedback({ score: 5, waitingTime: 4, courtesy: null, clarity: 9, askedToPayMore: true });
    acc.addFeedback({
      score: 1,
      waitingTime: null,
      courtesy: 2,
      clarity: null,
      askedToPayMore: null,
    });
    const f = acc.figures();
    expect(f.withinTarget).toEqual({ called: 3, within: 2, share: 2 / 3 });
    expect(f.estimate).toEqual({ count: 2, medianAbsErrorMs: 300_000, within5MinShare: 0.5 });
    expect(f.feedback.faces).toEqual([1, 0, 0, 0, 1]);
    expect(f.feedback.meanScore).toBe(3);
    // An answer outside 1–5 is not counted.
    expect(f.feedback.questions.clarity).toEqual({
      answers: 0,
      faces: [0, 0, 0, 0, 0],
      mean: null,
    });
    expect(f.feedback.askedToPayMore).toEqual({ answered: 1, yes: 1, share: 1 });
  });
});
