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
    await page.getByTestId('refused').getByText(t('en', 'reason.device-revoked')).waitFor();
    expect(Date.now() - revokedAt).toBeLessThan(1_500);
    await expect
      .poll(() => page.getByTestId('refused').textContent())
      .toContain(t('lo', 'reason.device-revoked'));
    await page.screenshot({ path: join(SHOTS, 'pair-revoked-kiosk.png') });
    await page.close();
  });

  it("says in words when a page has no token, or another app's, instead of loading for ever", async () => {
    const bare = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await bare.goto(`${hub.url}/kiosk/`);
    await bare.getByTestId('refused').getByText(t('en', 'reason.pairing-required')).waitFor();
    await bare.screenshot({ path: join(SHOTS, 'kiosk-not-paired.png') });
    await bare.getByRole('link', { name: new RegExp(t('en', 'refused.pair')) }).click();
    await bare.getByRole('heading', { name: t('lo', 'pair.title') }).waitFor();
    await bare.close();

    const { code } = ok(
      await send(manager, 'device:pair-code', { role: 'display', name: 'Hall TV' }),
    );
    const res = await fetch(`${hub.url}/api/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const { token } = (await res.json()) as { token: string };
    const wrong = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wrong.goto(`${hub.url}/kiosk/?token=${token}`);
    const words = t('en', 'reason.wrong-app', { role: t('en', 'role.display') });
    await wrong.getByTestId('refused').getByText(words).waitFor();
    await wrong.screenshot({ path: join(SHOTS, 'kiosk-wrong-app.png') });
    await wrong.getByRole('link', { name: new RegExp(t('en', 'refused.openOwn')) }).click();
    await wrong.waitForURL(/\/display\/$/);
    await wrong.locator('.hall[data-ready="true"]').waitFor();
    await wrong.close();
  });
});
