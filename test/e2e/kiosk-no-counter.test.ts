/**
 * "Not known yet" was all a citizen read on a service nobody was serving:
 * every counter for it closed, people waiting, no word that no one would call
 * them until a counter opened. The service screen now says so, live: the
 * note goes as soon as a counter for the service opens (or is on a break),
 * and comes back when the last one closes.
 * Screenshots: test-results/screenshots/kiosk-no-counter-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { ok, openCounter, send, startHub, type TestHub } from '../harness.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { t } from '../../shared/i18n/index.js';

const SERVICE = 'land-title';
/** The demo's only counter for land titles. */
const LAND_COUNTER = 7;

describe('the kiosk says when no counter serves a service', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltApp('kiosk');
    hub = await startHub({ webRoot: WEB_ROOT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('while every counter for it is closed, and not once one opens', async () => {
    const served = DEMO_CENTRE.counters.filter((c) => c.services.includes(SERVICE));
    expect(served.map((c) => c.number)).toEqual([LAND_COUNTER]);
    const name = DEMO_CENTRE.services.find((s) => s.id === SERVICE)?.name;
    const ministry = DEMO_CENTRE.services.find((s) => s.id === SERVICE)?.ministryId;
    const ministryName = DEMO_CENTRE.ministries.find((m) => m.id === ministry)?.name;
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.goto(`${hub.url}/kiosk/`);
    await page.locator('.kiosk[data-ready="true"]').waitFor();
    await page
      .locator('.ministry-tab')
      .filter({ hasText: ministryName?.lo ?? '' })
      .first()
      .tap();
    await page
      .locator('.service-button')
      .filter({ hasText: name?.lo ?? '' })
      .first()
      .tap();
    const note = page.getByTestId('no-counter');
    await note.getByText(t('lo', 'kiosk.noCounterOpen')).waitFor();
    await page.screenshot({ path: join(SHOTS, 'kiosk-no-counter-lo.png') });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await note.getByText(t('en', 'kiosk.noCounterOpen')).waitFor();
    await page.screenshot({ path: join(SHOTS, 'kiosk-no-counter-en.png') });

    // A clerk opens the counter: the note goes at once, without a reload.
    const { client } = await openCounter(hub, LAND_COUNTER, 'clerk7');
    await note.waitFor({ state: 'detached' });
    // On a break, the counter still serves it.
    ok(await send(client, 'counter:pause', { counterId: LAND_COUNTER, reason: 'break' }));
    await page.waitForTimeout(300);
    expect(await note.count()).toBe(0);
    ok(await send(client, 'counter:resume', { counterId: LAND_COUNTER }));
    ok(await send(client, 'counter:close', { counterId: LAND_COUNTER }));
    await note.getByText(t('en', 'kiosk.noCounterOpen')).waitFor();
    await page.close();
  });
});
