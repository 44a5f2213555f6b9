/**
 * The console's Printers screen in Chromium, on a hub without --demo and a
 * fake TCP printer: the manager adds the printer (a wrong address is told
 * next to its field), prints a test slip the printer confirms, sees the
 * printer's paper run out on screen as it happens, and prints a citizen's
 * lost slip again from the spool. Screenshots: console-printers-{lo,en}.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { connect, issue, startHub, type Client, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { FAST_SPOOL, textsOf } from '../fake-printer/hub-printers.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { t } from '../../shared/i18n/index.js';

describe('console: printers, in Chromium', { timeout: 90_000 }, () => {
  let hub: TestHub;
  let printer: FakePrinter;
  let browser: Browser;
  let context: BrowserContext;
  let m: ConsolePage;
  let kiosk: Client;

  beforeAll(async () => {
    requireBuiltApp('console');
    printer = await startFakePrinter();
    hub = await startHub({
      webRoot: WEB_ROOT,
      demo: false,
      printing: { timing: { ...FAST_SPOOL, confirmBaseMs: 3_000 } },
    });
    const own = addDevice(hub.db, systemClock, 'console', 'Manager laptop');
    const door = addDevice(hub.db, systemClock, 'kiosk', 'Kiosk by the door');
    kiosk = (await connect(hub, { token: door.token })).client;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    m = new ConsolePage(await context.newPage(), 'lo');
    m.page.on('dialog', (d) => void d.accept());
    await m.page.goto(`${hub.url}/console/?token=${own.token}`);
    await m.waitReady('login');
    await m.logIn('manager', '9999');
    await m.waitReady('app');
    await m.openSection('printers');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
    await printer?.close();
  });

  const row = () => m.page.locator('[data-testid^="printer-"]').first();
  const status = () => row().getByTestId('printer-status').getAttribute('data-status');

  it('adds the printer, telling a wrong address next to its field, and prints a test slip', async () => {
    await m.page.getByTestId('add').click();
    await m.fill({ 'printer.name': 'ເຄື່ອງພິມຫ້ອງໂຖງ', 'printer.uri': 'lpt1' });
    await m.button('console.save').click();
    expect(await m.fieldError('printer.uri')).toBe(m.text('field.printer-uri'));

    await m.fill({ 'printer.uri': printer.tcpUri });
    await m.field('printer.paperMm').selectOption('80');
    await m.button('console.save').click();
    await expect.poll(status, { timeout: 5_000 }).toBe('ok');
    // The kiosk has no printer of its own: it prints on this one, and the screen says so.
    const where = m.page.getByTestId('where-kiosks-print');
    expect(await where.textContent()).toContain('Kiosk by the door');
    expect(await where.textContent()).toContain('ເຄື່ອງພິມຫ້ອງໂຖງ');

    await m.button('console.printer.test').click();
    const result = m.page.getByTestId('test-result');
    await expect.poll(() => result.getAttribute('data-printed'), { timeout: 15_000 }).toBe('true');
    const [slip] = await printer.waitForTickets(1);
    expect(slip && textsOf(slip).map((l) => l.text)).toContain('TEST');
  });

  it('shows the paper running out as it happens, the slip that waits, and reprints a lost one', async () => {
    const lost = await issue(kiosk, 'family-book-entry', { lang: 'en' });
    await printer.waitForTickets(2);
    const lostRow = m.page.getByTestId(`job-${lost.label}`);
    await expect.poll(() => lostRow.getAttribute('data-state'), { timeout: 8_000 }).toBe('printed');

    printer.setFlags({ paperOut: true });
    await expect.poll(status, { timeout: 3_000 }).toBe('paper-out');
    const stuck = await issue(kiosk, 'national-id-card', { lang: 'en' });
    const stuckRow = m.page.getByTestId(`job-${stuck.label}`);
    await expect.poll(() => stuckRow.getAttribute('data-state'), { timeout: 8_000 }).toBe('queued');
    await m.shotBoth('printers');

    printer.setFlags({ paperOut: false });
    await expect.poll(status, { timeout: 3_000 }).toBe('ok');
    await printer.waitForTickets(3);
    await expect
      .poll(() => stuckRow.getAttribute('data-state'), { timeout: 8_000 })
      .toBe('printed');

    // The citizen lost the first slip: it prints again, marked as a reprint.
    await lostRow.getByRole('button', { name: t('lo', 'console.spool.reprint') }).click();
    const printed = await printer.waitForTickets(4, 10_000);
    const reprint = t('en', 'print.reprint');
    expect(printed[3] && textsOf(printed[3]).some((l) => reprint.startsWith(l.text))).toBe(true);
    expect(await m.notice()).toContain(lost.label);
  });
});
