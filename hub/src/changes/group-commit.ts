/**
 * Group commit: mutations that arrive in the same turn of the event loop
 * share one transaction, so one fsync makes them all durable. Each still gets
 * its own result or error (a failed one rolls back to its own savepoint), and
 * none is answered before the shared commit. `flush` commits the batch at
 * once, for a transaction of its own that must not overtake requests asked
 * for before it.
 */
import type { Db } from '../db/open.js';

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * `settled` hears how each shared transaction ended (true: committed), before
 * any of its requests is answered.
 */
export function createGroupCommit(db: Db, settled?: (committed: boolean) => void) {
  let pending: Pending[] = [];

  // Made once, not per batch: better-sqlite3 builds four wrappers for every `db.transaction`.
  const runAll = db.transaction((items: readonly Pending[], results: Result[]) => {
    for (const item of items) {
      try {
        results.push({ ok: true, value: item.run() });
      } catch (error) {
        results.push({ ok: false, error });
      }
    }
  });

  function flush() {
    const items = pending;
    if (items.length === 0) return; // flushed early: the turn's own flush finds nothing
    pending = [];
    const results: Result[] = [];
    try {
      runAll(items, results);
    } catch (error) {
      // The commit itself failed: nothing in the batch is durable, so nothing succeeded.
      settled?.(false);
      for (const item of items) item.reject(error);
      return;
    }
    settled?.(true);
    items.forEach((item, i) => {
      const r = results[i];
      if (r?.ok) item.resolve(r.value);
      else item.reject(r?.error);
    });
  }

  /** Runs `run` (which may open its own, nested, transaction) in the next shared commit. */
  function commit<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (pending.length === 1) setImmediate(flush);
    });
  }
  return Object.assign(commit, { flush });
}
