import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, hashAllTables, ok, send, sendRaw, type Client } from '../harness.js';
import {
  BY_SERVICE,
  DAY_TOTAL,
  FBE,
  KNOWN_DAY,
  RC,
  estimateFigures,
  runKnownDay,
  type KnownDay,
} from '../reports/known-day.js';
import { byLabel, parseCsv, readXlsx } from '../reports/read-files.js';
import { createReports } from '../../hub/src/reports/reports.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { FIGURE_COLUMNS } from '../../shared/domain/report-columns.js';
import { t as say } from '../../shared/i18n/index.js';
import type { MessageKey } from '../../shared/i18n/en.js';
import {
  DailyRecordSchema,
  REPORT_DAYS_PATH,
  REPORT_EXPORT_PATH,
  type Figures,
} from '../../shared/protocol.js';

// docs/mne.md: a day whose figures are worked out by hand (test/reports/known-day.ts) must
// come out exactly so in the report, its CSV and XLSX, and the daily record the roll writes.

let day: KnownDay;
let supervisor: Client;
let manager: Client;
let supervisorSession: string;
const range = { from: KNOWN_DAY, to: KNOWN_DAY };

async function consoleLogin(username: string, pin: string) {
  const { client } = await connect(day.t, { role: 'console' });
  const { sessionToken } = ok(await send(client, 'staff:login', { username, pin }));
  return { client, sessionToken };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${day.t.url}${path}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  day = await runKnownDay({ roll: true });
  ({ client: supervisor, sessionToken: supervisorSession } = await consoleLogin(
    'supervisor',
    '5555',
  ));
  ({ client: manager } = await consoleLogin('manager', '9999'));
}, 30_000);
afterAll(() => day.t.close());

const expectedEstimate = () => estimateFigures(day.estimates, ['a1', 'a2', 'r1', 'a3', 'child']);

function expectFigures(actual: Figures, expected: Partial<Figures>) {
  expect(actual).toMatchObject(expected);
}

