/**
 * "The hall's counter strip shows every counter": a centre with 18 counters,
 * all open (two on a break, the rest serving), on a 1920×1080 and a 1280×720
 * hall display. Two rows of tiles do not hold them, so the strip turns pages
 * and says "page 1 of 2"; every counter appears on one page, and no tile is
 * cut off by the strip's edge. Before, the tiles past the second row were
 * hidden without a word.
 * Screenshots: test-results/screenshots/display-counters-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { connect, issue, ok, openCounter, send, startHub, type TestHub } from '../harness.js';
import { DEMO_CENTRE, type DemoCentre } from '../../hub/src/demo/centre-data.js';

const COUNTERS = 18;
const PAUSED = [6, 13];

const BIG_CENTRE: DemoCentre = {
  ...DEMO_CENTRE,
  counters: Array.from({ length: COUNTERS }, (_, i) => ({
    number: i + 1,
    name: { lo: `ປ່ອງບໍລິການ ${i + 1}`, en: `Counter ${i + 1}` },
    services: DEMO_CENTRE.counters[i % DEMO_CENTRE.counters.length]?.services ?? [],
  })),
  staff: [
    ...Array.from({ length: COUNTERS }, (_, i) => ({
      username: `clerk${i + 1}`,
      name: `Clerk ${i + 1}`,
      role: 'clerk' as const,
      pin: '1234',
    })),
    ...DEMO_CENTRE.staff.filter((s) => s.role !== 'clerk'),
  ],
};

/** Each tile on screen: its number and whether the strip cuts it off. Runs in the page. */
const TILES = `(() => {
  const grid = document.querySelector('.counter-board__grid').getBoundingClientRect();
  return [...document.querySelectorAll('.counter-tile')].map((el) => {
    const r = el.getBoundingClientRect();
    const inside = r.top >= grid.top - 1 && r.bottom <= grid.bottom + 1 && r.left >= grid.left - 1 && r.right <= grid.right + 1;
    return { number: Number(el.querySelector('.counter-tile__number').textContent), inside };
  });
})()`;

describe("the hall's counter strip with more counters than two rows hold", () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT, centre: BIG_CENTRE });
    browser = await launchChromium();
    const kiosk = (await connect(hub, { role: 'kiosk' })).client;
    for (const counter of BIG_CENTRE.counters) await issue(kiosk, counter.services[0] ?? '');
    for (let n = 1; n <= COUNTERS; n++) {
      const clerk = (await openCounter(hub, n, `clerk${n}`)).client;
      if (PAUSED.includes(n)) {
        ok(await send(clerk, 'counter:pause', { counterId: n, reason: 'break' }));
      } else {
        ok(await send(clerk, 'counter:call-next', { counterId: n }));
      }
    }
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    it(`${size.width}×${size.height}: pages through every counter, saying which page is up`, async () => {
      const page = await browser.newPage({ viewport: size });
      await page.goto(`${hub.url}/display/?pageSeconds=2`);
      await page.locator('.hall[data-ready="true"]').waitFor();
      const marker = page.getByTestId('counters-page');
      const text = (await marker.textContent()) ?? '';
      const pages = Number(/page \d+ of (\d+)/.exec(text)?.[1]);
      expect(pages).toBeGreaterThan(1);
      const seen = new Map<number, number>();
      for (let p = 1; p <= pages; p++) {
        await marker.filter({ hasText: `page ${p} of ${pages}` }).waitFor({ timeout: 5_000 });
        const tiles = (await page.evaluate(TILES)) as { number: number; inside: boolean }[];
        expect(
          tiles.filter((t) => !t.inside).map((t) => t.number),
          `cut off on page ${p}`,
        ).toEqual([]);
        for (const t of tiles) seen.set(t.number, (seen.get(t.number) ?? 0) + 1);
        await page.screenshot({ path: join(SHOTS, `display-counters-${size.width}-page${p}.png`) });
      }
      // Every counter once, on one of the pages.
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual(
        Array.from({ length: COUNTERS }, (_, i) => i + 1),
      );
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      await page.close();
    }, 60_000);
  }
});
