import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  centreInput,
  connect,
  hashAllTables,
  ok,
  recordEvents,
  send,
  serviceInput,
  startHub,
  startInSetup,
  uploadOf,
  type Client,
  type TestHub,
} from '../harness.js';
import type { Ack, EntityDiff, KhiuConfig } from '../../shared/protocol.js';

// DESIGN.md "Staff roles and the console": a centre's whole configuration exports to one
// versioned JSON file and imports back, with a diff, in one transaction.

const refused = (ack: Ack<unknown>) => (ack.ok ? null : ack.error);
const withoutStamp = ({ exportedAt: _at, ...rest }: KhiuConfig) => rest;
const upload = (file: unknown) => uploadOf(JSON.stringify(file, null, 2));
const OFFICIAL = {
  lo: 'ດຳລັດ ເລກທີ 125/ລບ',
  en: 'Decree 125/PM on administrative fees',
  date: '2025-03-01',
};

async function login(t: TestHub, username: string, pin: string): Promise<Client> {
  const { client } = await connect(t, { role: 'console' });
  ok(await send(client, 'staff:login', { username, pin }));
  return client;
}

/** The demo centre made richer: opening hours, an official fee, a holiday. */
async function enrich(manager: Client) {
  ok(
    await send(manager, 'config:service-save', {
      service: serviceInput({ feeLak: 20_000, feeIsSample: false, feeRef: OFFICIAL }),
      version: 1,
    }),
  );
  ok(
    await send(manager, 'config:holiday-save', {
      holiday: { day: '2026-12-02', name: { lo: 'ວັນຊາດ', en: 'National Day' } },
    }),
  );
}

