/**
 * Opening hours, as a citizen and the hall see them: at lunch the kiosk says
 * when the service opens again and gives no ticket, and the hall display
 * marks it closed; when it opens, both say so and the ticket comes out. The
 * browsers' clocks are set to the hub's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, ok, send, serviceInput, startHub, type TestHub } from '../harness.js';
import { manualClock } from '../../hub/src/clock.js';
import { t } from '../../shared/i18n/index.js';
import { join } from 'node:path';
import { WEEKDAY_HOURS, wednesdayAt } from '../fixtures.js';

const at = wednesdayAt;
const WEEKDAYS = WEEKDAY_HOURS;

describe('opening hours in Chromium', () => {
  const clock = manualClock(at('12:30'));
  let hub: TestHub;
  let browser: Browser;
  let kiosk: Page;
  let hall: Page;

  beforeAll(async () => {
    requireBuiltApp('kiosk');
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT, clock });
    const { client: m } = await connect(hub, { role: 'console' });
    ok(await send(m, 'staff:login', { username: 'manager', pin: '9999' }));
    ok(
      await send(m, 'config:service-save', {
        service: serviceInput({ hours: WEEKDAYS }),
        version: 1,
      }),
    );
    browser = await launchChromium();
    kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    hall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    for (const page of [kiosk, hall]) await page.clock.install({ time: at('12:30') });
    await kiosk.goto(`${hub.url}/kiosk/`);
    await kiosk.locator('.kiosk[data-ready="true"]').waitFor();
    await hall.goto(`${hub.url}/display/`);
    await hall.locator('.hall[data-ready="true"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('says at lunch when the service opens again, and the hall marks it closed', async () => {
    const opens = t('lo', 'kiosk.opensToday', { time: '13:00' });
    await kiosk.getByText(opens).first().waitFor();
    await hall.getByTestId('closed-birth-certificate').waitFor({ state: 'attached' });
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-lunch-lo.png') });
    // Other services keep their hours: the hall does not mark them.
    expect(await hall.getByTestId('closed-family-book-entry').count()).toBe(0);
  });

  it('opens at 13:00 on every screen without a reload', async () => {
    clock.set(at('13:00'));
    for (const page of [kiosk, hall]) await page.clock.fastForward('30:00');
    await hall
      .getByTestId('closed-birth-certificate')
      .waitFor({ state: 'detached', timeout: 5_000 });
    expect(await kiosk.getByText(t('lo', 'kiosk.opensToday', { time: '13:00' })).count()).toBe(0);
  });
});
