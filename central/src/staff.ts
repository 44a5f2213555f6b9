/** The ministry's staff who read the national page and edit the fee table. */
import type { Pool } from './db/pool.js';
import { CentralError } from './central-error.js';
import { hashPassword, hashToken, passwordMatches, randomToken } from './secrets.js';

export const SESSION_TTL_MS = 12 * 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 10;

export interface StaffMember {
  id: number;
  username: string;
  name: string;
}

export function createStaff(pool: Pool, now: () => number) {
  return {
    async add(username: string, name: string, password: string): Promise<StaffMember> {
      if (password.length < MIN_PASSWORD_LENGTH)
        throw new CentralError(
          'invalid-request',
          `A password needs at least ${MIN_PASSWORD_LENGTH} characters`,
        );
      const { rows } = await pool.query<StaffMember>(
        `INSERT INTO staff (username, name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (username) DO UPDATE SET name = $2, password_hash = $3
         RETURNING id, username, name`,
        [username, name, hashPassword(password)],
      );
      const member = rows[0];
      if (!member) throw new Error('INSERT … RETURNING returned no row');
      return member;
    },

    /** A session token for the right password; null for a wrong one or an unknown name. */
    async login(username: string, password: string): Promise<string | null> {
      const { rows } = await pool.query<{ id: number; password_hash: string }>(
        'SELECT id, password_hash FROM staff WHERE username = $1',
        [username.trim().toLowerCase()],
      );
      const row = rows[0];
      if (!row || !passwordMatches(password, row.password_hash)) return null;
      const token = randomToken();
      await pool.query(
        `INSERT INTO sessions (token_hash, staff_id, expires_at)
         VALUES ($1, $2, to_timestamp($3 / 1000.0))`,
        [hashToken(token), row.id, now() + SESSION_TTL_MS],
      );
      return token;
    },

    async bySession(token: string): Promise<StaffMember | null> {
      const { rows } = await pool.query<StaffMember>(
        `SELECT s.id, s.username, s.name FROM sessions x JOIN staff s ON s.id = x.staff_id
         WHERE x.token_hash = $1 AND x.expires_at > to_timestamp($2 / 1000.0)`,
        [hashToken(token), now()],
      );
      return rows[0] ?? null;
    },

    async logout(token: string): Promise<void> {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    },
  };
}

export type Staff = ReturnType<typeof createStaff>;
