/**
 * The national page's figures: a range of days across every centre, per
 * centre and per province, month by month, and the centres gone quiet.
 * Every query reads the narrow columns copied out at ingest and the
 * (day, centre) index, never the records' JSON.
 *
 * Waits: a record carries its day's median and p90; over many days the page
 * shows the median of the daily medians and the median of the daily p90s,
 * which a reader can check against any one day's record.
 */
import type { Pool } from './db/pool.js';

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

const FIGURES = `
  count(r.day)::int AS days,
  coalesce(sum(r.tickets), 0)::int AS tickets,
  coalesce(sum(r.served), 0)::int AS served,
  coalesce(sum(r.no_shows), 0)::int AS "noShows",
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY r.wait_median_s))::int AS "waitMedianS",
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY r.wait_p90_s))::int AS "waitP90S",
  sum(r.within_target)::float8 / nullif(sum(r.target_called), 0) AS "withinTargetShare",
  sum(r.rating_sum)::float8 / nullif(sum(r.ratings), 0) AS satisfaction,
  sum(r.asked_more)::float8 / nullif(sum(r.asked_answers), 0) AS "askedMoreShare"`;

/** The figures of an aggregate `a` (zeros for a centre or province without records). */
const OUTER = `
  coalesce(a.days, 0) AS days, coalesce(a.tickets, 0) AS tickets, coalesce(a.served, 0) AS served,
  coalesce(a."noShows", 0) AS "noShows", a."waitMedianS", a."waitP90S", a."withinTargetShare",
  a.satisfaction, a."askedMoreShare"`;

/** How many mapped national codes each centre charges differently from the fee in force. */
const DEVIATIONS = `
  SELECT cf.centre_id, count(*)::int AS n FROM centre_fees cf
  JOIN (SELECT DISTINCT ON (code) code, fee_lak FROM national_fees
        WHERE effective_on <= $3 ORDER BY code, effective_on DESC) nf ON nf.code = cf.code
  WHERE cf.local_fee_lak <> nf.fee_lak GROUP BY cf.centre_id`;

/** Each centre's newest day: one probe of the (centre, day) key per centre, not a scan. */
const LAST_DAY = `LEFT JOIN LATERAL (SELECT f.day FROM day_figures f WHERE f.centre_id = c.id
  ORDER BY f.day DESC LIMIT 1) last ON true`;

export function createNational(pool: Pool) {
  return {
    /** Every centre, those without a record in the range too (with zeros). */
    async byCentre(range: Range, today: string): Promise<CentreFigures[]> {
      const { rows } = await pool.query<CentreFigures>(
        `WITH dev AS (${DEVIATIONS}),
         agg AS (SELECT r.centre_id, ${FIGURES} FROM day_figures r
                 WHERE r.day BETWEEN $1 AND $2 GROUP BY r.centre_id)
         SELECT c.id, c.code, c.name_lo AS "nameLo", c.name_en AS "nameEn", c.province,
           last.day AS "lastDay", coalesce(dev.n, 0) AS "feeDeviations", ${OUTER}
         FROM centres c
         LEFT JOIN agg a ON a.centre_id = c.id
         LEFT JOIN dev ON dev.centre_id = c.id
         ${LAST_DAY}
         ORDER BY c.province, c.code`,
        [range.from, range.to, today],
      );
      return rows;
    },

    async byProvince(range: Range, today: string): Promise<ProvinceFigures[]> {
      const { rows } = await pool.query<ProvinceFigures>(
        `WITH dev AS (${DEVIATIONS}),
         agg AS (SELECT c.province, ${FIGURES} FROM day_figures r
                 JOIN centres c ON c.id = r.centre_id
                 WHERE r.day BETWEEN $1 AND $2 GROUP BY c.province),
         prov AS (SELECT c.province, count(*)::int AS centres, coalesce(sum(dev.n), 0)::int AS dev
                  FROM centres c LEFT JOIN dev ON dev.centre_id = c.id GROUP BY c.province)
         SELECT p.province, p.centres, p.dev AS "feeDeviations", ${OUTER}
         FROM prov p LEFT JOIN agg a ON a.province = p.province ORDER BY p.province`,
        [range.from, range.to, today],
      );
      return rows;
    },

    async monthly(range: Range): Promise<MonthFigures[]> {
      // Grouped on the month's first day (a narrow key), named after.
      const { rows } = await pool.query<MonthFigures>(
        `SELECT to_char(a.month, 'YYYY-MM') AS month, ${OUTER}
         FROM (SELECT date_trunc('month', r.day)::date AS month, ${FIGURES}
               FROM day_figures r WHERE r.day BETWEEN $1 AND $2 GROUP BY 1) a
         ORDER BY a.month`,
        [range.from, range.to],
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
