/**
 * Pairing and revoking devices: the console's code, exchanged once at
 * POST /api/v1/pair for a token; a token opened in the wrong app; a revoked
 * device cut off at once; wrong codes slowed down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, systemClock } from '../../hub/src/clock.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { PAIR_TRIES_PER_MINUTE } from '../../hub/src/net/pair-route.js';
import { connect, hashAllTables, ok, send, startHub, type TestHub } from '../harness.js';
import { PROTOCOL_VERSION, type PairedDevice } from '../../shared/protocol.js';
import { io } from 'socket.io-client';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function managerConsole(hub: TestHub) {
  const { client } = await connect(hub, { role: 'console' });
  ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
  return client;
}

async function pair(hub: TestHub, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${hub.url}/api/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('pairing a device', () => {
  it('exchanges a code once for a token of its role, and lists the device with where it was seen', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const code = ok(
      await send(manager, 'device:pair-code', { role: 'kiosk', name: 'Kiosk by the door' }),
    );
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    const stored = t.db.prepare('SELECT code_hash FROM pairing_codes').all() as {
      code_hash: string;
    }[];
    expect(JSON.stringify(stored)).not.toContain(code.code);

    const first = await pair(t, { code: code.code });
    expect(first.status).toBe(201);
    const device = first.json as PairedDevice;
    expect(device).toMatchObject({ role: 'kiosk', name: 'Kiosk by the door' });
    expect(device.token.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM devices').all())).not.toContain(device.token);
    // Once only.
    expect(await pair(t, { code: code.code })).toMatchObject({
      status: 403,
      json: { error: { code: 'forbidden', reason: 'pair-code' } },
    });

    const kiosk = io(t.url, {
      transports: ['websocket'],
      auth: {
        protocol: PROTOCOL_VERSION,
        token: device.token,
        role: 'kiosk',
        appVersion: 'station 0.1.0',
      },
      forceNew: true,
      reconnection: false,
    });
    t.clients.push(kiosk);
    await new Promise((resolve) => kiosk.once('queue:snapshot', resolve));
    const [listed] = ok(await send(manager, 'device:list', {}));
    expect(listed).toMatchObject({
      id: device.deviceId,
      role: 'kiosk',
      name: 'Kiosk by the door',
      connected: true,
      appVersion: 'station 0.1.0',
      revokedAt: null,
      version: 1,
    });
    expect(listed?.lastAddress).toMatch(/127\.0\.0\.1/);
  });

  it('says so when a token is opened in another app', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const { code } = ok(
      await send(manager, 'device:pair-code', { role: 'display', name: 'Hall TV' }),
    );
    const display = (await pair(t, { code })).json as PairedDevice;
    await expect(connect(t, { token: display.token, role: 'kiosk' })).rejects.toMatchObject({
      data: { code: 'forbidden', reason: 'wrong-app', role: 'display' },
    });
    expect((await connect(t, { token: display.token, role: 'display' })).client.connected).toBe(
      true,
    );
  });

  it('refuses a wrong, expired or malformed code, changing nothing, and slows a guesser down', async () => {
    const clock = manualClock(Date.parse('2026-12-02T09:00:00+07:00'));
    t = await startHub({ clock });
    const manager = await managerConsole(t);
    const { code } = ok(
      await send(manager, 'device:pair-code', { role: 'counter', name: 'Counter 3 PC' }),
    );
    const before = hashAllTables(t.db);
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await pair(t, { code: wrong })).toMatchObject({
      status: 403,
      json: { error: { reason: 'pair-code' } },
    });
    expect(await pair(t, { code: '12345' })).toMatchObject({
      status: 400,
      json: { error: { code: 'invalid-request', fields: [{ path: 'code' }] } },
    });
    expect((await pair(t, 'not json')).status).toBe(400);
    clock.advance(10 * 60_000); // the code's ten minutes are up
    expect(await pair(t, { code })).toMatchObject({
      status: 403,
      json: { error: { reason: 'pair-code' } },
    });
    expect(hashAllTables(t.db)).toBe(before);
    // The clock has not refilled the address's tries since: the next ones wait.
    const answers: number[] = [];
    for (let i = 0; i < PAIR_TRIES_PER_MINUTE; i++)
      answers.push((await pair(t, { code: wrong })).status);
    expect(answers).toContain(429);
  });
});

describe('managing devices', () => {
  it('renames on the version it was made on, and refuses a stale rename with who made the change', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const other = await managerConsole(t);
    const { code } = ok(
      await send(manager, 'device:pair-code', { role: 'kiosk', name: 'Kiosk 1' }),
    );
    const { deviceId } = (await pair(t, { code })).json as PairedDevice;
    const renamed = ok(
      await send(manager, 'device:rename', { deviceId, name: 'Kiosk by the stairs', version: 1 }),
    );
    expect(renamed).toMatchObject({ name: 'Kiosk by the stairs', version: 2 });
    const before = hashAllTables(t.db);
    const stale = await send(other, 'device:rename', { deviceId, name: 'Kiosk 9', version: 1 });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'stale-version' },
    });
    expect(stale.ok ? null : stale.error.params?.['by']).toBeTruthy();
    expect(hashAllTables(t.db)).toBe(before);
  });

  it('cuts a revoked device off within a second, and its token no longer connects', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const { code } = ok(
      await send(manager, 'device:pair-code', { role: 'counter', name: 'Counter 2 PC' }),
    );
    const device = (await pair(t, { code })).json as PairedDevice;
    const { client: counter } = await connect(t, { token: device.token, role: 'counter' });
    ok(await send(counter, 'staff:login', { username: 'clerk1', pin: '1234' }));
    const gone = new Promise<number>((resolve) =>
      counter.once('disconnect', () => resolve(Date.now())),
    );
    const revokedAt = Date.now();
    const revoked = ok(
      await send(manager, 'device:revoke', { deviceId: device.deviceId, version: 1 }),
    );
    expect(revoked.revokedAt).not.toBeNull();
    expect((await gone) - revokedAt).toBeLessThan(1000);
    await expect(connect(t, { token: device.token, role: 'counter' })).rejects.toMatchObject({
      data: { code: 'unauthorized', reason: 'device-revoked' },
    });
    const audit = t.db
      .prepare("SELECT action FROM config_audit WHERE entity = 'device' ORDER BY id")
      .all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'delete' }]);
  });

  it('lets only a manager make codes, rename and revoke; a supervisor may look', async () => {
    t = await startHub();
    const { client: supervisor } = await connect(t, { role: 'console' });
    ok(await send(supervisor, 'staff:login', { username: 'supervisor', pin: '5555' }));
    expect(ok(await send(supervisor, 'device:list', {}))).toEqual([]);
    expect(await send(supervisor, 'device:pair-code', { role: 'kiosk', name: 'K' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'manager-only' },
    });
  });

  it('will not let a console remove itself', async () => {
    t = await startHub({ demo: false });
    const own = addDevice(t.db, systemClock, 'console', 'Manager laptop');
    const { client } = await connect(t, { token: own.token, role: 'console' });
    ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
    const before = hashAllTables(t.db);
    expect(await send(client, 'device:revoke', { deviceId: own.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'in-use' },
    });
    expect(hashAllTables(t.db)).toBe(before);
    expect(client.connected).toBe(true);
  });
});
