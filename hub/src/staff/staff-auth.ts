/** Staff log in with username and PIN; repeated failures lock the account for a while. */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import { HubError } from '../hub-error.js';
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
  pin_must_change: 0 | 1;
  locked_until: number | null;
}

export interface StaffAuth {
  /**
   * Attempts for one account are checked one at a time, so a burst of
   * concurrent guesses meets the lock-out after the fifth, and concurrent
   * right PINs (one clerk on several screens) are never counted as wrong.
   */
  login(username: string, pin: string): Promise<Staff>;
  /** The staff record as it is now (roles and counters may have changed since login). */
  current(id: number): Staff | null;
}

function staffStatements(db: Db) {
  const columns = 'id, username, name, role, pin_hash, pin_must_change, locked_until';
  return {
    byUsername: db.prepare<[string], StaffRow>(
      `SELECT ${columns} FROM staff WHERE username = ? AND active = 1`,
    ),
    byId: db.prepare<[number], StaffRow>(
      `SELECT ${columns} FROM staff WHERE id = ? AND active = 1`,
    ),
    countersOf: db.prepare<[number], { counter_id: number }>(
      'SELECT counter_id FROM staff_counters WHERE staff_id = ? ORDER BY counter_id',
    ),
    failed: db.prepare<[number], { failed_logins: number }>(
      'UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins',
    ),
    lock: db.prepare<[number, number]>(
      'UPDATE staff SET locked_until = ?, failed_logins = 0 WHERE id = ?',
    ),
    succeeded: db.prepare<[number]>(
      'UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?',
    ),
  };
}

const badCredentials = () =>
  new HubError('unauthorized', 'Wrong username or PIN', 'bad-credentials');
const lockedOut = () =>
  new HubError('unauthorized', 'Too many wrong PINs: try again in a few minutes', 'locked-out');

export function createStaffAuth(db: Db, clock: Clock): StaffAuth {
  const q = staffStatements(db);
  const toStaff = (row: StaffRow): Staff => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    counters: q.countersOf.all(row.id).map((r) => r.counter_id),
    pinMustChange: row.pin_must_change === 1,
  });
  const isLocked = (row: StaffRow) => (row.locked_until ?? 0) > clock.now();

  async function attempt(id: number, pin: string): Promise<Staff> {
    const row = q.byId.get(id);
    if (!row) throw badCredentials();
    if (isLocked(row)) throw lockedOut();
    if (await verifyPin(pin, row.pin_hash)) {
      q.succeeded.run(id);
      return toStaff(row);
    }
    const count = q.failed.get(id)?.failed_logins ?? 0;
    if (count < MAX_FAILED_LOGINS) throw badCredentials();
    q.lock.run(clock.now() + LOCKOUT_MS, id);
    throw lockedOut();
  }

  /** One PIN check after another, per account. */
  const queues = new Map<number, Promise<unknown>>();

  return {
    async login(username, pin) {
      const row = q.byUsername.get(username);
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
    current(id) {
      const row = q.byId.get(id);
      return row ? toStaff(row) : null;
    },
  };
}
