/**
 * The record kinds central accepts, and where the national page's figures
 * sit in each. A new version of the hub's daily record is added here, beside
 * the old one: hubs not yet upgraded keep sending theirs.
 */
import {
  DAILY_RECORD_SCHEMA,
  DAILY_RECORD_VERSION,
  DailyRecordSchema,
  type DailyRecord,
} from '../../shared/schemas/reports.js';
import type { DayFigures, RecordKind } from './records.js';

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

export function figuresOfV1(record: DailyRecord): DayFigures {
  const { total } = record;
  const { feedback } = total;
  return {
    tickets: total.issued,
    served: total.served,
    noShows: total.noShow,
    waitMedianS: seconds(total.wait.medianMs),
    waitP90S: seconds(total.wait.p90Ms),
    targetCalled: total.withinTarget.called,
    withinTarget: total.withinTarget.within,
    ratings: feedback.faces.reduce((n, c) => n + c, 0),
    ratingSum: feedback.faces.reduce((sum, c, i) => sum + c * (i + 1), 0),
    askedMore: feedback.askedToPayMore.yes,
    askedAnswers: feedback.askedToPayMore.answered,
  };
}

/** At most this many problems are named in a refusal: enough to find the fault. */
const MAX_PROBLEMS = 5;

export const dailyRecordV1: RecordKind = {
  schema: DAILY_RECORD_SCHEMA,
  version: DAILY_RECORD_VERSION,
  check(record) {
    const parsed = DailyRecordSchema.safeParse(record);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, MAX_PROBLEMS);
      const where = (i: (typeof issues)[number]) => i.path.join('.') || '(the record)';
      return {
        ok: false,
        problems: issues.map((i) => `${where(i)}: ${i.message}`),
        fields: [...new Set(issues.map(where))],
      };
    }
    return { ok: true, day: parsed.data.day, figures: figuresOfV1(parsed.data) };
  },
};

export const RECORD_KINDS: readonly RecordKind[] = [dailyRecordV1];
