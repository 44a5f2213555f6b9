/**
 * Three hubs and a real central (PostgreSQL started by the test) on
 * loopback: records flow up exactly once, the national fee table flows down,
 * a bad record is refused and shown, a fee dated for the future starts
 * at that day's rollover, and the hub's token is sealed at rest: a restored
 * database without its key says to enrol again, and a new code works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { manualClock } from '../../hub/src/clock.js';
import { backupNow } from '../../hub/src/backup/backup.js';
import { KEY_FILE_NAME, tokenSeal } from '../../hub/src/central/token-seal.js';
import { connect, hashAllTables, ok, send, startHub, tempDir, type TestHub } from '../harness.js';
import {
  recordShelf,
  startCentral,
  startPostgres,
  type TestCentral,
  type TestDatabase,
} from '../central-harness.js';
import { DEMO_CENTRES } from '../../central/src/demo-seed.js';
import { addDays } from '../../central/src/days.js';
import { t, type MessageKey } from '../../shared/i18n/index.js';

const DAY_MS = 86_400_000;
// 2026-11-02 10:00 in Vientiane (UTC+7).
const START = Date.parse('2026-11-02T03:00:00Z');
const FIRST_DAY = '2026-10-01';

const count = async (c: TestCentral, sql: string, params: unknown[] = []) =>
  Number((await c.pool.query<{ n: string }>(sql, params)).rows[0]?.n);

/** A file's bytes with its write-ahead log's, as a copy of the data folder holds them. */
const bytesOf = (file: string) =>
  Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));

