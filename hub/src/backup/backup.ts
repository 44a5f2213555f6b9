/**
 * Online backups with better-sqlite3's backup API: a copy of the live
 * database, taken without stopping the hub, kept for BACKUPS_KEPT runs.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';

export const BACKUPS_KEPT = 14;
export const BACKUP_INTERVAL_MS = 24 * 60 * 60_000;
const NAME = /^khiu-\d{8}T\d{6}Z\.sqlite$/;

export function backupFileName(epochMs: number): string {
  const stamp = new Date(epochMs).toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `khiu-${stamp}Z.sqlite`;
}

export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => NAME.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** Writes one backup and deletes all but the newest `keep`. Returns the new file's path. */
export async function backupNow(db: Db, dir: string, clock: Clock, keep = BACKUPS_KEPT) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, backupFileName(clock.now()));
  await db.backup(file);
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(join(dir, old));
  return file;
}

/** Backs up now if the newest backup is older than the interval, then on the interval. */
export function scheduleBackups(opts: {
  db: Db;
  dir: string;
  clock: Clock;
  log: Logger;
  intervalMs?: number;
}): () => void {
  const intervalMs = opts.intervalMs ?? BACKUP_INTERVAL_MS;
  const run = () =>
    backupNow(opts.db, opts.dir, opts.clock).then(
      (file) => opts.log.info({ file }, 'backup written'),
      (err: unknown) => opts.log.error({ err }, 'backup failed'),
    );
  const newest = listBackups(opts.dir).at(-1);
  const newestMs = newest
    ? Date.parse(
        newest.replace(
          /^khiu-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z.*$/,
          '$1-$2-$3T$4:$5:$6Z',
        ),
      )
    : 0;
  const firstDelay = Math.max(0, newestMs + intervalMs - opts.clock.now());
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void run();
    interval = setInterval(() => void run(), intervalMs);
    interval.unref();
  }, firstDelay);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
