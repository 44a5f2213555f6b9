/**
 * A new clerk's first day, in Chromium: a manager adds them (a temporary
 * PIN), they log in at a counter with it, must choose their own PIN first,
 * and then call the next citizen, whom the hall display shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, issue, ok, recordEvents, send, startHub, type TestHub } from '../harness.js';
import { t } from '../../shared/i18n/index.js';

describe('a clerk with a temporary PIN, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltApp('counter');
    hub = await startHub({ webRoot: WEB_ROOT });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('changes the PIN first, then calls a citizen the display shows', async () => {
    const { client: manager } = await connect(hub, { role: 'console' });
    ok(await send(manager, 'staff:login', { username: 'manager', pin: '9999' }));
    const { temporaryPin } = ok(
      await send(manager, 'staff:save', {
        staff: { username: 'noy', name: 'Noy Keomany', role: 'clerk', counters: [1], active: true },
        version: null,
      }),
    );
    if (!temporaryPin) throw new Error('a new clerk gets a temporary PIN');
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const { client: display } = await connect(hub, { role: 'display' });
    const calls = recordEvents(display);
    const ticket = await issue(kiosk, 'national-id-card');

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${hub.url}/counter/`);
    await page.locator('.counter[data-ready="true"][data-phase="login"]').waitFor();
    await page.locator('[name="username"]').fill('noy');
    await page.locator('[name="pin"]').fill(temporaryPin);
    await page.keyboard.press('Enter');
    await page.locator('.counter[data-phase="change-pin"]').waitFor();
    await page.getByRole('heading', { name: t('lo', 'console.pin.title') }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'counter-change-pin-lo.png') });
    await page.locator('[name="currentPin"]').fill(temporaryPin);
    await page.locator('[name="newPin"]').fill('246813');
    await page.locator('[name="newPinAgain"]').fill('246813');
    await page.keyboard.press('Enter');
    await page.locator('.counter[data-phase="choose"]').waitFor();
    await page.keyboard.press('Digit1');
    await page.locator('.counter[data-phase="desk"]').waitFor();
    await page.keyboard.press('KeyN');
    const called = await calls.waitFor((e) => e.type === 'ticket-called');
    expect(called.call).toMatchObject({ ticketId: ticket.id, counterNumber: 1 });
    await page.getByText(ticket.label).first().waitFor();

    // The new PIN is the one that works from now on; the temporary one does not.
    const { client: again } = await connect(hub, { role: 'counter' });
    expect(await send(again, 'staff:login', { username: 'noy', pin: temporaryPin })).toMatchObject({
      ok: false,
    });
    expect(
      ok(await send(again, 'staff:login', { username: 'noy', pin: '246813' })).staff,
    ).toMatchObject({
      pinMustChange: false,
    });
    await page.close();
  });
});
