/**
 * A real centre from nothing, in Chromium, with no --demo anywhere: setup on
 * an empty data directory; the manager configures it from the console the
 * wizard paired; a kiosk, a hall display and a counter PC pair by code at
 * /pair; a citizen's ticket shows the official fee and its reference and
 * prints; a new clerk logs in with a temporary PIN, chooses their own, calls
 * the ticket; and the hall display shows the call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { createHub, runSetupMode, type Hub } from '../../hub/src/app.js';
import { openDatabase } from '../../hub/src/db/open.js';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { centreInput, ok, send, serviceInput, tempDir, type Client } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { addPrinter, FAST_SPOOL, textsOf } from '../fake-printer/hub-printers.js';
import { formatKip, t } from '../../shared/i18n/index.js';
import { PROTOCOL_VERSION, type DeviceRole } from '../../shared/protocol.js';

const MANAGER = { username: 'khamla', name: 'Khamla Sayavong', pin: '482915' };
const ALL_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  opensMin: 0,
  closesMin: 1440,
  lunchFromMin: null,
  lunchToMin: null,
}));
const REF = { lo: 'ດຳລັດ ເລກທີ 123/ລບ', en: 'Decree No. 123/PM', date: '2024-03-15' };

/** Setup mode on an empty data dir, the wizard's one request, then the hub on the same port. */
async function setUpCentre(dataDir: string) {
  const db = openDatabase(join(dataDir, 'khiu.sqlite'));
  let shown: (address: string) => void = () => {};
  const address = new Promise<string>((resolve) => (shown = resolve));
  const onAddress = (a: string) => shown(a);
  const port = runSetupMode({ db, webRoot: WEB_ROOT, onAddress }, 0, '127.0.0.1');
  const setup = new URL(await address);
  const res = await fetch(`${setup.origin}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: setup.searchParams.get('code'),
      centre: centreInput(),
      manager: MANAGER,
    }),
  });
  expect(res.status).toBe(201);
  const { consoleToken } = (await res.json()) as { consoleToken: string };
  const hub = createHub({ db, demo: false, webRoot: WEB_ROOT, printing: { timing: FAST_SPOOL } });
  const url = await hub.listen(await port, '127.0.0.1');
  return { hub, url, consoleToken };
}

describe('a real centre from an empty data directory, in Chromium', () => {
  const dataDir = tempDir();
  let hub: Hub;
  let url: string;
  let manager: Client;
  let browser: Browser;
  let printer: FakePrinter;

  beforeAll(async () => {
    for (const app of ['kiosk', 'counter', 'display', 'pair'] as const) requireBuiltApp(app);
    const centre = await setUpCentre(dataDir);
    ({ hub, url } = centre);
    manager = io(url, {
      transports: ['websocket'],
      auth: { protocol: PROTOCOL_VERSION, token: centre.consoleToken, role: 'console' },
      forceNew: true,
    }) as Socket as Client;
    ok(await send(manager, 'staff:login', { username: MANAGER.username, pin: MANAGER.pin }));
    browser = await launchChromium();
    printer = await startFakePrinter();
  });
  afterAll(async () => {
    manager?.disconnect();
    await browser?.close();
    await hub?.close();
    await printer?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A device in a browser context of its own, paired at /pair with a code the manager made. */
  async function pairedPage(
    role: DeviceRole,
    name: string,
    viewport: { width: number; height: number },
  ) {
    const { code } = ok(await send(manager, 'device:pair-code', { role, name }));
    const page: Page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${url}/pair`);
    await page.getByLabel(t('lo', 'pair.code')).fill(code);
    await page.getByRole('button', { name: t('lo', 'pair.submit') }).click();
    await page.waitForURL(new RegExp(`/${role === 'display' ? 'display' : role}/$`), {
      timeout: 10_000,
    });
    return page;
  }

  it(
    'is configured, paired, issues a printed ticket with its official fee, and a new clerk calls it',
    { timeout: 60_000 },
    async () => {
      ok(
        await send(manager, 'config:ministry-save', {
          ministry: { id: 'moha', name: { lo: 'ກະຊວງພາຍໃນ', en: 'Home Affairs' }, sort: 1 },
          version: null,
        }),
      );
      const service = serviceInput({
        feeLak: 20_000,
        feeIsSample: false,
        feeRef: REF,
        hours: ALL_DAY,
      });
      ok(await send(manager, 'config:service-save', { service, version: null }));
      const counter = ok(
        await send(manager, 'config:counter-save', {
          counter: {
            number: 1,
            name: { lo: 'ປ່ອງ 1', en: 'Counter 1' },
            services: [service.id],
            active: true,
          },
          version: null,
        }),
      );
      const { temporaryPin } = ok(
        await send(manager, 'staff:save', {
          staff: {
            username: 'noy',
            name: 'Noy Keomany',
            role: 'clerk',
            counters: [counter.id],
            active: true,
          },
          version: null,
        }),
      );
      addPrinter(hub, { name: 'Kiosk printer', uri: printer.tcpUri });

      const display = await pairedPage('display', 'Hall TV', { width: 1920, height: 1080 });
      await display.locator('.hall[data-ready="true"]').waitFor();
      const kiosk = await pairedPage('kiosk', 'Kiosk by the door', { width: 1080, height: 1920 });
      await kiosk.getByRole('button', { name: new RegExp(service.name.lo) }).click();
      await kiosk.getByText(formatKip(20_000, 'lo')).first().waitFor();
      await kiosk.getByTestId('fee-ref').getByText(REF.lo, { exact: false }).waitFor();
      await kiosk.getByRole('button', { name: t('lo', 'kiosk.takeTicket') }).click();
      await kiosk.getByRole('button', { name: t('lo', 'kiosk.priorityNo') }).click();
      const label = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
      expect(label).toBe('B001');
      const [slip] = await printer.waitForTickets(1);
      expect(textsOf(slip!).some((x) => x.text.includes(label))).toBe(true);
      await kiosk.screenshot({ path: join(SHOTS, 'real-centre-ticket-lo.png') });

      const desk = await pairedPage('counter', 'Counter 1 PC', { width: 1366, height: 768 });
      await desk.locator('.counter[data-ready="true"][data-phase="login"]').waitFor();
      await desk.locator('[name="username"]').fill('noy');
      await desk.locator('[name="pin"]').fill(temporaryPin ?? '');
      await desk.keyboard.press('Enter');
      await desk.locator('.counter[data-phase="change-pin"]').waitFor();
      await desk.locator('[name="currentPin"]').fill(temporaryPin ?? '');
      await desk.locator('[name="newPin"]').fill('246813');
      await desk.locator('[name="newPinAgain"]').fill('246813');
      await desk.keyboard.press('Enter');
      await desk.locator('.counter[data-phase="choose"]').waitFor();
      await desk.keyboard.press('Digit1');
      await desk.locator('.counter[data-phase="desk"]').waitFor();
      await desk.keyboard.press('KeyN');
      await display.getByTestId('now-calling').getByText(label).waitFor();
      await display.screenshot({ path: join(SHOTS, 'real-centre-display.png') });
    },
  );
});
