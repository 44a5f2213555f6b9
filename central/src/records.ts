/**
 * Daily records arriving from the hubs. Each is checked against the schema
 * it names (schema + version); one that does not match is refused with the
 * reason, and the rest of the push still counts. A record is stored once
 * per (centre, day, schema version): the hub's retry of a push that did
 * reach us is answered `duplicate` and changes nothing, so nothing is
 * counted twice however often a link drops mid-answer.
 */
import { z } from 'zod';
import type { Pool } from './db/pool.js';
import { inTransaction } from './db/pool.js';
import type { CentreRow } from './centres.js';
import { CentralError } from './central-error.js';
import type { CentralRefusal } from '../../shared/schemas/central-link.js';

/** The figures the national page reads, copied out of a record at ingest. */
export interface DayFigures {
  tickets: number;
  served: number;
  noShows: number;
  waitMedianS: number | null;
  waitP90S: number | null;
  /** Tickets called, and of those called within their service's target wait. */
  targetCalled: number;
  withinTarget: number;
  ratings: number;
  ratingSum: number;
  askedMore: number;
  askedAnswers: number;
}

/** A schema central accepts: how to check a record of it and read its figures. */
export interface RecordKind {
  schema: string;
  version: number;
  check(record: unknown):
    | { ok: true; day: string; figures: DayFigures }
    /** `problems` in English for the message; `fields` (the paths at fault) for the code's params. */
    | { ok: false; problems: string[]; fields: string[] };
}

export const MAX_RECORDS_PER_PUSH = 100;

export const PushSchema = z.object({
  records: z.array(z.unknown()).max(MAX_RECORDS_PER_PUSH),
  /** What the centre charges for each national code it maps, for the page's fee deviations. */
  fees: z
    .array(z.object({ code: z.string().min(1).max(32), localFeeLak: z.number().int().min(0) }))
    .max(1000)
    .optional(),
});
export type Push = z.infer<typeof PushSchema>;

const Head = z.object({ schema: z.string(), version: z.number().int(), day: z.string() });

export type RecordResult =
  | { day: string; version: number; status: 'stored' | 'duplicate' }
  | {
      day: string | null;
      version: number | null;
      status: 'refused';
      /** In English, for logs and a hub too old to know `reason`. */
      error: string;
      /** The same, as a code and its values, for the hub to say in its reader's language. */
      reason: CentralRefusal;
    };

interface Checked {
  day: string;
  version: number;
  record: unknown;
  figures: DayFigures;
}

function checkOne(kinds: readonly RecordKind[], record: unknown): Checked | RecordResult {
  const head = Head.safeParse(record);
  if (!head.success)
    return {
      day: null,
      version: null,
      status: 'refused',
      error: 'Not a daily record: it needs "schema", "version" and "day"',
      reason: { code: 'not-a-record', params: {} },
    };
  const { schema, version, day } = head.data;
  const kind = kinds.find((k) => k.schema === schema && k.version === version);
  if (!kind) {
    const accepted = kinds.map((k) => `${k.schema} ${k.version}`).join(', ');
    return {
      day,
      version,
      status: 'refused',
      error: `Unknown schema ${schema} version ${version}; central accepts ${kinds
        .map((k) => `${k.schema} version ${k.version}`)
        .join(', ')}`,
      reason: { code: 'unknown-schema', params: { schema, version, accepted } },
    };
  }
  const checked = kind.check(record);
  if (!checked.ok)
    return {
      day,
      version,
      status: 'refused',
      error: `The record for ${day} does not match ${schema} version ${version}: ${checked.problems.join('; ')}`,
      reason: {
        code: 'schema-mismatch',
        params: { day, schema, version, fields: checked.fields.join(', ') },
      },
    };
  return { day: checked.day, version, record, figures: checked.figures };
}

const isResult = (x: Checked | RecordResult): x is RecordResult => 'status' in x;

/** The columns of `day_figures` after the key, in the order `figureValues` gives them. */
const FIGURE_COLUMNS = [
  ['tickets', 'int'],
  ['served', 'int'],
  ['no_shows', 'int'],
  ['wait_median_s', 'int'],
  ['wait_p90_s', 'int'],
  ['target_called', 'int'],
  ['within_target', 'int'],
  ['ratings', 'int'],
  ['rating_sum', 'int'],
  ['asked_more', 'int'],
  ['asked_answers', 'int'],
] as const;

/** The figures a month's row in `month_figures` holds, as the sums of its days'. */
const SUMMED = FIGURE_COLUMNS.map(([name]) => name).filter(
  (name) => name !== 'wait_median_s' && name !== 'wait_p90_s',
);

