/**
 * Paired devices: each holds a random token, and the hub keeps only its
 * SHA-256. A device is known by its token at every connection; a revoked
 * one is known no more.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { DeviceRole } from '../../../shared/protocol.js';

export type { DeviceRole };

const TOKEN_BYTES = 32;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new device with a fresh token; the token is returned once and never stored. */
export function addDevice(db: Db, clock: Clock, role: DeviceRole, name: string) {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const { lastInsertRowid } = db
    .prepare('INSERT INTO devices (role, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
    .run(role, name, hashToken(token), clock.now());
  return { id: Number(lastInsertRowid), role, name, token };
}

export interface DeviceAuth {
  /**
   * The device a token belongs to, or null for an unknown or revoked token.
   * Notes when and from where it was seen, and what it runs.
   */
  authenticate(
    token: string,
    seen?: { address: string; appVersion: string | null },
  ): { id: number; role: DeviceRole } | null;
  /** The device a token belongs to, as `authenticate`, without noting it was seen (a REST check). */
  known(token: string): { id: number; role: DeviceRole } | null;
}

export function createDeviceAuth(db: Db, clock: Clock): DeviceAuth {
  const byHash = db.prepare<[string], { id: number; role: DeviceRole }>(
    'SELECT id, role FROM devices WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const seenAt = db.prepare<[number, string | null, string | null, number]>(
    `UPDATE devices SET last_seen_at = ?, last_address = coalesce(?, last_address),
       app_version = coalesce(?, app_version) WHERE id = ?`,
  );
  return {
    authenticate(token, seen) {
      const device = byHash.get(hashToken(token));
      if (device)
        seenAt.run(clock.now(), seen?.address ?? null, seen?.appVersion ?? null, device.id);
      return device ?? null;
    },
    known: (token) => byHash.get(hashToken(token)) ?? null,
  };
}
