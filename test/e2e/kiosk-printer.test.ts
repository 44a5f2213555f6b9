/**
 * The kiosk in Chromium with a printer out of paper: the citizen still gets
 * the ticket on screen, with its QR code and a word that the printer needs
 * attention; staff get the alert; and once paper is back the ticket prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, recordEvents, startHub, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { addPrinter, FAST_SPOOL, readQr, savePng, textsOf } from '../fake-printer/hub-printers.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { t } from '../../shared/i18n/index.js';
import type { Lang } from '../../shared/protocol.js';

const PORTRAIT = { width: 1080, height: 1920 };

const serviceName = (id: string, lang: Lang) =>
  DEMO_CENTRE.services.find((s) => s.id === id)?.name[lang] ?? id;

describe('kiosk with a printer out of paper, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let printer: FakePrinter;

  beforeAll(async () => {
    requireBuiltApp('kiosk');
    printer = await startFakePrinter();
    printer.setFlags({ paperOut: true });
    hub = await startHub({ webRoot: WEB_ROOT, printing: { timing: FAST_SPOOL } });
    addPrinter(hub.hub, { name: 'Kiosk printer', uri: printer.tcpUri });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await printer?.close();
  });

  async function takeTicket(page: Page, lang: Lang, serviceId: string) {
    await page.goto(`${hub.url}/kiosk/`);
    await page.locator('.kiosk[data-ready="true"]').waitFor();
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(serviceName(serviceId, lang)) }).click();
    await page.getByRole('button', { name: t(lang, 'kiosk.takeTicket') }).click();
    await page.getByRole('button', { name: t(lang, 'kiosk.priorityNo') }).click();
    await page.getByTestId('ticket-number').waitFor();
    return (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
  }

  it('shows the ticket and the printer message, alerts staff, and prints once paper is back', async () => {
    await expect.poll(() => hub.hub.printing.views.all()[0]?.status).toBe('paper-out');
    const { client: staffSocket } = await connect(hub, { role: 'console' });
    const staff = recordEvents(staffSocket);
    const page = await browser.newPage({ viewport: PORTRAIT, hasTouch: true });

    const label = await takeTicket(page, 'lo', 'family-book-entry');
    const notice = page.getByTestId('printer-attention');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(t('lo', 'print.kioskAttentionTitle'));
    const qr = page.getByTestId('ticket-qr');
    const code = hub.db
      .prepare<[string], { code: string }>('SELECT code FROM tickets WHERE label = ?')
      .get(label)?.code;
    expect(await qr.getAttribute('data-url')).toBe(`${hub.url}/t/${code}`);
    await page.screenshot({ path: join(SHOTS, 'kiosk-ticket-printer-lo.png') });

    const alert = await staff.waitFor(
      (e) => e.type === 'printer-updated' && e.printers?.[0]?.queuedJobs === 1,
    );
    expect(alert.printers?.[0]).toMatchObject({ name: 'Kiosk printer', status: 'paper-out' });
    expect(printer.tickets).toHaveLength(0);

    // The next citizen, in English, sees the message in English.
    await page.getByRole('button', { name: t('lo', 'kiosk.done') }).click();
    const second = await takeTicket(page, 'en', 'birth-certificate');
    await page.getByText(t('en', 'print.kioskAttentionTitle')).waitFor();
    await page.screenshot({ path: join(SHOTS, 'kiosk-ticket-printer-en.png') });

    // Paper in: both tickets come out, in order, and the message goes away on its own.
    printer.setFlags({ paperOut: false });
    const printed = await printer.waitForTickets(2);
    expect(printed.map((p) => textsOf(p).find((x) => x.width >= 4)?.text)).toEqual([label, second]);
    expect(readQr(printed[0]?.png ?? Buffer.alloc(0))).toBe(`${hub.url}/t/${code}`);
    if (printed[0]) savePng(printed[0], 'ticket-after-paper-out-lo');
    await notice.waitFor({ state: 'detached' });
    await staff.waitFor((e) => e.type === 'printer-updated' && e.printers?.[0]?.status === 'ok');
    await page.close();
  });
});
