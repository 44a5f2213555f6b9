/**
 * The kiosk in a real browser against a real demo hub: a first-time visitor
 * takes tickets in Lao and in English by pressing buttons found by their
 * visible names, in portrait and landscape, while every screen is written to
 * test-results/screenshots/ for a person to look at. "I have a booking" is
 * offered only while some service takes bookings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, ok, send, startHub, type TestHub } from '../harness.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { t } from '../../shared/i18n/index.js';
import { DEFAULT_BOOKING_SETTINGS, type Lang } from '../../shared/protocol.js';

const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

const serviceName = (id: string, lang: Lang) => {
  const s = DEMO_CENTRE.services.find((x) => x.id === id);
  if (!s) throw new Error(`no demo service ${id}`);
  return s.name[lang];
};

// jsqr is CommonJS: Node hands over its module.exports, which is the function itself,
// while its typings (read under NodeNext) describe a namespace with a default.
const jsQR = jsqr as unknown as typeof jsqr.default;

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('kiosk in Chromium', () => {
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

  async function openKiosk(viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS], query = '') {
    const page = await browser.newPage({ viewport, hasTouch: true });
    await page.goto(`${hub.url}/kiosk/${query}`);
    await page.locator('.kiosk[data-ready="true"]').waitFor();
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `kiosk-${name}.png`) });

  /** The path a first-time visitor takes; returns the ticket the hub stored. */
  async function takeTicket(page: Page, lang: Lang, serviceId: string, tag: string) {
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await shot(page, `home-${tag}`);
    await page.getByRole('button', { name: new RegExp(serviceName(serviceId, lang)) }).click();
    await shot(page, `service-${tag}`);
    await page.getByRole('button', { name: t(lang, 'kiosk.takeTicket') }).click();
    // The demo centre calls one priority ticket after every two others: the screen says that,
    // not that priority groups are called first.
    await page.getByText(t(lang, 'kiosk.priorityHint', { count: 2 })).waitFor();
    await shot(page, `priority-${tag}`);
    await page.getByRole('button', { name: t(lang, 'kiosk.priorityNo') }).click();
    await page.getByTestId('ticket-number').waitFor();
    await shot(page, `ticket-${tag}`);

    const shown = (await page.getByTestId('ticket-number').textContent())?.trim();
    const stored = hub.db
      .prepare<[string], { label: string; code: string; lang: string }>(
        'SELECT label, code, lang FROM tickets WHERE service_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(serviceId);
    expect(stored).toBeDefined();
    expect(shown).toBe(stored?.label);
    expect(stored?.lang).toBe(lang);

    const qr = page.getByTestId('ticket-qr');
    const url = `${hub.url}/t/${stored?.code}`;
    expect(await qr.getAttribute('data-url')).toBe(url);
    expect(decodeQr((await qr.getAttribute('src')) ?? '')).toBe(url);
    return stored;
  }

  it('loads the bundled Lao font, with no Lao font on the machine needed', async () => {
    const page = await openKiosk(VIEWPORTS.portrait);
    // A string, so this Node-side file needs no DOM typings; it runs in the page.
    expect(await page.evaluate(`document.fonts.check('24px "Khiu Lao"', 'ກ')`)).toBe(true);
    await page.close();
  });

  for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of ['lo', 'en'] as const) {
      it(`takes a ticket in ${lang === 'lo' ? 'Lao' : 'English'}, ${orientation}`, async () => {
        const page = await openKiosk(viewport);
        await takeTicket(page, lang, 'family-book-entry', `${orientation}-${lang}`);
        // Done ends the visit; the next citizen starts at home, in Lao.
        await page.getByRole('button', { name: t(lang, 'kiosk.done') }).click();
        await page
          .getByRole('button', { name: new RegExp(serviceName('birth-certificate', 'lo')) })
          .waitFor();
        await page.close();
      });
    }
  }

  it('issues one ticket for a double tap', async () => {
    const page = await openKiosk(VIEWPORTS.portrait);
    const count = () =>
      (hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const before = count();
    await page
      .getByRole('button', { name: new RegExp(serviceName('national-id-card', 'lo')) })
      .click();
    await page.getByRole('button', { name: t('lo', 'kiosk.takeTicket') }).click();
    await page.getByRole('button', { name: t('lo', 'kiosk.priorityNo') }).dblclick();
    await page.getByTestId('ticket-number').waitFor();
    await page.waitForTimeout(300); // a second issue, if any, would have landed by now
    expect(count()).toBe(before + 1);
    await page.close();
  });

  it('keeps the ticket on screen when tapped, and returns home by itself after the ticket time', async () => {
    const page = await openKiosk(VIEWPORTS.landscape, '?ticketSeconds=2');
    await takeTicket(page, 'en', 'birth-certificate', 'timeout');
    await page.getByTestId('ticket-number').click(); // a citizen touching their number
    expect(await page.getByTestId('ticket-number').isVisible()).toBe(true);
    await page.getByTestId('ticket-number').waitFor({ state: 'detached', timeout: 5000 });
    // Back home, and back in Lao for whoever comes next.
    await page.getByRole('button', { name: 'ພາສາລາວ', pressed: true }).waitFor();
    await page.close();
  });

  it('says so, live, when a service reaches its daily cap or is closed', async () => {
    const page = await openKiosk(VIEWPORTS.landscape);
    const land = page.getByRole('button', { name: new RegExp(serviceName('land-title', 'lo')) });
    await land.waitFor();
    expect(await land.textContent()).not.toContain(t('lo', 'kiosk.dailyCapReached'));

    // The rest of the day's land-title tickets go to other kiosks.
    const cap = DEMO_CENTRE.services.find((s) => s.id === 'land-title')?.dailyCap ?? 0;
    const kioskActor = { deviceId: null, staffId: null, counterId: null };
    for (let i = 0; i < cap; i++) {
      hub.hub.tickets.issue(
        kioskActor,
        { serviceId: 'land-title', lang: 'lo', requestId: `cap-${i}-${Date.now()}` },
        'kiosk',
      );
    }
    hub.hub.reloadConfig(); // any event carries the new counts; this one carries all services
    await page.getByText(t('lo', 'kiosk.dailyCapReached')).waitFor();
    await land.click();
    expect(await page.getByRole('button', { name: t('lo', 'kiosk.takeTicket') }).count()).toBe(0);
    await shot(page, 'cap-landscape-lo');

    // A manager closes a service: every kiosk stops offering it at once.
    hub.db.prepare("UPDATE services SET open = 0 WHERE id = 'vehicle-registration'").run();
    hub.hub.reloadConfig();
    await page.getByRole('button', { name: t('lo', 'kiosk.back') }).click();
    const vehicle = page.getByRole('button', {
      name: new RegExp(serviceName('vehicle-registration', 'lo')),
    });
    await vehicle.filter({ hasText: t('lo', 'kiosk.serviceClosed') }).waitFor();
    await page.close();
  });

  it('offers "I have a booking" only while some service takes bookings, live', async () => {
    const page = await openKiosk(VIEWPORTS.portrait);
    const entry = page.getByTestId('booking-entry');
    // The demo centre takes no bookings: nothing to check in for, so nothing offered.
    await page.getByTestId('service-list').waitFor();
    expect(await entry.count()).toBe(0);
    await shot(page, 'home-no-bookings-portrait-lo');

    // A bookable service needs opening hours: open at every hour, whenever the test runs.
    const serviceId = 'marriage-registration';
    const hours = hub.db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
         lunch_to_min) VALUES (?, ?, 0, 1440, NULL, NULL)`,
    );
    for (let weekday = 0; weekday <= 6; weekday++) hours.run(serviceId, weekday);
    hub.hub.reloadConfig();
    const { client: manager } = await connect(hub, { role: 'console' });
    ok(await send(manager, 'staff:login', { username: 'manager', pin: '9999' }));
    const save = (bookable: boolean, version: number | null) =>
      send(manager, 'config:booking-save', {
        serviceId,
        booking: { ...DEFAULT_BOOKING_SETTINGS, bookable },
        version,
      });

    // A manager makes one service bookable: the open kiosk offers check-in at once.
    const saved = ok(await save(true, null));
    await entry.waitFor();
    expect(await entry.textContent()).toContain(t('lo', 'kiosk.booking.entry'));
    await shot(page, 'home-bookings-portrait-lo');

    // And stops taking bookings: the offer goes again.
    ok(await save(false, saved.version));
    await entry.waitFor({ state: 'detached' });
    expect(await page.getByTestId('service-list').isVisible()).toBe(true);
    manager.disconnect();
    await page.close();
  });

  // Socket.IO's reconnection backs off up to 5 s, so allow for a couple of rounds.
  it(
    'says it is offline while the hub is down, and comes back by itself',
    { timeout: 45_000 },
    async () => {
      const page = await openKiosk(VIEWPORTS.portrait);
      const port = Number(new URL(hub.url).port);
      const { dataDir } = hub;
      await hub.hub.close();
      await page.getByTestId('offline-banner').waitFor({ timeout: 10_000 });
      await page
        .getByRole('button', { name: new RegExp(serviceName('certified-copies', 'lo')) })
        .click();
      expect(
        await page.getByRole('button', { name: t('lo', 'kiosk.takeTicket') }).isDisabled(),
      ).toBe(true);
      await shot(page, 'offline-portrait-lo');

      hub = await startHub({ webRoot: WEB_ROOT, dataDir, seed: false, port });
      await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });
      expect(
        await page.getByRole('button', { name: t('lo', 'kiosk.takeTicket') }).isEnabled(),
      ).toBe(true);
      await page.close();
    },
  );
});
