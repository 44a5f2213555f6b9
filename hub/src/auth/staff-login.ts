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

  const isLocked = (row: StaffRow) => (row.locked_until ?? 0) > clock.now();

  /** One PIN check after another, per account: see `login`. */
  const queues = new Map<number, Promise<unknown>>();

  async function attempt(id: number, pin: string): Promise<Staff> {
    const row = byId.get(id);
    if (!row) throw badCredentials();
    if (isLocked(row)) throw lockedOut();
    if (await verifyPin(pin, row.pin_hash)) {
      succeeded.run(id);
      return toStaff(row);
    }
    const count = failed.get(id)?.failed_logins ?? 0;
    if (count < MAX_FAILED_LOGINS) throw badCredentials();
    lock.run(clock.now() + LOCKOUT_MS, id);
    throw lockedOut();
  }

  return {
    /**
     * Attempts for one account are checked one at a time, so a burst of
     * concurrent guesses meets the lock-out after the fifth, and concurrent
     * right PINs (one clerk on several screens) are never counted as wrong.
     */
    async login(username: string, pin: string): Promise<Staff> {
      const row = byUsername.get(username);
      if (!row) {
        await verifyPin(pin, dummyPinHash()); // the same time as a real check
        throw badCredentials();
      }
      const previous = queues.get(row.id) ?? Promise.resolve();
      const mine = previous.catch(() => undefined).then(() => attempt(row.id, pin));
      queues.set(row.id, mine);
      try {
        return await mine;
      } finally {
        if (queues.get(row.id) === mine) queues.delete(row.id);
      }
    },

    /** The staff record as it is now (roles and counters may have changed since login). */
    current(id: number): Staff | null {
      const row = byId.get(id);
      return row ? toStaff(row) : null;
    },
  };
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
