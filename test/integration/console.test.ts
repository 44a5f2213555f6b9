import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  centreInput,
  connect,
  hashAllTables,
  ok,
  recordEvents,
  send,
  sendRaw,
  serviceInput,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { DEMO_CENTRE, type DemoCentre } from '../../hub/src/demo/centre-data.js';
import type { Ack } from '../../shared/protocol.js';

// DESIGN.md "Staff roles and the console": supervisors run the floor, managers everything;
// every configuration change is one transaction with its audit row and one config-changed,
// and a stale edit is refused instead of overwriting another manager's.

const CENTRE: DemoCentre = {
  ...DEMO_CENTRE,
  staff: [
    ...DEMO_CENTRE.staff.filter((s) =>
      ['clerk1', 'clerk2', 'supervisor', 'manager'].includes(s.username),
    ),
    { username: 'manager2', name: 'Bounmy Keomany', role: 'manager', pin: '8888' },
  ],
};

/** Resolves with how long after the call the hub ended the client's connection. */
const disconnected = (client: Client) => {
  const from = Date.now();
  return new Promise<number>((resolve) =>
    client.once('disconnect', (reason) => {
      expect(reason).toBe('io server disconnect');
      resolve(Date.now() - from);
    }),
  );
};
const refused = (ack: Ack<unknown>) => (ack.ok ? null : ack.error);
const staffId = (t: TestHub, username: string) =>
  (t.db.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: number }).id;

