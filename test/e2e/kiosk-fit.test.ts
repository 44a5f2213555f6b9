/**
 * "The kiosk fits its screen": on 1080×1920 and 768×1366 portrait kiosks,
 * every service is reachable by what the screen shows, never by a scroll
 * nobody is told of: each is in view at once, or one tap on its ministry in
 * the index brings it whole into view; the cue under the list says when more
 * is below and walks through all of it. The priority question fits without
 * scrolling, and a service whose centre switched it off never asks it. "I
 * have a booking" is in view beside them, and its code screen's keypad fits
 * whole, in portrait and landscape.
 * Screenshots go to test-results/screenshots/kiosk-fit-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { startHub, type TestHub } from '../harness.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { t } from '../../shared/i18n/index.js';
import type { Lang } from '../../shared/protocol.js';

const SIZES = {
  '1080x1920': { width: 1080, height: 1920 },
  '768x1366': { width: 768, height: 1366 },
} as const;

const ministryName = (id: string, lang: Lang) =>
  DEMO_CENTRE.ministries.find((m) => m.id === id)?.name[lang] ?? id;

/**
 * True when the whole of the element is on screen and is what a finger on it
 * would touch: inside the viewport, inside every scrolling box around it, and
 * not covered at its centre. Runs in the page.
 */
const WHOLE_IN_VIEW = `(el) => {
  const r = el.getBoundingClientRect();
  const inside = (box) =>
    r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
  if (!inside({ top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth })) return false;
  for (let box = el.parentElement; box; box = box.parentElement) {
    if (getComputedStyle(box).overflowY !== 'visible' && !inside(box.getBoundingClientRect())) return false;
  }
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return hit !== null && (hit === el || el.contains(hit));
}`;

// Strings, so this Node-side file needs no DOM typings; they run in the page.
function wholeInView(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el, source) => (new Function(`return ${source}`) as () => (e: unknown) => boolean)()(el),
    WHOLE_IN_VIEW,
  );
}

/** Sets window.askedPriority once the priority question is ever on screen, however briefly. */
const WATCH_FOR_QUESTION = `(() => {
  window.askedPriority = false;
  new MutationObserver(() => {
    if (document.querySelector('.priority__options, .priority__question')) window.askedPriority = true;
  }).observe(document.body, { childList: true, subtree: true });
})()`;

