/**
 * The first run of a real centre (DESIGN.md "Staff roles and the console"):
 * until a manager exists the hub is in setup. It makes a random one-time
 * 6-digit code, shown only on the hub's own terminal; whoever has the code
 * creates the centre and its first manager in one transaction. Twenty wrong
 * codes replace it with a new one. Once a manager exists, setup is refused.
 */
import { addDevice } from '../devices/devices.js';
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import { createCommits } from '../changes/commits.js';
import { unchanged } from '../changes/change.js';
import { duplicate, HubError } from '../hub-error.js';
import { hashPinSync } from '../staff/pin.js';
import { assertTimeZone } from '../../../shared/domain/numbering.js';
import type { SetupInput } from '../../../shared/protocol.js';

/** Wrong codes before the code is replaced (the rate limit makes each one slow too). */
export const MAX_WRONG_CODES = 20;

export interface Setup {
  /** True until the centre has an active manager. */
  needed(): boolean;
  /** The code in force (null once set up). */
  code(): string | null;
  /** True for the code in force; a wrong one counts towards replacing it. */
  checkCode(code: unknown): boolean;
  /**
   * Creates the centre, its first manager and a console device for the browser
   * that ran the wizard (its token is returned once: a console needs one, and
   * this browser is the manager's); refuses once a manager exists.
   */
  complete(input: SetupInput): { consoleToken: string };
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const setupDone = () =>
  new HubError('conflict', 'This centre is set up already: log in at the console', 'setup-done');

function checkTimeZone(timeZone: string) {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new HubError('invalid-request', `${timeZone} is not a time zone`, undefined, {
      fields: [{ path: 'centre.timeZone', issue: 'invalid-time-zone' }],
    });
  }
}

function statements(db: Db) {
  return {
    managers: db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM staff WHERE role = 'manager' AND active = 1",
    ),
    username: db.prepare<[string], { id: number }>('SELECT id FROM staff WHERE username = ?'),
    centre: db.prepare(
      `INSERT INTO centre (id, name_lo, name_en, province_lo, province_en, district_lo,
         district_en, address_lo, address_en, time_zone, public_url)
       VALUES (1, @nameLo, @nameEn, @provinceLo, @provinceEn, @districtLo, @districtEn,
         @addressLo, @addressEn, @timeZone, @publicUrl)
       ON CONFLICT (id) DO UPDATE SET name_lo = @nameLo, name_en = @nameEn,
         province_lo = @provinceLo, province_en = @provinceEn, district_lo = @districtLo,
         district_en = @districtEn, address_lo = @addressLo, address_en = @addressEn,
         time_zone = @timeZone, public_url = @publicUrl, version = version + 1`,
    ),
    manager: db.prepare<[string, string, string]>(
      "INSERT INTO staff (username, name, role, pin_hash) VALUES (?, ?, 'manager', ?)",
    ),
    audit: db.prepare<[number, number, string]>(
      `INSERT INTO config_audit (at, staff_id, entity, entity_id, action, before, after)
       VALUES (?, ?, 'centre', '1', 'setup', NULL, ?)`,
    ),
  };
}

export function createSetup(deps: {
  db: Db;
  clock: Clock;
  /** Told each code made (the first, and each replacement), to show on the hub's terminal. */
  onCode?: (code: string) => void;
}): Setup {
  const q = statements(deps.db);
  const commits = createCommits(deps.db);
  const needed = () => (q.managers.get()?.n ?? 0) === 0;
  let code = needed() ? newCode() : null;
  let wrong = 0;
  if (code) deps.onCode?.(code);

  return {
    needed,
    code: () => code,
    checkCode(given) {
      if (code === null || typeof given !== 'string' || given.length !== code.length) {
        return countWrong();
      }
      return timingSafeEqual(Buffer.from(given), Buffer.from(code)) || countWrong();
    },
    complete({ centre, manager }) {
      checkTimeZone(centre.timeZone);
      const pinHash = hashPinSync(manager.pin); // slow on purpose: outside the transaction
      const done = commits.run(() => {
        if (!needed()) throw setupDone();
        if (q.username.get(manager.username)) throw duplicate('manager.username', 'That username');
        q.centre.run({
          nameLo: centre.name.lo,
          nameEn: centre.name.en,
          provinceLo: centre.province.lo,
          provinceEn: centre.province.en,
          districtLo: centre.district.lo,
          districtEn: centre.district.en,
          addressLo: centre.address.lo,
          addressEn: centre.address.en,
          timeZone: centre.timeZone,
          publicUrl: centre.publicUrl,
        });
        const id = Number(q.manager.run(manager.username, manager.name, pinHash).lastInsertRowid);
        const after = { centre, manager: { id, username: manager.username, name: manager.name } };
        q.audit.run(deps.clock.now(), id, JSON.stringify(after));
        const device = addDevice(deps.db, deps.clock, 'console', `Console of ${manager.name}`);
        return unchanged({ consoleToken: device.token });
      });
      code = null;
      return done;
    },
  };

  function countWrong(): false {
    if (code !== null && ++wrong >= MAX_WRONG_CODES) {
      wrong = 0;
      code = newCode();
      deps.onCode?.(code);
    }
    return false;
  }
}
