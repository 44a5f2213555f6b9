/** Paired devices hold a random token; the hub keeps only its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Role } from '../../../shared/protocol.js';

export type DeviceRole = Exclude<Role, 'public'>;

const TOKEN_BYTES = 32;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function addDevice(db: Db, clock: Clock, role: DeviceRole, name: string) {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const { lastInsertRowid } = db
    .prepare('INSERT INTO devices (role, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
    .run(role, name, hashToken(token), clock.now());
  return { id: Number(lastInsertRowid), role, name, token };
}

export interface DeviceAuth {
  /** The device a token belongs to, or null for an unknown or revoked token. */
  authenticate(token: string): { id: number; role: DeviceRole } | null;
}

export function createDeviceAuth(db: Db, clock: Clock): DeviceAuth {
  const byHash = db.prepare<[string], { id: number; role: DeviceRole }>(
    'SELECT id, role FROM devices WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const seen = db.prepare<[number, number]>('UPDATE devices SET last_seen_at = ? WHERE id = ?');
  return {
    authenticate(token) {
      const device = byHash.get(hashToken(token));
      if (device) seen.run(clock.now(), device.id);
      return device ?? null;
    },
  };
}
