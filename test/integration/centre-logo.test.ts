/**
 * The centre's logo, against a real hub: a manager's upload is checked by
 * its bytes (PNG or JPEG only; SVG, oversize, absurd sizes, damaged files
 * refused at `centre.logo`, the database left byte for byte as it was), is
 * one audited change on the centre's version with one config-changed, and
 * is served back as exactly that picture with headers that keep it a
 * picture. A ticket then prints it as a raster at its top.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  centreInput,
  connect,
  hashAllTables,
  issue,
  ok,
  recordEvents,
  send,
  startHub,
  type TestHub,
} from '../harness.js';
import {
  changeLogo,
  emblemJpeg,
  emblemPng,
  GIF,
  HTML_NAMED_PNG,
  hugeHeaderPng,
  stripPng,
  SVG_WITH_SCRIPT,
  tooLargePng,
  truncatedPng,
} from '../logo-fixtures.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import {
  addPrinter,
  FAST_SPOOL,
  rastersOf,
  readQr,
  savePng,
} from '../fake-printer/hub-printers.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { loadConfig } from '../../hub/src/config/config.js';
import {
  logoBitmap,
  LOGO_MAX_HEIGHT_DOTS,
  LOGO_MAX_RASTER_BYTES,
} from '../../hub/src/print/logo-raster.js';
import { LOGO_PATH, type AckError, type CentreConfig } from '../../shared/protocol.js';

let t: TestHub | undefined;
let printer: FakePrinter | undefined;
afterEach(async () => {
  await t?.close();
  await printer?.close();
  t = printer = undefined;
});

async function loggedIn(hub: TestHub, username = 'manager', pin = '9999', token?: string) {
  const { client } = await connect(hub, token ? { token } : { role: 'console' });
  const { sessionToken } = ok(await send(client, 'staff:login', { username, pin }));
  return { client, session: sessionToken };
}

const centreVersion = (hub: TestHub) =>
  (hub.db.prepare('SELECT version FROM centre').get() as { version: number }).version;

async function refusal(res: Response): Promise<AckError & { status: number }> {
  const body = (await res.json()) as { error: AckError };
  return { ...body.error, status: res.status };
}

describe('the centre logo', () => {
  it('takes a PNG, audits it, tells every app, and serves it back as that very picture', async () => {
    t = await startHub();
    const { client: manager, session } = await loggedIn(t);
    const { client: display } = await connect(t, { role: 'display' });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const displayEvents = recordEvents(display);
    const kioskEvents = recordEvents(kiosk);
    const png = emblemPng();

    const res = await changeLogo(t.url, { body: png, version: 1, session });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as CentreConfig;
    expect(saved.version).toBe(2);
    expect(saved.logo).toMatchObject({ type: 'image/png', width: 240, height: 240 });
    expect(saved.logo?.bytes).toBe(png.length);
    expect(saved.logo?.url).toMatch(new RegExp(`^${LOGO_PATH}\\?v=[0-9a-f]{16}$`));

    for (const events of [displayEvents, kioskEvents]) {
      const changed = await events.waitFor((e) => e.type === 'config-changed');
      expect(changed.centre?.logo).toEqual(saved.logo);
    }
    const { snapshot } = await connect(t, {});
    expect(snapshot.centre.logo).toEqual(saved.logo);

    const served = await fetch(`${t.url}${saved.logo?.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const again = await fetch(`${t.url}${LOGO_PATH}`, {
      headers: { 'if-none-match': served.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);

    const audit = ok(await send(manager, 'config:audit', { entity: 'centre' }));
    expect(audit[0]).toMatchObject({
      entity: 'centre',
      action: 'update',
      staffName: expect.any(String),
    });
    expect((audit[0]?.before as CentreConfig).logo).toBeNull();
    expect((audit[0]?.after as CentreConfig).logo).toEqual(saved.logo);
    // The audit names the picture; it does not copy it.
    expect(JSON.stringify(audit[0]).length).toBeLessThan(4_000);

    // A JPEG replaces it, served as a JPEG.
    const jpeg = emblemJpeg();
    const replaced = (await (
      await changeLogo(t.url, { body: jpeg, version: 2, session })
    ).json()) as CentreConfig;
    expect(replaced.logo?.type).toBe('image/jpeg');
    const servedJpeg = await fetch(`${t.url}${LOGO_PATH}`);
    expect(servedJpeg.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await servedJpeg.arrayBuffer()).equals(jpeg)).toBe(true);

    // Removed: none served, every app told.
    displayEvents.events.length = 0;
    const removed = await changeLogo(t.url, { version: 3, session });
    expect(((await removed.json()) as CentreConfig).logo).toBeNull();
    const cleared = await displayEvents.waitFor((e) => e.type === 'config-changed');
    expect(cleared.centre?.logo).toBeNull();
    expect((await fetch(`${t.url}${LOGO_PATH}`)).status).toBe(404);
    expect(t.db.prepare('SELECT logo FROM centre').get()).toEqual({ logo: null });
  });

  it('refuses what is not a PNG or JPEG of a sensible size at centre.logo, changing nothing', async () => {
    t = await startHub();
    const { session } = await loggedIn(t);
    const { client: display } = await connect(t, { role: 'display' });
    const events = recordEvents(display);
    const before = hashAllTables(t.db);
    const cases: [Buffer, string][] = [
      [SVG_WITH_SCRIPT, 'logo-svg'],
      [tooLargePng(), 'logo-too-large'],
      [hugeHeaderPng(), 'logo-dimensions'],
      [stripPng(), 'logo-dimensions'],
      [GIF, 'logo-not-image'],
      [HTML_NAMED_PNG, 'logo-not-image'],
      [truncatedPng(), 'logo-damaged'],
    ];
    for (const [body, issue] of cases) {
      const error = await refusal(await changeLogo(t.url, { body, version: 1, session }));
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid-request',
        fields: [{ path: 'centre.logo', issue }],
      });
    }
    expect(hashAllTables(t.db)).toBe(before);
    await new Promise((r) => setTimeout(r, 100));
    expect(events.events.filter((e) => e.type === 'config-changed')).toEqual([]);
  });

  it('refuses a stale version, a supervisor, and no login, changing nothing', async () => {
    t = await startHub();
    const { session } = await loggedIn(t);
    const supervisor = await loggedIn(t, 'supervisor', '5555');
    const other = await loggedIn(t);
    ok(await send(other.client, 'config:centre-save', { centre: centreInput(), version: 1 }));
    const before = hashAllTables(t.db);
    const png = emblemPng();
    const version = centreVersion(t);

    // Another manager saved the centre meanwhile: the upload made on version 1 is refused.
    expect(
      await refusal(await changeLogo(t.url, { body: png, version: version - 1, session })),
    ).toMatchObject({
      status: 409,
      reason: 'stale-version',
    });
    expect(
      await refusal(await changeLogo(t.url, { body: png, version, session: supervisor.session })),
    ).toMatchObject({ status: 403, reason: 'manager-only' });
    expect(await refusal(await changeLogo(t.url, { body: png, version }))).toMatchObject({
      status: 401,
      reason: 'login-required',
    });
    expect(
      await refusal(await changeLogo(t.url, { body: png, version: 'two', session })),
    ).toMatchObject({
      status: 400,
      fields: [{ path: 'version' }],
    });
    expect(hashAllTables(t.db)).toBe(before);
  });

  it('on a real hub, takes a change only from a paired console', async () => {
    t = await startHub({ demo: false });
    const consoleDevice = addDevice(t.db, systemClock, 'console', 'Manager laptop');
    const kioskDevice = addDevice(t.db, systemClock, 'kiosk', 'Kiosk 1');
    const { session } = await loggedIn(t, 'manager', '9999', consoleDevice.token);
    const before = hashAllTables(t.db);
    const png = emblemPng();
    expect(
      await refusal(await changeLogo(t.url, { body: png, version: 1, session })),
    ).toMatchObject({
      status: 401,
      reason: 'pairing-required',
    });
    expect(
      await refusal(
        await changeLogo(t.url, { body: png, version: 1, session, device: kioskDevice.token }),
      ),
    ).toMatchObject({ status: 403 });
    expect(hashAllTables(t.db)).toBe(before);
    const res = await changeLogo(t.url, {
      body: png,
      version: 1,
      session,
      device: consoleDevice.token,
    });
    expect(res.status).toBe(200);
  });
});

describe('a ticket with the centre logo', () => {
  for (const paperDots of [576, 384] as const) {
    it(`prints the logo as a raster at the top, within the ticket's budget (${paperDots} dots)`, async () => {
      printer = await startFakePrinter({ paperDots });
      t = await startHub({ printing: { timing: FAST_SPOOL } });
      const { session } = await loggedIn(t);
      expect((await changeLogo(t.url, { body: emblemPng(), version: 1, session })).status).toBe(
        200,
      );
      addPrinter(t.hub, { uri: printer.tcpUri, paperDots });
      const { client: kiosk } = await connect(t, { role: 'kiosk' });
      const ticket = await issue(kiosk, 'family-book-entry', { lang: 'en' });
      const [printed] = await printer.waitForTickets(1);
      if (!printed) throw new Error('no ticket printed');
      savePng(printed, `ticket-logo-${paperDots === 576 ? '80mm' : '58mm'}`);

      const logo = loadConfig(t.db).logo;
      const expected = logo ? logoBitmap(logo, paperDots) : null;
      if (!expected) throw new Error('the logo draws nothing');
      expect(expected.height).toBeLessThanOrEqual(LOGO_MAX_HEIGHT_DOTS);
      expect(expected.rowBytes * expected.height).toBeLessThanOrEqual(LOGO_MAX_RASTER_BYTES);
      // The first thing on the paper is that raster, byte for byte.
      const first = printed.items.find((i) => i.kind !== 'text' || i.text !== '');
      expect(first).toEqual({
        kind: 'raster',
        rowBytes: expected.rowBytes,
        height: expected.height,
        align: 'center',
      });
      const header = Buffer.from([0x1d, 0x76, 0x30, 0, expected.rowBytes, 0, expected.height, 0]);
      const at = printed.bytes.indexOf(header);
      expect(at).toBeGreaterThan(0);
      expect(
        printed.bytes
          .subarray(at + 8, at + 8 + expected.data.length)
          .equals(Buffer.from(expected.data)),
      ).toBe(true);
      expect(rastersOf(printed)[0]?.rowBytes).toBe(expected.rowBytes);
      // Dithered: the red field is neither all ink nor all paper.
      const ink = [...expected.data].reduce((n, b) => n + popcount(b), 0);
      const dots = expected.rowBytes * 8 * expected.height;
      expect(ink / dots).toBeGreaterThan(0.25);
      expect(ink / dots).toBeLessThan(0.85);
      expect(readQr(printed.png)).toBe(`${t.url}/t/${ticket.code}`);
      expect(printed.bytes.length).toBeLessThanOrEqual(12 * 1024);
      expect(printer.decoders.flatMap((d) => d.unknown)).toEqual([]);
    });
  }
});

function popcount(b: number): number {
  let n = 0;
  for (let x = b; x; x >>= 1) n += x & 1;
  return n;
}
