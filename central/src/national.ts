/**
 * The national page's figures: a range of days across every centre, per
 * centre and per province, month by month, and the centres gone quiet.
 * Every query reads the figures copied out at ingest, never the records'
 * JSON. The sums: the whole months of the range from the monthly rollup
 * (twelve rows a centre for a year), the days at its ragged ends from the
 * daily rows. The waits' medians: over the days, read from the indexes that
 * carry them, one centre, province or month at a time (migration 002).
 *
 * Waits: a record carries its day's median and p90; over many days the page
 * shows the median of the daily medians and the median of the daily p90s,
 * which a reader can check against any one day's record.
 */
import type { Pool } from './db/pool.js';
import { addDays } from './days.js';

export interface Range {
  from: string;
  to: string;
}

export interface Figures {
  days: number;
  tickets: number;
  served: number;
  noShows: number;
  waitMedianS: number | null;
  waitP90S: number | null;
  /** Shares are 0..1 of the ones that count (called; answers); null for none. Satisfaction: mean face, 1..5. */
  withinTargetShare: number | null;
  satisfaction: number | null;
  askedMoreShare: number | null;
}

export interface CentreFigures extends Figures {
  id: number;
  code: string;
  nameLo: string;
  nameEn: string;
  province: string;
  lastDay: string | null;
  feeDeviations: number;
}

export interface ProvinceFigures extends Figures {
  province: string;
  centres: number;
  feeDeviations: number;
}

export interface MonthFigures extends Figures {
  month: string;
}

export interface SilentCentre {
  id: number;
  code: string;
  nameLo: string;
  nameEn: string;
  province: string;
  lastDay: string | null;
}

/**
 * Whole months inside the range come from `month_figures`, the days at its
 * ragged ends from `day_figures`: `[from, fullFrom)` and `[fullEnd, to]`,
 * with `[fullFrom, fullEnd)` the whole months. A range inside one month has
 * no whole month (fullFrom = fullEnd = the day after `to`).
 */
export function splitRange(range: Range): Range & { fullFrom: string; fullEnd: string } {
  const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
  const nextMonth = (day: string) => firstOfMonth(addDays(firstOfMonth(day), 31));
  const after = addDays(range.to, 1);
  const fullFrom = range.from === firstOfMonth(range.from) ? range.from : nextMonth(range.from);
  const fullEnd = firstOfMonth(after);
  return fullFrom < fullEnd
    ? { ...range, fullFrom, fullEnd }
    : { ...range, fullFrom: after, fullEnd: after };
}

/**
 * The range's rows with the summed figures, one per centre and whole month or ragged
 * day, with its month. $1..$4: from, to, fullFrom, fullEnd.
 */
const SOURCE = `
  SELECT m.centre_id, m.month, m.days, m.tickets, m.served, m.no_shows, m.target_called,
    m.within_target, m.ratings, m.rating_sum, m.asked_more, m.asked_answers
  FROM month_figures m WHERE m.month >= $3::date AND m.month < $4::date
  UNION ALL
  SELECT d.centre_id, date_trunc('month', d.day)::date, 1, d.tickets, d.served, d.no_shows,
    d.target_called, d.within_target, d.ratings, d.rating_sum, d.asked_more, d.asked_answers
  FROM day_figures d
  WHERE (d.day >= $1::date AND d.day < $3::date) OR (d.day >= $4::date AND d.day <= $2::date)`;

/** The summed figures of the range's rows `s` (with their centre `c`) grouped by `key`. */
const sumsBy = (key: string) => `
  SELECT ${key} AS key, sum(s.days)::int AS days, sum(s.tickets)::int AS tickets,
    sum(s.served)::int AS served, sum(s.no_shows)::int AS "noShows",
    sum(s.within_target)::float8 / nullif(sum(s.target_called), 0) AS "withinTargetShare",
    sum(s.rating_sum)::float8 / nullif(sum(s.ratings), 0) AS satisfaction,
    sum(s.asked_more)::float8 / nullif(sum(s.asked_answers), 0) AS "askedMoreShare"
  FROM (${SOURCE}) s JOIN centres c ON c.id = s.centre_id GROUP BY 1`;

/** The median daily median and p90 of the day rows `f` a query's LATERAL picks. */
const WAITS = `
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.wait_median_s))::int AS "waitMedianS",
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.wait_p90_s))::int AS "waitP90S"`;

