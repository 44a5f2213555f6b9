/** --demo never writes over a database file, and a demo centre does not quietly run as a real one. */
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/src/db/open.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { demoStartRefusal } from '../../hub/src/demo/guard.js';
import { seedCentre } from '../../hub/src/demo/seed.js';
import { hashPinSync } from '../../hub/src/staff/pin.js';
import { tempDir } from '../harness.js';
import { noonZone, running, startCli } from './hub-process.js';

const dirs: string[] = [];
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('starting with and without --demo', () => {
  it('refuses --demo over an empty database file, saying why and what to do', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'khiu.sqlite'), '');
    const error = await startCli(dir, noonZone()).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(error).toMatch(/holds no centre/);
    expect(error).toMatch(/delete the file to start a fresh demo/);
  }, 15_000);

  it('refuses a demo centre without --demo until every demo PIN is changed', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const dbFile = join(dir, 'khiu.sqlite');
    const db = openDatabase(dbFile);
    seedCentre(db, DEMO_CENTRE, { sampleFees: false });
    const check = () => demoStartRefusal(db, { demo: false, dbFile, fileExisted: true });
    expect(await check()).toMatch(/demo centre: .*supervisor/);
    expect(await demoStartRefusal(db, { demo: true, dbFile, fileExisted: true })).toBeNull();
    const setPin = db.prepare('UPDATE staff SET pin_hash = ? WHERE username = ?');
    const [first, ...rest] = DEMO_CENTRE.staff;
    for (const s of rest) setPin.run(hashPinSync('90817263'), s.username);
    expect(await check()).toMatch(new RegExp(`demo centre: ${first?.username ?? ''} still`));
    setPin.run(hashPinSync('90817263'), first?.username);
    expect(await check()).toBeNull();
    db.close();
  }, 15_000);
});