describe('a report of a day whose figures are known', () => {
  it('shows exactly the hand-worked figures, in total and per service', async () => {
    const report = ok(await send(supervisor, 'report:run', { range, groupBy: 'service' }));
    expect(report.days).toBe(1);
    expectFigures(report.total, DAY_TOTAL);
    // The kiosk told four of the five called tickets a wait (the transfer is told none).
    const estimate = expectedEstimate();
    expect(estimate.count).toBe(4);
    expect(report.total.estimate).toEqual(estimate);
    expect(report.rows.map((r) => r.key)).toEqual([FBE, RC]);
    for (const row of report.rows) {
      expectFigures(row.figures, BY_SERVICE[row.key as typeof FBE] as Partial<Figures>);
    }
    expect(report.payMore.byService).toEqual([{ key: FBE, answered: 3, yes: 1, share: 1 / 3 }]);
    expect(report.payMore.byCounter).toEqual([
      { key: '1', answered: 2, yes: 1, share: 1 / 2 },
      { key: '2', answered: 1, yes: 0, share: 0 },
    ]);
    // Six arrivals, all on Tuesday (ISO 2) between 08:00 and 08:59.
    expect(report.arrivals[1]?.[8]).toBe(6);
    expect(report.arrivals.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('groups by counter, clerk, hour, weekday and ministry', async () => {
    const by = async (groupBy: 'counter' | 'clerk' | 'hour' | 'weekday' | 'ministry') =>
      ok(await send(supervisor, 'report:run', { range, groupBy })).rows;
    const counters = await by('counter');
    expect(counters.map((r) => [r.key, r.figures.served, r.figures.wait.count])).toEqual([
      ['1', 2, 2],
      ['2', 1, 3],
      ['none', 0, 0], // A4 cancelled and R2 left waiting: never at a counter
    ]);
    const clerks = await by('clerk');
    expect(clerks.map((r) => r.key)).toEqual([
      String(day.staffIds.clerk1),
      String(day.staffIds.clerk2),
      'none',
    ]);
    expect((await by('hour')).map((r) => [r.key, r.figures.issued])).toEqual([['8', 6]]);
    expect((await by('weekday')).map((r) => [r.key, r.figures.issued])).toEqual([['2', 6]]);
    expect((await by('ministry')).map((r) => [r.key, r.figures.issued])).toEqual([['mops', 6]]);
  });

  it('downloads as CSV and XLSX that parse to the same numbers', async () => {
    const query = `from=${KNOWN_DAY}&to=${KNOWN_DAY}&groupBy=service`;
    const report = ok(await send(supervisor, 'report:run', { range, groupBy: 'service' }));
    const csvRes = await get(
      `${REPORT_EXPORT_PATH}?${query}&format=csv&lang=lo`,
      bearer(supervisorSession),
    );
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    const xlsxRes = await get(
      `${REPORT_EXPORT_PATH}?${query}&format=xlsx&lang=lo`,
      bearer(supervisorSession),
    );
    expect(xlsxRes.status).toBe(200);
    const sheets = await readXlsx(await xlsxRes.arrayBuffer());
    const fromCsv = byLabel(parseCsv(await csvRes.text()));
    const fromXlsx = byLabel(sheets[0]?.rows ?? []);
    const label = (key: MessageKey) => say('lo', key);
    const fbeName = DEMO_CENTRE.services.find((s) => s.id === FBE)?.name.lo ?? FBE;
    for (const table of [fromCsv, fromXlsx]) {
      const total = table.get(label('report.key.total'));
      expect(total, 'total row').toBeDefined();
      for (const column of FIGURE_COLUMNS) {
        const header = label(`report.col.${column.id}` as MessageKey);
        expect(total?.get(header), column.id).toBe(column.value(report.total));
      }
      const fbe = [...table.entries()].find(([name]) => name === fbeName)?.[1];
      expect(fbe?.get(label('report.col.wait_median_s'))).toBe(8 * 60);
      expect(fbe?.get(label('report.col.within_target_share'))).toBe(3 / 4);
    }
    expect(sheets.map((s) => s.name)).toEqual([
      label('report.sheet.report'),
      label('report.sheet.arrivals'),
      label('report.sheet.payMore'),
      label('report.sheet.bookings'),
    ]);
  });
});

describe('the daily record', () => {
  it('is written at the roll, follows the schema, and is the same when computed again', async () => {
    const stored = (
      day.t.db.prepare('SELECT record FROM daily_records WHERE day = ?').get(KNOWN_DAY) as {
        record: string;
      }
    ).record;
    const record = DailyRecordSchema.parse(JSON.parse(stored));
    expect(createReports(day.t.db).dailyRecord(KNOWN_DAY)).toEqual(record);
    const report = ok(await send(supervisor, 'report:run', { range, groupBy: 'service' }));
    expect(record.total).toEqual(report.total);
    expect(record.services.map((s) => [s.serviceId, s.figures.issued])).toEqual([
      [FBE, 4],
      [RC, 2],
    ]);
    expect(record.counters.map((c) => [c.number, c.figures.served])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    // Nothing that names a citizen or a clerk: no comment, no staff name, no ticket code.
    for (const secret of ['Fast and friendly', 'Souksavanh', 'Khamphet', 'comment']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('is served to a ministry token as JSON and CSV, and to nobody else', async () => {
    const { token, view } = ok(await send(manager, 'report:token-create', { name: 'MOHA M&E' }));
    expect(token).toMatch(/^khiu_m_/);
    expect(JSON.stringify(day.t.db.prepare('SELECT * FROM api_tokens').all())).not.toContain(token);
    const path = `${REPORT_DAYS_PATH}?from=2026-11-01&to=2026-11-30`;
    const json = await get(path, bearer(token));
    expect(json.status).toBe(200);
    const body = (await json.json()) as { schema: string; records: unknown[] };
    expect(body.schema).toBe('khiu-daily-record');
    expect(body.records).toEqual([createReports(day.t.db).dailyRecord(KNOWN_DAY)]);

    for (const res of [
      await get(`${path}&format=csv`, bearer(token)),
      await get(path, { ...bearer(token), accept: 'text/csv' }),
    ]) {
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = parseCsv(await res.text());
      expect(rows[0]?.slice(0, 4)).toEqual(['day', 'scope', 'key', 'issued']);
      expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
        [KNOWN_DAY, 'total', '', '6'],
        [KNOWN_DAY, 'service', FBE, '4'],
        [KNOWN_DAY, 'service', RC, '2'],
        [KNOWN_DAY, 'counter', '1', '2'], // A1 and A2 were issued, and served at counter 1
        [KNOWN_DAY, 'counter', '2', '2'], // R1 and A3 (the transfer came in, not issued)
      ]);
    }
    // A supervisor's session reads them too; the token opens nothing else.
    expect((await get(path, bearer(supervisorSession))).status).toBe(200);
    const exportPath = `${REPORT_EXPORT_PATH}?from=${KNOWN_DAY}&to=${KNOWN_DAY}&groupBy=service&format=csv`;
    expect((await get(exportPath, bearer(token))).status).toBe(401);
    expect((await get(path)).status).toBe(401);
    expect(
      (await get(`${REPORT_DAYS_PATH}?from=2026-11-30&to=2026-11-01`, bearer(token))).status,
    ).toBe(400);

    const revoked = ok(
      await send(manager, 'report:token-revoke', { tokenId: view.id, version: view.version }),
    );
    expect(revoked.revokedAt).not.toBeNull();
    expect((await get(path, bearer(token))).status).toBe(401);
  });

  it('keeps a clerk out of the records and the downloads', async () => {
    const { sessionToken } = ok(
      await send((await connect(day.t, { role: 'counter' })).client, 'staff:login', {
        username: 'clerk3',
        pin: '1234',
      }),
    );
    expect(
      (await get(`${REPORT_DAYS_PATH}?from=${KNOWN_DAY}&to=${KNOWN_DAY}`, bearer(sessionToken)))
        .status,
    ).toBe(403);
  });
});

describe('comments and tokens from the console', () => {
  it('lists comments; a manager marks one reviewed on its version, a stale or bad mark changes nothing', async () => {
    const comments = ok(await send(supervisor, 'report:comments', { range }));
    expect(comments.map((c) => [c.comment, c.score, c.serviceId, c.counterId])).toEqual([
      ['Asked for 20,000 kip extra', 2, FBE, 1],
      ['Fast and friendly', 5, FBE, 1],
    ]);
    const [first] = comments;
    if (!first) throw new Error('no comment');
    const denied = await send(supervisor, 'report:comment-review', {
      feedbackId: first.id,
      reviewed: true,
      version: first.version,
    });
    expect(denied).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'manager-only' },
    });

    const reviewed = ok(
      await send(manager, 'report:comment-review', {
        feedbackId: first.id,
        reviewed: true,
        version: first.version,
      }),
    );
    expect(reviewed).toMatchObject({ reviewedBy: 'Khamla Sayavong', version: first.version + 1 });
    const audit = ok(await send(manager, 'config:audit', { entity: 'feedback' }));
    expect(audit[0]).toMatchObject({ entityId: String(first.id), after: { reviewed: true } });

    const before = hashAllTables(day.t.db);
    const stale = await send(manager, 'report:comment-review', {
      feedbackId: first.id,
      reviewed: false,
      version: first.version,
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'stale-version', params: { by: 'Khamla Sayavong' } },
    });
    const bad = await sendRaw(manager, 'report:run', {
      range: { from: KNOWN_DAY, to: '2026-11-01' },
      groupBy: 'service',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: [{ path: 'range.to', issue: 'range-order' }] },
    });
    const badName = await sendRaw(manager, 'report:token-create', { name: '<b>x</b>' });
    expect(badName).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(hashAllTables(day.t.db)).toBe(before);
  });
});

describe('the per-day facts behind the reports', () => {
  it('packs a rolled day as it reads live, and packs it again when a late rating comes', async () => {
    const { facts } = createReports(day.t.db);
    const [packed] = facts.range(KNOWN_DAY, KNOWN_DAY);
    expect(day.t.db.prepare('SELECT count(*) AS n FROM report_days').get()).toEqual({ n: 1 });
    expect(packed).toEqual(facts.live(KNOWN_DAY));

    // A citizen who rates the next morning still counts in the day's reports.
    const a1 = day.t.db.prepare('SELECT code FROM tickets WHERE id = ?').get(day.ids.a1) as {
      code: string;
    };
    day.t.db.prepare('DELETE FROM feedback WHERE ticket_id = ?').run(day.ids.a1);
    facts.refresh(KNOWN_DAY);
    const responses = async () =>
      ok(await send(supervisor, 'report:run', { range, groupBy: 'service' })).total.feedback
        .responses;
    expect(await responses()).toBe(2);
    const { client: phone } = await connect(day.t);
    ok(await send(phone, 'feedback:submit', { code: a1.code, score: 5 }));
    expect(await responses()).toBe(3);
  });
});
