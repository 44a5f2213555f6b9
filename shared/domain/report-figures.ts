/**
 * The figures of a report, folded from ticket and feedback rows: pure, no
 * I/O, so the hub's reports, the daily record and the tests all count the
 * same way. Every definition here is the one docs/mne.md states.
 */
import type {
  DurationFigures,
  FeedbackFigures,
  Figures,
  PayMoreFigures,
  SurveyQuestion,
} from '../schemas/reports.js';
import type { TicketStatus } from '../schemas/enums.js';

/** What a report reads of one ticket (a transfer's new ticket is a row of its own). */
export interface TicketFacts {
  status: TicketStatus;
  /** Made by a transfer, not issued. */
  transferredIn: boolean;
  /** When it entered this queue: issued, or transferred here. */
  issuedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  estimatedWaitMs: number | null;
  targetMs: number;
}

export interface FeedbackFacts {
  score: number;
  waitingTime: number | null;
  courtesy: number | null;
  clarity: number | null;
  askedToPayMore: boolean | null;
}

/** An estimate this close to the wait (either way) counts as accurate. */
export const ESTIMATE_TOLERANCE_MS = 5 * 60_000;

interface FaceTally {
  count: number;
  sum: number;
  faces: number[];
}

const newTally = (): FaceTally => ({ count: 0, sum: 0, faces: [0, 0, 0, 0, 0] });

function tally(t: FaceTally, score: number | null) {
  if (score === null || !Number.isInteger(score) || score < 1 || score > 5) return;
  t.count++;
  t.sum += score;
  t.faces[score - 1] = (t.faces[score - 1] ?? 0) + 1;
}

/** One group's running totals; `figures()` turns them into the published figures. */
export class FiguresAcc {
  issued = 0;
  transferredIn = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  transferred = 0;
  expired = 0;
  called = 0;
  within = 0;
  waits: number[] = [];
  services: number[] = [];
  errors: number[] = [];
  score = newTally();
  questions: Record<SurveyQuestion, FaceTally> = {
    waitingTime: newTally(),
    courtesy: newTally(),
    clarity: newTally(),
  };
  payMore = { answered: 0, yes: 0 };

  addTicket(t: TicketFacts): void {
    if (t.transferredIn) this.transferredIn++;
    else this.issued++;
    this.countStatus(t.status);
    if (t.firstCalledAt !== null) {
      const wait = Math.max(0, t.firstCalledAt - t.issuedAt);
      this.called++;
      this.waits.push(wait);
      if (wait <= t.targetMs) this.within++;
      if (t.estimatedWaitMs !== null) this.errors.push(Math.abs(t.estimatedWaitMs - wait));
    }
    if (t.status === 'done' && t.startedAt !== null && t.finishedAt !== null) {
      this.services.push(Math.max(0, t.finishedAt - t.startedAt));
    }
  }

  private countStatus(status: TicketStatus) {
    if (status === 'done') this.served++;
    else if (status === 'no_show') this.noShow++;
    else if (status === 'cancelled') this.cancelled++;
    else if (status === 'transferred') this.transferred++;
    else if (status === 'expired') this.expired++;
  }

  addFeedback(f: FeedbackFacts): void {
    tally(this.score, f.score);
    tally(this.questions.waitingTime, f.waitingTime);
    tally(this.questions.courtesy, f.courtesy);
    tally(this.questions.clarity, f.clarity);
    if (f.askedToPayMore !== null) {
      this.payMore.answered++;
      if (f.askedToPayMore) this.payMore.yes++;
    }
  }

  figures(): Figures {
    const errors = sorted(this.errors);
    const withinTolerance = countAtMost(errors, ESTIMATE_TOLERANCE_MS);
    return {
      issued: this.issued,
      transferredIn: this.transferredIn,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      expired: this.expired,
      wait: durationFigures(this.waits),
      service: durationFigures(this.services),
      withinTarget: {
        called: this.called,
        within: this.within,
        share: share(this.within, this.called),
      },
      estimate: {
        count: errors.length,
        medianAbsErrorMs: nearestRank(errors, 0.5),
        within5MinShare: share(withinTolerance, errors.length),
      },
      feedback: this.feedbackFigures(),
    };
  }

  private feedbackFigures(): FeedbackFigures {
    const q = (t: FaceTally) => ({
      answers: t.count,
      faces: [...t.faces],
      mean: t.count === 0 ? null : t.sum / t.count,
    });
    return {
      responses: this.score.count,
      faces: [...this.score.faces],
      meanScore: this.score.count === 0 ? null : this.score.sum / this.score.count,
      questions: {
        waitingTime: q(this.questions.waitingTime),
        courtesy: q(this.questions.courtesy),
        clarity: q(this.questions.clarity),
      },
      askedToPayMore: payMoreFigures(this.payMore),
    };
  }
}

export const payMoreFigures = (p: { answered: number; yes: number }): PayMoreFigures => ({
  answered: p.answered,
  yes: p.yes,
  share: share(p.yes, p.answered),
});

export const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : part / whole;

const sorted = (values: number[]) => Float64Array.from(values).sort();

function countAtMost(sortedValues: Float64Array, limit: number): number {
  let lo = 0;
  let hi = sortedValues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sortedValues[mid] ?? Infinity) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest-rank percentile: the smallest value with at least `p` of the values at or below it. */
export function nearestRank(sortedValues: ArrayLike<number>, p: number): number | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  return sortedValues[Math.max(0, Math.ceil(p * n) - 1)] ?? null;
}

export function durationFigures(values: number[]): DurationFigures {
  const s = sorted(values);
  let sum = 0;
  for (const v of s) sum += v;
  return {
    count: s.length,
    meanMs: s.length === 0 ? null : Math.round(sum / s.length),
    medianMs: nearestRank(s, 0.5),
    p90Ms: nearestRank(s, 0.9),
  };
}
