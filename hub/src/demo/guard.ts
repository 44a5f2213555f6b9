/**
 * What --demo must not do to a real centre, and what a demo centre must not
 * become without anyone noticing: a centre still open to the demo's printed PINs.
 */
import type { Db } from '../db/open.js';
import { verifyPin } from '../staff/pin.js';
import { DEMO_CENTRE } from './centre-data.js';
import { hasCentre } from './seed.js';

/** Why the hub must not start on this database with these flags, or null when it may. */
export async function demoStartRefusal(
  db: Db,
  opts: { demo: boolean; dbFile: string; fileExisted: boolean },
): Promise<string | null> {
  if (opts.demo && opts.fileExisted && !hasCentre(db)) {
    return (
      `${opts.dbFile} exists but holds no centre. --demo seeds only a data folder with no ` +
      `database, so it will not write a demo over what may be a real centre's lost data. ` +
      `Restore it from the backups folder, or delete the file to start a fresh demo.`
    );
  }
  if (opts.demo || !hasCentre(db)) return null;
  const find = db.prepare<[string], { pin_hash: string }>(
    'SELECT pin_hash FROM staff WHERE username = ?',
  );
  const still: string[] = [];
  for (const s of DEMO_CENTRE.staff) {
    const row = find.get(s.username);
    if (row && (await verifyPin(s.pin, row.pin_hash))) still.push(s.username);
  }
  if (still.length === 0) return null;
  return (
    `this is a demo centre: ${still.join(', ')} still have the demo's published PINs. ` +
    `Start it with --demo, or change every one of those PINs in the console ` +
    `before running it as a real centre.`
  );
}
