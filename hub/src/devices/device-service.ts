/**
 * Pairing and managing devices. A manager asks for a code for a role and a
 * name; the station or browser at /pair exchanges it, once, for a token.
 * Renaming and revoking are audited edits on the row's version; a revoked
 * device's open connections end at once.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import { HubError, notFound } from '../hub-error.js';
import { strictAssert } from '../../../shared/assert.js';
import { addDevice, hashToken } from './devices.js';
import type { DeviceRow, DeviceStore } from './device-store.js';
import type { DevicePresence } from './presence.js';
import {
  PAIR_CODE_TTL_MS,
  type DeviceRole,
  type DeviceView,
  type PairCode,
  type PairedDevice,
} from '../../../shared/protocol.js';

export interface DeviceService {
  pairCode(staffId: number, role: DeviceRole, name: string): PairCode;
  /** A new device for a live code, with its token; `forbidden` + `pair-code` otherwise. */
  redeem(code: string): PairedDevice;
  list(): DeviceView[];
  rename(staffId: number, deviceId: number, name: string, version: number): DeviceView;
  /** The services a hall display shows (none: all); `inTransaction` publishes config-changed. */
  showServices(
    staffId: number,
    deviceId: number,
    serviceIds: readonly string[],
    version: number,
    inTransaction: <T>(work: () => T) => T,
  ): DeviceView;
  revoke(staffId: number, deviceId: number, version: number): DeviceView;
}

export interface DeviceServiceDeps {
  db: Db;
  clock: Clock;
  store: DeviceStore;
  audit: Audit;
  presence: DevicePresence;
}

const badCode = () =>
  new HubError('forbidden', 'That pairing code is wrong, used or expired', 'pair-code');

function view(row: DeviceRow, presence: DevicePresence, store: DeviceStore): DeviceView {
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    lastAddress: row.last_address,
    appVersion: row.app_version,
    revokedAt: row.revoked_at,
    connected: row.revoked_at === null && presence.connected(row.id),
    serviceIds: row.role === 'display' ? store.displayServices(row.id) : [],
    version: row.version,
  };
}

/** A device row just written, as the console sees it. */
function viewOf({ store, presence }: DeviceServiceDeps, deviceId: number): DeviceView {
  const row = store.device(deviceId);
  strictAssert(row, `device ${deviceId} vanished inside its own transaction`);
  return view(row, presence, store);
}

/** Six digits no live code has; the hash is what is stored. */
function freshCode(store: DeviceStore): { code: string; hash: string } {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const hash = hashToken(code);
    if (!store.codeTaken(hash)) return { code, hash };
  }
}

/** The device as it is, checked against the version the edit was made on. */
function editable(deps: DeviceServiceDeps, deviceId: number, version: number): DeviceRow {
  const row = deps.store.device(deviceId);
  if (!row) throw notFound(`Device ${deviceId}`);
  deps.audit.checkVersion('device', String(deviceId), row.version, version);
  return row;
}

/** Each service exists and is named once. */
function checkServices(store: DeviceStore, serviceIds: readonly string[]) {
  serviceIds.forEach((id, i) => {
    const issue = !store.serviceExists(id)
      ? 'not-found'
      : serviceIds.indexOf(id) !== i
        ? 'duplicate'
        : null;
    if (issue) {
      throw new HubError('invalid-request', `The service ${id} cannot be shown`, undefined, {
        fields: [{ path: `serviceIds.${i}`, issue }],
      });
    }
  });
}

function showServices(
  deps: DeviceServiceDeps,
  staffId: number,
  deviceId: number,
  serviceIds: readonly string[],
  version: number,
): DeviceView {
  const { store, audit } = deps;
  const row = editable(deps, deviceId, version);
  if (row.role !== 'display' || row.revoked_at !== null) {
    throw new HubError('invalid-request', 'Only a hall display chooses its services', undefined, {
      fields: [{ path: 'deviceId', issue: 'not-a-display' }],
    });
  }
  checkServices(store, serviceIds);
  const before = { serviceIds: store.displayServices(deviceId) };
  store.setDisplayServices(deviceId, serviceIds);
  audit.record({
    staffId,
    entity: 'device',
    entityId: String(deviceId),
    action: 'update',
    before,
    after: { serviceIds: store.displayServices(deviceId) },
  });
  return viewOf(deps, deviceId);
}

/** Revoked is revoked: the row stays (for the audit), its connections end once it is committed. */
function revoke(deps: DeviceServiceDeps, staffId: number, deviceId: number, version: number) {
  const { db, clock, store, audit, presence } = deps;
  const revoked = db.transaction(() => {
    const row = editable(deps, deviceId, version);
    if (row.revoked_at === null) {
      store.revoke(deviceId, clock.now());
      const before = { name: row.name, role: row.role };
      audit.record({
        staffId,
        entity: 'device',
        entityId: String(deviceId),
        action: 'delete',
        before,
        after: null,
      });
    }
    return viewOf(deps, deviceId);
  })();
  presence.endAll(deviceId);
  return revoked;
}

export function createDeviceService(deps: DeviceServiceDeps): DeviceService {
  const { db, clock, store, audit, presence } = deps;
  const current = (id: number) => viewOf(deps, id);
  return {
    pairCode: (staffId, role, name) =>
      db.transaction(() => {
        const now = clock.now();
        store.forgetExpiredCodes(now);
        const { code, hash } = freshCode(store);
        const expiresAt = now + PAIR_CODE_TTL_MS;
        store.insertCode(hash, role, name, now, expiresAt, staffId);
        return { code, role, name, expiresAt };
      })(),
    redeem: (code) =>
      db.transaction(() => {
        const live = store.liveCode(hashToken(code), clock.now());
        if (!live) throw badCode();
        const device = addDevice(db, clock, live.role, live.name);
        store.useCode(live.id, clock.now(), device.id);
        const after = { role: live.role, name: live.name };
        audit.record({
          staffId: null,
          entity: 'device',
          entityId: String(device.id),
          action: 'create',
          before: null,
          after,
        });
        return { deviceId: device.id, role: device.role, name: device.name, token: device.token };
      })(),
    list: () => store.devices().map((row) => view(row, presence, store)),
    rename: (staffId, deviceId, name, version) =>
      db.transaction(() => {
        const row = editable(deps, deviceId, version);
        store.rename(deviceId, name);
        audit.record({
          staffId,
          entity: 'device',
          entityId: String(deviceId),
          action: 'update',
          before: { name: row.name },
          after: { name },
        });
        return current(deviceId);
      })(),
    revoke: (staffId, deviceId, version) => revoke(deps, staffId, deviceId, version),
    showServices: (staffId, deviceId, serviceIds, version, inTransaction) =>
      inTransaction(() => showServices(deps, staffId, deviceId, serviceIds, version)),
  };
}
