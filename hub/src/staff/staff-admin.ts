/**
 * Staff accounts as a manager keeps them: who works here, in which role, at
 * which counters. A new account and a reset PIN get a random temporary PIN,
 * shown once, that must be changed at the next login. Every change is one
 * transaction with its `config_audit` row (never a PIN nor its hash).
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Commits } from '../changes/commits.js';
import { unchanged } from '../changes/change.js';
import type { Audit } from '../config/audit.js';
import { duplicate, HubError, notFound } from '../hub-error.js';
import { hashPinSync } from './pin.js';
import type { LoginThrottle } from './login-throttle.js';
import type { StaffCutoff } from './staff-cutoff.js';
import type { StaffInput, StaffMember, StaffRole } from '../../../shared/protocol.js';

interface MemberRow {
  id: number;
  username: string;
  name: string;
  role: StaffRole;
  active: 0 | 1;
  pin_must_change: 0 | 1;
  version: number;
}

export interface StaffAdmin {
  list(): StaffMember[];
  /** Creates (with a temporary PIN, returned once) or updates one account. */
  save(
    byId: number,
    input: StaffInput,
    version: number | null,
  ): {
    member: StaffMember;
    temporaryPin?: string;
  };
  resetPin(byId: number, staffId: number): { member: StaffMember; temporaryPin: string };
  /** Lets the person, and every desk that got their PIN wrong, try again at once. */
  unlock(byId: number, staffId: number): StaffMember;
  /** Replaces the PIN with one its owner chose; it is no longer temporary. */
  setOwnPin(staffId: number, pinHash: string): void;
}

/** Six random digits, for a person to type once and replace. */
export const temporaryPin = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

function statements(db: Db) {
  return {
    all: db.prepare<[], MemberRow>('SELECT * FROM staff ORDER BY role DESC, username'),
    byId: db.prepare<[number], MemberRow>('SELECT * FROM staff WHERE id = ?'),
    byUsername: db.prepare<[string], { id: number }>('SELECT id FROM staff WHERE username = ?'),
    counters: db.prepare<[number], { counter_id: number }>(
      'SELECT counter_id FROM staff_counters WHERE staff_id = ? ORDER BY counter_id',
    ),
    counterExists: db.prepare<[number], { id: number }>('SELECT id FROM counters WHERE id = ?'),
    activeManagers: db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM staff WHERE role = 'manager' AND active = 1",
    ),
    insert: db.prepare<[string, string, StaffRole, string, 0 | 1]>(
      `INSERT INTO staff (username, name, role, pin_hash, pin_must_change, active)
       VALUES (?, ?, ?, ?, 1, ?)`,
    ),
    update: db.prepare<[string, string, StaffRole, 0 | 1, number]>(
      `UPDATE staff SET username = ?, name = ?, role = ?, active = ?, version = version + 1
       WHERE id = ?`,
    ),
    clearCounters: db.prepare<[number]>('DELETE FROM staff_counters WHERE staff_id = ?'),
    allow: db.prepare<[number, number]>(
      'INSERT INTO staff_counters (staff_id, counter_id) VALUES (?, ?)',
    ),
    endSessions: db.prepare<[number, number]>(
      'UPDATE staff_sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL',
    ),
    setPin: db.prepare<[string, 0 | 1, number]>(
      'UPDATE staff SET pin_hash = ?, pin_must_change = ?, version = version + 1 WHERE id = ?',
    ),
    touch: db.prepare<[number]>('UPDATE staff SET version = version + 1 WHERE id = ?'),
  };
}

type Statements = ReturnType<typeof statements>;

function memberOf(q: Statements, throttle: LoginThrottle, r: MemberRow): StaffMember {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    counters: q.counters.all(r.id).map((c) => c.counter_id),
    active: r.active === 1,
    slowedUntil: throttle.slowedUntil(r.username),
    pinMustChange: r.pin_must_change === 1,
    version: r.version,
  };
}

