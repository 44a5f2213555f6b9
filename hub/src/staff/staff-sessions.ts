/**
 * Staff sessions: `staff:login` hands out a random token, and `staff:resume`
 * logs a new connection in with it, so a page reload or a hub restart does
 * not ask the clerk for their PIN again. The hub keeps only each token's
 * SHA-256; a session ends when it expires or at `staff:logout`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';

/** 256 bits: far beyond guessing, and short enough for localStorage. */
const SESSION_TOKEN_BYTES = 32;
/** A working day and then some: a clerk logs in once in the morning. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StaffSessions {
  /** A new session for a staff member who just gave the right PIN. */
  start(staffId: number): { id: number; token: string };
  /** The live session a token belongs to; null when unknown, expired or revoked. */
  find(token: string): { id: number; staffId: number } | null;
  end(sessionId: number): void;
}

export function createStaffSessions(db: Db, clock: Clock): StaffSessions {
  const insert = db.prepare<[string, number, number, number]>(
    'INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string, number], { id: number; staff_id: number }>(
    `SELECT id, staff_id FROM staff_sessions
     WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?`,
  );
  const revoke = db.prepare<[number, number]>(
    'UPDATE staff_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  // An expired session is kept one more TTL (who worked when, for a day's questions), then dropped.
  const purge = db.prepare<[number]>('DELETE FROM staff_sessions WHERE expires_at < ?');

  return {
    start(staffId) {
      const token = randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
      const now = clock.now();
      purge.run(now - SESSION_TTL_MS);
      const { lastInsertRowid } = insert.run(hashToken(token), staffId, now, now + SESSION_TTL_MS);
      return { id: Number(lastInsertRowid), token };
    },

    find(token) {
      const row = byHash.get(hashToken(token), clock.now());
      return row ? { id: row.id, staffId: row.staff_id } : null;
    },

    end(sessionId) {
      revoke.run(clock.now(), sessionId);
    },
  };
}
