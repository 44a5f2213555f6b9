/**
 * Central's numbered migrations, like the hub's: index i holds the step from
 * version i to i + 1, each run in its own transaction, the version kept in
 * `schema_version`. A database newer than this code is refused before
 * anything touches it. An advisory lock lets two central processes start on
 * one database at once without both migrating it.
 */
import type { Pool, PoolClient } from 'pg';
import { migration001 } from './migrations/001-initial.js';
import { migration002 } from './migrations/002-month-figures.js';

export const MIGRATIONS: readonly string[] = [migration001, migration002];
export const SCHEMA_VERSION = MIGRATIONS.length;
const MIGRATION_LOCK = 7_317_017;

export class NewerDatabaseError extends Error {
  constructor(found: number) {
    super(
      `The central database is at schema version ${found}, newer than this central knows ` +
        `(${SCHEMA_VERSION}). Upgrade central, or restore a backup made by this version.`,
    );
  }
}

async function versionOf(client: PoolClient): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return rows[0]?.version ?? 0;
}

/** Brings the database up to SCHEMA_VERSION (or up to `target`, for a migration's test). */
export async function migrate(
  pool: Pool,
  target = SCHEMA_VERSION,
): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const from = await versionOf(client);
    if (from > SCHEMA_VERSION) throw new NewerDatabaseError(from);
    for (let version = from; version < target; version++) {
      const step = MIGRATIONS[version];
      if (step === undefined) throw new Error(`Missing migration ${version + 1}`);
      await client.query('BEGIN');
      try {
        await client.query(step);
        await client.query('DELETE FROM schema_version');
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return { from, to: Math.max(from, target) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