describe('the console', () => {
  let t: TestHub;
  const login = async (username: string, pin: string, role: 'console' | 'counter' = 'console') => {
    const { client } = await connect(t, { role });
    ok(await send(client, 'staff:login', { username, pin }));
    return client;
  };
  beforeEach(async () => {
    t = await startHub({ centre: CENTRE });
  });
  afterEach(() => t.close());

  it('lets a supervisor read the configuration and unlock a clerk, but not change anything', async () => {
    const supervisor = await login('supervisor', '5555');
    const config = ok(await send(supervisor, 'config:get', {}));
    expect(config.services.map((s) => s.id)).toContain('birth-certificate');
    expect(config.staff.find((s) => s.username === 'clerk1')).toMatchObject({ role: 'clerk' });
    expect(
      ok(await send(supervisor, 'config:fee-history', { serviceId: 'birth-certificate' })),
    ).toEqual([
      {
        at: expect.any(Number),
        staffName: null, // the seed
        oldFeeLak: null,
        newFeeLak: 0,
        oldIsSample: null,
        newIsSample: true,
        ref: null,
      },
    ]);
    ok(await send(supervisor, 'config:audit', {}));

    const clerk1 = staffId(t, 'clerk1');
    const { client: desk } = await connect(t, { role: 'counter' });
    for (let i = 0; i < 4; i++) {
      await send(desk, 'staff:login', { username: 'clerk1', pin: '0000' });
    }
    expect(
      refused(await send(desk, 'staff:login', { username: 'clerk1', pin: '1234' })),
    ).toMatchObject({ reason: 'slow-down' });
    const slowed = ok(await send(supervisor, 'config:get', {})).staff.find((s) => s.id === clerk1);
    expect(slowed?.slowedUntil).toBeGreaterThan(Date.now());
    expect(ok(await send(supervisor, 'staff:unlock', { staffId: clerk1 }))).toMatchObject({
      slowedUntil: null,
    });
    ok(await send(desk, 'staff:login', { username: 'clerk1', pin: '1234' }));

    const before = hashAllTables(t.db);
    const saves = [
      await send(supervisor, 'config:service-save', { service: serviceInput(), version: 1 }),
      await send(supervisor, 'config:centre-save', { centre: centreInput(), version: 1 }),
      await send(supervisor, 'staff:reset-pin', { staffId: clerk1 }),
      await send(supervisor, 'staff:save', {
        staff: { username: 'x1', name: 'X', role: 'clerk', counters: [], active: true },
        version: null,
      }),
    ];
    for (const ack of saves) {
      expect(refused(ack)).toMatchObject({ code: 'forbidden', reason: 'manager-only' });
    }
    expect(hashAllTables(t.db)).toBe(before);

    const manager = await login('manager', '9999');
    const saved = ok(
      await send(manager, 'config:service-save', { service: serviceInput(), version: 1 }),
    );
    expect(saved.version).toBe(2);
  });

  it('gives a new clerk a temporary PIN that must be changed before anything else', async () => {
    const manager = await login('manager', '9999');
    const input = {
      username: 'noy',
      name: 'Noy Phasouk',
      role: 'clerk' as const,
      counters: [3],
      active: true,
    };
    const { member, temporaryPin } = ok(
      await send(manager, 'staff:save', { staff: input, version: null }),
    );
    expect(temporaryPin).toMatch(/^\d{6}$/);
    expect(member).toMatchObject({
      username: 'noy',
      pinMustChange: true,
      counters: [3],
      version: 1,
    });
    const audit = JSON.stringify(t.db.prepare('SELECT * FROM config_audit').all());
    expect(audit).not.toContain(temporaryPin);
    expect(audit).not.toContain('scrypt');

    const dup = await send(manager, 'staff:save', {
      staff: { ...input, name: 'Other' },
      version: null,
    });
    expect(refused(dup)).toMatchObject({
      code: 'conflict',
      reason: 'duplicate',
      fields: [{ path: 'staff.username', issue: 'duplicate' }],
    });

    const { client: desk } = await connect(t, { role: 'counter' });
    const { staff } = ok(
      await send(desk, 'staff:login', { username: 'noy', pin: temporaryPin ?? '' }),
    );
    expect(staff.pinMustChange).toBe(true);
    expect(refused(await send(desk, 'counter:open', { counterId: 3 }))).toMatchObject({
      code: 'unauthorized',
      reason: 'pin-change-required',
    });
    ok(await send(desk, 'queue:snapshot', {}));
    const pin = temporaryPin ?? '';
    expect(
      refused(await send(desk, 'staff:change-pin', { currentPin: '000000', newPin: '482913' })),
    ).toMatchObject({ code: 'unauthorized' });
    expect(
      refused(await send(desk, 'staff:change-pin', { currentPin: pin, newPin: pin })),
    ).toMatchObject({
      code: 'invalid-request',
      fields: [{ path: 'newPin', issue: 'same-as-current' }],
    });
    const changed = ok(await send(desk, 'staff:change-pin', { currentPin: pin, newPin: '482913' }));
    expect(changed.staff.pinMustChange).toBe(false);
    expect(ok(await send(desk, 'counter:open', { counterId: 3 })).status).toBe('open');

    // A reset PIN is temporary again, and ends the sessions the old one opened.
    // Cut means cut: the counter's open connection ends at once, not at its next key.
    const cut = disconnected(desk);
    const reset = ok(await send(manager, 'staff:reset-pin', { staffId: member.id }));
    expect(reset.member.pinMustChange).toBe(true);
    expect(reset.temporaryPin).not.toBe(pin);
    expect(await cut).toBeLessThan(1000);
    const { client: again } = await connect(t, { role: 'counter' });
    expect(
      refused(await send(again, 'staff:login', { username: 'noy', pin: '482913' })),
    ).toMatchObject({
      reason: 'bad-credentials',
    });
  });

  it('slows down wrong current PINs in staff:change-pin as it does wrong logins', async () => {
    const desk = await login('clerk1', '1234', 'counter');
    const tries = [];
    for (let i = 0; i < 4; i++) {
      tries.push(
        refused(await send(desk, 'staff:change-pin', { currentPin: '0000', newPin: '482913' })),
      );
    }
    expect(tries.slice(0, 3).every((e) => e?.reason === 'bad-credentials')).toBe(true);
    expect(tries[3]).toMatchObject({ code: 'unauthorized', reason: 'slow-down' });
    const right = await send(desk, 'staff:change-pin', { currentPin: '1234', newPin: '482913' });
    expect(refused(right)).toMatchObject({ reason: 'slow-down', params: { seconds: 1 } });
  });

  it('ends the sessions of someone deactivated, and keeps one active manager', async () => {
    const manager = await login('manager', '9999');
    const { client: desk } = await connect(t, { role: 'counter' });
    const { sessionToken } = ok(
      await send(desk, 'staff:login', { username: 'clerk2', pin: '1234' }),
    );
    const config = ok(await send(manager, 'config:get', {}));
    const cut = disconnected(desk);
    const clerk2 = config.staff.find((s) => s.username === 'clerk2');
    if (!clerk2) throw new Error('clerk2 missing');
    const { version, id, username, name, role, counters } = clerk2;
    ok(
      await send(manager, 'staff:save', {
        staff: { id, username, name, role, counters, active: false },
        version,
      }),
    );
    expect(await cut).toBeLessThan(1000);
    const { client: reload } = await connect(t, { role: 'counter' });
    expect(refused(await send(reload, 'staff:resume', { sessionToken }))).toMatchObject({
      reason: 'session-ended',
    });

    // manager2 leaves; then the last manager may not demote themselves.
    const m2 = config.staff.find((s) => s.username === 'manager2');
    if (!m2) throw new Error('manager2 missing');
    ok(
      await send(manager, 'staff:save', {
        staff: {
          id: m2.id,
          username: m2.username,
          name: m2.name,
          role: 'manager',
          counters: [],
          active: false,
        },
        version: m2.version,
      }),
    );
    const me = ok(await send(manager, 'config:get', {})).staff.find(
      (s) => s.username === 'manager',
    );
    if (!me) throw new Error('manager missing');
    const before = hashAllTables(t.db);
    for (const patch of [{ role: 'supervisor' as const }, { active: false }]) {
      const ack = await send(manager, 'staff:save', {
        staff: {
          id: me.id,
          username: me.username,
          name: me.name,
          role: me.role,
          counters: [],
          active: true,
          ...patch,
        },
        version: me.version,
      });
      expect(refused(ack)).toMatchObject({ code: 'conflict', reason: 'in-use' });
    }
    expect(hashAllTables(t.db)).toBe(before);
  });

  it('refuses every bad config edit with its fields, leaving the database byte for byte as it was', async () => {
    const manager = await login('manager', '9999');
    const counter = {
      id: 1,
      number: 1,
      name: { lo: 'ຕູ້ 1', en: 'Counter 1' },
      services: ['national-id-card'],
      active: true,
    };
    const ministry = { id: 'moha', name: { lo: 'ກະຊວງພາຍໃນ', en: 'Home Affairs' }, sort: 0 };
    const cases: [
      string,
      unknown,
      { code: string; reason?: string; path: string; issue: string },
    ][] = [
      [
        'config:service-save',
        { service: serviceInput({ prefix: 'ID' }), version: 1 },
        { code: 'conflict', reason: 'duplicate', path: 'service.prefix', issue: 'duplicate' },
      ],
      [
        'config:service-save',
        { service: serviceInput({ ministryId: 'mars' }), version: 1 },
        { code: 'not-found', path: 'service.ministryId', issue: 'not-found' },
      ],
      [
        'config:service-save',
        { service: serviceInput(), version: null },
        { code: 'conflict', reason: 'duplicate', path: 'service.id', issue: 'duplicate' },
      ],
      [
        'config:service-save',
        { service: serviceInput({ feeIsSample: false }), version: 1 },
        { code: 'invalid-request', path: 'service.feeRef', issue: 'required' },
      ],
      [
        'config:service-save',
        {
          service: serviceInput({
            hours: [
              { weekday: 1, opensMin: 900, closesMin: 480, lunchFromMin: null, lunchToMin: null },
            ],
          }),
          version: 1,
        },
        { code: 'invalid-request', path: 'service.hours.0.closesMin', issue: 'ends-before-start' },
      ],
      [
        'config:service-save',
        { service: serviceInput({ prefix: 'bb' }), version: 1 },
        { code: 'invalid-request', path: 'service.prefix', issue: 'invalid_format' },
      ],
      [
        'config:service-save',
        { service: serviceInput({ feeLak: -5 }), version: 1 },
        { code: 'invalid-request', path: 'service.feeLak', issue: 'too_small' },
      ],
      [
        'config:counter-save',
        { counter: { ...counter, number: 2 }, version: 1 },
        { code: 'conflict', reason: 'duplicate', path: 'counter.number', issue: 'duplicate' },
      ],
      [
        'config:counter-save',
        { counter: { ...counter, services: ['no-such-service'] }, version: 1 },
        { code: 'not-found', path: 'counter.services.0', issue: 'not-found' },
      ],
      [
        'config:counter-save',
        { counter: { ...counter, services: [] }, version: 1 },
        { code: 'invalid-request', path: 'counter.services', issue: 'too_small' },
      ],
      [
        'config:ministry-save',
        { ministry, version: null },
        { code: 'conflict', reason: 'duplicate', path: 'ministry.id', issue: 'duplicate' },
      ],
      [
        'config:ministry-save',
        { ministry: { ...ministry, name: { lo: '', en: 'x' } }, version: 1 },
        { code: 'invalid-request', path: 'ministry.name.lo', issue: 'too_small' },
      ],
      [
        'config:centre-save',
        { centre: { ...centreInput(), timeZone: 'Asia/Nowhere' }, version: 1 },
        { code: 'invalid-request', path: 'centre.timeZone', issue: 'invalid-time-zone' },
      ],
      [
        'config:centre-save',
        { centre: { ...centreInput(), publicUrl: 'not a url' }, version: 1 },
        { code: 'invalid-request', path: 'centre.publicUrl', issue: 'invalid_format' },
      ],
      [
        'config:fee-history',
        { serviceId: 'Not A Slug' },
        { code: 'invalid-request', path: 'serviceId', issue: 'invalid_format' },
      ],
      [
        'config:audit',
        { limit: 0 },
        { code: 'invalid-request', path: 'limit', issue: 'too_small' },
      ],
    ];
    const before = hashAllTables(t.db);
    for (const [event, payload, want] of cases) {
      const error = refused(await sendRaw(manager, event, payload));
      const { path, issue, ...rest } = want;
      expect(error, `${event} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({
        ...rest,
        fields: expect.arrayContaining([{ path, issue }]),
      });
      expect(error?.message.length).toBeGreaterThan(0);
    }
    expect(hashAllTables(t.db)).toBe(before);
  });

  it('refuses the second of two managers saving the same service, naming the first', async () => {
    const first = await login('manager', '9999');
    const second = await login('manager2', '8888');
    const seen = ok(await send(second, 'config:get', {})).services.find(
      (s) => s.id === 'birth-certificate',
    );
    expect(seen?.version).toBe(1);
    ok(
      await send(first, 'config:service-save', {
        service: serviceInput({ targetMinutes: 12 }),
        version: 1,
      }),
    );
    const before = hashAllTables(t.db);
    const stale = refused(
      await send(second, 'config:service-save', {
        service: serviceInput({ targetMinutes: 30 }),
        version: 1,
      }),
    );
    expect(stale).toMatchObject({
      code: 'conflict',
      reason: 'stale-version',
      params: { by: 'Khamla Sayavong', at: expect.any(Number) },
    });
    expect(hashAllTables(t.db)).toBe(before);
    const now = ok(await send(second, 'config:get', {})).services.find(
      (s) => s.id === 'birth-certificate',
    );
    expect(now).toMatchObject({ targetMinutes: 12, version: 2 });
  });

  it('shows a fee change on every open kiosk and display at once, and keeps its history', async () => {
    const manager = await login('manager', '9999');
    const { client: display } = await connect(t, { role: 'display' });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const watchers: [Client, ReturnType<typeof recordEvents>][] = [display, kiosk].map((c) => [
      c,
      recordEvents(c),
    ]);
    const ref = { lo: 'ຂໍ້ຕົກລົງ ເລກທີ 123', en: 'Decree No. 123', date: '2026-01-15' };
    const started = Date.now();
    ok(
      await send(manager, 'config:service-save', {
        service: serviceInput({ feeLak: 20_000, feeIsSample: false, feeRef: ref }),
        version: 1,
      }),
    );
    for (const [, rec] of watchers) {
      const event = await rec.waitFor((e) => e.type === 'config-changed', 2000);
      const service = event.services.find((s) => s.id === 'birth-certificate');
      expect(service).toMatchObject({
        feeLak: 20_000,
        feeIsSample: false,
        feeRef: ref,
        asksPriority: true,
      });
    }
    expect(Date.now() - started).toBeLessThan(2000);
    ok(
      await send(manager, 'config:service-save', {
        service: serviceInput({
          feeLak: 25_000,
          feeIsSample: false,
          feeRef: { ...ref, date: '2026-06-01' },
        }),
        version: 2,
      }),
    );
    // Not a fee change: no history row.
    ok(
      await send(manager, 'config:service-save', {
        service: serviceInput({
          feeLak: 25_000,
          feeIsSample: false,
          feeRef: { ...ref, date: '2026-06-01' },
          targetMinutes: 15,
        }),
        version: 3,
      }),
    );
    const history = ok(
      await send(manager, 'config:fee-history', { serviceId: 'birth-certificate' }),
    );
    expect(history).toEqual([
      expect.objectContaining({
        oldFeeLak: 20_000,
        newFeeLak: 25_000,
        oldIsSample: false,
        newIsSample: false,
        staffName: 'Khamla Sayavong',
        ref: { ...ref, date: '2026-06-01' },
      }),
      expect.objectContaining({
        oldFeeLak: 0,
        newFeeLak: 20_000,
        oldIsSample: true,
        newIsSample: false,
        ref,
      }),
      expect.objectContaining({ staffName: null, oldFeeLak: null, newFeeLak: 0 }), // the seed
    ]);
    const audit = ok(
      await send(manager, 'config:audit', { entity: 'service', entityId: 'birth-certificate' }),
    );
    expect(audit.map((a) => a.action)).toEqual(['update', 'update', 'update']);
    // A kiosk that connects later sees the new fee in its first snapshot.
    const { snapshot } = await connect(t, { role: 'kiosk' });
    expect(snapshot.services.find((s) => s.id === 'birth-certificate')?.feeLak).toBe(25_000);
  });
});
