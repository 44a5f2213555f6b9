import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { manualClock } from '../clock.js';
import { createDiskWatch, LOW_FREE_BYTES, type StatFs } from './disk-space.js';

const MB = 1_000_000;

/** A log whose lines the test reads. */
function recordingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  return { log, lines };
}

/** A disk of 20 GB with `free.bytes` free, in 4 KB blocks; `free.fail` makes statfs throw. */
function fakeDisk(bytes: number) {
  const free = { bytes, fail: false };
  const statfs: StatFs = async () => {
    if (free.fail) throw new Error('ENOSYS');
    return { bsize: 4096, bavail: Math.floor(free.bytes / 4096), blocks: (20_000 * MB) / 4096 };
  };
  return { free, statfs };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('disk watch', () => {
  it('is low below 1 GiB, warns once as it runs low, and says when it is not', async () => {
    const { log, lines } = recordingLog();
    const disk = fakeDisk(5_000 * MB);
    const watch = createDiskWatch({
      dir: '/data',
      file: null,
      log,
      clock: manualClock(0),
      statfs: disk.statfs,
    });
    expect(await watch.check()).toMatchObject({
      low: false,
      lowBytes: LOW_FREE_BYTES,
      totalBytes: 20_000 * MB,
    });
    disk.free.bytes = 900 * MB;
    expect((await watch.check())?.low).toBe(true);
    await watch.check();
    disk.free.bytes = 2_000 * MB;
    expect((await watch.check())?.low).toBe(false);
    expect(lines.map((l) => l.msg)).toEqual([
      'disk space is running low',
      'disk space is no longer low',
    ]);
    expect(lines[0]?.level).toBe(40); // warn
  });

  it('wants three times the database free when the database is large', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khiu-disk-'));
    dirs.push(dir);
    const file = join(dir, 'khiu.sqlite');
    writeFileSync(file, Buffer.alloc(4 * MB));
    const disk = fakeDisk(11 * MB);
    const watch = createDiskWatch({
      dir,
      file,
      log: pino({ level: 'silent' }),
      clock: manualClock(0),
      lowBytes: 1 * MB,
      statfs: disk.statfs,
    });
    expect(await watch.check()).toMatchObject({ low: true, lowBytes: 12 * MB });
    disk.free.bytes = 13 * MB;
    expect((await watch.check())?.low).toBe(false);
  });

  it('keeps the last reading, and warns once, when the free space cannot be read', async () => {
    const { log, lines } = recordingLog();
    const disk = fakeDisk(5_000 * MB);
    const watch = createDiskWatch({
      dir: '/data',
      file: null,
      log,
      clock: manualClock(0),
      statfs: disk.statfs,
    });
    const first = await watch.check();
    disk.free.fail = true;
    expect(await watch.check()).toBe(first);
    await watch.check();
    expect(lines.map((l) => l.msg)).toEqual(['cannot read the free disk space']);
  });

  it('reads a real disk', async () => {
    const watch = createDiskWatch({
      dir: tmpdir(),
      file: null,
      log: pino({ level: 'silent' }),
      clock: manualClock(0),
    });
    const space = await watch.check();
    expect(space?.totalBytes).toBeGreaterThan(0);
    expect(space?.freeBytes).toBeLessThanOrEqual(space?.totalBytes ?? 0);
  });
});
