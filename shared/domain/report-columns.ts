/**
 * A report's figures as flat columns: the CSV and XLSX downloads and the
 * daily records' CSV all write these, in this order. Durations are whole
 * seconds and fractions of them (ms ÷ 1000, exact), shares are fractions of
 * 1; an empty cell is a figure with nothing to measure.
 */
import type { BookingCounts } from '../schemas/appointments.js';
import type { Figures } from '../schemas/reports.js';

export type ColumnKind = 'count' | 'seconds' | 'share' | 'mean';

export interface FigureColumn {
  id: string;
  kind: ColumnKind;
  value(f: Figures): number | null;
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

const col = (id: string, kind: ColumnKind, value: (f: Figures) => number | null) => ({
  id,
  kind,
  value,
});

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  col('issued', 'count', (f) => f.issued),
  col('transferred_in', 'count', (f) => f.transferredIn),
  col('served', 'count', (f) => f.served),
  col('no_show', 'count', (f) => f.noShow),
  col('cancelled', 'count', (f) => f.cancelled),
  col('transferred', 'count', (f) => f.transferred),
  col('expired', 'count', (f) => f.expired),
  col('wait_count', 'count', (f) => f.wait.count),
  col('wait_mean_s', 'seconds', (f) => seconds(f.wait.meanMs)),
  col('wait_median_s', 'seconds', (f) => seconds(f.wait.medianMs)),
  col('wait_p90_s', 'seconds', (f) => seconds(f.wait.p90Ms)),
  col('service_count', 'count', (f) => f.service.count),
  col('service_mean_s', 'seconds', (f) => seconds(f.service.meanMs)),
  col('service_median_s', 'seconds', (f) => seconds(f.service.medianMs)),
  col('service_p90_s', 'seconds', (f) => seconds(f.service.p90Ms)),
  col('within_target', 'count', (f) => f.withinTarget.within),
  col('within_target_share', 'share', (f) => f.withinTarget.share),
  col('estimate_count', 'count', (f) => f.estimate.count),
  col('estimate_median_abs_error_s', 'seconds', (f) => seconds(f.estimate.medianAbsErrorMs)),
  col('estimate_within_5min_share', 'share', (f) => f.estimate.within5MinShare),
  col('feedback_responses', 'count', (f) => f.feedback.responses),
  ...[1, 2, 3, 4, 5].map((face) =>
    col(`face_${face}`, 'count', (f) => f.feedback.faces[face - 1] ?? 0),
  ),
  col('feedback_mean_score', 'mean', (f) => f.feedback.meanScore),
  col('waiting_time_mean', 'mean', (f) => f.feedback.questions.waitingTime.mean),
  col('courtesy_mean', 'mean', (f) => f.feedback.questions.courtesy.mean),
  col('clarity_mean', 'mean', (f) => f.feedback.questions.clarity.mean),
  col('pay_more_answered', 'count', (f) => f.feedback.askedToPayMore.answered),
  col('pay_more_yes', 'count', (f) => f.feedback.askedToPayMore.yes),
  col('pay_more_share', 'share', (f) => f.feedback.askedToPayMore.share),
];

/**
 * Bookings, after the figures in a report's download (never in the daily record's CSV, which
 * holds the record's figures only): filled in the total row, and in each row when grouped by
 * service; empty in rows of other groupings, which bookings have no place in.
 */
export const BOOKING_COLUMNS: readonly { id: string; value(c: BookingCounts): number }[] = [
  { id: 'bookings_made', value: (c) => c.booked },
  { id: 'bookings_checked_in', value: (c) => c.checkedIn },
  { id: 'bookings_late', value: (c) => c.late },
  { id: 'bookings_no_show', value: (c) => c.noShows },
  { id: 'bookings_cancelled', value: (c) => c.cancelled },
];

/** A cell that a spreadsheet would run as a formula is written as text (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as RFC 4180 says, CRLF line ends, with a BOM so spreadsheets read Lao as UTF-8. */
export const toCsv = (rows: (string | number | null)[][]) =>
  `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
