/**
 * Online backups with better-sqlite3's backup API: a copy of the live
 * database, taken without stopping the hub, kept for BACKUPS_KEPT runs.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import Database from 'better-sqlite3';
import { checkSound, type Db } from '../db/open.js';
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

/** True when the file opens and passes `PRAGMA quick_check`. */
export function isSoundCopy(file: string): boolean {
  let copy: Db | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    checkSound(copy, file);
    return true;
  } catch {
    return false;
  } finally {
    copy?.close();
  }
}

/** The newest backup in `dir` that passes its check; null when there is none. */
export function newestGoodBackup(dir: string): string | null {
  const newestFirst = listBackups(dir).reverse();
  const good = newestFirst.find((name) => isSoundCopy(join(dir, name)));
  return good === undefined ? null : join(dir, good);
}

/**
 * Writes one backup, checks it, and only then deletes all but the newest `keep`: a copy
 * that fails its check is removed and nothing older is, so the last good one stays.
 * Returns the new file's path.
 */
export async function backupNow(db: Db, dir: string, clock: Clock, keep = BACKUPS_KEPT) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, backupFileName(clock.now()));
  await db.backup(file);
  if (!isSoundCopy(file)) {
    rmSync(file, { force: true });
    throw new Error(`the backup ${file} failed its check and was removed; older backups are kept`);
  }
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