describe('hubs and central', () => {
  let db: TestDatabase;
  let central: TestCentral;
  const hubs: {
    t: TestHub;
    shelf: ReturnType<typeof recordShelf>;
    clock: ReturnType<typeof manualClock>;
  }[] = [];

  beforeAll(async () => {
    db = await startPostgres();
    central = await startCentral(db.url);
    for (let i = 0; i < 3; i++) {
      const input = DEMO_CENTRES[i];
      if (!input) throw new Error('three demo centres');
      const row = await central.central.centres.add(input);
      const { code } = await central.central.centres.makeCode(row.id);
      const shelf = recordShelf(i);
      const clock = manualClock(START);
      const t = await startHub({ clock, dailyRecords: shelf.source });
      await t.hub.central.enrol(central.url, code);
      hubs.push({ t, shelf, clock });
    }
  }, 60_000);

  afterAll(async () => {
    for (const h of hubs) await h.t.close();
    await central?.close();
    await db?.stop();
  });

  it('sends every record up once, however often a hub syncs', async () => {
    for (const h of hubs) h.shelf.writeDays(FIRST_DAY, 10);
    for (const h of hubs) await h.t.hub.central.sync();
    for (const h of hubs) await h.t.hub.central.sync(); // again: nothing new, nothing twice
    expect(await count(central, 'SELECT count(*) AS n FROM daily_records')).toBe(30);
    expect(
      await count(central, 'SELECT count(DISTINCT (centre_id, day)) AS n FROM daily_records'),
    ).toBe(30);
    for (const h of hubs) {
      const status = h.t.hub.central.status();
      expect(status).toMatchObject({ enrolled: true, waiting: 0, lastError: null, refused: [] });
      expect(status.lastPushAt).toBe(START);
    }
  });

  it('catches up in order after central was down for days, every record exactly once', async () => {
    const [h] = hubs;
    if (!h) throw new Error('a hub');
    const port = central.port;
    await central.close();
    // Three weeks without central: each day's record waits in the outbox.
    for (let d = 0; d < 21; d++) {
      h.clock.advance(DAY_MS);
      h.shelf.write(addDays(FIRST_DAY, 10 + d));
      await h.t.hub.central.sync();
    }
    const down = h.t.hub.central.status();
    expect(down.waiting).toBe(21);
    expect(down.lastError).toMatch(/cannot be reached/);
    expect(down.nextTryAt).toBeGreaterThan(h.clock.now());
    central = await startCentral(db.url, port);
    await h.t.hub.central.sync();
    expect(h.t.hub.central.status()).toMatchObject({ waiting: 0, lastError: null });
    const { rows } = await central.pool.query<{ day: string }>(
      `SELECT r.day FROM daily_records r JOIN centres c ON c.id = r.centre_id
       WHERE c.code = $1 ORDER BY r.received_at, r.day`,
      [DEMO_CENTRES[0]?.code],
    );
    expect(rows.map((r) => r.day)).toEqual(
      Array.from({ length: 31 }, (_, i) => addDays(FIRST_DAY, i)),
    );
  });

  it('refuses a record that does not match the schema, and the hub shows why', async () => {
    const [, h] = hubs;
    if (!h) throw new Error('a hub');
    const bad = JSON.parse(h.shelf.rows[0]?.record ?? '{}') as Record<string, unknown>;
    h.shelf.rows.push({
      day: '2026-10-20',
      version: 1,
      record: JSON.stringify({ ...bad, day: '2026-10-20', total: { issued: 'many' } }),
    });
    await h.t.hub.central.sync();
    const status = h.t.hub.central.status();
    expect(status.waiting).toBe(0);
    expect(status.refused).toEqual([
      expect.objectContaining({
        day: '2026-10-20',
        reason: expect.stringMatching(/does not match khiu-daily-record version 1: total/),
        refusal: {
          code: 'schema-mismatch',
          params: {
            day: '2026-10-20',
            schema: 'khiu-daily-record',
            version: 1,
            fields: expect.stringContaining('total.issued'),
          },
        },
      }),
    ]);
    expect(
      await count(
        central,
        `SELECT count(*) AS n FROM daily_records r JOIN centres c ON c.id = r.centre_id
         WHERE r.day = '2026-10-20' AND c.code = $1`,
        [DEMO_CENTRES[1]?.code],
      ),
    ).toBe(0);
    // The console shows it too.
    const { client } = await connect(h.t, { role: 'console' });
    ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
    const shown = ok(await send(client, 'central:status', {}));
    expect(shown.refused[0]?.reason).toMatch(/total\.issued/);
    // Said in the console's language from the code; the English words stay for the log.
    const refusal = shown.refused[0]?.refusal;
    expect(
      refusal && t('lo', `console.central.refusal.${refusal.code}` as MessageKey, refusal.params),
    ).toMatch(
      /^ບັນທຶກຂອງວັນທີ 2026-10-20 ບໍ່ກົງກັບແບບຟອມ khiu-daily-record ສະບັບ 1 ຊ່ອງທີ່ຜິດ: .*total\.issued/,
    );
    // A day refused by a hub from before the codes holds central's words alone: shown as they are.
    h.t.db
      .prepare(
        `INSERT INTO outbox (day, schema_version, record, queued_at, refused)
         VALUES ('2026-10-21', 1, '{}', 0, 'The record for 2026-10-21 does not match')`,
      )
      .run();
    expect(h.t.hub.central.status().refused[1]).toEqual({
      day: '2026-10-21',
      version: 1,
      reason: 'The record for 2026-10-21 does not match',
      refusal: null,
    });
    h.t.db.prepare(`DELETE FROM outbox WHERE day = '2026-10-21'`).run();
  });

  it('brings the national fee table down; a mapped service shows the official fee, and a future one starts at its rollover', async () => {
    const [, , h] = hubs;
    if (!h) throw new Error('a hub');
    const today = '2026-11-02';
    const tomorrow = '2026-11-03';
    const fee = { code: 'FB-ENTRY', nameLo: 'ການແຈ້ງເຂົ້າປຶ້ມສຳມະໂນຄົວ', nameEn: 'Family book entry' };
    await central.central.fees.save(
      { ...fee, effectiveOn: '2026-01-01', feeLak: 12_000, refLo: 'ດຳລັດ 003', refEn: 'Decree 003' },
      null,
    );
    await central.central.fees.save(
      { ...fee, effectiveOn: tomorrow, feeLak: 15_000, refLo: 'ດຳລັດ 014', refEn: 'Decree 014' },
      null,
    );
    const { client: manager } = await connect(h.t, { role: 'console' });
    ok(await send(manager, 'staff:login', { username: 'manager', pin: '9999' }));
    const { services } = ok(await send(manager, 'config:get', {}));
    const version = services.find((s) => s.id === 'family-book-entry')?.version ?? 0;
    const mapping = { serviceId: 'family-book-entry', nationalCode: 'FB-ENTRY', version };
    // A bad code or a stale version changes nothing.
    const before = hashAllTables(h.t.db);
    const bad = await send(manager, 'central:map-service', {
      ...mapping,
      nationalCode: 'fb entry',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const stale = await send(manager, 'central:map-service', { ...mapping, version: version + 5 });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'stale-version' },
    });
    expect(hashAllTables(h.t.db)).toBe(before);
    ok(await send(manager, 'central:map-service', mapping));
    const audit = ok(await send(manager, 'config:audit', { entity: 'service-national-code' }));
    expect(audit[0]).toMatchObject({
      entityId: 'family-book-entry',
      after: { nationalCode: 'FB-ENTRY' },
    });
    const status = ok(await send(manager, 'central:sync', {}));
    expect(status.mappings).toEqual([{ serviceId: 'family-book-entry', nationalCode: 'FB-ENTRY' }]);
    expect(status.nationalFees.map((f) => f.effectiveOn)).toEqual(['2026-01-01', tomorrow]);

    const { client: kiosk, snapshot } = await connect(h.t, { role: 'kiosk' });
    const shown = snapshot.services.find((s) => s.id === 'family-book-entry');
    expect(snapshot.day).toBe(today);
    expect(shown).toMatchObject({
      feeLak: 12_000,
      feeIsSample: false,
      feeRef: { en: 'Decree 003', date: '2026-01-01' },
    });
    const rolled = new Promise<number | undefined>((resolve) =>
      kiosk.on('queue:event', (e) => {
        if (e.type === 'day-rolled')
          resolve(e.services?.find((s) => s.id === 'family-book-entry')?.feeLak);
      }),
    );
    h.clock.set(Date.parse(`${tomorrow}T00:00:01+07:00`));
    h.t.hub.rolloverIfDue();
    expect(await rolled).toBe(15_000);
    const { snapshot: next } = await connect(h.t, { role: 'kiosk' });
    expect(next.services.find((s) => s.id === 'family-book-entry')).toMatchObject({
      feeLak: 15_000,
      feeRef: { en: 'Decree 014', date: tomorrow },
    });
  });

  it('keeps the token sealed: no copy of the database holds it, and one restored without its key enrols again', async () => {
    const input = DEMO_CENTRES[3];
    if (!input) throw new Error('a fourth demo centre');
    const row = await central.central.centres.add(input);
    const mine = `SELECT count(*) AS n FROM daily_records r JOIN centres c ON c.id = r.centre_id
       WHERE c.code = $1`;
    const shelf = recordShelf(3);
    const clock = manualClock(START);
    const dataDir = tempDir();
    const dbFile = join(dataDir, 'khiu.sqlite');
    const first = await startHub({ clock, dataDir, dailyRecords: shelf.source });
    await first.hub.central.enrol(
      central.url,
      (await central.central.centres.makeCode(row.id)).code,
    );
    shelf.writeDays(FIRST_DAY, 2);
    await first.hub.central.sync();
    expect(await count(central, mine, [input.code])).toBe(2);

    // The token central accepted is in the row only sealed, and the key is beside the file.
    const stored = first.db.prepare<[], { token: string }>('SELECT token FROM central_link').get();
    expect(stored?.token).toMatch(/^sealed:v1:/);
    const token = tokenSeal(first.db).open(stored?.token ?? '');
    expect(token).toMatch(/.{20,}/);
    const keyFile = join(dataDir, KEY_FILE_NAME);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(bytesOf(dbFile).includes(token ?? '-')).toBe(false);
    const backup = await backupNow(first.db, join(dataDir, 'backups'), clock);
    expect(bytesOf(backup).includes(token ?? '-')).toBe(false);
    expect(readdirSync(join(dataDir, 'backups'))).not.toContain(KEY_FILE_NAME);
    await first.close();

    // The backup restored onto another machine: the database, not its key.
    const elsewhere = tempDir();
    copyFileSync(backup, join(elsewhere, 'khiu.sqlite'));
    const second = await startHub({
      clock,
      dataDir: elsewhere,
      seed: false,
      dailyRecords: shelf.source,
    });
    try {
      expect(second.hub.central.status()).toMatchObject({ enrolled: true, enrolAgain: true });
      shelf.write(addDays(FIRST_DAY, 2));
      await second.hub.central.sync();
      expect(second.hub.central.status()).toMatchObject({
        enrolAgain: true,
        waiting: 1,
        lastError: null,
      });
      expect(await count(central, mine, [input.code])).toBe(2);
      // Enrolling again with a new code replaces it, and what waited goes up.
      const again = await central.central.centres.makeCode(row.id);
      await second.hub.central.enrol(central.url, again.code);
      await second.hub.central.sync();
      expect(second.hub.central.status()).toMatchObject({
        enrolAgain: false,
        waiting: 0,
        lastError: null,
      });
      expect(await count(central, mine, [input.code])).toBe(3);
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
