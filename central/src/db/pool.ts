import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

// `date` columns come back as the `YYYY-MM-DD` they hold, not as a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint fees fit a JS number many times over (a fee is at most a few million kip).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function createPool(url: string, max = 10, onError: (err: Error) => void = () => {}): Pool {
  // The page's medians sort a year of every centre's days: in memory, not in temporary files.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c work_mem=32MB' });
  // An idle connection the server drops (a restart, a failover) is replaced on next use; it
  // must not take the process down (node-postgres emits it on the pool).
  pool.on('error', onError);
  return pool;
}

/** Runs `work` in one transaction on one connection: committed, or rolled back whole. */
export async function inTransaction<T>(pool: Pool, work: (c: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
