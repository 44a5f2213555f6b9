/**
 * The centre's logo in Chromium, on a hub without --demo: the manager
 * chooses a file on the Centre screen; an SVG (named logo.png, said to be
 * image/png) and a picture too large are refused next to the field with
 * the database unchanged; a PNG is previewed, saved, and appears on an open
 * kiosk's and an open hall display's header without either reloading; then
 * it is removed from both the same way.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { hashAllTables, startHub, type TestHub } from '../harness.js';
import { emblemPng, SVG_WITH_SCRIPT, tooLargePng } from '../logo-fixtures.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import type { DeviceRole } from '../../shared/protocol.js';

const LOGO_FIELD = 'centre.logo';

describe('console: the centre logo, in Chromium', { timeout: 60_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let manager: ConsolePage;
  let kiosk: Page;
  let hall: Page;
  const contexts: BrowserContext[] = [];

  async function pageFor(role: DeviceRole, app: string, viewport = { width: 1280, height: 800 }) {
    const device = addDevice(hub.db, systemClock, role, `${role} 1`);
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hub.url}/${app}/?token=${device.token}`);
    return page;
  }

  /** True once the page shows the logo, loaded (a broken image has no natural width). */
  const logoShown = (page: Page) =>
    page
      .getByTestId('centre-logo')
      .evaluate((img) => {
        const shown = img as unknown as { complete: boolean; naturalWidth: number };
        return shown.complete && shown.naturalWidth > 0;
      })
      .catch(() => false);

  beforeAll(async () => {
    requireBuiltApp('console');
    requireBuiltApp('kiosk');
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT, demo: false });
    browser = await launchChromium();
    kiosk = await pageFor('kiosk', 'kiosk');
    await kiosk.locator('.kiosk[data-ready="true"]').waitFor();
    hall = await pageFor('display', 'display', { width: 1920, height: 1080 });
    await hall.locator('.hall[data-ready="true"]').waitFor();
    // Marks that vanish if either page reloads.
    for (const p of [kiosk, hall]) await p.evaluate('window.__notReloaded = true');
    manager = new ConsolePage(
      await pageFor('console', 'console', { width: 1366, height: 768 }),
      'lo',
    );
    await manager.waitReady('login');
    await manager.logIn('manager', '9999');
    await manager.waitReady('app');
    await manager.page.getByTestId('section-centre').waitFor();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  it('shows no logo, and no broken picture, while the centre has none', async () => {
    expect(await kiosk.getByTestId('centre-logo').count()).toBe(0);
    expect(await hall.getByTestId('centre-logo').count()).toBe(0);
    expect(await manager.page.getByTestId('logo-preview').textContent()).toBe(
      manager.text('console.centre.logoNone'),
    );
  });

  it('refuses an SVG under a PNG name, and a picture too large, next to the field', async () => {
    const before = hashAllTables(hub.db);
    const input = manager.field(LOGO_FIELD);
    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: SVG_WITH_SCRIPT });
    await manager.button('console.save').click();
    await expect.poll(() => manager.fieldError(LOGO_FIELD)).toBe(manager.text('field.logo-svg'));
    expect(await manager.notice()).toContain(manager.text('console.notice.fixFields'));
    await manager.page.screenshot({ path: join(SHOTS, 'console-centre-logo-refused-lo.png') });

    await input.setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: tooLargePng() });
    await manager.button('console.save').click();
    await expect
      .poll(() => manager.fieldError(LOGO_FIELD))
      .toBe(manager.text('field.logo-too-large'));
    expect(hashAllTables(hub.db)).toBe(before);
    expect(await kiosk.getByTestId('centre-logo').count()).toBe(0);
  });

  it('previews a PNG, saves it, and shows it on the open kiosk and display without a reload', async () => {
    await manager.field(LOGO_FIELD).setInputFiles({
      name: 'odsc-seal.png',
      mimeType: 'image/png',
      buffer: emblemPng(),
    });
    const preview = manager.page.getByTestId('logo-preview').locator('img');
    await expect.poll(() => preview.getAttribute('src')).toMatch(/^blob:/);
    await manager.button('console.save').click();
    expect(await manager.notice()).toContain(manager.text('console.notice.saved'));
    await expect.poll(() => preview.getAttribute('src')).toMatch(/^\/api\/v1\/centre\/logo\?v=/);
    expect(await manager.fieldError(LOGO_FIELD)).toBeNull();

    await expect.poll(() => logoShown(kiosk), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => logoShown(hall), { timeout: 5_000 }).toBe(true);
    for (const p of [kiosk, hall]) expect(await p.evaluate('window.__notReloaded')).toBe(true);
    await manager.shotBoth('centre-logo');
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-logo.png') });
    await hall.screenshot({ path: join(SHOTS, 'display-logo.png') });

    // The names can be saved again from the same form: it moved on to the logo's version.
    await manager.fill({
      'centre.province.lo': 'ນະຄອນຫຼວງວຽງຈັນ',
      'centre.province.en': 'Vientiane Capital',
      'centre.district.lo': 'ຈັນທະບູລີ',
      'centre.district.en': 'Chanthabouly',
      'centre.address.en': 'Lane Xang Avenue',
    });
    await manager.button('console.save').click();
    expect(await manager.notice()).toContain(manager.text('console.notice.saved'));
  });

  it('removes the logo from every open screen', async () => {
    await manager.button('console.centre.logoRemove').click();
    await manager.button('console.save').click();
    expect(await manager.notice()).toContain(manager.text('console.notice.saved'));
    await expect.poll(() => kiosk.getByTestId('centre-logo').count()).toBe(0);
    await expect.poll(() => hall.getByTestId('centre-logo').count()).toBe(0);
    for (const p of [kiosk, hall]) expect(await p.evaluate('window.__notReloaded')).toBe(true);
    expect(hub.db.prepare('SELECT logo FROM centre').get()).toEqual({ logo: null });
  });
});
