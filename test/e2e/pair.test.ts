/**
 * Pairing a kiosk by code in Chromium, on a hub without --demo: the page at
 * /pair takes the six digits, opens the kiosk with its new token, and the
 * kiosk works; a wrong code says so; a revoked kiosk is turned away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, ok, send, startHub, type Client, type TestHub } from '../harness.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { t } from '../../shared/i18n/index.js';
import type { Lang } from '../../shared/protocol.js';

describe('pairing a device at /pair, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let manager: Client;

  beforeAll(async () => {
    requireBuiltApp('pair');
    requireBuiltApp('kiosk');
    hub = await startHub({ webRoot: WEB_ROOT, demo: false });
    // The manager's own console is a paired device too.
    const consoleDevice = addDevice(hub.db, systemClock, 'console', 'Manager laptop');
    manager = (await connect(hub, { token: consoleDevice.token, role: 'console' })).client;
    ok(await send(manager, 'staff:login', { username: 'manager', pin: '9999' }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function pairPage(lang: Lang): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/pair`);
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: t(lang, 'pair.title') }).waitFor();
    return page;
  }

  it('says a wrong code is wrong, in the language chosen', async () => {
    for (const lang of ['lo', 'en'] as const) {
      const page = await pairPage(lang);
      await page.getByLabel(t(lang, 'pair.code')).fill('000000');
      await page.getByRole('button', { name: t(lang, 'pair.submit') }).click();
      await expect
        .poll(() => page.getByTestId('pair-refused').textContent())
        .toBe(t(lang, 'reason.pair-code'));
      await page.screenshot({ path: join(SHOTS, `pair-wrong-code-${lang}.png`) });
      await page.close();
    }
  });

  it('opens the kiosk with its token, which then works; revoked, the kiosk is turned away', async () => {
    const { code } = ok(
      await send(manager, 'device:pair-code', { role: 'kiosk', name: 'Kiosk by the door' }),
    );
    const page = await pairPage('lo');
    await page.getByLabel(t('lo', 'pair.code')).fill(code);
    await page.screenshot({ path: join(SHOTS, 'pair-code-lo.png') });
    await page.getByRole('button', { name: t('lo', 'pair.submit') }).click();
    await page.getByTestId('pair-done').waitFor();
    await page.waitForURL(/\/kiosk\/$/, { timeout: 10_000 }); // the token leaves the address bar
    await page.getByText(t('lo', 'kiosk.welcome')).waitFor();
    const device = ok(await send(manager, 'device:list', {})).find((d) => d.role === 'kiosk');
    expect(device).toMatchObject({ role: 'kiosk', name: 'Kiosk by the door', connected: true });

    const revokedAt = Date.now();
    ok(
      await send(manager, 'device:revoke', {
        deviceId: device?.id ?? 0,
        version: device?.version ?? 0,
      }),
    );
    await page.getByTestId('offline-banner').waitFor({ timeout: 5_000 });
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    await page.screenshot({ path: join(SHOTS, 'pair-revoked-kiosk-lo.png') });
    await page.close();
  });
});