/** The figures of the sums `a` and the waits `w` (zeros for a centre or province without records). */
const OUTER = `
  coalesce(a.days, 0) AS days, coalesce(a.tickets, 0) AS tickets, coalesce(a.served, 0) AS served,
  coalesce(a."noShows", 0) AS "noShows", w."waitMedianS", w."waitP90S", a."withinTargetShare",
  a.satisfaction, a."askedMoreShare"`;

const rangeParams = (range: Range) => {
  const r = splitRange(range);
  return [r.from, r.to, r.fullFrom, r.fullEnd];
};

/** How many mapped national codes each centre charges differently from the fee in force. */
const DEVIATIONS = `
  SELECT cf.centre_id, count(*)::int AS n FROM centre_fees cf
  JOIN (SELECT DISTINCT ON (code) code, fee_lak FROM national_fees
        WHERE effective_on <= $5 ORDER BY code, effective_on DESC) nf ON nf.code = cf.code
  WHERE cf.local_fee_lak <> nf.fee_lak GROUP BY cf.centre_id`;

/** Each centre's newest day: one probe of the (centre, day) key per centre, not a scan. */
const LAST_DAY = `LEFT JOIN LATERAL (SELECT f.day FROM day_figures f WHERE f.centre_id = c.id
  ORDER BY f.day DESC LIMIT 1) last ON true`;

export function createNational(pool: Pool) {
  return {
    /** Every centre, those without a record in the range too (with zeros). */
    async byCentre(range: Range, today: string): Promise<CentreFigures[]> {
      const { rows } = await pool.query<CentreFigures>(
        `WITH dev AS (${DEVIATIONS}), sums AS (${sumsBy('s.centre_id')})
         SELECT c.id, c.code, c.name_lo AS "nameLo", c.name_en AS "nameEn", c.province,
           last.day AS "lastDay", coalesce(dev.n, 0) AS "feeDeviations", ${OUTER}
         FROM centres c
         LEFT JOIN sums a ON a.key = c.id
         LEFT JOIN dev ON dev.centre_id = c.id
         CROSS JOIN LATERAL (SELECT ${WAITS} FROM day_figures f
           WHERE f.centre_id = c.id AND f.day BETWEEN $1 AND $2) w
         ${LAST_DAY}
         ORDER BY c.province, c.code`,
        [...rangeParams(range), today],
      );
      return rows;
    },

    async byProvince(range: Range, today: string): Promise<ProvinceFigures[]> {
      const { rows } = await pool.query<ProvinceFigures>(
        `WITH dev AS (${DEVIATIONS}), sums AS (${sumsBy('c.province')}),
         prov AS (SELECT c.province, count(*)::int AS centres, coalesce(sum(dev.n), 0)::int AS dev
                  FROM centres c LEFT JOIN dev ON dev.centre_id = c.id GROUP BY c.province)
         SELECT p.province, p.centres, p.dev AS "feeDeviations", ${OUTER}
         FROM prov p
         LEFT JOIN sums a ON a.key = p.province
         CROSS JOIN LATERAL (SELECT ${WAITS} FROM centres c JOIN day_figures f ON f.centre_id = c.id
           WHERE c.province = p.province AND f.day BETWEEN $1 AND $2) w
         ORDER BY p.province`,
        [...rangeParams(range), today],
      );
      return rows;
    },

    async monthly(range: Range): Promise<MonthFigures[]> {
      // Grouped on the month's first day (a narrow key), named after.
      const { rows } = await pool.query<MonthFigures>(
        `WITH sums AS (${sumsBy('s.month')})
         SELECT to_char(a.key, 'YYYY-MM') AS month, ${OUTER}
         FROM sums a
         CROSS JOIN LATERAL (SELECT ${WAITS} FROM day_figures f
           WHERE f.day >= greatest(a.key, $1::date)
             AND f.day < least((a.key + interval '1 month')::date, $2::date + 1)) w
         ORDER BY a.key`,
        rangeParams(range),
      );
      return rows;
    },

    /** Centres whose newest record is for a day more than `days` before `today`, or none at all. */
    async silent(today: string, days = 2): Promise<SilentCentre[]> {
      const { rows } = await pool.query<SilentCentre>(
        `SELECT c.id, c.code, c.name_lo AS "nameLo", c.name_en AS "nameEn", c.province,
           last.day AS "lastDay"
         FROM centres c ${LAST_DAY}
         WHERE last.day IS NULL OR last.day < $1::date - $2::int
         ORDER BY last.day NULLS FIRST, c.code`,
        [today, days],
      );
      return rows;
    },
  };
}

export type National = ReturnType<typeof createNational>;