/** The domain rules of one save: a unique username, real counters, a manager left. */
function checkSave(q: Statements, input: StaffInput, before: StaffMember | null) {
  const holder = q.byUsername.get(input.username);
  if (holder && holder.id !== before?.id) throw duplicate('staff.username', 'That username');
  input.counters.forEach((id, i) => {
    if (!q.counterExists.get(id)) {
      throw new HubError('not-found', `Counter ${id} does not exist`, undefined, {
        fields: [{ path: `staff.counters.${i}`, issue: 'not-found' }],
      });
    }
  });
  const stopsManaging =
    before?.role === 'manager' && before.active && (input.role !== 'manager' || !input.active);
  if (stopsManaging && (q.activeManagers.get()?.n ?? 0) <= 1) {
    throw new HubError('conflict', 'The centre needs at least one active manager', 'in-use', {
      fields: [{ path: input.active ? 'staff.role' : 'staff.active', issue: 'last-manager' }],
    });
  }
}

/** Writes the row and its counters; returns its id. A deactivated person's sessions end. */
function writeSave(q: Statements, now: number, input: StaffInput, pinHash: string | null) {
  const active = input.active ? 1 : 0;
  let id = input.id;
  if (id === undefined) {
    id = Number(
      q.insert.run(input.username, input.name, input.role, pinHash ?? '', active).lastInsertRowid,
    );
  } else {
    q.update.run(input.username, input.name, input.role, active, id);
  }
  q.clearCounters.run(id);
  for (const counterId of new Set(input.counters)) q.allow.run(id, counterId);
  if (!input.active) q.endSessions.run(now, id);
  return id;
}

function save(
  byId: number,
  input: StaffInput,
  version: number | null,
  deps: {
    q: Statements;
    clock: Clock;
    commits: Commits;
    audit: Audit;
    existing: (id: number) => StaffMember;
  },
) {
  const { q, clock, commits, audit, existing } = deps;
  const fresh = input.id === undefined ? temporaryPin() : undefined;
  const pinHash = fresh === undefined ? null : hashPinSync(fresh); // slow: outside the transaction
  return commits.run(() => {
    const before = input.id === undefined ? null : existing(input.id);
    if (before) audit.checkVersion('staff', String(before.id), before.version, version ?? 0);
    checkSave(q, input, before);
    const member = existing(writeSave(q, clock.now(), input, pinHash));
    const action = before ? 'update' : 'create';
    audit.record({
      staffId: byId,
      entity: 'staff',
      entityId: String(member.id),
      action,
      before,
      after: member,
    });
    return unchanged(fresh === undefined ? { member } : { member, temporaryPin: fresh });
  });
}

/** Runs one write to a member (inside the caller's transaction) and audits it, before → after. */
function changeRecorder(audit: Audit, existing: (id: number) => StaffMember) {
  return (byId: number, staffId: number, write: () => void) => {
    const before = existing(staffId);
    write();
    const after = existing(staffId);
    audit.record({
      staffId: byId,
      entity: 'staff',
      entityId: String(staffId),
      action: 'update',
      before,
      after,
    });
    return after;
  };
}

export function createStaffAdmin(deps: {
  db: Db;
  clock: Clock;
  commits: Commits;
  audit: Audit;
  cutoff: StaffCutoff;
  throttle: LoginThrottle;
}): StaffAdmin {
  const { clock, commits, audit, cutoff, throttle } = deps;
  const q = statements(deps.db);
  const existing = (id: number) => {
    const row = q.byId.get(id);
    if (!row) throw notFound(`Staff member ${id}`);
    return memberOf(q, throttle, row);
  };
  const change = changeRecorder(audit, existing);

  return {
    list: () => q.all.all().map((r) => memberOf(q, throttle, r)),
    save(byId, input, version) {
      const saved = save(byId, input, version, { ...deps, q, existing });
      if (!saved.member.active) cutoff.cut(saved.member.id);
      return saved;
    },
    resetPin(byId, staffId) {
      const fresh = temporaryPin();
      const hash = hashPinSync(fresh);
      const reset = commits.run(() => {
        const member = change(byId, staffId, () => {
          q.setPin.run(hash, 1, staffId);
          q.endSessions.run(clock.now(), staffId);
        });
        return unchanged({ member, temporaryPin: fresh });
      });
      cutoff.cut(staffId);
      return reset;
    },
    unlock: (byId, staffId) =>
      commits.run(() =>
        unchanged(
          change(byId, staffId, () => {
            throttle.clear(existing(staffId).username);
            q.touch.run(staffId);
          }),
        ),
      ),
    setOwnPin(staffId, pinHash) {
      commits.run(() =>
        unchanged(change(staffId, staffId, () => q.setPin.run(pinHash, 0, staffId))),
      );
    },
  };
}
