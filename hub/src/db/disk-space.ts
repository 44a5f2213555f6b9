/**
 * Free space on the disk that holds the database. A full disk stops every
 * save (`storage-full`, hub/src/net/pipeline.ts); the console is warned long
 * before, and the hub logs it, once less is left than a busy centre would
 * fill in weeks: 1 GiB, or three times the database (room for its next
 * backups), whichever is more.
 */
import { statSync } from 'node:fs';
import { statfs as statfsOf } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { DiskSpace } from '../../../shared/protocol.js';

export const LOW_FREE_BYTES = 1024 ** 3;
export const DISK_CHECK_MS = 60_000;

/** What statfs tells: blocks free to this user, and their size. */
export type StatFs = (dir: string) => Promise<{ bavail: number; bsize: number; blocks: number }>;

export interface DiskWatch {
  /** Reads the free space now; null where it cannot be read. */
  check(): Promise<DiskSpace | null>;
  /** The last reading, or null before the first. */
  current(): DiskSpace | null;
  start(): void;
  stop(): void;
}

export function createDiskWatch(opts: {
  dir: string;
  /** The database file, whose size the next backups need again. */
  file: string | null;
  log: Logger;
  clock: Clock;
  lowBytes?: number;
  intervalMs?: number;
  statfs?: StatFs;
}): DiskWatch {
  const statfs = opts.statfs ?? statfsOf;
  let last: DiskSpace | null = null;
  let unreadable = false;
  let timer: NodeJS.Timeout | undefined;

  const databaseBytes = () => {
    try {
      return opts.file ? statSync(opts.file).size : 0;
    } catch {
      return 0;
    }
  };

  function note(next: DiskSpace) {
    const fields = { dir: opts.dir, freeBytes: next.freeBytes, lowBytes: next.lowBytes };
    if (next.low && !last?.low) opts.log.warn(fields, 'disk space is running low');
    if (!next.low && last?.low) opts.log.info(fields, 'disk space is no longer low');
    last = next;
  }

  async function check(): Promise<DiskSpace | null> {
    try {
      const fs = await statfs(opts.dir);
      const lowBytes = Math.max(opts.lowBytes ?? LOW_FREE_BYTES, 3 * databaseBytes());
      const freeBytes = fs.bavail * fs.bsize;
      note({
        freeBytes,
        totalBytes: fs.blocks * fs.bsize,
        lowBytes,
        low: freeBytes < lowBytes,
        checkedAt: opts.clock.now(),
      });
      unreadable = false;
    } catch (err) {
      if (!unreadable) opts.log.warn({ err, dir: opts.dir }, 'cannot read the free disk space');
      unreadable = true;
    }
    return last;
  }

  return {
    check,
    current: () => last,
    start() {
      void check();
      timer = setInterval(() => void check(), opts.intervalMs ?? DISK_CHECK_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
