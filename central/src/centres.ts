/**
 * Centres and their enrolment. The ministry adds a centre and makes it a
 * one-time code (valid ENROL_CODE_TTL_MS); the centre's hub exchanges the code
 * for a token, once. Central keeps only the token's hash, and a new code for
 * the same centre, once used, replaces its token (a hub rebuilt from scratch
 * enrols again; the old token stops working).
 */
import { z } from 'zod';
import type { Pool } from './db/pool.js';
import { inTransaction } from './db/pool.js';
import { enrolmentCode, hashToken, normaliseCode, randomToken } from './secrets.js';
import { isProvince } from './provinces.js';
import { CentralError } from './central-error.js';

export const ENROL_CODE_TTL_MS = 7 * 24 * 60 * 60_000;

export const CentreInputSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/),
  nameLo: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  province: z.string().refine(isProvince),
});
export type CentreInput = z.infer<typeof CentreInputSchema>;

export interface CentreRow {
  id: number;
  code: string;
  nameLo: string;
  nameEn: string;
  province: string;
  enrolledAt: Date | null;
}

const SELECT_CENTRE = `SELECT id, code, name_lo AS "nameLo", name_en AS "nameEn", province,
  enrolled_at AS "enrolledAt" FROM centres`;

async function enrol(
  pool: Pool,
  now: () => number,
  code: string,
): Promise<{ token: string; centre: CentreRow }> {
  const token = randomToken();
  return inTransaction(pool, async (c) => {
    const used = await c.query<{ centre_id: number }>(
      `UPDATE enrolment_codes SET used_at = to_timestamp($2 / 1000.0)
           WHERE code_hash = $1 AND used_at IS NULL AND expires_at > to_timestamp($2 / 1000.0)
           RETURNING centre_id`,
      [hashToken(normaliseCode(code)), now()],
    );
    const centreId = used.rows[0]?.centre_id;
    if (centreId === undefined)
      throw new CentralError(
        'unauthorized',
        'This enrolment code is not valid: it was mistyped, used already or expired. Ask the ministry for a new one.',
      );
    const { rows } = await c.query<CentreRow>(
      `UPDATE centres SET token_hash = $1, enrolled_at = to_timestamp($3 / 1000.0)
           WHERE id = $2 RETURNING id, code, name_lo AS "nameLo", name_en AS "nameEn", province,
             enrolled_at AS "enrolledAt"`,
      [hashToken(token), centreId, now()],
    );
    const centre = rows[0];
    if (!centre) throw new CentralError('not-found', `No centre ${centreId}`);
    return { token, centre };
  });
}

export function createCentres(pool: Pool, now: () => number) {
  return {
    async add(input: CentreInput): Promise<CentreRow> {
      const { rows } = await pool.query<CentreRow>(
        `INSERT INTO centres (code, name_lo, name_en, province) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING
         RETURNING id, code, name_lo AS "nameLo", name_en AS "nameEn", province,
           enrolled_at AS "enrolledAt"`,
        [input.code, input.nameLo, input.nameEn, input.province],
      );
      const row = rows[0];
      if (!row) throw new CentralError('conflict', `A centre with the code ${input.code} exists`);
      return row;
    },

    async list(): Promise<CentreRow[]> {
      return (await pool.query<CentreRow>(`${SELECT_CENTRE} ORDER BY province, code`)).rows;
    },

    /** A new one-time code for the centre; shown once, kept hashed. */
    async makeCode(centreId: number): Promise<{ code: string; expiresAt: number }> {
      const code = enrolmentCode();
      const expiresAt = now() + ENROL_CODE_TTL_MS;
      const { rowCount } = await pool.query(
        `INSERT INTO enrolment_codes (code_hash, centre_id, expires_at)
         SELECT $1, id, to_timestamp($3 / 1000.0) FROM centres WHERE id = $2`,
        [hashToken(code), centreId, expiresAt],
      );
      if (rowCount !== 1) throw new CentralError('not-found', `No centre ${centreId}`);
      return { code, expiresAt };
    },

    /** Exchanges a code for the centre's token: once, before it expires. */
    enrol: (code: string) => enrol(pool, now, code),

    async byToken(token: string): Promise<CentreRow | null> {
      const { rows } = await pool.query<CentreRow>(`${SELECT_CENTRE} WHERE token_hash = $1`, [
        hashToken(token),
      ]);
      return rows[0] ?? null;
    },
  };
}

export type Centres = ReturnType<typeof createCentres>;
