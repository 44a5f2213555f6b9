/** Staff log in with username and PIN; repeated failures lock the account for a while. */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import { HubError } from '../queue/hub-error.js';
import { dummyPinHash, verifyPin } from './pin.js';
import type { Staff, StaffRole } from '../../../shared/protocol.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 5 * 60_000;

interface StaffRow {
  id: number;
  username: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  locked_until: number | null;
}

export function createStaffAuth(db: Db, clock: Clock) {
  const byUsername = db.prepare<[string], StaffRow>(
    'SELECT id, username, name, role, pin_hash, locked_until FROM staff WHERE username = ? AND active = 1',
  );
  const byId = db.prepare<[number], StaffRow>(
    'SELECT id, username, name, role, pin_hash, locked_until FROM staff WHERE id = ? AND active = 1',
  );
  const countersOf = db.prepare<[number], { counter_id: number }>(
    'SELECT counter_id FROM staff_counters WHERE staff_id = ? ORDER BY counter_id',
  );
  const failed = db.prepare<[number], { failed_logins: number }>(
    'UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins',
  );
  const lock = db.prepare<[number, number]>(
    'UPDATE staff SET locked_until = ?, failed_logins = 0 WHERE id = ?',
  );
  const succeeded = db.prepare<[number]>(
    'UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?',
  );

  const toStaff = (row: StaffRow): Staff => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    counters: countersOf.all(row.id).map((r) => r.counter_id),
  });

  const badCredentials = () =>
    new HubError('unauthorized', 'Wrong username or PIN', 'bad-credentials');
  const lockedOut = () =>
    new HubError('unauthorized', 'Too many wrong PINs: try again in a few minutes', 'locked-out');

  const isLocked = (id: number) => (byId.get(id)?.locked_until ?? 0) > clock.now();

  return {
    /**
     * Each attempt is counted before the slow scrypt check, so a burst of
     * concurrent guesses cannot all slip past the lock-out.
     */
    async login(username: string, pin: string): Promise<Staff> {
      const row = byUsername.get(username);
      if (!row) {
        await verifyPin(pin, dummyPinHash());
        throw badCredentials();
      }
      if (isLocked(row.id)) throw lockedOut();
      const attempt = failed.get(row.id)?.failed_logins ?? 0;
      if (attempt > MAX_FAILED_LOGINS) {
        lock.run(clock.now() + LOCKOUT_MS, row.id);
        throw lockedOut();
      }
      const ok = await verifyPin(pin, row.pin_hash);
      if (isLocked(row.id)) throw lockedOut();
      if (!ok) {
        if (attempt < MAX_FAILED_LOGINS) throw badCredentials();
        lock.run(clock.now() + LOCKOUT_MS, row.id);
        throw lockedOut();
      }
      succeeded.run(row.id);
      return toStaff(row);
    },

    /** The staff record as it is now (roles and counters may have changed since login). */
    current(id: number): Staff | null {
      const row = byId.get(id);
      return row ? toStaff(row) : null;
    },
  };
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
