/**
 * Reports and the daily record (docs/mne.md). A report is figures over a
 * date range, in total and per group; the daily record is one service day's
 * figures per service and per counter, in a versioned format that leaves the
 * centre. Both are built from the same `Figures`, so a report over one day
 * and that day's record never disagree. Every definition is in docs/mne.md.
 */
import { z } from 'zod';
import { EpochMs, Id, ServiceDaySchema } from './entities.js';
import { Text, Version } from './console.js';
import type { BookingCounts } from './appointments.js';

const Count = z.number().int().nonnegative();
/** A fraction of 1, or null when nothing was there to count. */
const Share = z.number().min(0).max(1).nullable();
const Ms = z.number().int().nonnegative().nullable();
/** Counts for the five faces, from 1 (very unhappy) to 5 (very happy). */
const FaceCounts = z.array(Count).length(5);

export const DurationFiguresSchema = z
  .strictObject({ count: Count, meanMs: Ms, medianMs: Ms, p90Ms: Ms })
  .meta({ id: 'DurationFigures', description: 'Times in milliseconds: mean, median, p90.' });
export type DurationFigures = z.infer<typeof DurationFiguresSchema>;

export const SURVEY_QUESTIONS = ['waitingTime', 'courtesy', 'clarity'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

const QuestionFiguresSchema = z
  .strictObject({ answers: Count, faces: FaceCounts, mean: z.number().min(1).max(5).nullable() })
  .meta({ id: 'QuestionFigures' });

export const PayMoreFiguresSchema = z
  .strictObject({ answered: Count, yes: Count, share: Share })
  .meta({ id: 'PayMoreFigures' });
export type PayMoreFigures = z.infer<typeof PayMoreFiguresSchema>;

export const FeedbackFiguresSchema = z
  .strictObject({
    responses: Count,
    faces: FaceCounts,
    meanScore: z.number().min(1).max(5).nullable(),
    questions: z.strictObject({
      waitingTime: QuestionFiguresSchema,
      courtesy: QuestionFiguresSchema,
      clarity: QuestionFiguresSchema,
    }),
    askedToPayMore: PayMoreFiguresSchema,
  })
  .meta({ id: 'FeedbackFigures' });
export type FeedbackFigures = z.infer<typeof FeedbackFiguresSchema>;

export const FiguresSchema = z
  .strictObject({
    /** New tickets (from a kiosk, the console or the API); a transfer is not a new one. */
    issued: Count,
    /** Tickets that arrived here by a transfer from another service or counter. */
    transferredIn: Count,
    served: Count,
    noShow: Count,
    cancelled: Count,
    /** Sent on to another service. */
    transferred: Count,
    /** Still waiting, called or parked when the day ended. */
    expired: Count,
    wait: DurationFiguresSchema,
    service: DurationFiguresSchema,
    withinTarget: z.strictObject({ called: Count, within: Count, share: Share }),
    estimate: z.strictObject({
      count: Count,
      medianAbsErrorMs: Ms,
      within5MinShare: Share,
    }),
    feedback: FeedbackFiguresSchema,
  })
  .meta({ id: 'Figures' });
export type Figures = z.infer<typeof FiguresSchema>;

/**
 * Bookings by what became of them, counted on the booking's day: every booking made
 * (cancelled ones too) is in `booked`; `checkedIn` came inside the window, `late` after it
 * (and took a walk-in ticket), `noShows` never came (marked at that day's rollover). Kept
 * out of `Figures`: the daily record is closed to new fields (docs/mne.md).
 */
export const BookingCountsSchema = z.strictObject({
  booked: Count,
  checkedIn: Count,
  late: Count,
  noShows: Count,
  cancelled: Count,
}) satisfies z.ZodType<BookingCounts>;

export const ServiceBookingsSchema = z.strictObject({
  serviceId: z.string(),
  ...BookingCountsSchema.shape,
});
export type ServiceBookings = z.infer<typeof ServiceBookingsSchema>;

export const REPORT_GROUPS = [
  'ministry',
  'service',
  'counter',
  'clerk',
  'hour',
  'weekday',
] as const;
export const ReportGroupSchema = z.enum(REPORT_GROUPS);
export type ReportGroup = z.infer<typeof ReportGroupSchema>;

/** A report covers at most this many days (two years and a day). */
export const REPORT_MAX_DAYS = 731;
/** A report lists at most this many comments, newest first. */
export const REPORT_COMMENTS_MAX = 500;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
/** A calendar date that exists (not 2026-02-30, which Date would roll into March). */
const realDay = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
};
/** Days from `from` to `to`, both counted. */
export const daysInRange = (from: string, to: string) => dayNumber(to) - dayNumber(from) + 1;

export const DayRangeSchema = z
  .strictObject({ from: ServiceDaySchema, to: ServiceDaySchema })
  .refine((r) => realDay(r.from), { path: ['from'], message: 'date' })
  .refine((r) => realDay(r.to), { path: ['to'], message: 'date' })
  .refine((r) => r.to >= r.from, { path: ['to'], message: 'range-order' })
  .refine((r) => daysInRange(r.from, r.to) <= REPORT_MAX_DAYS, {
    path: ['to'],
    message: 'range-too-long',
  });
