/**
 * The console's "Hall and voice" screen, against a real hub: notices with
 * dates (only those in force reach the hall and the kiosk), the services a
 * hall display shows, and the Lao voice clips a manager records, stored in
 * SQLite and served to the displays over HTTP. Every refusal leaves the
 * database byte-identical.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, systemClock } from '../../hub/src/clock.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import {
  connect,
  hashAllTables,
  ok,
  recordEvents,
  send,
  sendRaw,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { MAX_CLIP_BYTES } from '../../shared/voice/audio-format.js';
import type { Ack, NoticeInput } from '../../shared/protocol.js';

let t: TestHub;
beforeEach(async () => {
  t = await startHub();
});
afterEach(() => t.close());

async function loggedIn(username: string, pin: string) {
  const { client, snapshot } = await connect(t, { role: 'console' });
  const { sessionToken } = ok(await send(client, 'staff:login', { username, pin }));
  return { client, snapshot, sessionToken };
}
const refusal = (ack: Ack<unknown>) => (ack.ok ? null : ack.error);

/** The service day after `day`, as `YYYY-MM-DD`. */
const dayAfter = (day: string, days = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('notices', () => {
  it('reach the hall and the kiosk only on the days they are up, with markup as plain text', async () => {
    const manager = await loggedIn('manager', '9999');
    const day = manager.snapshot.day;
    const { client: display } = await connect(t, { role: 'display' });
    const hall = recordEvents(display);
    const before = ok(await send(manager.client, 'config:get', {})).notices;
    expect(before.length).toBeGreaterThan(0); // the demo's four, moved out of the settings

    const today: NoticeInput = {
      text: { lo: 'ມື້ນີ້ ປິດບໍລິການ <b>ທີ່ດິນ</b>', en: 'Land services are closed <b>today</b>' },
      startsOn: day,
      endsOn: day,
    };
    const later: NoticeInput = {
      text: { lo: 'ອາທິດໜ້າ', en: 'Next week' },
      startsOn: dayAfter(day, 7),
      endsOn: null,
    };
    ok(await send(manager.client, 'config:notice-save', { notice: today, version: null }));
    const all = ok(
      await send(manager.client, 'config:notice-save', { notice: later, version: null }),
    );
    expect(all.slice(-2).map((n) => n.text.en)).toEqual([today.text.en, later.text.en]);

    const changed = await hall.waitFor(
      (e) => e.type === 'config-changed' && e.centre?.notices.length === before.length + 1,
    );
    expect(changed.centre?.notices.at(-1)).toEqual(today.text); // stored and sent as typed
    expect(changed.centre?.notices.map((n) => n.en)).not.toContain('Next week');
    const { snapshot: kiosk } = await connect(t, { role: 'kiosk' });
    expect(kiosk.centre.notices.at(-1)).toEqual(today.text);

    const audit = ok(await send(manager.client, 'config:audit', { entity: 'notice' }));
    expect(audit[0]).toMatchObject({ action: 'create', staffName: 'Khamla Sayavong' });
  });

  it('brings a notice up when its first day comes, with the rollover at midnight', async () => {
    await t.close();
    const clock = manualClock(Date.parse('2025-03-14T23:59:30+07:00'));
    t = await startHub({ clock });
    const manager = await loggedIn('manager', '9999');
    const notice = {
      text: { lo: 'ມື້ອື່ນ', en: 'From tomorrow' },
      startsOn: '2025-03-15',
      endsOn: '2025-03-15',
    };
    ok(await send(manager.client, 'config:notice-save', { notice, version: null }));
    const { client: display, snapshot } = await connect(t, { role: 'display' });
    expect(snapshot.centre.notices.map((n) => n.en)).not.toContain('From tomorrow');
    const hall = recordEvents(display);
    clock.advance(60_000);
    t.hub.rolloverIfDue();
    const rolled = await hall.waitFor((e) => e.type === 'day-rolled');
    expect(rolled.centre?.notices.at(-1)).toEqual(notice.text);
  });

  it('refuses a notice too long, a 10 MB one, bad dates and a stale edit, and changes nothing', async () => {
    const manager = await loggedIn('manager', '9999');
    const [first] = ok(await send(manager.client, 'config:get', {})).notices;
    if (!first) throw new Error('the demo centre has notices');
    const hash = hashAllTables(t.db);

    const long = await sendRaw(manager.client, 'config:notice-save', {
      notice: { text: { lo: 'ກ'.repeat(301), en: 'x' }, startsOn: null, endsOn: null },
      version: null,
    });
    expect(refusal(long)).toMatchObject({
      code: 'invalid-request',
      fields: [{ path: 'notice.text.lo', issue: 'too_big' }],
    });
    const backwards = await sendRaw(manager.client, 'config:notice-save', {
      notice: { text: { lo: 'ກ', en: 'x' }, startsOn: '2026-12-05', endsOn: '2026-12-01' },
      version: null,
    });
    expect(refusal(backwards)).toMatchObject({
      fields: [{ path: 'notice.endsOn', issue: 'notice-ends-before-start' }],
    });
    const { id, version, ...rest } = first;
    ok(
      await send(manager.client, 'config:notice-save', {
        notice: { ...rest, id, text: { ...rest.text, en: 'Changed once' } },
        version,
      }),
    );
    const { client: other } = await loggedIn('manager', '9999');
    const changedHash = hashAllTables(t.db);
    const stale = await send(manager.client, 'config:notice-save', {
      notice: { ...rest, id, text: { ...rest.text, en: 'Changed on an old version' } },
      version,
    });
    expect(refusal(stale)).toMatchObject({
      code: 'conflict',
      reason: 'stale-version',
      params: { by: 'Khamla Sayavong' },
    });
    expect(
      refusal(await send(manager.client, 'config:notice-delete', { id, version })),
    ).toMatchObject({ reason: 'stale-version' });
    expect(hashAllTables(t.db)).toBe(changedHash);
    expect(hash).not.toBe(changedHash);

    // Far past what a socket message may carry: the hub drops the connection, saves nothing.
    const gone = new Promise<string>((resolve) => other.once('disconnect', resolve));
    other.emit(
      'config:notice-save',
      {
        notice: {
          text: { lo: 'ກ'.repeat(10 * 1024 * 1024), en: 'x' },
          startsOn: null,
          endsOn: null,
        },
        version: null,
      } as never,
      () => {},
    );
    expect(await gone).toMatch(/transport (close|error)/);
    expect(hashAllTables(t.db)).toBe(changedHash);
    expect(ok(await send(manager.client, 'config:get', {})).notices[0]?.text.en).toBe(
      'Changed once',
    );
  });

  it("may be posted by a supervisor, who still may not choose a display's services", async () => {
    const supervisor = await loggedIn('supervisor', '5555');
    const saved = ok(
      await send(supervisor.client, 'config:notice-save', {
        notice: { text: { lo: 'ລະບົບຊ້າ', en: 'The system is slow' }, startsOn: null, endsOn: null },
        version: null,
      }),
    );
    const mine = saved.at(-1);
    expect(mine?.text.en).toBe('The system is slow');
    ok(await send(supervisor.client, 'config:notice-delete', { id: mine?.id ?? 0, version: 1 }));
    const display = addDevice(t.db, systemClock, 'display', 'Hall TV');
    const hash = hashAllTables(t.db);
    expect(
      refusal(
        await send(supervisor.client, 'device:display-services', {
          deviceId: display.id,
          serviceIds: ['birth-certificate'],
          version: 1,
        }),
      ),
    ).toMatchObject({ code: 'forbidden', reason: 'manager-only' });
    expect(hashAllTables(t.db)).toBe(hash);
  });
});

describe("a display's services", () => {
  it('are chosen by a manager and reach that display, which finds them by its own id', async () => {
    const manager = await loggedIn('manager', '9999');
    const tv = addDevice(t.db, systemClock, 'display', 'Hall TV, land office');
    const { client: display, snapshot } = await connect(t, { token: tv.token });
    expect(snapshot.deviceId).toBe(tv.id);
    expect(snapshot.centre.displays).toEqual([]);
    const hall = recordEvents(display);

    const view = ok(
      await send(manager.client, 'device:display-services', {
        deviceId: tv.id,
        serviceIds: ['national-id-card', 'birth-certificate'],
        version: 1,
      }),
    );
    expect([...view.serviceIds].sort()).toEqual(['birth-certificate', 'national-id-card']);
    const changed = await hall.waitFor((e) => e.type === 'config-changed');
    expect(changed.centre?.displays).toEqual([{ deviceId: tv.id, serviceIds: view.serviceIds }]);

    // None chosen: every service again.
    ok(
      await send(manager.client, 'device:display-services', {
        deviceId: tv.id,
        serviceIds: [],
        version: view.version,
      }),
    );
    const { snapshot: again } = await connect(t, { token: tv.token });
    expect(again.centre.displays).toEqual([]);
  });

  it('refuses a service that does not exist, a kiosk, and a stale version, changing nothing', async () => {
    const manager = await loggedIn('manager', '9999');
    const tv = addDevice(t.db, systemClock, 'display', 'Hall TV');
    const kiosk = addDevice(t.db, systemClock, 'kiosk', 'Kiosk 1');
    const hash = hashAllTables(t.db);
    const ask = (deviceId: number, serviceIds: string[], version = 1) =>
      send(manager.client, 'device:display-services', { deviceId, serviceIds, version });
    expect(refusal(await ask(tv.id, ['birth-certificate', 'no-such-service']))).toMatchObject({
      code: 'invalid-request',
      fields: [{ path: 'serviceIds.1', issue: 'not-found' }],
    });
    expect(refusal(await ask(tv.id, ['birth-certificate', 'birth-certificate']))).toMatchObject({
      fields: [{ path: 'serviceIds.1', issue: 'duplicate' }],
    });
    expect(refusal(await ask(kiosk.id, ['birth-certificate']))).toMatchObject({
      fields: [{ path: 'deviceId', issue: 'not-a-display' }],
    });
    expect(refusal(await ask(tv.id, ['birth-certificate'], 2))).toMatchObject({
      reason: 'stale-version',
    });
    expect(hashAllTables(t.db)).toBe(hash);
  });
});

/** Bytes that open like a WebM file (EBML), as MediaRecorder's audio/webm does. */
const webm = (size = 2000, fill = 7) => {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  return bytes;
};

function putClip(path: string, body: Uint8Array | string, token?: string, version?: number) {
  return fetch(`${t.url}/api/v1/voice/${path}${version ? `?version=${version}` : ''}`, {
    method: 'PUT',
    headers: {
      'content-type': 'audio/webm',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
}

describe('recorded voice clips', () => {
  let manager: { client: Client; sessionToken: string };
  beforeEach(async () => {
    manager = await loggedIn('manager', '9999');
  });

  it('are stored by a manager, announced in config-changed and served with their type', async () => {
    const { client: display } = await connect(t, { role: 'display' });
    const hall = recordEvents(display);
    const res = await putClip('lo/digit-3', webm(), manager.sessionToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      lang: 'lo',
      clipId: 'digit-3',
      mime: 'audio/webm',
      sizeBytes: 2000,
      recordedBy: 'Khamla Sayavong',
      version: 1,
    });
    const changed = await hall.waitFor((e) => e.type === 'config-changed');
    expect(changed.centre?.voiceClips).toEqual([{ lang: 'lo', clipId: 'digit-3', version: 1 }]);

    const audio = await fetch(`${t.url}/api/v1/voice/lo/digit-3?v=1`);
    expect(audio.headers.get('content-type')).toBe('audio/webm');
    expect(audio.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await audio.arrayBuffer())).toEqual(webm());

    // Re-recorded on its version: the new sound, a new version, an audit row each time.
    const again = await putClip('lo/digit-3', webm(3000, 9), manager.sessionToken, 1);
    expect(await again.json()).toMatchObject({ version: 2, sizeBytes: 3000 });
    const newer = await fetch(`${t.url}/api/v1/voice/lo/digit-3?v=2`);
    expect((await newer.arrayBuffer()).byteLength).toBe(3000);
    const audit = ok(await send(manager.client, 'config:audit', { entity: 'voice-clip' }));
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(JSON.stringify(audit)).toMatch(/"sha256":"[0-9a-f]{64}"/);
    expect(ok(await send(manager.client, 'config:get', {})).voiceClips).toHaveLength(1);
    expect((await fetch(`${t.url}/api/v1/voice/lo/digit-4`)).status).toBe(404);
  });

  it('refuses what is not audio, too large, not in the pack, stale or not a manager, changing nothing', async () => {
    ok(
      await (
        await putClip('lo/ticket', webm(), manager.sessionToken)
      )
        .json()
        .then((j) => ({ ok: true, data: j }) as const),
    );
    const supervisor = await loggedIn('supervisor', '5555');
    const hash = hashAllTables(t.db);
    const answer = async (res: Promise<Response>) => {
      const r = await res;
      return { status: r.status, error: ((await r.json()) as { error: unknown }).error };
    };
    expect(
      await answer(
        putClip('lo/digit-1', '<html><script>x</script></html>'.repeat(10), manager.sessionToken),
      ),
    ).toMatchObject({
      status: 400,
      error: { code: 'invalid-request', reason: 'clip-not-audio', fields: [{ path: 'clip' }] },
    });
    expect(
      await answer(putClip('lo/digit-1', webm(MAX_CLIP_BYTES + 1), manager.sessionToken)),
    ).toMatchObject({
      status: 400,
      error: { reason: 'clip-too-large' },
    });
    expect(await answer(putClip('lo/digit-1', webm(10), manager.sessionToken))).toMatchObject({
      error: { reason: 'clip-too-small' },
    });
    expect(await answer(putClip('lo/letter-Ä', webm(), manager.sessionToken))).toMatchObject({
      status: 404,
    });
    expect(await answer(putClip('lo/no-such-clip', webm(), manager.sessionToken))).toMatchObject({
      status: 404,
    });
    expect(await answer(putClip('th/digit-1', webm(), manager.sessionToken))).toMatchObject({
      status: 404,
    });
    expect(await answer(putClip('lo/ticket', webm(), manager.sessionToken))).toMatchObject({
      status: 409,
      error: { reason: 'stale-version', params: { by: 'Khamla Sayavong' } },
    });
    expect(await answer(putClip('lo/digit-1', webm()))).toMatchObject({
      status: 401,
      error: { reason: 'login-required' },
    });
    expect(await answer(putClip('lo/digit-1', webm(), 'A'.repeat(43)))).toMatchObject({
      status: 401,
    });
    expect(await answer(putClip('lo/digit-1', webm(), supervisor.sessionToken))).toMatchObject({
      status: 403,
      error: { reason: 'manager-only' },
    });
    expect(hashAllTables(t.db)).toBe(hash);
    // A session ended by logging out no longer records anything.
    ok(await send(manager.client, 'staff:logout', {}));
    expect(await answer(putClip('lo/digit-1', webm(), manager.sessionToken))).toMatchObject({
      status: 401,
    });
    expect(
      t.db.prepare("SELECT count(*) AS n FROM voice_clips WHERE clip_id = 'digit-1'").get(),
    ).toEqual({ n: 0 });
  });
});
