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

/** A ticket's measured times: what every figure is counted from. */
export interface MeasuredTicket {
  status: TicketStatus;
  transferredIn: boolean;
  /** First call − entering the queue; null when never called. */
  waitMs: number | null;
  /** Finished − started, for a served ticket only. */
  serviceMs: number | null;
  estimatedWaitMs: number | null;
  targetMs: number;
}

/** The definitions of docs/mne.md, applied to one ticket's times. */
export function measure(t: TicketFacts): MeasuredTicket {
  const served = t.status === 'done' && t.startedAt !== null && t.finishedAt !== null;
  return {
    status: t.status,
    transferredIn: t.transferredIn,
    waitMs: t.firstCalledAt === null ? null : Math.max(0, t.firstCalledAt - t.issuedAt),
    serviceMs: served ? Math.max(0, (t.finishedAt ?? 0) - (t.startedAt ?? 0)) : null,
    estimatedWaitMs: t.estimatedWaitMs,
    targetMs: t.targetMs,
  };
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

/** Numbers appended one by one into a typed buffer: a year's waits, without a JS array's cost. */
export class Values {
  private data = new Float64Array(256);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  /** The values so far (a view: reordering it reorders them). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
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
  waits = new Values();
  services = new Values();
  errors = new Values();
  score = newTally();
  questions: Record<SurveyQuestion, FaceTally> = {
    waitingTime: newTally(),
    courtesy: newTally(),
    clarity: newTally(),
  };
  payMore = { answered: 0, yes: 0 };

  addTicket(t: MeasuredTicket): void {
    if (t.transferredIn) this.transferredIn++;
    else this.issued++;
    this.countStatus(t.status);
    if (t.waitMs !== null) {
      this.called++;
      this.waits.push(t.waitMs);
      if (t.waitMs <= t.targetMs) this.within++;
      if (t.estimatedWaitMs !== null) this.errors.push(Math.abs(t.estimatedWaitMs - t.waitMs));
    }
    if (t.serviceMs !== null) this.services.push(t.serviceMs);
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
    const errors = this.errors.view();
    let withinTolerance = 0;
    for (const e of errors) if (e <= ESTIMATE_TOLERANCE_MS) withinTolerance++;
    return {
      issued: this.issued,
      transferredIn: this.transferredIn,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      expired: this.expired,
      wait: durationFigures(this.waits.view()),
      service: durationFigures(this.services.view()),
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

/**
 * The value of rank `k` (0-based) as if `a[lo..hi]` were sorted, moving
 * values around in place (quickselect, Hoare's partition, median of three):
 * linear time, where sorting a year's waits cost most of the report.
 */
function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  const at = (i: number) => a[i] ?? 0;
  const swap = (i: number, j: number) => {
    const v = at(i);
    a[i] = at(j);
    a[j] = v;
  };
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < at(lo)) swap(mid, lo);
    if (at(hi) < at(lo)) swap(hi, lo);
    if (at(hi) < at(mid)) swap(hi, mid);
    const pivot = at(mid);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (at(i) < pivot) i++;
      while (at(j) > pivot) j--;
      if (i <= j) swap(i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return at(k);
  }
  return at(k);
}

/** The nearest-rank index of percentile `p` among `n` values. */
const rankIndex = (n: number, p: number) => Math.max(0, Math.ceil(p * n) - 1);

/** The nearest-rank percentile: the smallest value with at least `p` of the values at or below it. */
export function nearestRank(values: readonly number[] | Float64Array, p: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  return select(
    values instanceof Float64Array ? values : new Float64Array(values),
    rankIndex(n, p),
  );
}

/** Count, mean, median and p90. A Float64Array passed in is reordered (no copy of a year's values). */
export function durationFigures(values: readonly number[] | Float64Array): DurationFigures {
  const n = values.length;
  if (n === 0) return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  let sum = 0;
  for (const v of values) sum += v;
  const a = values instanceof Float64Array ? values : new Float64Array(values);
  const median = rankIndex(n, 0.5);
  const p90 = rankIndex(n, 0.9);
  const medianMs = select(a, median);
  // After the first selection everything from `median` on is at least its value.
  return { count: n, meanMs: Math.round(sum / n), medianMs, p90Ms: select(a, p90, median) };
}
