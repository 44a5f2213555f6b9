/**
 * A hub whose disk runs low warns the console, on every screen, in the
 * console's language, long before a full disk stops every save; the
 * warning goes once space is freed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { connect, ok, send, startHub, type TestHub } from '../harness.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import type { StatFs } from '../../hub/src/db/disk-space.js';

const MB = 1_000_000;

describe('console: the hub’s disk runs low, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;
  let m: ConsolePage;
  const free = { bytes: 640 * MB };
  const statfs: StatFs = async () => ({
    bsize: 4096,
    bavail: Math.floor(free.bytes / 4096),
    blocks: (32_000 * MB) / 4096,
  });

  beforeAll(async () => {
    requireBuiltApp('console');
    hub = await startHub({ webRoot: WEB_ROOT, demo: false, disk: { statfs } });
    browser = await launchChromium();
    const own = addDevice(hub.db, systemClock, 'console', 'Supervisor laptop');
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    m = new ConsolePage(await context.newPage(), 'lo');
    await m.page.goto(`${hub.url}/console/?token=${own.token}`);
    await m.waitReady('login');
    await m.logIn('supervisor', '5555');
    await m.waitReady('app');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
  });

  it('says how much is left on every screen, in Lao and English', async () => {
    const warning = m.page.getByTestId('disk-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toBe(m.text('console.disk.low', { free: '640 MB' }));
    await m.openSection('devices');
    expect(await warning.isVisible()).toBe(true);
    await m.switchLang('en');
    expect(await warning.textContent()).toBe(m.text('console.disk.low', { free: '640 MB' }));
    await m.shotBoth('disk-low');
  });

  it('is what the hub reports, to staff only, and goes once space is freed', async () => {
    const desk = addDevice(hub.db, systemClock, 'console', 'Manager desk');
    const till = addDevice(hub.db, systemClock, 'kiosk', 'Kiosk 1');
    const { client: console } = await connect(hub, { token: desk.token });
    const { client: kiosk } = await connect(hub, { token: till.token });
    expect(await send(console, 'hub:disk-space', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'login-required' },
    });
    expect(await send(kiosk, 'hub:disk-space', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    ok(await send(console, 'staff:login', { username: 'supervisor', pin: '5555' }));
    expect(ok(await send(console, 'hub:disk-space', {}))).toMatchObject({
      low: true,
      freeBytes: expect.any(Number),
    });

    free.bytes = 4_000 * MB;
    await m.page.reload();
    await m.waitReady('app');
    // Read at once on return, so the warning does not wait for the next minute's question.
    await expect.poll(() => m.page.getByTestId('disk-warning').count()).toBe(0);
    const health = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as {
      disk: { low: boolean } | null;
    };
    expect(health.disk?.low).toBe(false);
  });
});
