/**
 * Central against a real PostgreSQL started here: its migrations, enrolment,
 * the records' ingest (checked, stored once, refused with a reason), the fee
 * table's CSV import, and the national page's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startCentral,
  startPostgres,
  type TestCentral,
  type TestDatabase,
} from '../central-harness.js';
import { createPool } from '../../central/src/db/pool.js';
import { migrate, NewerDatabaseError, SCHEMA_VERSION } from '../../central/src/db/migrate.js';
import { demoRecord, DEMO_CENTRES } from '../../central/src/demo-seed.js';
import { ENROL_CODE_TTL_MS } from '../../central/src/centres.js';
import { CentralError } from '../../central/src/central-error.js';

const centre = (i: number) => {
  const c = DEMO_CENTRES[i];
  if (!c) throw new Error('a demo centre');
  return c;
};

describe('central on PostgreSQL', () => {
  let db: TestDatabase;
  let c: TestCentral;
  let now = Date.parse('2026-11-02T03:00:00Z');

  beforeAll(async () => {
    db = await startPostgres();
    c = await startCentral(db.url, 0, () => now);
  }, 60_000);
  afterAll(async () => {
    await c?.close();
    await db?.stop();
  });

  it('migrates once, says so again without doing it twice, and refuses a newer database', async () => {
    const pool = createPool(db.url, 2);
    expect(await migrate(pool)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    const tables = await pool.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.t)).toEqual([
      'centre_fees',
      'centres',
      'daily_records',
      'day_figures',
      'enrolment_codes',
      'fee_table',
      'month_figures',
      'national_fees',
      'schema_version',
      'sessions',
      'staff',
    ]);
    await pool.query('UPDATE schema_version SET version = version + 1');
    await expect(migrate(pool)).rejects.toBeInstanceOf(NewerDatabaseError);
    await pool.query('UPDATE schema_version SET version = version - 1');
    await pool.end();
  });

  it('exchanges a code once, before it expires, for a token kept only as its hash', async () => {
    const row = await c.central.centres.add(centre(0));
    const { code } = await c.central.centres.makeCode(row.id);
    const typed = code.toLowerCase().replace('-', ' ');
    const { token } = await c.central.centres.enrol(typed);
    expect((await c.central.centres.byToken(token))?.code).toBe(centre(0).code);
    const stored = await c.pool.query('SELECT token_hash FROM centres WHERE id = $1', [row.id]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    await expect(c.central.centres.enrol(code)).rejects.toMatchObject({ code: 'unauthorized' });
    const late = await c.central.centres.makeCode(row.id);
    now += ENROL_CODE_TTL_MS + 1;
    await expect(c.central.centres.enrol(late.code)).rejects.toBeInstanceOf(CentralError);
  });

  it('stores a record once per (centre, day, version) and refuses one off its schema', async () => {
    const row = await c.central.centres.add(centre(1));
    const good = demoRecord(centre(1), '2026-10-01', 80, 1);
    const first = await c.central.records.ingest(row, { records: [good, good] });
    expect(first.map((r) => r.status)).toEqual(['stored', 'duplicate']);
    const again = await c.central.records.ingest(row, { records: [good] });
    expect(again).toEqual([{ day: '2026-10-01', version: 1, status: 'duplicate' }]);
    const bad = { ...demoRecord(centre(1), '2026-10-02', 80, 2), arrivalsByHour: [1, 2] };
    const unknown = { ...good, day: '2026-10-03', version: 99 };
    const [refused, other, notRecord] = await c.central.records.ingest(row, {
      records: [bad, unknown, 'hello'],
    });
    expect(refused).toMatchObject({ status: 'refused', day: '2026-10-02' });
    expect(refused?.status === 'refused' && refused.error).toMatch(
      /does not match khiu-daily-record version 1: arrivalsByHour/,
    );
    expect(other?.status === 'refused' && other.error).toMatch(/Unknown schema .* version 99/);
    expect(notRecord).toMatchObject({ status: 'refused', day: null });
    const figures = await c.pool.query(
      'SELECT count(*)::int AS n FROM day_figures WHERE centre_id = $1',
      [row.id],
    );
    expect(figures.rows[0]).toEqual({ n: 1 });
    const count = await c.pool.query(
      'SELECT count(*)::int AS n FROM daily_records WHERE centre_id = $1',
      [row.id],
    );
    expect(count.rows[0]).toEqual({ n: 1 });
    await expect(c.central.records.ingest(row, { records: 'x' })).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });

  it('answers a push over HTTP only with a known token', async () => {
    const res = await fetch(`${c.url}/api/v1/records`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer not-a-real-token-at-all-0000',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ records: [] }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await fetch(`${c.url}/api/v1/fees`)).status).toBe(401);
  });

  it('imports a fee table all or nothing, and serves the fee in force on a day', async () => {
    const header = 'code,effective_on,name_lo,name_en,fee_lak,ref_lo,ref_en';
    await expect(
      c.central.fees.importCsv(
        `${header}\nA1,2026-01-01,ກ,A,100,ດ,D\nbad code,2026-13-01,ກ,A,-1,ດ,D\n`,
        null,
      ),
    ).rejects.toThrow(/Lines with a problem: 3 \(code, effectiveOn, feeLak\)/);
    expect((await c.central.fees.table()).fees).toEqual([]);
    const done = await c.central.fees.importCsv(
      `${header}\nA1,2026-01-01,ກ,A,100,ດ,D\n"A1",2027-01-01,"ກ, ໃໝ່","A, new",150,ດ,D\n`,
      null,
    );
    expect(done).toEqual({ rows: 2, version: 1 });
    expect((await c.central.fees.inForce('2026-12-31')).map((f) => f.feeLak)).toEqual([100]);
    expect((await c.central.fees.inForce('2027-01-01'))[0]).toMatchObject({
      feeLak: 150,
      nameEn: 'A, new',
    });
  });

  it('counts the national figures from the stored records', async () => {
    const row = await c.central.centres.add(centre(2));
    const records = ['2026-10-01', '2026-10-02'].map((d, i) => demoRecord(centre(2), d, 100, i));
    await c.central.records.ingest(row, { records });
    const range = { from: '2026-10-01', to: '2026-10-31' };
    const mine = (await c.central.national.byCentre(range, '2026-11-02')).find(
      (x) => x.id === row.id,
    );
    const tickets = records.reduce((n, r) => n + r.total.issued, 0);
    const within = records.reduce((n, r) => n + r.total.withinTarget.within, 0);
    const called = records.reduce((n, r) => n + r.total.withinTarget.called, 0);
    expect(mine).toMatchObject({ days: 2, tickets, lastDay: '2026-10-02' });
    expect(mine?.withinTargetShare).toBeCloseTo(within / called, 6);
    const silent = await c.central.national.silent('2026-11-02');
    expect(silent.map((s) => s.code)).toContain(centre(2).code);
    expect((await c.central.national.silent('2026-10-04')).map((s) => s.code)).not.toContain(
      centre(2).code,
    );
  });
});
