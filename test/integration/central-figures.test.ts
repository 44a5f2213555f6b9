/**
 * The national page's figures equal a direct computation from the records the
 * hubs sent, whatever the range: whole months (read from the monthly rollup),
 * ragged ends (read from the days), one month or less, a range with nothing.
 * The records arrive in shuffled batches, each pushed twice at once, so the
 * rollup must hold every day exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startCentral,
  startPostgres,
  type TestCentral,
  type TestDatabase,
} from '../central-harness.js';
import { demoRecord } from '../../central/src/demo-seed.js';
import { createPool } from '../../central/src/db/pool.js';
import { migrate } from '../../central/src/db/migrate.js';
import { addDays } from '../../central/src/days.js';
import type { CentreInput } from '../../central/src/centres.js';
import type { Range } from '../../central/src/national.js';
import type { DailyRecord } from '../../shared/schemas/reports.js';

const CENTRES: CentreInput[] = [
  { code: 'FIG-A', nameLo: 'ສູນ ກ', nameEn: 'Centre A', province: 'VTE' },
  { code: 'FIG-B', nameLo: 'ສູນ ຂ', nameEn: 'Centre B', province: 'VTE' },
  { code: 'FIG-C', nameLo: 'ສູນ ຄ', nameEn: 'Centre C', province: 'LPB' },
  { code: 'FIG-D', nameLo: 'ສູນ ງ', nameEn: 'Centre D', province: 'CPS' },
  // Enrolled, never reported: zeros on the page, and counted among its province's centres.
  { code: 'FIG-E', nameLo: 'ສູນ ຈ', nameEn: 'Centre E', province: 'CPS' },
];

/** Each reporting centre's days: its own span with gaps, some days with nobody served. */
function daysOf(i: number): DailyRecord[] {
  const centre = CENTRES[i];
  if (!centre || i === CENTRES.length - 1) return [];
  const first = addDays('2026-01-14', i * 3);
  const out: DailyRecord[] = [];
  for (let k = 0; k < 100 - i * 4; k++) {
    if ((k + i) % 9 === 4) continue;
    const size = k % 13 === 5 ? 0 : 40 + i * 25;
    out.push(demoRecord(centre, addDays(first, k), size, k * 7 + i * 131));
  }
  return out;
}

/** PostgreSQL's percentile_cont, then its round(double precision): a half goes to the even. */
function medianRounded(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = 0.5 * (sorted.length - 1);
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.ceil(pos)] ?? 0;
  const v = a + (b - a) * (pos - lo);
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
const share = (n: number, d: number) => (d === 0 ? null : n / d);

/** The page's figures of a set of days, computed from the records themselves. */
function figuresOf(records: DailyRecord[]) {
  const sum = (f: (r: DailyRecord) => number) => records.reduce((n, r) => n + f(r), 0);
  const faces = (r: DailyRecord) => r.total.feedback.faces;
  const waits = (f: (r: DailyRecord) => number | null) =>
    records.map((r) => seconds(f(r))).filter((s): s is number => s !== null);
  return {
    days: records.length,
    tickets: sum((r) => r.total.issued),
    served: sum((r) => r.total.served),
    noShows: sum((r) => r.total.noShow),
    waitMedianS: medianRounded(waits((r) => r.total.wait.medianMs)),
    waitP90S: medianRounded(waits((r) => r.total.wait.p90Ms)),
    withinTargetShare: share(
      sum((r) => r.total.withinTarget.within),
      sum((r) => r.total.withinTarget.called),
    ),
    satisfaction: share(
      sum((r) => faces(r).reduce((s, c, i) => s + c * (i + 1), 0)),
      sum((r) => faces(r).reduce((s, c) => s + c, 0)),
    ),
    askedMoreShare: share(
      sum((r) => r.total.feedback.askedToPayMore.yes),
      sum((r) => r.total.feedback.askedToPayMore.answered),
    ),
  };
}

const RANGES: Range[] = [
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-01-20', to: '2026-04-12' },
  { from: '2026-02-01', to: '2026-03-31' },
  { from: '2026-02-10', to: '2026-02-20' },
  { from: '2026-02-28', to: '2026-03-01' },
  { from: '2026-03-01', to: '2026-03-01' },
  { from: '2025-06-01', to: '2025-12-31' },
];

