/**
 * The console's Devices screen in Chromium, on a hub without --demo: the
 * manager makes pairing codes, a kiosk and a hall display in two other
 * browser contexts pair with them at /pair, the list shows both connected,
 * and removing the kiosk cuts it off with a page that says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { hashAllTables, startHub, type TestHub } from '../harness.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { dayInWords } from '../../shared/i18n/day-text.js';
import { t } from '../../shared/i18n/index.js';
import type { DeviceRole } from '../../shared/protocol.js';

describe('console: pairing devices, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let manager: ConsolePage;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuiltApp('console');
    requireBuiltApp('pair');
    hub = await startHub({ webRoot: WEB_ROOT, demo: false });
    browser = await launchChromium();
    // The manager's browser holds a console token, as the setup wizard's does.
    const own = addDevice(hub.db, systemClock, 'console', 'Manager laptop');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    manager = new ConsolePage(await context.newPage(), 'lo');
    manager.page.on('dialog', (d) => void d.accept());
    await manager.page.goto(`${hub.url}/console/?token=${own.token}`);
    await manager.waitReady('login');
    await manager.logIn('manager', '9999');
    await manager.waitReady('app');
    await manager.openSection('devices');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await hub?.close();
  });

  async function makeCode(role: DeviceRole, name: string): Promise<string> {
    await manager.field('device.role').selectOption(role);
    await manager.fill({ 'device.name': name });
    await manager.button('console.devices.makeCode').click();
    const code = (await manager.page.getByTestId('pair-code-value').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    return code;
  }

  /** A device in its own browser context pairs at /pair and lands on its app. */
  async function pairElsewhere(
    code: string,
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hub.url}/pair`);
    await page.getByLabel(t('lo', 'pair.code')).fill(code);
    await page.getByRole('button', { name: t('lo', 'pair.submit') }).click();
    await page.getByTestId('pair-done').waitFor();
    return page;
  }

  it('pairs a kiosk and a hall display by code, and lists both as connected', async () => {
    const kioskCode = await makeCode('kiosk', 'Kiosk by the door');
    await manager.shotBoth('devices-code');
    await manager.button('console.devices.codeDone').click();
    const kiosk = await pairElsewhere(kioskCode, { width: 1080, height: 1920 });
    await kiosk.waitForURL(/\/kiosk\/$/);
    await kiosk.getByText(t('lo', 'kiosk.welcome')).waitFor();

    const displayCode = await makeCode('display', 'Hall TV');
    await manager.button('console.devices.codeDone').click();
    const display = await pairElsewhere(displayCode, { width: 1920, height: 1080 });
    await display.waitForURL(/\/display\/$/);
    await display.locator('.hall[data-ready="true"]').waitFor();

    // The list refreshes by itself; switching sections reads it at once.
    await manager.openSection('staff');
    await manager.openSection('devices');
    const rows = manager.page
      .getByTestId('device-list')
      .locator('tbody tr[data-state="connected"]');
    await expect.poll(() => rows.count()).toBe(3); // the manager's own console, the kiosk, the TV
    // Each app says which version it runs; the list shows it.
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
      .version;
    const kioskRow = manager.page
      .getByTestId('device-list')
      .locator('tr', { hasText: 'Kiosk by the door' });
    expect(await kioskRow.textContent()).toContain(`kiosk ${version}`);
    await manager.shotBoth('devices');
  });

  it('removes the kiosk: it is cut off at once, with a page that says why', async () => {
    const kiosk = contexts[1]?.pages()[0];
    if (!kiosk) throw new Error('the kiosk context from the test before');
    const row = manager.page
      .getByTestId('device-list')
      .locator('tr', { hasText: 'Kiosk by the door' });
    const removedAt = Date.now();
    await row.getByRole('button', { name: t('lo', 'console.devices.revoke') }).click();
    await kiosk.getByTestId('refused').getByText(t('lo', 'reason.device-revoked')).waitFor();
    expect(Date.now() - removedAt).toBeLessThan(1_500);
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
  });

  it('adds a holiday the centre is closed on, and removes it', async () => {
    await manager.openSection('holidays');
    // Day first, as the centre writes dates, whatever the browser's own locale (en-US here),
    // and the day in words under the field before it is saved.
    const day = manager.field('holiday.day');
    expect(await day.getAttribute('placeholder')).toBe(manager.text('console.date.placeholder'));
    const note = manager.page.locator('[data-day-words="holiday.day"]');
    expect(await note.textContent()).toBe(manager.text('console.date.hint'));
    // No such day: the hub says so next to the field, and the note it points to is there.
    await day.fill('31/04/2026');
    await manager.fill({ 'holiday.name.lo': 'ວັນຊາດ', 'holiday.name.en': 'National Day' });
    const unchanged = hashAllTables(hub.db);
    await manager.button('console.save').click();
    await expect
      .poll(() => manager.fieldError('holiday.day'))
      .toBe(manager.text('field.invalid_format'));
    expect(await note.textContent()).toBe(manager.text('console.date.hint'));
    expect(hashAllTables(hub.db)).toBe(unchanged);
    await day.fill('02/12/2026');
    await manager.page
      .locator('[data-day-words="holiday.day"]')
      .getByText(dayInWords('2026-12-02', manager.lang) ?? '')
      .waitFor();
    await manager.fill({ 'holiday.name.lo': 'ວັນຊາດ', 'holiday.name.en': 'National Day' });
    await manager.shotBoth('holiday-date');
    await manager.button('console.save').click();
    const row = manager.page.getByTestId('holiday-2026-12-02');
    await row.getByText('ວັນຊາດ').waitFor();
    await row.getByText('02/12/2026').waitFor();
    await manager.shotBoth('holidays');
    expect(hub.db.prepare('SELECT name_en FROM holidays').all()).toEqual([
      { name_en: 'National Day' },
    ]);
    await row.getByRole('button', { name: t('lo', 'console.holiday.remove') }).click();
    await row.waitFor({ state: 'detached' });
  });
});
