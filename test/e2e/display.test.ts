/**
 * The hall display in Chromium against a real demo hub: calls made through
 * the protocol appear at once and are announced (chime, Lao, English, each
 * call once, a recall again), the display rides out a hub restart without
 * losing a call, and a browser that blocks sound gets one "tap" prompt.
 * Screenshots at 1920×1080 and 1280×720 go to test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import {
  AUDIO_SPY,
  audioStarts,
  CHIME_MIN_S,
  recordVoiceRequests,
  serveRecordedLaoPack,
  waitFor,
} from './display-helpers.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { planAnnouncement } from '../../shared/voice/announcement-plan.js';
import { t } from '../../shared/i18n/index.js';
import type { Ticket } from '../../shared/protocol.js';

const SIZES = {
  '1920': { width: 1920, height: 1080 },
  '1280': { width: 1280, height: 720 },
} as const;
const CALL_VISIBLE_MS = 1_000;
const NOTICE_FADE_MS = 700;
// Counter 3 serves birth certificates (B) first, counter 2 family-book changes (FC).
const BIRTH = 'birth-certificate';
const FAMILY_CHANGE = 'family-book-change';

const chimes = async (page: Page) =>
  (await audioStarts(page)).filter((s) => s.duration > CHIME_MIN_S).length;

describe('hall display in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let kiosk: Client;

  beforeAll(async () => {
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT });
    kiosk = (await connect(hub, { role: 'kiosk' })).client;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function openDisplay(size: keyof typeof SIZES, browserToUse = browser) {
    const page = await browserToUse.newPage({ viewport: SIZES[size] });
    await page.addInitScript(AUDIO_SPY);
    return page;
  }

  async function goto(page: Page) {
    await page.goto(`${hub.url}/display/`);
    await page.locator('.hall[data-ready="true"]').waitFor();
    expect(await page.evaluate(`document.fonts.check('24px "Khiu Lao"', 'ກ')`)).toBe(true);
  }

  async function shot(page: Page, name: string) {
    // Let a notice finish fading in; a call's flash is photographed as it is.
    if (name.endsWith('idle')) await page.waitForTimeout(NOTICE_FADE_MS);
    await page.screenshot({ path: join(SHOTS, `display-${name}.png`) });
  }

  async function expectShown(page: Page, ticket: Ticket, counterNumber: number, withinMs: number) {
    await page
      .getByTestId('now-calling-label')
      .filter({ hasText: new RegExp(`^${ticket.label}$`) })
      .waitFor({ timeout: withinMs });
    expect(await page.getByTestId('now-calling-counter').textContent()).toBe(String(counterNumber));
  }

  it(
    'shows a call within a second with its counter, and announces it: chime, Lao, English, gap-free',
    { timeout: 45_000 },
    async () => {
      const page = await openDisplay('1920');
      await serveRecordedLaoPack(page);
      const requests = recordVoiceRequests(page);
      await goto(page);
      await shot(page, '1920-idle');

      const clerk = (await openCounter(hub, 3, 'clerk3')).client;
      const ticket = await issue(kiosk, BIRTH);
      const calledAt = Date.now();
      expect(ok(await send(clerk, 'counter:call-next', { counterId: 3 }))?.id).toBe(ticket.id);
      await expectShown(page, ticket, 3, CALL_VISIBLE_MS);
      const latencyMs = Date.now() - calledAt;
      expect(await page.getByTestId('now-calling').getAttribute('data-fresh')).toBe('true');
      await shot(page, '1920-call');

      // The voice files, fetched in the order they are heard.
      const files = (lang: 'lo' | 'en') =>
        planAnnouncement(ticket.label, 3, lang).map((id) => `${lang}/${id.toLowerCase()}.ogg`);
      const expected = ['chime.wav', ...new Set(files('lo')), ...new Set(files('en'))];
      await waitFor(
        () => requests.length,
        (n) => n >= expected.length,
        5_000,
        'voice requests',
      );
      expect(requests).toEqual(expected);

      // Played: the chime, then every Lao clip, then every English one, each language back to back.
      const clipCount = 1 + files('lo').length + files('en').length;
      const starts = await waitFor(
        () => audioStarts(page),
        (s) => s.length >= clipCount,
        5_000,
        'clips started',
      );
      expect(starts).toHaveLength(clipCount);
      expect(starts[0]?.duration).toBeGreaterThan(CHIME_MIN_S);
      for (const [from, to] of [
        [1, files('lo').length],
        [1 + files('lo').length, clipCount - 1],
      ] as const) {
        for (let i = from; i < to; i++) {
          const a = starts[i];
          const b = starts[i + 1];
          expect(b?.when ?? 0).toBeCloseTo((a?.when ?? 0) + (a?.duration ?? 0), 6);
        }
      }
      console.log(`call → display: ${latencyMs} ms; ${requests.length} voice files fetched`);

      // A recall is announced again, after the first announcement has ended; nothing else is.
      ok(await send(clerk, 'ticket:recall', { ticketId: ticket.id }));
      await waitFor(
        () => chimes(page),
        (n) => n === 2,
        20_000,
        'chimes after recall',
      );
      const all = await audioStarts(page);
      const last = all[clipCount - 1];
      expect(all[clipCount]?.when ?? 0).toBeGreaterThanOrEqual(
        (last?.when ?? 0) + (last?.duration ?? 0),
      );
      await page.waitForTimeout(1_500);
      expect(await chimes(page)).toBe(2);
      ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
      ok(await send(clerk, 'ticket:complete', { ticketId: ticket.id }));
      await page.close();
    },
  );

  it('shows each open counter, paused ones, queues, estimated waits and fees marked as samples', async () => {
    const clerk = (await openCounter(hub, 5, 'clerk5')).client;
    ok(await send(clerk, 'counter:pause', { counterId: 5, reason: 'break' }));
    await issue(kiosk, FAMILY_CHANGE);
    const page = await openDisplay('1280');
    await goto(page);

    const paused = page.getByTestId('counter-5');
    expect(await paused.textContent()).toContain(t('lo', 'counterStatus.paused'));
    expect(await paused.textContent()).toContain(t('en', 'pause.break'));
    // Demo fees are samples: said above the table and on every row, never as "official fee".
    await page.getByTestId('fees-are-samples').waitFor();
    const rows = page.locator('.service-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('fee-sample-en').count()).toBe(await rows.count());
    expect(await page.getByTestId('fee-sample-lo').count()).toBe(await rows.count());
    expect(await page.locator('.service-table thead').textContent()).not.toContain(
      t('en', 'display.colFee'),
    );
    // The family-book-change row, wherever its page is, shows one person waiting.
    const row = page.getByTestId(`service-${FAMILY_CHANGE}`);
    await row.waitFor({ timeout: 40_000 });
    expect(await row.locator('.service-table__waiting').textContent()).toBe('1');
    // The centre's notices, in both languages.
    const notice = DEMO_CENTRE.notices[0];
    expect(await page.getByTestId('notice-text').textContent()).toBe(`${notice?.lo}${notice?.en}`);
    await shot(page, '1280-idle');
    ok(await send(clerk, 'counter:resume', { counterId: 5 }));
    await page.close();
  }, 60_000);

  it('flashes a call at 1280×720 too', async () => {
    const page = await openDisplay('1280');
    await goto(page);
    const clerk = (await openCounter(hub, 2, 'clerk2')).client;
    const ticket = await issue(kiosk, FAMILY_CHANGE);
    ok(await send(clerk, 'counter:call', { counterId: 2, ticketId: ticket.id }));
    await expectShown(page, ticket, 2, CALL_VISIBLE_MS);
    await shot(page, '1280-call');
    await page.close();
  });

  it(
    'rides out a hub restart: reconnecting mark, then the calls made meanwhile, each announced once',
    { timeout: 60_000 },
    async () => {
      const page = await openDisplay('1920');
      await goto(page);
      const before = await issue(kiosk, BIRTH);
      const missed = [await issue(kiosk, BIRTH), await issue(kiosk, BIRTH)];
      let clerk = (await openCounter(hub, 3, 'clerk3')).client;
      ok(await send(clerk, 'counter:call', { counterId: 3, ticketId: before.id }));
      await expectShown(page, before, 3, CALL_VISIBLE_MS);
      await waitFor(
        () => chimes(page),
        (n) => n === 1,
        10_000,
        'first chime',
      );

      // The hub goes down; while this display cannot hear it, the same data is served
      // elsewhere and two calls are made; then the hub is back on its own port.
      const port = Number(new URL(hub.url).port);
      const { dataDir } = hub;
      await hub.hub.close();
      await page.getByTestId('reconnecting').waitFor({ timeout: 10_000 });
      await shot(page, '1920-reconnecting');
      const elsewhere = await startHub({ webRoot: WEB_ROOT, dataDir, seed: false });
      clerk = (await openCounter(elsewhere, 3, 'clerk3')).client;
      ok(await send(clerk, 'ticket:no-show', { ticketId: before.id }));
      for (const ticket of missed) {
        ok(await send(clerk, 'counter:call', { counterId: 3, ticketId: ticket.id }));
        // The last stays called: still true, so the big panel shows it when the display is back.
        if (ticket !== missed.at(-1))
          ok(await send(clerk, 'ticket:no-show', { ticketId: ticket.id }));
      }
      await elsewhere.hub.close();
      hub = await startHub({ webRoot: WEB_ROOT, dataDir, seed: false, port });
      kiosk = (await connect(hub, { role: 'kiosk' })).client;

      await page.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 15_000 });
      const last = missed[1];
      if (!last) throw new Error('two missed calls');
      await expectShown(page, last, 3, CALL_VISIBLE_MS);
      const listed = await page.getByTestId('last-calls').textContent();
      expect(listed).toContain(missed[0]?.label);
      expect(listed).toContain(before.label);
      // The two missed calls are announced once each; the one heard before is not repeated.
      await waitFor(
        () => chimes(page),
        (n) => n === 3,
        20_000,
        'chimes after reconnect',
      );
      await page.waitForTimeout(1_500);
      expect(await chimes(page)).toBe(3);
      await page.close();
    },
  );

  it(
    'asks once for a tap where the browser blocks sound, and then plays',
    { timeout: 30_000 },
    async () => {
      const strict = await launchChromium({ autoplayNeedsGesture: true });
      try {
        const page = await openDisplay('1280', strict);
        await goto(page);
        const prompt = page.getByTestId('sound-prompt');
        await prompt.waitFor();
        expect(await prompt.textContent()).toBe(
          `${t('lo', 'display.enableSound')}${t('en', 'display.enableSound')}`,
        );
        await shot(page, '1280-sound-prompt');
        await prompt.click();
        await prompt.waitFor({ state: 'detached' });

        const clerk = (await openCounter(hub, 4, 'clerk4')).client;
        const ticket = await issue(kiosk, 'certified-copies');
        ok(await send(clerk, 'counter:call', { counterId: 4, ticketId: ticket.id }));
        await expectShown(page, ticket, 4, CALL_VISIBLE_MS);
        await waitFor(
          () => chimes(page),
          (n) => n === 1,
          10_000,
          'chime after the tap',
        );
        await page.close();
      } finally {
        await strict.close();
      }
    },
  );
});