/** A hub set up from an empty data directory: a centre and its manager, nothing else. */
async function freshHub() {
  const s = await startInSetup({ demoAfterSetup: true });
  const res = await fetch(`${s.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: s.code(),
      centre: {
        ...centreInput(),
        name: { lo: 'ສູນໃໝ່', en: 'New centre' },
        publicUrl: 'http://10.0.0.9:8470',
      },
      manager: { username: 'noy', name: 'Noy Phasouk', pin: '246813' },
    }),
  });
  expect(res.status).toBe(201);
  const t = await s.hub;
  return { t, manager: await login(t, 'noy', '246813') };
}

describe('exporting and importing the configuration', () => {
  let t: TestHub;
  let manager: Client;
  const others: TestHub[] = [];
  beforeEach(async () => {
    t = await startHub();
    manager = await login(t, 'manager', '9999');
  });
  afterEach(async () => {
    for (const o of others.splice(0)) await o.close();
    await t.close();
  });

  it('exports a file that a fresh hub imports into exactly the same configuration', async () => {
    await enrich(manager);
    const { fileName, file } = ok(await send(manager, 'config:export', {}));
    expect(fileName).toMatch(
      /^khiu-config-chanthabouly-district-one-door-service-\d{4}-\d{2}-\d{2}\.json$/,
    );
    expect(file).toMatchObject({ format: 'khiu-config', version: 1 });
    expect(file.services).toHaveLength(17);
    expect(file.centre.notices.length).toBeGreaterThan(0);
    const text = JSON.stringify(file);
    for (const secret of ['9999', 'pin', 'token', 'scrypt', 'clerk1']) {
      expect(text.toLowerCase()).not.toContain(secret);
    }

    const fresh = await freshHub();
    others.push(fresh.t);
    const { client: display } = await connect(fresh.t, { role: 'display' });
    const seen = recordEvents(display);
    const preview = ok(await send(fresh.manager, 'config:import-preview', { file: upload(file) }));
    const count = (entity: string, change: string) =>
      preview.differences.filter((d) => d.entity === entity && d.change === change).length;
    expect(count('ministry', 'added')).toBe(7);
    expect(count('service', 'added')).toBe(17);
    expect(count('counter', 'added')).toBe(8);
    expect(count('holiday', 'added')).toBe(1);
    const centre = preview.differences.find((d) => d.entity === 'centre');
    expect(centre?.fields).toContainEqual({
      field: 'publicUrl',
      old: { type: 'text', value: 'http://10.0.0.9:8470' },
      new: { type: 'none' },
    });

    const result = ok(
      await send(fresh.manager, 'config:import-apply', {
        file: upload(file),
        basisHash: preview.basisHash,
      }),
    );
    expect(result).toEqual({ added: 33, changed: 1, removed: 0 });
    const copy = ok(await send(fresh.manager, 'config:export', {})).file;
    expect(withoutStamp(copy)).toEqual(withoutStamp(file));
    await seen.waitFor((e) => e.type === 'config-changed');
    expect(seen.events.filter((e) => e.type === 'config-changed')).toHaveLength(1);

    // Every fee came with who set it and by which reference; every entity has its audit row.
    const fees = fresh.t.db
      .prepare(
        `SELECT f.new_fee_lak, f.ref_en, s.username FROM fee_history f
         JOIN staff s ON s.id = f.staff_id WHERE f.service_id = 'birth-certificate'`,
      )
      .all();
    expect(fees).toEqual([{ new_fee_lak: 20_000, ref_en: OFFICIAL.en, username: 'noy' }]);
    expect(fresh.t.db.prepare('SELECT count(*) AS n FROM fee_history').get()).toEqual({ n: 17 });
    const audit = fresh.t.db
      .prepare(
        `SELECT entity, count(*) AS n FROM config_audit WHERE action = 'import'
                GROUP BY entity ORDER BY entity`,
      )
      .all();
    expect(audit).toEqual([
      { entity: 'centre', n: 1 },
      { entity: 'counter', n: 8 },
      { entity: 'holiday', n: 1 },
      { entity: 'ministry', n: 7 },
      { entity: 'service', n: 17 },
    ]);

    // The same file again changes nothing, and says so.
    const again = ok(await send(fresh.manager, 'config:import-preview', { file: upload(file) }));
    expect(again.differences).toEqual([]);
  });

  it('previews every difference without changing anything, then applies exactly those', async () => {
    const { file } = ok(await send(manager, 'config:export', {}));
    const edited: KhiuConfig = structuredClone(file);
    const birth = edited.services.find((s) => s.id === 'birth-certificate');
    if (!birth) throw new Error('the demo centre has birth certificates');
    Object.assign(birth, { feeLak: 15_000, feeIsSample: false, feeRef: OFFICIAL });
    // Two services swap their ticket letters; one service and one counter leave the file.
    const [criminal, certified] = ['criminal-record', 'certified-copies'].map((id) =>
      edited.services.find((s) => s.id === id),
    );
    if (!criminal || !certified) throw new Error('the demo centre has both');
    [criminal.prefix, certified.prefix] = [certified.prefix, criminal.prefix];
    edited.services = edited.services.filter((s) => s.id !== 'construction-permit');
    edited.counters = edited.counters
      .filter((c) => c.number !== 8)
      .map((c) => ({ ...c, services: c.services.filter((s) => s !== 'construction-permit') }));
    edited.holidays.push({ day: '2027-01-01', name: { lo: 'ວັນປີໃໝ່ສາກົນ', en: "New Year's Day" } });

    const before = hashAllTables(t.db);
    const preview = ok(await send(manager, 'config:import-preview', { file: upload(edited) }));
    expect(hashAllTables(t.db)).toBe(before);
    const find = (entity: string, tag: string) =>
      preview.differences.find((d) => d.entity === entity && d.tag === tag);
    expect(find('service', 'B')).toEqual({
      entity: 'service',
      tag: 'B',
      name: birth.name,
      change: 'changed',
      fields: [
        { field: 'feeLak', old: { type: 'kip', value: 0 }, new: { type: 'kip', value: 15_000 } },
        {
          field: 'feeIsSample',
          old: { type: 'flag', value: true },
          new: { type: 'flag', value: false },
        },
        {
          field: 'feeRef',
          old: { type: 'none' },
          new: { type: 'feeRef', value: OFFICIAL },
        },
      ],
    } satisfies EntityDiff);
    expect(find('service', 'P')).toMatchObject({
      change: 'removed',
      fields: [{ field: 'open', old: { value: true }, new: { value: false } }],
    });
    expect(find('counter', '8')).toMatchObject({
      change: 'removed',
      fields: [{ field: 'active', old: { value: true }, new: { value: false } }],
    });
    expect(find('holiday', '2027-01-01')).toMatchObject({ change: 'added', fields: [] });
    expect(preview.differences.map((d) => `${d.entity} ${d.tag} ${d.change}`).sort()).toEqual(
      [
        'service B changed',
        `service ${certified.prefix} changed`, // criminal-record, now under N
        `service ${criminal.prefix} changed`,
        'service P removed',
        'counter 8 removed',
        'holiday 2027-01-01 added',
        ...file.counters
          .filter((c) => c.number !== 8 && c.services.includes('construction-permit'))
          .map((c) => `counter ${c.number} changed`),
      ].sort(),
    );

    const { client: display } = await connect(t, { role: 'display' });
    const seen = recordEvents(display);
    const result = ok(
      await send(manager, 'config:import-apply', {
        file: upload(edited),
        basisHash: preview.basisHash,
      }),
    );
    expect(result.changed + result.added + result.removed).toBe(preview.differences.length);
    await seen.waitFor((e) => e.type === 'config-changed');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.events.filter((e) => e.type === 'config-changed')).toHaveLength(1);

    const row = (id: string) =>
      t.db.prepare('SELECT prefix, open, version, fee_lak FROM services WHERE id = ?').get(id);
    expect(row('birth-certificate')).toEqual({ prefix: 'B', open: 1, version: 2, fee_lak: 15_000 });
    expect(row('criminal-record')).toMatchObject({ prefix: 'N', version: 2 });
    expect(row('certified-copies')).toMatchObject({ prefix: 'C', version: 2 });
    expect(row('construction-permit')).toMatchObject({ open: 0, version: 2 }); // closed, kept
    expect(t.db.prepare('SELECT active, version FROM counters WHERE number = 8').get()).toEqual({
      active: 0,
      version: 2,
    });
    const fee = t.db
      .prepare(
        `SELECT f.old_fee_lak, f.new_fee_lak, f.ref_lo, f.ref_date, s.username, f.at FROM fee_history f
         JOIN staff s ON s.id = f.staff_id WHERE f.service_id = 'birth-certificate'`,
      )
      .all();
    expect(fee).toEqual([
      {
        old_fee_lak: 0,
        new_fee_lak: 15_000,
        ref_lo: OFFICIAL.lo,
        ref_date: OFFICIAL.date,
        username: 'manager',
        at: expect.any(Number),
      },
    ]);
    const audit = t.db
      .prepare(`SELECT entity, entity_id FROM config_audit WHERE action = 'import'`)
      .all();
    expect(audit).toHaveLength(preview.differences.length);
    expect(ok(await send(manager, 'config:export', {})).file).toMatchObject({
      holidays: edited.holidays,
    });
  });

  it('refuses an import whose basis changed since the preview, changing nothing', async () => {
    const { file } = ok(await send(manager, 'config:export', {}));
    file.centre.name.en = 'Renamed centre';
    const preview = ok(await send(manager, 'config:import-preview', { file: upload(file) }));
    const other = await login(t, 'manager', '9999');
    const current = ok(await send(other, 'config:get', {})).services.find(
      (s) => s.id === 'birth-certificate',
    );
    if (!current) throw new Error('the demo centre has birth certificates');
    const { version, ...service } = current;
    ok(
      await send(other, 'config:service-save', {
        service: { ...service, targetMinutes: 25 },
        version,
      }),
    );
    const before = hashAllTables(t.db);
    const ack = await send(manager, 'config:import-apply', {
      file: upload(file),
      basisHash: preview.basisHash,
    });
    expect(refused(ack)).toMatchObject({
      code: 'conflict',
      reason: 'config-changed-since-preview',
    });
    expect(hashAllTables(t.db)).toBe(before);

    // Previewed again, the change made meanwhile shows as one the file would undo.
    const again = ok(await send(manager, 'config:import-preview', { file: upload(file) }));
    expect(again.basisHash).not.toBe(preview.basisHash);
    expect(again.differences.find((d) => d.tag === 'B')?.fields).toEqual([
      {
        field: 'targetMinutes',
        old: { type: 'minutes', value: 25 },
        new: { type: 'minutes', value: 10 },
      },
    ]);
    ok(
      await send(manager, 'config:import-apply', {
        file: upload(file),
        basisHash: again.basisHash,
      }),
    );
    expect(t.db.prepare('SELECT name_en FROM centre').get()).toEqual({ name_en: 'Renamed centre' });
  });

  it('refuses bad files with a reason, and leaves the database byte for byte as it was', async () => {
    const { file } = ok(await send(manager, 'config:export', {}));
    const basisHash = ok(
      await send(manager, 'config:import-preview', { file: upload(file) }),
    ).basisHash;
    const services = file.services;
    const withServices = (patch: (s: typeof services) => unknown[]) => ({
      ...file,
      services: patch(structuredClone(services)),
    });
    const cases: [string, { gzipBase64: string }, Record<string, unknown>][] = [
      ['not JSON', uploadOf('{"format": "khiu-config", '), { reason: 'config-file-not-json' }],
      [
        'not gzip',
        { gzipBase64: Buffer.from('{}').toString('base64') },
        { reason: 'config-file-not-json' },
      ],
      ['another JSON', upload({ services: [] }), { reason: 'config-file-format' }],
      [
        'a later version',
        upload({ ...file, version: 2 }),
        { reason: 'config-file-version', params: { version: '2' } },
      ],
      [
        'a negative fee',
        upload(withServices((s) => s.map((x, i) => (i === 0 ? { ...x, feeLak: -5 } : x)))),
        {
          reason: 'config-file-invalid',
          fields: [{ path: 'services.0.feeLak', issue: 'too_small' }],
        },
      ],
      [
        'an unknown field',
        upload({ ...file, staff: [{ username: 'x', pin: '1234' }] }),
        { reason: 'config-file-invalid', fields: [{ path: '', issue: 'unrecognized_keys' }] },
      ],
      [
        'two services with one letter',
        upload(
          withServices((s) => s.map((x, i) => (i === 1 ? { ...x, prefix: s[0]?.prefix } : x))),
        ),
        {
          reason: 'config-file-invalid',
          fields: [{ path: 'services.1.prefix', issue: 'duplicate' }],
        },
      ],
      [
        'a counter serving a service not in the file',
        upload({ ...file, counters: [{ ...file.counters[0], services: ['passport'] }] }),
        {
          reason: 'config-file-invalid',
          fields: [{ path: 'counters.0.services.0', issue: 'not-in-file' }],
        },
      ],
      [
        'a file of 10 MB',
        {
          gzipBase64: gzipSync(
            Buffer.from(JSON.stringify(file) + ' '.repeat(10 * 1024 * 1024)),
          ).toString('base64'),
        },
        { reason: 'config-file-too-large' },
      ],
    ];
    const before = hashAllTables(t.db);
    for (const [what, bad, error] of cases) {
      const preview = await send(manager, 'config:import-preview', { file: bad });
      expect(refused(preview), what).toMatchObject({ code: 'invalid-request', ...error });
      const apply = await send(manager, 'config:import-apply', { file: bad, basisHash });
      expect(refused(apply), what).toMatchObject({ code: 'invalid-request', ...error });
      expect(hashAllTables(t.db), what).toBe(before);
    }

    // A service given the letter of one here that is missing from the file, and so kept.
    const held = {
      ...withServices((s) =>
        s
          .filter((x) => x.id !== 'birth-certificate')
          .map((x) => (x.id === 'criminal-record' ? { ...x, prefix: 'B' } : x)),
      ),
      counters: file.counters.map((c) => ({
        ...c,
        services: c.services.filter((id) => id !== 'birth-certificate'),
      })),
    };
    const criminal = held.services.findIndex((x) => (x as { id: string }).id === 'criminal-record');
    const ack = await send(manager, 'config:import-apply', { file: upload(held), basisHash });
    expect(refused(ack)).toMatchObject({
      code: 'conflict',
      reason: 'config-file-invalid',
      fields: [{ path: `services.${criminal}.prefix`, issue: 'prefix-held' }],
    });
    expect(hashAllTables(t.db)).toBe(before);
    expect(manager.connected).toBe(true);
  });

  it('matches a service by its ticket letter when its id differs', async () => {
    const { file } = ok(await send(manager, 'config:export', {}));
    const renamed = {
      ...file,
      services: file.services.map((s) =>
        s.id === 'birth-certificate' ? { ...s, id: 'birth-registration', targetMinutes: 12 } : s,
      ),
      counters: file.counters.map((c) => ({
        ...c,
        services: c.services.map((id) => (id === 'birth-certificate' ? 'birth-registration' : id)),
      })),
    };
    const preview = ok(await send(manager, 'config:import-preview', { file: upload(renamed) }));
    expect(
      preview.differences.map((d) => [d.entity, d.tag, d.change, d.fields.map((f) => f.field)]),
    ).toEqual([['service', 'B', 'changed', ['targetMinutes']]]);
    ok(
      await send(manager, 'config:import-apply', {
        file: upload(renamed),
        basisHash: preview.basisHash,
      }),
    );
    expect(
      t.db.prepare("SELECT target_minutes FROM services WHERE id = 'birth-certificate'").get(),
    ).toEqual({
      target_minutes: 12,
    });
  });

  it('is for managers only: a supervisor and a clerk are refused, and nothing changes', async () => {
    const { file } = ok(await send(manager, 'config:export', {}));
    const basisHash = ok(
      await send(manager, 'config:import-preview', { file: upload(file) }),
    ).basisHash;
    file.centre.name.en = 'Taken over';
    const supervisor = await login(t, 'supervisor', '5555');
    const { client: clerk } = await connect(t, { role: 'console' });
    // The console turns a clerk away at login, so the clerk's console is nobody's.
    expect(
      refused(await send(clerk, 'staff:login', { username: 'clerk1', pin: '1234' })),
    ).toMatchObject({ code: 'forbidden' });
    const before = hashAllTables(t.db);
    for (const [who, client, refusal] of [
      ['supervisor', supervisor, { code: 'forbidden', reason: 'manager-only' }],
      ['clerk', clerk, { code: 'unauthorized', reason: 'login-required' }],
    ] as const) {
      const acks = [
        await send(client, 'config:export', {}),
        await send(client, 'config:import-preview', { file: upload(file) }),
        await send(client, 'config:import-apply', { file: upload(file), basisHash }),
      ];
      for (const ack of acks) expect(refused(ack), who).toMatchObject(refusal);
    }
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    expect(refused(await send(kiosk, 'config:export', {}))).toMatchObject({ code: 'forbidden' });
    expect(hashAllTables(t.db)).toBe(before);
  });
});
