import { afterEach, describe, expect, it } from 'vitest';
import {
  centreInput,
  connect,
  hashAllTables,
  ok,
  send,
  startInSetup,
  type SetupHub,
  type TestHub,
} from '../harness.js';
import { MAX_WRONG_CODES } from '../../hub/src/setup/setup.js';

// DESIGN.md "Staff roles and the console": a hub started without --demo on an empty data
// directory is in setup; a one-time code on its own terminal lets the wizard create the
// centre and its first manager, once; then the same process serves as a hub.

const manager = { username: 'khamla', name: 'Khamla Sayavong', pin: '246813' };
const body = (code: string, patch: Record<string, unknown> = {}) => ({
  code,
  centre: centreInput(),
  manager,
  ...patch,
});

async function post(url: string, payload: unknown) {
  const res = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const needed = async (url: string) =>
  ((await (await fetch(`${url}/api/v1/setup`)).json()) as { needed: boolean }).needed;

describe('setting up a real centre', () => {
  let s: SetupHub;
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('refuses wrong codes and bad input without changing anything, then sets up once', async () => {
    s = await startInSetup({ triesPerMinute: 10 });
    expect(s.addresses).toHaveLength(1);
    expect(s.addresses[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/console\/setup\?code=\d{6}$/);
    expect(await needed(s.url)).toBe(true);
    const before = hashAllTables(s.db);

    const wrong = String((Number(s.code()) + 1) % 1_000_000).padStart(6, '0');
    expect(await post(s.url, body(wrong))).toEqual({
      status: 403,
      body: { error: expect.objectContaining({ code: 'forbidden', reason: 'setup-code' }) },
    });
    const bad = await post(s.url, body(s.code(), { manager: { ...manager, pin: '12' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'invalid-request',
      fields: [{ path: 'manager.pin', issue: 'invalid_format' }],
    });
    const badZone = await post(
      s.url,
      body(s.code(), { centre: { ...centreInput(), timeZone: 'Mars/Olympus' } }),
    );
    expect(badZone.body.error).toMatchObject({
      fields: [{ path: 'centre.timeZone', issue: 'invalid-time-zone' }],
    });
    expect((await post(s.url, '{not json')).status).toBe(400);
    expect((await post(s.url, 'x'.repeat(20_000))).status).toBe(400);
    expect(hashAllTables(s.db)).toBe(before);

    const setUp = await post(s.url, body(s.code()));
    expect(setUp).toMatchObject({ status: 201, body: { ok: true } });
    // The wizard's browser becomes the manager's first console: its token, once.
    const { consoleToken } = setUp.body as { consoleToken: string };
    expect(consoleToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    t = await s.hub;
    expect(new URL(t.url).origin).toBe(s.url); // the same port, without a restart
    expect(await needed(t.url)).toBe(false);

    const audit = t.db.prepare('SELECT entity, action, after FROM config_audit').all() as {
      after: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'centre', action: 'setup' });
    expect(audit[0]?.after).not.toContain(manager.pin);

    const done = hashAllTables(t.db);
    const again = await post(t.url, body(s.code(), { manager: { ...manager, username: 'other' } }));
    expect(again).toMatchObject({ status: 409, body: { error: { reason: 'setup-done' } } });
    expect(hashAllTables(t.db)).toBe(done);

    // The hub now serves the centre: the wizard's console logs its new manager in, on a hub
    // where no role can be claimed without a token.
    const { client, snapshot } = await connect(t, { token: consoleToken, role: 'console' });
    expect(snapshot.centre.name.en).toBe(centreInput().name.en);
    const { staff } = ok(
      await send(client, 'staff:login', { username: manager.username, pin: manager.pin }),
    );
    expect(staff).toMatchObject({ username: 'khamla', role: 'manager', pinMustChange: false });
    const config = ok(await send(client, 'config:get', {}));
    expect(config.centre).toMatchObject({ ...centreInput(), version: 1 });
  });

  it('limits tries to a few a minute per address (the default, 5)', async () => {
    s = await startInSetup();
    const first = s.code();
    const wrong = String((Number(first) + 1) % 1_000_000).padStart(6, '0');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(s.url, body(wrong))).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429]);
    // Even the right code waits out the limit.
    expect((await post(s.url, body(first))).status).toBe(429);
    await s.abandon();
  });

  it(`makes a new code after ${MAX_WRONG_CODES} wrong ones, and the old one stops working`, async () => {
    s = await startInSetup({ triesPerMinute: 1000 });
    const first = s.code();
    const wrong = first === '000000' ? '000001' : '000000';
    for (let i = 0; i < MAX_WRONG_CODES; i++) await post(s.url, body(wrong));
    expect(s.addresses).toHaveLength(2);
    expect(s.code()).not.toBe(first);
    expect((await post(s.url, body(first))).status).toBe(403);
    expect((await post(s.url, body(s.code()))).status).toBe(201);
    t = await s.hub;
  });
});