describe('the kiosk fits its screen', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltApp('kiosk');
    hub = await startHub({ webRoot: WEB_ROOT });
    // The kiosk offers "I have a booking" only while some service takes bookings: one does,
    // open at every hour (a bookable service has hours) so the screens are the same at any time.
    const serviceId = 'marriage-registration';
    const hours = hub.db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
         lunch_to_min) VALUES (?, ?, 0, 1440, NULL, NULL)`,
    );
    for (let weekday = 0; weekday <= 6; weekday++) hours.run(serviceId, weekday);
    hub.db
      .prepare(
        `INSERT INTO booking_settings (service_id, bookable, slot_minutes, per_slot, days_ahead,
           early_minutes, late_minutes) VALUES (?, 1, 30, 1, 14, 15, 10)`,
      )
      .run(serviceId);
    hub.hub.reloadConfig();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function openKiosk(size: keyof typeof SIZES, lang: Lang): Promise<Page> {
    const page = await browser.newPage({ viewport: SIZES[size], hasTouch: true });
    await page.goto(`${hub.url}/kiosk/`);
    await page.locator('.kiosk[data-ready="true"]').waitFor();
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `kiosk-fit-${name}.png`) });

  const serviceButton = (page: Page, name: string) =>
    page.locator('.service-button').filter({ hasText: name }).first();

  const toTop = (page: Page) =>
    page
      .getByTestId('service-list')
      .evaluate(`(el) => el.scrollTo({ top: 0, behavior: 'instant' })`);

  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
    for (const lang of ['lo', 'en'] as const) {
      it(`${size}, ${lang}: every service in view at once or after one tap on its ministry`, async () => {
        const page = await openKiosk(size, lang);
        await shot(page, `${size}-${lang}-home`);
        // The way in for a booked citizen is on screen too, and takes nothing from the list.
        expect(await wholeInView(page.getByTestId('booking-entry')), 'booking entry').toBe(true);
        // The index itself is all on screen.
        for (const m of DEMO_CENTRE.ministries) {
          const tab = page.locator('.ministry-tab').filter({ hasText: ministryName(m.id, lang) });
          expect(await wholeInView(tab.first()), `index: ${m.id}`).toBe(true);
        }
        const tapsNeeded: Record<string, number> = {};
        for (const service of DEMO_CENTRE.services) {
          await toTop(page);
          const button = serviceButton(page, service.name[lang]);
          if (await wholeInView(button)) {
            tapsNeeded[service.id] = 0;
            continue;
          }
          await page
            .locator('.ministry-tab')
            .filter({ hasText: ministryName(service.ministryId, lang) })
            .first()
            .tap();
          expect(await wholeInView(button), `${service.id} after its ministry`).toBe(true);
          tapsNeeded[service.id] = 1;
        }
        // The screen is too small for all of it: some needed the index (and the cue says so).
        expect(Object.values(tapsNeeded).some((n) => n === 1)).toBe(true);
        await toTop(page);
        await page
          .locator('.ministry-tab')
          .filter({ hasText: ministryName('mpwt', lang) })
          .first()
          .tap();
        const chosen = page.locator('.ministry-tab[aria-current="true"]');
        expect(await chosen.textContent()).toBe(ministryName('mpwt', lang));
        await shot(page, `${size}-${lang}-public-works`);
        await page.close();
      });
    }

    it(`${size}: the cue says more is below until the end, and walks through every service`, async () => {
      const page = await openKiosk(size, 'lo');
      const seen = new Set<string>();
      const cue = page.getByTestId('more-below');
      for (let taps = 0; ; taps++) {
        for (const service of DEMO_CENTRE.services) {
          if (await wholeInView(serviceButton(page, service.name.lo))) seen.add(service.id);
        }
        if ((await cue.count()) === 0) break;
        expect(await wholeInView(cue), 'the cue is in view').toBe(true);
        expect(taps).toBeLessThan(10);
        await cue.tap();
      }
      expect([...seen].sort()).toEqual(DEMO_CENTRE.services.map((s) => s.id).sort());
      // At the end, the way back up.
      const top = page.getByTestId('back-to-top');
      expect(await wholeInView(top)).toBe(true);
      await shot(page, `${size}-lo-end`);
      await top.tap();
      expect(await wholeInView(serviceButton(page, DEMO_CENTRE.services[0]?.name.lo ?? ''))).toBe(
        true,
      );
      await page.close();
    });

    it(`${size}: the priority question is one tap, every answer on screen`, async () => {
      const page = await openKiosk(size, 'lo');
      await serviceButton(page, 'ບັດປະຈຳຕົວພົນລະເມືອງລາວ').tap();
      await page.getByRole('button', { name: t('lo', 'kiosk.takeTicket') }).tap();
      const answers = page.locator('.priority__options button');
      expect(await answers.count()).toBe(5);
      for (const answer of await answers.all()) expect(await wholeInView(answer)).toBe(true);
      await shot(page, `${size}-lo-priority`);
      await page.close();
    });
  }

  for (const [name, viewport] of [
    ...Object.entries(SIZES),
    ['1920x1080', { width: 1920, height: 1080 }],
  ] as const) {
    it(`${name}: the booking code screen's keypad and Check in are all on screen`, async () => {
      const page = await browser.newPage({ viewport, hasTouch: true });
      await page.goto(`${hub.url}/kiosk/`);
      await page.locator('.kiosk[data-ready="true"]').waitFor();
      await page.getByTestId('booking-entry').tap();
      const keys = page.locator('.keypad button');
      expect(await keys.count()).toBe(32);
      for (const key of await keys.all()) expect(await wholeInView(key)).toBe(true);
      const checkIn = page.getByRole('button', {
        name: t('lo', 'kiosk.booking.checkIn'),
        exact: true,
      });
      expect(await wholeInView(checkIn)).toBe(true);
      expect(await wholeInView(page.getByTestId('typed-code'))).toBe(true);
      await shot(page, `${name}-lo-check-in`);
      await page.close();
    });
  }

  it('never asks the priority question for a service whose centre switched it off', async () => {
    hub.db.prepare("UPDATE services SET asks_priority = 0 WHERE id = 'tax-payment'").run();
    hub.hub.reloadConfig();
    const page = await openKiosk('768x1366', 'en');
    await page.evaluate(WATCH_FOR_QUESTION);
    const tax = DEMO_CENTRE.services.find((s) => s.id === 'tax-payment');
    await page
      .locator('.ministry-tab')
      .filter({ hasText: ministryName(tax?.ministryId ?? '', 'en') })
      .first()
      .tap();
    await serviceButton(page, tax?.name.en ?? '').tap();
    await page.getByRole('button', { name: t('en', 'kiosk.takeTicket') }).tap();
    await page.getByTestId('ticket-number').waitFor();
    expect(await page.evaluate('window.askedPriority')).toBe(false);
    const stored = hub.db
      .prepare<[], { label: string; priority: string }>(
        "SELECT label, priority FROM tickets WHERE service_id = 'tax-payment' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(stored?.priority).toBe('none');
    expect((await page.getByTestId('ticket-number').textContent())?.trim()).toBe(stored?.label);

    // The same service with the question back on asks it again.
    hub.db.prepare("UPDATE services SET asks_priority = 1 WHERE id = 'tax-payment'").run();
    hub.hub.reloadConfig();
    await page.getByRole('button', { name: t('en', 'kiosk.done') }).tap();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page
      .locator('.ministry-tab')
      .filter({ hasText: ministryName(tax?.ministryId ?? '', 'en') })
      .first()
      .tap();
    await serviceButton(page, tax?.name.en ?? '').tap();
    await page.getByRole('button', { name: t('en', 'kiosk.takeTicket') }).tap();
    await page.getByRole('heading', { name: t('en', 'kiosk.priorityQuestion') }).waitFor();
    await page.close();
  });
});
