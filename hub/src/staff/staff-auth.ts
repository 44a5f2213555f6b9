/**
 * Staff log in with username and PIN. Wrong PINs slow the guesser down
 * (login-throttle.ts) rather than lock the account, and an unknown name is
 * answered as a known one is, in the same time.
 */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Logger } from 'pino';
import { HubError } from '../hub-error.js';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.js';
import { dummyPinHash, verifyPin } from './pin.js';
import type { Staff, StaffRole } from '../../../shared/protocol.js';

interface StaffRow {
  id: number;
  username: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  pin_must_change: 0 | 1;
}

export interface StaffAuth {
  /**
   * `source` is who asks: a paired device, else an address. One source's
   * tries are checked one after another, so a burst of guesses meets its
   * wait after the first few; tries from other sources (the clerk's own
   * desk) are neither queued behind it nor slowed by it.
   */
  login(username: string, pin: string, source: string): Promise<Staff>;
  /** The staff record as it is now (roles and counters may have changed since login). */
  current(id: number): Staff | null;
  /** Whether an active member must choose a new PIN first: `current(id)?.pinMustChange`, in one read. */
  mustChangePin(id: number): boolean;
  readonly throttle: LoginThrottle;
}

/** Who a connection's tries count against: its paired device, else its address. */
export const loginSource = (conn: { deviceId: number | null; address: string }) =>
  conn.deviceId === null ? `address ${conn.address}` : `device ${conn.deviceId}`;

function staffStatements(db: Db) {
  const columns = 'id, username, name, role, pin_hash, pin_must_change';
  return {
    byUsername: db.prepare<[string], StaffRow>(
      `SELECT ${columns} FROM staff WHERE username = ? AND active = 1`,
    ),
    byId: db.prepare<[number], StaffRow>(
      `SELECT ${columns} FROM staff WHERE id = ? AND active = 1`,
    ),
    pinMustChange: db.prepare<[number], { pin_must_change: number }>(
      'SELECT pin_must_change FROM staff WHERE id = ? AND active = 1',
    ),
    countersOf: db.prepare<[number], { counter_id: number }>(
      'SELECT counter_id FROM staff_counters WHERE staff_id = ? ORDER BY counter_id',
    ),
  };
}

const badCredentials = () =>
  new HubError('unauthorized', 'Wrong username or PIN', 'bad-credentials');
const slowDown = (waitMs: number) => {
  const seconds = Math.ceil(waitMs / 1000);
  return new HubError(
    'unauthorized',
    `Too many wrong PINs from here: try again in ${seconds} s`,
    'slow-down',
    { params: { seconds } },
  );
};

export function createStaffAuth(db: Db, clock: Clock, log: Logger): StaffAuth {
  const q = staffStatements(db);
  const throttle = createLoginThrottle(clock);
  dummyPinHash(); // made now, so the first unknown name is not slower than the rest
  const toStaff = (row: StaffRow): Staff => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    counters: q.countersOf.all(row.id).map((r) => r.counter_id),
    pinMustChange: row.pin_must_change === 1,
  });

  async function attempt(username: string, pin: string, source: string): Promise<Staff> {
    const wait = throttle.waitMs(username, source);
    if (wait > 0) throw slowDown(wait);
    const row = q.byUsername.get(username);
    // An unknown name costs the same check, against a hash of nothing anyone knows.
    const right = await verifyPin(pin, row?.pin_hash ?? dummyPinHash());
    if (!row || !right) {
      throttle.failed(username, source);
      // Bounded by the waits: a guesser's early tries are refused before this point.
      const waitSeconds = Math.ceil(throttle.waitMs(username, source) / 1000);
      log.warn({ username, source, known: row !== undefined, waitSeconds }, 'wrong PIN');
      throw badCredentials();
    }
    throttle.succeeded(username, source);
    // Re-read: the account may have been deactivated during the check.
    const now = q.byId.get(row.id);
    if (!now) throw badCredentials();
    return toStaff(now);
  }

  /** One PIN check after another, per source. */
  const queues = new Map<string, Promise<unknown>>();

  return {
    throttle,
    async login(username, pin, source) {
      const previous = queues.get(source) ?? Promise.resolve();
      const mine = previous.catch(() => undefined).then(() => attempt(username, pin, source));
      queues.set(source, mine);
      try {
        return await mine;
      } finally {
        if (queues.get(source) === mine) queues.delete(source);
      }
    },
    current(id) {
      const row = q.byId.get(id);
      return row ? toStaff(row) : null;
    },
    mustChangePin: (id) => q.pinMustChange.get(id)?.pin_must_change === 1,
  };
}
