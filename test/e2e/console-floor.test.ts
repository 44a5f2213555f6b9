/**
 * The live floor in Chromium against a real demo hub and a fake printer: a
 * supervisor lands on it, sees the queues and counters as they are, a
 * paper-out alert reaches the floor and a counter within 2 s and clears when
 * paper is back, and ticket search shows a ticket's whole history. Screens go
 * to test-results/screenshots/ in Lao and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { Clerk } from './counter-clerk.js';
import { ConsolePage } from './console-page.js';
import { connect, issue, ok, openCounter, send, startHub, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { addPrinter, FAST_SPOOL } from '../fake-printer/hub-printers.js';
import { t } from '../../shared/i18n/index.js';

const DESK = { width: 1366, height: 900 };
const ALERT_WITHIN_MS = 2_000;
const CLERK1 = 'Souksavanh Phommachanh';

describe('the live floor in Chromium', { timeout: 90_000 }, () => {
  let hub: TestHub;
  let browser: Browser;
  let printer: FakePrinter;

  beforeAll(async () => {
    requireBuiltApp('console');
    requireBuiltApp('counter');
    printer = await startFakePrinter();
    hub = await startHub({ webRoot: WEB_ROOT, printing: { timing: FAST_SPOOL } });
    addPrinter(hub.hub, { name: 'Kiosk 1', uri: printer.tcpUri });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await printer?.close();
  });

  it('shows the floor, a paper-out alert on it and on a counter within 2 s, gone when paper is back, and a ticket’s history', async () => {
    // A morning: one citizen served at counter 1, one being served, two waiting.
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const served = await issue(kiosk, 'national-id-card');
    const serving = await issue(kiosk, 'family-book-entry');
    await issue(kiosk, 'family-book-entry');
    await issue(kiosk, 'birth-certificate');
    const { client: desk } = await openCounter(hub, 3, 'clerk3');
    ok(await send(desk, 'counter:pause', { counterId: 3, reason: 'meeting' }));
    await expect.poll(() => printer.tickets.length).toBe(4);

    const clerk = new Clerk(
      await (await browser.newContext({ viewport: DESK })).newPage(),
      'en',
      'click',
    );
    await clerk.page.goto(`${hub.url}/counter/`);
    await clerk.waitReady('login');
    await clerk.switchLang('en');
    await clerk.page.getByLabel(clerk.text('counter.login.username')).fill('clerk1');
    await clerk.page.getByLabel(clerk.text('counter.login.pin')).fill('1234');
    await clerk.page.keyboard.press('Enter');
    await clerk.waitReady('choose');
    await clerk.page.keyboard.press('Digit1');
    await clerk.waitReady('desk');
    await clerk.act('call-next');
    await clerk.waitCurrent(served.label, 'called');
    await clerk.act('start');
    await clerk.act('complete');
    await clerk.act('call-next');
    await clerk.waitCurrent(serving.label, 'called');
    await clerk.act('start');

    const c = new ConsolePage(await browser.newPage({ viewport: DESK }), 'lo');
    await c.page.goto(`${hub.url}/console/`);
    await c.waitReady('login');
    await c.logIn('supervisor', '5555');
    await c.waitReady('app');
    // A supervisor lands on the floor, the first section in the side bar.
    await c.page.getByTestId('section-floor').waitFor();
    expect(await c.page.locator('.side-nav__item').first().getAttribute('data-section')).toBe(
      'floor',
    );
    await c.page.locator('[data-testid="floor"][data-loaded="true"]').waitFor();
    const row = (id: string) =>
      c.page.locator(`[data-testid="floor-services"] tr[data-service="${id}"]`);
    expect(await row('family-book-entry').locator('[data-cell="waiting"]').textContent()).toBe('1');
    expect(await row('national-id-card').locator('[data-cell="served"]').textContent()).toBe('1');
    const counter1 = c.page.locator('[data-testid="floor-counters"] tr[data-counter="1"]');
    await counter1.getByRole('cell', { name: CLERK1, exact: true }).waitFor();
    await counter1.getByText(serving.label, { exact: false }).waitFor();
    const counter3 = c.page.locator('[data-testid="floor-counters"] tr[data-counter="3"]');
    await counter3
      .getByText(t('lo', 'console.floor.pausedFor', { reason: t('lo', 'pause.meeting') }))
      .waitFor();
    await c.page.getByText(t('lo', 'console.floor.noAlerts')).waitFor();
    await c.shotBoth('floor');

    // Paper out: the next ticket cannot print.
    const floorAlert = c.page.locator(
      '[data-testid="floor-alerts"] [data-alert="printer"][data-status="paper-out"]',
    );
    const deskAlert = clerk.page.locator(
      '[data-testid="alert-banner"] [data-alert="printer"][data-status="paper-out"]',
    );
    printer.setFlags({ paperOut: true });
    const from = Date.now();
    const stuck = await issue(kiosk, 'residence-certificate');
    await Promise.all([floorAlert.waitFor(), deskAlert.waitFor()]);
    expect(Date.now() - from).toBeLessThan(ALERT_WITHIN_MS);
    const words = (lang: 'lo' | 'en') =>
      t(lang, 'counter.printer.fault', {
        name: 'Kiosk 1',
        status: t(lang, 'print.status.paper-out'),
        queued: 1,
      });
    // The alert may be raised by the printer's status before the stuck slip is counted in it;
    // the count follows within the same promise.
    await expect
      .poll(() => floorAlert.textContent(), { timeout: ALERT_WITHIN_MS })
      .toContain(words('lo'));
    await expect
      .poll(() => deskAlert.textContent(), { timeout: ALERT_WITHIN_MS })
      .toBe(words('en'));
    await c.shotBoth('floor-paper-out');
    await clerk.shotBoth('alert-paper-out');

    printer.setFlags({ paperOut: false });
    const back = Date.now();
    await Promise.all([
      floorAlert.waitFor({ state: 'detached' }),
      deskAlert.waitFor({ state: 'detached' }),
    ]);
    expect(Date.now() - back).toBeLessThan(ALERT_WITHIN_MS);
    await expect.poll(() => printer.tickets.length).toBe(5);

    // Ticket search: the number as a person types it, and every step of its day.
    await c.fill({ query: serving.label.toLowerCase().replace(/^([a-z]+)0+/, '$1') });
    await c.button('console.search.submit').click();
    const history = c.page.locator(`[data-testid="ticket-search"] [data-ticket="${serving.id}"]`);
    await history.locator('tr[data-step="start"]').waitFor();
    expect(
      await history
        .locator('tr[data-step]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step'))),
    ).toEqual(['issue', 'call', 'start']);
    await history.locator('tr[data-step="call"]').getByText(CLERK1).waitFor();
    await history
      .locator('tr[data-step="call"]')
      .getByText(t('lo', 'console.search.counter', { number: 1 }))
      .waitFor();
    await history.scrollIntoViewIfNeeded();
    await c.shotBoth('ticket-search');

    // The waiting ticket that could not print: sent to another queue from the floor.
    await c.fill({ query: stuck.label });
    await c.button('console.search.submit').click();
    const actions = c.page.locator(`[data-ticket="${stuck.id}"] [data-testid="ticket-actions"]`);
    await actions.locator('select[name="toServiceId"]').selectOption('family-book-change');
    await actions.getByRole('button', { name: t('lo', 'console.floor.transfer') }).click();
    expect(await c.notice()).toContain(
      t('lo', 'console.floor.transferred', { label: stuck.label }),
    );
    await c.page.locator(`[data-ticket="${stuck.id}"] tr[data-step="reassign"]`).waitFor();
    await c.page.close();
    await clerk.page.context().close();
  });

  it('asks before closing a counter or signing a clerk out, and "No" changes nothing on the floor', async () => {
    const { client: clerk5 } = await openCounter(hub, 5, 'clerk5');
    await openCounter(hub, 6, 'clerk6');
    const c = new ConsolePage(await browser.newPage({ viewport: DESK }), 'lo');
    await c.page.goto(`${hub.url}/console/`);
    await c.waitReady('login');
    await c.logIn('supervisor', '5555');
    await c.page.locator('[data-testid="floor"][data-loaded="true"]').waitFor();
    const row = (n: number) =>
      c.page.locator(`[data-testid="floor-counters"] tr[data-counter="${n}"]`);
    const status = (n: number) =>
      hub.db
        .prepare<[number], { status: string }>('SELECT status FROM counters WHERE number = ?')
        .get(n)?.status;
    // What a floor action would change. Not every table: the first test's printer is still
    // polled, and its status row moves on by itself.
    const floorState = () =>
      JSON.stringify(
        ['counters', 'counter_events', 'staff_sessions', 'config_audit', 'tickets'].map((table) =>
          hub.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
        ),
      );
    const clerk5Name = 'Phonesavanh Vongphachanh';
    const clerk6Name = 'Manivanh Sengdara';
    await row(5).getByRole('cell', { name: clerk5Name, exact: true }).waitFor();

    // Close: a question naming the counter and its clerk; "No" leaves every table as it was.
    await row(5)
      .getByRole('button', { name: c.text('console.floor.close'), exact: true })
      .click();
    const ask = row(5).locator('[data-confirm="close"]');
    await ask
      .getByText(c.text('console.floor.closeAskStaffed', { number: 5, name: clerk5Name }))
      .waitFor();
    await ask.scrollIntoViewIfNeeded();
    await c.shotBoth('floor-close-ask');
    const before = floorState();
    await ask.getByRole('button', { name: c.text('console.floor.keep') }).click();
    await ask.waitFor({ state: 'detached' });
    expect(floorState()).toBe(before);
    expect(status(5)).toBe('open');
    // Asked again and confirmed, it closes.
    await row(5)
      .getByRole('button', { name: c.text('console.floor.close'), exact: true })
      .click();
    await row(5)
      .getByRole('button', { name: c.text('console.floor.closeNumber', { number: 5 }) })
      .click();
    expect(await c.notice()).toContain(c.text('console.floor.closed', { number: 5 }));
    expect(status(5)).toBe('closed');
    clerk5.disconnect();

    // Sign out: the same, for the clerk at counter 6.
    const signOut = c.text('console.floor.signOut', { name: clerk6Name });
    await row(6).getByRole('button', { name: signOut }).click();
    const askOut = row(6).locator('[data-confirm="signOut"]');
    await askOut.getByText(c.text('console.floor.signOutAsk', { name: clerk6Name })).waitFor();
    await c.shotBoth('floor-sign-out-ask');
    const beforeOut = floorState();
    await askOut.getByRole('button', { name: c.text('console.floor.keep') }).click();
    await askOut.waitFor({ state: 'detached' });
    expect(floorState()).toBe(beforeOut);
    await row(6).getByRole('button', { name: signOut }).click();
    await row(6).locator('[data-confirm="signOut"]').getByRole('button', { name: signOut }).click();
    expect(await c.notice()).toContain(c.text('console.floor.signedOut', { name: clerk6Name }));
    expect(status(6)).toBe('closed');
    await c.page.close();
  });
});