const figureValues = (f: DayFigures) => [
  f.tickets,
  f.served,
  f.noShows,
  f.waitMedianS,
  f.waitP90S,
  f.targetCalled,
  f.withinTarget,
  f.ratings,
  f.ratingSum,
  f.askedMore,
  f.askedAnswers,
];

/**
 * Stores the records new for this centre in one statement: the record whole, its
 * figures in the narrow table the page reads (one row per centre and day: were a day
 * sent again in a newer schema version, its figures are not counted twice), and the
 * days just counted added into their months' rollup. One statement is one transaction,
 * and only the days this statement counted reach the rollup, so a month holds each of
 * its days exactly once however often, or however concurrently, a push is repeated.
 */
async function store(
  pool: Pool,
  now: () => number,
  centreId: number,
  rows: Checked[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const width = 4 + FIGURE_COLUMNS.length;
  const types = ['int', 'date', 'int', 'jsonb', ...FIGURE_COLUMNS.map(([, type]) => type)];
  const values: unknown[] = [];
  const tuples = rows.map((r, i) => {
    values.push(centreId, r.day, r.version, JSON.stringify(r.record), ...figureValues(r.figures));
    return `(${types.map((type, j) => `$${i * width + j + 1}::${type}`).join(', ')})`;
  });
  values.push(now());
  const columns = FIGURE_COLUMNS.map(([name]) => name).join(', ');
  const { rows: stored } = await pool.query<{ day: string; schema_version: number }>(
    `WITH input (centre_id, day, schema_version, record, ${columns}) AS (VALUES ${tuples.join(', ')}),
     stored AS (
       INSERT INTO daily_records (centre_id, day, schema_version, record, received_at)
       SELECT centre_id, day, schema_version, record, to_timestamp($${values.length} / 1000.0)
       FROM input ON CONFLICT (centre_id, day, schema_version) DO NOTHING
       RETURNING centre_id, day, schema_version),
     counted AS (
       INSERT INTO day_figures (centre_id, day, schema_version, ${columns})
       SELECT i.centre_id, i.day, i.schema_version, ${FIGURE_COLUMNS.map(([n]) => `i.${n}`).join(', ')}
       FROM input i JOIN stored s USING (centre_id, day, schema_version)
       ON CONFLICT (centre_id, day) DO NOTHING RETURNING *),
     rolled AS (
       INSERT INTO month_figures AS m (month, centre_id, days, ${SUMMED.join(', ')})
       SELECT date_trunc('month', day)::date, centre_id, count(*),
         ${SUMMED.map((n) => `sum(${n})`).join(', ')}
       FROM counted GROUP BY 1, 2
       ON CONFLICT (month, centre_id) DO UPDATE SET days = m.days + excluded.days,
         ${SUMMED.map((n) => `${n} = m.${n} + excluded.${n}`).join(', ')})
     SELECT day, schema_version FROM stored`,
    values,
  );
  return new Set(stored.map((s) => `${s.day}/${s.schema_version}`));
}

async function storeFees(
  pool: Pool,
  now: () => number,
  centreId: number,
  fees: NonNullable<Push['fees']>,
) {
  await inTransaction(pool, async (c) => {
    await c.query('DELETE FROM centre_fees WHERE centre_id = $1', [centreId]);
    for (const f of fees)
      await c.query(
        `INSERT INTO centre_fees (centre_id, code, local_fee_lak, reported_at)
           VALUES ($1, $2, $3, to_timestamp($4 / 1000.0)) ON CONFLICT DO NOTHING`,
        [centreId, f.code, f.localFeeLak, now()],
      );
  });
}

export function createRecords(pool: Pool, kinds: readonly RecordKind[], now: () => number) {
  return {
    async ingest(centre: CentreRow, body: unknown): Promise<RecordResult[]> {
      const push = PushSchema.safeParse(body);
      if (!push.success)
        throw new CentralError(
          'invalid-request',
          `A push is { records: [at most ${MAX_RECORDS_PER_PUSH} daily records], fees?: [...] }`,
        );
      const checked = push.data.records.map((r) => checkOne(kinds, r));
      const good = checked.filter((c): c is Checked => !isResult(c));
      // One push may carry a day twice (a hub's retry inside one batch): the first one counts.
      const firsts = good.filter(
        (c, i) => good.findIndex((o) => o.day === c.day && o.version === c.version) === i,
      );
      const stored = await store(pool, now, centre.id, firsts);
      if (push.data.fees) await storeFees(pool, now, centre.id, push.data.fees);
      return checked.map((c): RecordResult => {
        if (isResult(c)) return c;
        const key = `${c.day}/${c.version}`;
        const first = firsts.includes(c);
        return {
          day: c.day,
          version: c.version,
          status: first && stored.has(key) ? 'stored' : 'duplicate',
        };
      });
    },
  };
}

export type Records = ReturnType<typeof createRecords>;
