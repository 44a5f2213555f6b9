/**
 * "The hall is read from ten metres": at 1920×1080 and 1280×720, on a busy
 * floor (every counter open, one paused, calls made), every piece of text on
 * the hall display is measured in Chromium. Names and counts (service names
 * in both languages, people waiting, counter numbers, ticket numbers) are at
 * least 1/30 of the screen's height, everything else at least 1/45 of it,
 * and no text is cut off by the edge of its panel.
 * Screenshots: test-results/screenshots/display-readable-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, issue, ok, openCounter, send, startHub, type TestHub } from '../harness.js';

/** Fewer, larger rows than the six there were. */
const MOST_ROWS = 4;

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

/** Names and counts: the text a citizen looks for from across the hall. */
const NAMES_AND_COUNTS = [
  '.service-table__name-lo',
  '.service-table__name-en',
  '.service-table__waiting',
  '.counter-tile__number',
  '.counter-tile__ticket',
  '.last-calls__row',
  '.now-calling__label',
  '.now-calling__counter-number',
].join(', ');

interface Measured {
  /** The element's class and where the text is, for a failure to say. */
  where: string;
  text: string;
  px: number;
  main: boolean;
  clipped: boolean;
}

/**
 * Every text node the display shows: its font size, whether it is a name or
 * a count, and whether a box that hides overflow cuts it. A string, so this
 * Node-side file needs no DOM typings; it runs in the page.
 */
const MEASURE = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.hall'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // Cut off: partly in a box that hides its overflow (wholly outside it is not shown at all).
    let clipped = false;
    let hidden = false;
    const boxes = [{ top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth }];
    for (let box = el; box; box = box.parentElement) {
      if (getComputedStyle(box).overflow !== 'visible') boxes.push(box.getBoundingClientRect());
    }
    // A glyph box is a little taller than its line: a font's ascent and descent pass it.
    const px = parseFloat(getComputedStyle(el).fontSize);
    const tol = Math.max(1, px * 0.15);
    for (const b of boxes) {
      const outside = r.bottom <= b.top + tol || r.top >= b.bottom - tol || r.right <= b.left + tol || r.left >= b.right - tol;
      const inside = r.top >= b.top - tol && r.bottom <= b.bottom + tol && r.left >= b.left - tol && r.right <= b.right + tol;
      if (outside) hidden = true;
      else if (!inside) clipped = true;
    }
    if (hidden) continue;
    out.push({ where: el.className + ' ' + JSON.stringify([r.top, r.bottom, r.left, r.right].map(Math.round)), text, px, main: el.closest(${JSON.stringify(NAMES_AND_COUNTS)}) !== null, clipped });
  }
  return out;
})()`;

describe('the hall display, read from ten metres', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT });
    browser = await launchChromium();
    // A busy floor: all eight counters open, one on a break, the others serving.
    const kiosk = (await connect(hub, { role: 'kiosk' })).client;
    const services = ['family-book-change', 'national-id-card', 'birth-certificate', 'land-title'];
    for (let i = 0; i < 16; i++) await issue(kiosk, services[i % services.length] ?? '');
    for (let n = 1; n <= 8; n++) {
      const clerk = (await openCounter(hub, n, `clerk${n}`)).client;
      if (n === 5) ok(await send(clerk, 'counter:pause', { counterId: 5, reason: 'break' }));
      else await send(clerk, 'counter:call-next', { counterId: n });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  for (const size of SIZES) {
    it(`${size.width}×${size.height}: names and counts ≥ 1/30 of the height, all text ≥ 1/45, none cut off`, async () => {
      const page = await browser.newPage({ viewport: size });
      await page.goto(`${hub.url}/display/?pageSeconds=2`);
      await page.locator('.hall[data-ready="true"]').waitFor();
      await page.getByTestId('now-calling-label').waitFor();
      await page.waitForTimeout(800); // the notice's fade-in
      const pageText = (await page.getByTestId('services-page').textContent()) ?? '';
      const pages = Number(/page 1 of (\d+)/.exec(pageText)?.[1]);
      expect(pages).toBeGreaterThan(1);
      const seen: Measured[] = [];
      // Every page of the services table, as it turns.
      for (let p = 1; p <= pages; p++) {
        await page
          .getByTestId('services-page')
          .filter({ hasText: `page ${p} of ${pages}` })
          .waitFor({ timeout: 5_000 });
        seen.push(...((await page.evaluate(MEASURE)) as Measured[]));
        if (p === 1) {
          await page.screenshot({ path: join(SHOTS, `display-readable-${size.width}.png`) });
        }
      }
      const nameFloor = size.height / 30 - 0.5;
      const floor = size.height / 45 - 0.5;
      const small = seen.filter((m) => m.px < (m.main ? nameFloor : floor));
      expect(small, `too small at ${size.height}px high`).toEqual([]);
      expect(seen.filter((m) => m.clipped).map((m) => `${m.text} ${m.where}`)).toEqual([]);
      // What the floors are about is really there: service names, counts, counters, calls.
      const main = seen.filter((m) => m.main);
      expect(main.length).toBeGreaterThan(30);
      const minMain = Math.min(...main.map((m) => m.px));
      const minAll = Math.min(...seen.map((m) => m.px));
      console.log(
        `${size.width}×${size.height}: names and counts ≥ ${minMain} px, all text ≥ ${minAll} px`,
      );
      // Fewer and larger rows: the table's rows, each tall enough for two lines of names.
      const rows = page.locator('.service-table tbody tr');
      expect(await rows.count()).toBeLessThanOrEqual(MOST_ROWS);
      for (const row of await rows.all()) {
        expect((await row.boundingBox())?.height ?? 0).toBeGreaterThan((2 * size.height) / 30);
      }
      await page.close();
    }, 60_000);
  }
});
