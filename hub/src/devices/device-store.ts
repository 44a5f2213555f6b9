/** Every SQL statement about paired devices and pairing codes, prepared once. */
import type { Db } from '../db/open.js';
import type { DeviceRole } from '../../../shared/protocol.js';

export interface DeviceRow {
  id: number;
  role: DeviceRole;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_address: string | null;
  app_version: string | null;
  revoked_at: number | null;
  version: number;
}

export interface LiveCode {
  id: number;
  role: DeviceRole;
  name: string;
  expires_at: number;
}

function deviceStatements(db: Db) {
  const all = db.prepare<[], DeviceRow>(
    `SELECT id, role, name, created_at, last_seen_at, last_address, app_version, revoked_at,
       version FROM devices ORDER BY revoked_at IS NOT NULL, role, name, id`,
  );
  const byId = db.prepare<[number], DeviceRow>(
    `SELECT id, role, name, created_at, last_seen_at, last_address, app_version, revoked_at,
       version FROM devices WHERE id = ?`,
  );
  const rename = db.prepare<[string, number]>(
    'UPDATE devices SET name = ?, version = version + 1 WHERE id = ?',
  );
  const revoke = db.prepare<[number, number]>(
    'UPDATE devices SET revoked_at = ?, version = version + 1 WHERE id = ? AND revoked_at IS NULL',
  );
  const shows = db.prepare<[number], { service_id: string }>(
    `SELECT ds.service_id FROM display_services ds JOIN services s ON s.id = ds.service_id
     WHERE ds.device_id = ? ORDER BY s.sort, s.prefix`,
  );
  const clearShows = db.prepare<[number]>('DELETE FROM display_services WHERE device_id = ?');
  const addShow = db.prepare<[number, string]>(
    'INSERT INTO display_services (device_id, service_id) VALUES (?, ?)',
  );
  const service = db.prepare<[string], { id: string }>('SELECT id FROM services WHERE id = ?');
  const bump = db.prepare<[number]>('UPDATE devices SET version = version + 1 WHERE id = ?');
  return {
    devices: () => all.all(),
    serviceExists: (id: string) => service.get(id) !== undefined,
    /** The services a display shows; empty: all of them. */
    displayServices: (id: number) => shows.all(id).map((r) => r.service_id),
    setDisplayServices(id: number, serviceIds: readonly string[]) {
      clearShows.run(id);
      for (const serviceId of serviceIds) addShow.run(id, serviceId);
      bump.run(id);
    },
    device: (id: number) => byId.get(id),
    rename: (id: number, name: string) => void rename.run(name, id),
    revoke: (id: number, at: number) => void revoke.run(at, id),
  };
}

function codeStatements(db: Db) {
  const insert = db.prepare<[string, DeviceRole, string, number, number, number | null]>(
    `INSERT INTO pairing_codes (code_hash, role, name, created_at, expires_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // A used code keeps its row (who paired what, when) but gives its hash back, so the six
  // digits can come up again; an expired one that was never used has nothing to keep.
  const forgetExpired = db.prepare<[number]>(
    'DELETE FROM pairing_codes WHERE used_at IS NULL AND expires_at <= ?',
  );
  const live = db.prepare<[string, number], LiveCode>(
    `SELECT id, role, name, expires_at FROM pairing_codes
     WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?`,
  );
  const taken = db.prepare<[string], { id: number }>(
    'SELECT id FROM pairing_codes WHERE code_hash = ?',
  );
  const use = db.prepare<[number, number, string, number]>(
    `UPDATE pairing_codes SET used_at = ?, device_id = ?, code_hash = ? WHERE id = ?`,
  );
  return {
    insertCode: (
      hash: string,
      role: DeviceRole,
      name: string,
      at: number,
      expiresAt: number,
      by: number | null,
    ) => void insert.run(hash, role, name, at, expiresAt, by),
    forgetExpiredCodes: (now: number) => void forgetExpired.run(now),
    liveCode: (hash: string, now: number) => live.get(hash, now),
    codeTaken: (hash: string) => taken.get(hash) !== undefined,
    useCode: (id: number, at: number, deviceId: number) =>
      void use.run(at, deviceId, `used:${id}`, id),
  };
}

export function createDeviceStore(db: Db) {
  return { ...deviceStatements(db), ...codeStatements(db) };
}

export type DeviceStore = ReturnType<typeof createDeviceStore>;
