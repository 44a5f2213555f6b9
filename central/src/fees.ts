/**
 * The national fee table. The ministry edits a row on its page or imports
 * the whole table from CSV; every change bumps the table's version, and hubs
 * pull the table when theirs is older. A row has an effective date: a change
 * announced for the future is kept beside the fee in force, and each hub
 * starts charging it at that day's rollover.
 */
import { z } from 'zod';
import type { Client, Pool } from './db/pool.js';
import { inTransaction } from './db/pool.js';
import { CentralError } from './central-error.js';
import { parseCsv } from './csv.js';

const DaySchema = z.iso.date();

export const NationalFeeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/),
  effectiveOn: DaySchema,
  nameLo: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  feeLak: z.coerce.number().int().min(0).max(1_000_000_000),
  refLo: z.string().trim().min(1).max(300),
  refEn: z.string().trim().min(1).max(300),
});
export type NationalFee = z.infer<typeof NationalFeeSchema>;

export const FEE_CSV_HEADER = [
  'code',
  'effective_on',
  'name_lo',
  'name_en',
  'fee_lak',
  'ref_lo',
  'ref_en',
] as const;

export interface FeeTable {
  version: number;
  fees: NationalFee[];
}

const SELECT_FEES = `SELECT code, effective_on AS "effectiveOn", name_lo AS "nameLo",
  name_en AS "nameEn", fee_lak AS "feeLak", ref_lo AS "refLo", ref_en AS "refEn"
  FROM national_fees`;

async function upsert(c: Client, fee: NationalFee, staffId: number | null) {
  await c.query(
    `INSERT INTO national_fees (code, effective_on, name_lo, name_en, fee_lak, ref_lo, ref_en,
       changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (code, effective_on) DO UPDATE SET name_lo = $3, name_en = $4, fee_lak = $5,
       ref_lo = $6, ref_en = $7, changed_by = $8, changed_at = now()`,
    [fee.code, fee.effectiveOn, fee.nameLo, fee.nameEn, fee.feeLak, fee.refLo, fee.refEn, staffId],
  );
}

const bump = (c: Client) =>
  c.query<{ version: number }>('UPDATE fee_table SET version = version + 1 RETURNING version');

/** Reads a CSV fee table: every row checked, and every bad one named by its line. */
export function readFeeCsv(text: string): NationalFee[] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (err) {
    throw new CentralError('invalid-request', `The file is not CSV: ${(err as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header || header.map((h) => h.trim().toLowerCase()).join(',') !== FEE_CSV_HEADER.join(','))
    throw new CentralError(
      'invalid-request',
      `The first line must be the columns ${FEE_CSV_HEADER.join(',')}`,
    );
  const problems: { line: number; fields: string[] }[] = [];
  const fees: NationalFee[] = [];
  body.forEach((cells, i) => {
    const parsed = NationalFeeSchema.safeParse(
      Object.fromEntries(FEE_CSV_HEADER.map((h, j) => [camel(h), cells[j] ?? ''])),
    );
    if (parsed.success) fees.push(parsed.data);
    else problems.push({ line: i + 2, fields: parsed.error.issues.map((e) => String(e.path[0])) });
  });
  if (problems.length > 0)
    throw new CentralError(
      'invalid-request',
      `Nothing was imported. Lines with a problem: ${problems
        .map((p) => `${p.line} (${p.fields.join(', ')})`)
        .join('; ')}`,
      problems,
    );
  return fees;
}

const camel = (h: string) => h.replace(/_(.)/g, (_m, ch: string) => ch.toUpperCase());

export function createFees(pool: Pool) {
  return {
    async table(): Promise<FeeTable> {
      const [version, fees] = await Promise.all([
        pool.query<{ version: number }>('SELECT version FROM fee_table'),
        pool.query<NationalFee>(`${SELECT_FEES} ORDER BY code, effective_on`),
      ]);
      return { version: version.rows[0]?.version ?? 0, fees: fees.rows };
    },

    /** The fee in force for each code on `day` (the latest effective on or before it). */
    async inForce(day: string): Promise<NationalFee[]> {
      const { rows } = await pool.query<NationalFee>(
        `SELECT DISTINCT ON (code) * FROM (${SELECT_FEES}) f WHERE "effectiveOn" <= $1
         ORDER BY code, "effectiveOn" DESC`,
        [day],
      );
      return rows;
    },

    async save(fee: NationalFee, staffId: number | null): Promise<number> {
      return inTransaction(pool, async (c) => {
        await upsert(c, fee, staffId);
        return (await bump(c)).rows[0]?.version ?? 0;
      });
    },

    /** The CSV's rows, all or none, as one new version of the table. */
    async importCsv(
      text: string,
      staffId: number | null,
    ): Promise<{ rows: number; version: number }> {
      const fees = readFeeCsv(text);
      if (fees.length === 0) throw new CentralError('invalid-request', 'The file has no fee rows');
      return inTransaction(pool, async (c) => {
        for (const fee of fees) await upsert(c, fee, staffId);
        return { rows: fees.length, version: (await bump(c)).rows[0]?.version ?? 0 };
      });
    },
  };
}

export type Fees = ReturnType<typeof createFees>;