describe("the national page's figures", () => {
  let db: TestDatabase;
  let c: TestCentral;
  const sent = CENTRES.map((_, i) => daysOf(i));
  const inRange = (records: DailyRecord[], r: Range) =>
    records.filter((x) => x.day >= r.from && x.day <= r.to);

  beforeAll(async () => {
    db = await startPostgres();
    c = await startCentral(db.url, 0, () => Date.parse('2026-05-01T03:00:00Z'));
    for (const [i, input] of CENTRES.entries()) {
      const row = await c.central.centres.add(input);
      // Shuffled into batches of 9 (a month's days split over batches, a batch over months),
      // each batch pushed twice at once: a retry racing the push it repeats.
      const shuffled = [...(sent[i] ?? [])].sort((a, b) =>
        a.day.slice(8) < b.day.slice(8) ? -1 : 1,
      );
      const pushes = [];
      for (let k = 0; k < shuffled.length; k += 9) {
        const records = shuffled.slice(k, k + 9);
        pushes.push(c.central.records.ingest(row, { records }));
        pushes.push(c.central.records.ingest(row, { records }));
      }
      const results = (await Promise.all(pushes)).flat();
      expect(results.filter((r) => r.status === 'stored')).toHaveLength(sent[i]?.length ?? 0);
      expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(sent[i]?.length ?? 0);
    }
  }, 120_000);
  afterAll(async () => {
    await c?.close();
    await db?.stop();
  });

  it.each(RANGES)('side by side, by province and by month: $from to $to', async (range) => {
    const byCentre = await c.central.national.byCentre(range, '2026-05-01');
    const order = [...CENTRES].sort((x, y) =>
      `${x.province} ${x.code}` < `${y.province} ${y.code}` ? -1 : 1,
    );
    expect(byCentre.map((x) => x.code)).toEqual(order.map((x) => x.code));
    for (const row of byCentre) {
      const i = CENTRES.findIndex((x) => x.code === row.code);
      expect(row).toMatchObject({
        lastDay: sent[i]?.at(-1)?.day ?? null,
        feeDeviations: 0,
        ...figuresOf(inRange(sent[i] ?? [], range)),
      });
    }

    const provinces = [...new Set(CENTRES.map((x) => x.province))].sort();
    const byProvince = await c.central.national.byProvince(range, '2026-05-01');
    expect(byProvince).toEqual(
      provinces.map((province) => ({
        province,
        centres: CENTRES.filter((x) => x.province === province).length,
        feeDeviations: 0,
        ...figuresOf(
          CENTRES.flatMap((x, i) => (x.province === province ? inRange(sent[i] ?? [], range) : [])),
        ),
      })),
    );

    const all = inRange(sent.flat(), range);
    const months = [...new Set(all.map((x) => x.day.slice(0, 7)))].sort();
    expect(await c.central.national.monthly(range)).toEqual(
      months.map((month) => ({
        month,
        ...figuresOf(all.filter((x) => x.day.startsWith(month))),
      })),
    );
  });

  it('holds each month once in the rollup, equal to its days', async () => {
    const { rows } = await c.pool.query<{ differ: number }>(
      `SELECT count(*)::int AS differ FROM month_figures m
       FULL JOIN (SELECT centre_id, date_trunc('month', day)::date AS month, count(*)::int AS days,
                    sum(tickets)::bigint AS tickets, sum(rating_sum)::bigint AS rating_sum
                  FROM day_figures GROUP BY 1, 2) d USING (centre_id, month)
       WHERE m.days IS DISTINCT FROM d.days OR m.tickets IS DISTINCT FROM d.tickets
          OR m.rating_sum IS DISTINCT FROM d.rating_sum`,
    );
    expect(rows[0]?.differ).toBe(0);
    const months = await c.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM month_figures',
    );
    expect(months.rows[0]?.n).toBeGreaterThan(8);
  });

  it('migration 002 rolls up the days a database already holds, and indexes the waits', async () => {
    await c.pool.query('CREATE DATABASE before_rollup');
    const url = new URL(db.url);
    url.pathname = '/before_rollup';
    const pool = createPool(url.toString(), 2);
    try {
      await migrate(pool, 1);
      await pool.query(
        `INSERT INTO centres (code, name_lo, name_en, province) VALUES ('OLD-1', 'ກ', 'A', 'VTE')`,
      );
      await pool.query(
        `INSERT INTO day_figures SELECT 1, d, 1, 10, 9, 1, 300, 600, 9, 5, 4, 16, 1, 3
         FROM generate_series('2026-01-30'::date, '2026-02-02', '1 day') d`,
      );
      expect(await migrate(pool)).toEqual({ from: 1, to: 2 });
      const { rows } = await pool.query(
        'SELECT month, days, tickets, rating_sum FROM month_figures ORDER BY month',
      );
      expect(rows).toEqual([
        { month: '2026-01-01', days: 2, tickets: 20, rating_sum: 32 },
        { month: '2026-02-01', days: 2, tickets: 20, rating_sum: 32 },
      ]);
      // The medians read these indexes alone, one centre or month at a time.
      const indexes = await pool.query<{ indexdef: string }>(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'day_figures' ORDER BY indexname",
      );
      expect(indexes.rows.map((r) => r.indexdef.replace(/^.* USING /, ''))).toEqual([
        'btree (day) INCLUDE (wait_median_s, wait_p90_s)',
        'btree (centre_id, day) INCLUDE (wait_median_s, wait_p90_s)',
      ]);
    } finally {
      await pool.end();
    }
  });
});
