/**
 * `npm run bench:central`: a real PostgreSQL (embedded, in a temporary
 * folder) and central on 127.0.0.1; 73 centres × 365 days of records pushed
 * through the HTTP API, then 500 × 365; after each, the national page's
 * queries for a year across every centre are timed (the target: ≤ 500 ms
 * at 500 centres) just after the ingest and again after a VACUUM, and the
 * database's size is read. Stops by itself.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../central/src/db/embedded.js';
import { createPool } from '../../central/src/db/pool.js';
import { migrate } from '../../central/src/db/migrate.js';
import { createCentral } from '../../central/src/server.js';
import { RECORD_KINDS } from '../../central/src/record-figures.js';
import { addDays, todayAt } from '../../central/src/days.js';
import { simulateFleet } from './central-simulator.js';

const DAYS = 365;
const SCALES = [73, 500] as const;
const QUERY_RUNS = 5;

const parent = mkdtempSync(join(tmpdir(), 'khiu-central-bench-'));
chmodSync(parent, 0o777);
const pg = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), persistent: false });
const pool = createPool(pg.url, 12);
await migrate(pool);
const central = createCentral({ pool, kinds: RECORD_KINDS });
const url = await central.listen(0, '127.0.0.1');
const today = todayAt(Date.now());
const range = { from: addDays(today, -DAYS), to: addDays(today, -1) };

const QUERIES = {
  byCentre: () => central.national.byCentre(range, today),
  byProvince: () => central.national.byProvince(range, today),
  monthly: () => central.national.monthly(range),
  silent: () => central.national.silent(today),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The page's four queries together (as the page asks them), and each alone. */
async function pageQueries() {
  const together: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const t0 = performance.now();
    await Promise.all(Object.values(QUERIES).map((q) => q()));
    together.push(performance.now() - t0);
  }
  const alone: Record<string, { medianMs: number; worstMs: number }> = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const times: number[] = [];
    for (let i = 0; i < QUERY_RUNS; i++) {
      const t0 = performance.now();
      await q();
      times.push(performance.now() - t0);
    }
    alone[name] = { medianMs: Math.round(median(times)), worstMs: Math.round(Math.max(...times)) };
  }
  return { medianMs: median(together), worstMs: Math.max(...together), alone };
}

const size = async () =>
  Number(
    (await pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]
      ?.n,
  );

const rows: Record<string, string | number>[] = [];
try {
  let have = 0;
  for (const scale of SCALES) {
    const fleet = await simulateFleet(central, url, {
      from: have,
      centres: scale - have,
      days: DAYS,
      lastDay: range.to,
    });
    have = scale;
    // Just after the ingest, as the bench always measured (statistics fresh, nothing vacuumed
    // yet), then once autovacuum has passed (VACUUM sets the visibility map, so the medians'
    // index-only scans skip the table): what the page sees a minute after the last push.
    for (const when of ['after ingest', 'after vacuum'] as const) {
      await pool.query(when === 'after ingest' ? 'ANALYZE' : 'VACUUM (ANALYZE)');
      const q = await pageQueries();
      rows.push({
        centres: scale,
        when,
        'records stored': scale * DAYS,
        'ingest records/s': Math.round(fleet.records / (fleet.ms / 1000)),
        'page queries, median ms': Math.round(q.medianMs),
        'page queries, worst ms': Math.round(q.worstMs),
        'target ms': scale === 500 ? 500 : '',
        'database MB': Math.round((await size()) / 1e5) / 10,
      });
      process.stdout.write(`${JSON.stringify({ ...rows.at(-1), eachQueryMs: q.alone })}\n`);
    }
  }
  console.table(rows);
} finally {
  await central.close();
  await pool.end();
  await pg.stop();
  rmSync(parent, { recursive: true, force: true });
}
