/**
 * A damaged database is refused at start with what to do — the newest good
 * backup and how to restore it — not an uncaught stack; and a backup is
 * checked before it is kept, so rotation never leaves only bad copies.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  readFileSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../hub/src/clock.js';
import { DamagedDatabaseError, openDatabase } from '../../hub/src/db/open.js';
import { seedCentre } from '../../hub/src/demo/seed.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { backupNow, isSoundCopy, newestGoodBackup } from '../../hub/src/backup/backup.js';
import { tempDir } from '../harness.js';
import { REPO_ROOT } from './hub-process.js';

const PAGE = 4096;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Overwrites every page but the first (the header) with noise, as a failing disk might. */
function damage(file: string) {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  const noise = Buffer.alloc(PAGE, 0xa5);
  for (let at = PAGE; at < size; at += PAGE) writeSync(fd, noise, 0, PAGE, at);
  closeSync(fd);
}

async function seededDataDir() {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const file = join(dataDir, 'khiu.sqlite');
  const db = openDatabase(file);
  seedCentre(db, DEMO_CENTRE, { sampleFees: true });
  const backups = join(dataDir, 'backups');
  const good = await backupNow(db, backups, manualClock(Date.parse('2025-03-14T01:00:00Z')));
  db.close();
  return { dataDir, file, backups, good };
}

function runHub(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'hub/src/main.ts', '--port', '0', '--data-dir', dataDir],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise<{ code: number | null; out: string }>((done) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    }),
  );
}

describe('a damaged database', () => {
  it('is refused by openDatabase', async () => {
    const { file } = await seededDataDir();
    damage(file);
    expect(() => openDatabase(file)).toThrow(DamagedDatabaseError);
  });

  it('stops the hub at start with the newest good backup and how to restore it', async () => {
    const { dataDir, file, backups, good } = await seededDataDir();
    // A newer backup that is itself damaged must not be the one offered.
    const bad = join(backups, 'khiu-20250315T010000Z.sqlite');
    writeFileSync(bad, Buffer.alloc(8 * PAGE, 0xa5));
    damage(file);
    const { code, out } = await runHub(dataDir);
    expect(code).toBe(1);
    expect(out).toContain('is damaged');
    expect(out).toContain('The newest good backup is khiu-20250314T010000Z.sqlite');
    expect(out).toContain(`cp ${good} ${file}`);
    expect(out).not.toMatch(/^\s+at /m); // no stack trace
    expect(newestGoodBackup(backups)).toBe(good);
  }, 30_000);

  it('tells a sound backup from a damaged one, which the backup job would remove', async () => {
    const { backups, good } = await seededDataDir();
    expect(isSoundCopy(good)).toBe(true);
    const dir = join(backups, 'junk');
    mkdirSync(dir);
    const junk = join(dir, 'x.sqlite');
    writeFileSync(junk, 'not a database');
    expect(isSoundCopy(junk)).toBe(false);
    const damaged = join(dir, 'y.sqlite');
    writeFileSync(damaged, readFileSync(good));
    damage(damaged);
    expect(isSoundCopy(damaged)).toBe(false);
  });
});