export type DayRange = z.infer<typeof DayRangeSchema>;

export const ReportRequestSchema = z.strictObject({
  range: DayRangeSchema,
  groupBy: ReportGroupSchema,
});
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/**
 * One group's key: a ministry or service id, a counter or staff id, an hour
 * (0–23), an ISO weekday (1 Monday … 7 Sunday); `none` for tickets without
 * one (never called: no counter, no clerk).
 */
export const ReportRowSchema = z.strictObject({ key: z.string(), figures: FiguresSchema });
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const PayMoreRowSchema = z.strictObject({ key: z.string(), ...PayMoreFiguresSchema.shape });

export const ReportSchema = z.strictObject({
  from: ServiceDaySchema,
  to: ServiceDaySchema,
  groupBy: ReportGroupSchema,
  /** Days in the range with at least one ticket. */
  days: Count,
  total: FiguresSchema,
  rows: z.array(ReportRowSchema),
  /** Arrivals (issued tickets) by ISO weekday (index 0 = Monday) and local hour. */
  arrivals: z.array(z.array(Count).length(24)).length(7),
  /** The share asked to pay more, whatever the grouping. */
  payMore: z.strictObject({
    byService: z.array(PayMoreRowSchema),
    byCounter: z.array(PayMoreRowSchema),
  }),
  /** Bookings for days in the range, whatever the grouping: in total and per service. */
  bookings: z.strictObject({
    total: BookingCountsSchema,
    byService: z.array(ServiceBookingsSchema),
  }),
});
export type Report = z.infer<typeof ReportSchema>;

// ---------------------------------------------------------------- the daily record

export const DAILY_RECORD_SCHEMA = 'khiu-daily-record';
export const DAILY_RECORD_VERSION = 1;

const Bilingual = z.strictObject({ lo: z.string(), en: z.string() }).meta({ id: 'Bilingual' });

/**
 * One service day, as it leaves the centre. Nothing in it names a citizen or
 * a member of staff, and no comment text: only counts and times. The same day
 * computed again gives the same record (no time of writing inside).
 */
export const DailyRecordSchema = z
  .strictObject({
    schema: z.literal(DAILY_RECORD_SCHEMA),
    version: z.literal(DAILY_RECORD_VERSION),
    day: ServiceDaySchema,
    centre: z.strictObject({
      name: Bilingual,
      province: Bilingual,
      district: Bilingual,
      timeZone: z.string(),
    }),
    total: FiguresSchema,
    services: z.array(
      z.strictObject({
        serviceId: z.string(),
        prefix: z.string(),
        name: Bilingual,
        ministryId: z.string(),
        targetMinutes: z.number().int().positive(),
        feeLak: Count,
        figures: FiguresSchema,
      }),
    ),
    counters: z.array(z.strictObject({ counterId: Id, number: Id, figures: FiguresSchema })),
    /** Issued tickets by local hour, 0–23. */
    arrivalsByHour: z.array(Count).length(24),
  })
  .meta({
    title: 'Khiu daily record',
    description:
      'One service day of one One-Door Service Centre: tickets, waits, service times, ' +
      'the accuracy of the estimated wait and citizen feedback, in total, per service and ' +
      'per counter. Definitions: docs/mne.md.',
  });
export type DailyRecord = z.infer<typeof DailyRecordSchema>;

// ---------------------------------------------------------------- comments, tokens

export const FeedbackCommentSchema = z.strictObject({
  id: Id,
  day: ServiceDaySchema,
  at: EpochMs,
  serviceId: z.string(),
  counterId: Id.nullable(),
  score: z.number().int().min(1).max(5),
  comment: z.string(),
  reviewedAt: EpochMs.nullable(),
  /** Staff see staff names; this never leaves the console. */
  reviewedBy: z.string().nullable(),
  version: Version,
});
export type FeedbackComment = z.infer<typeof FeedbackCommentSchema>;

export const MinistryTokenViewSchema = z.strictObject({
  id: Id,
  name: z.string(),
  scope: z.literal('ministry'),
  createdAt: EpochMs,
  lastUsedAt: EpochMs.nullable(),
  revokedAt: EpochMs.nullable(),
  version: Version,
});
export type MinistryTokenView = z.infer<typeof MinistryTokenViewSchema>;

export const ApiTokenNameSchema = Text(60);
export const CommentFilterSchema = z.strictObject({ range: DayRangeSchema });

/** Where the daily records are served (JSON; CSV with `format=csv` or `Accept: text/csv`). */
export const REPORT_DAYS_PATH = '/api/v1/reports/days';
/** Where a report downloads as CSV or XLSX (`from`, `to`, `groupBy`, `format`, `lang`). */
export const REPORT_EXPORT_PATH = '/api/v1/reports/export';
export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
