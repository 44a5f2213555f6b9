/**
 * The console's "Hall and voice" screen in Chromium with a fake microphone:
 * a manager posts a notice (markup shown as text, a too-long one refused
 * next to its field), records the Lao "ticket number" clip with
 * MediaRecorder, plays it back and records it again, and the open hall
 * display, without a reload, fetches each recording from the hub for the
 * next call. Screenshots console-hall-lo.png and -en.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { waitFor } from './display-helpers.js';
import { connect, issue, ok, openCounter, send, startHub, type TestHub } from '../harness.js';
import { VOICE_CLIPS } from '../../shared/voice/clips.js';

const RECORD_MS = 1_200;

describe('console: hall and voice, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let manager: ConsolePage;
  let display: Page;
  /** Every recorded clip the display fetched from the hub: path, status and type. */
  const fetched: { path: string; status: number; type: string }[] = [];

  beforeAll(async () => {
    requireBuiltApp('console');
    requireBuiltApp('display');
    hub = await startHub({ webRoot: WEB_ROOT });
    browser = await launchChromium({ fakeMicrophone: true });
    const tv = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    display = await tv.newPage();
    display.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/api/v1/voice/')) {
        fetched.push({
          path: `${url.pathname}${url.search}`,
          status: res.status(),
          type: res.headers()['content-type'] ?? '',
        });
      }
    });
    await display.goto(`${hub.url}/display/?noticeSeconds=1`);
    await display.locator('.hall[data-ready="true"]').waitFor();

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    manager = new ConsolePage(await context.newPage(), 'lo');
    await manager.page.goto(`${hub.url}/console/`);
    await manager.waitReady('login');
    await manager.logIn('manager', '9999');
    await manager.waitReady('app');
    await manager.openSection('hall');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('posts a notice the hall shows as text, and refuses one too long next to its field', async () => {
    const save = manager.page
      .getByTestId('notice-form')
      .getByRole('button', { name: manager.text('console.save'), exact: true });
    await manager.fill({ 'notice.text.lo': 'ກ'.repeat(301), 'notice.text.en': 'Too long' });
    await save.click();
    expect(await manager.fieldError('notice.text.lo')).toBe(manager.text('field.too_big'));

    const lo = 'ມື້ນີ້ ບໍລິການທີ່ດິນ <b>ປິດ</b>';
    const en = 'Land services are <b>closed</b> today';
    await manager.fill({ 'notice.text.lo': lo, 'notice.text.en': en });
    await save.click();
    await manager.page.getByTestId('notice-list').getByText(en).waitFor();
    expect(await manager.fieldError('notice.text.lo')).toBeNull();

    const shown = display.getByTestId('notice-text').filter({ hasText: en });
    await shown.waitFor({ timeout: 10_000 });
    expect(await shown.locator('b').count()).toBe(0);
    expect(await shown.locator('[lang="lo"]').textContent()).toBe(lo);
  });

  it('records a Lao clip in the browser, and the open display fetches it for the next call', async () => {
    const total = VOICE_CLIPS.lo.length;
    const meter = manager.page.getByTestId('voice-meter');
    expect(await meter.textContent()).toBe(manager.text('console.hall.meter', { done: 0, total }));
    const row = manager.page.getByTestId('clip-ticket');
    await row.locator('[data-action="record"]').click();
    await row.getByRole('status').waitFor();
    await manager.page.waitForTimeout(RECORD_MS);
    await row.locator('[data-action="stop"]').click();
    await manager.page.locator('[data-testid="clip-ticket"][data-recorded="true"]').waitFor();
    expect(await meter.textContent()).toBe(manager.text('console.hall.meter', { done: 1, total }));
    const stored = hub.db
      .prepare("SELECT mime, length(bytes) AS size FROM voice_clips WHERE clip_id = 'ticket'")
      .get() as { mime: string; size: number };
    expect(stored.mime).toBe('audio/webm');
    expect(stored.size).toBeGreaterThan(1_000);

    // Play asks the hub for the recording.
    const played = manager.page.waitForResponse((r) => r.url().includes('/api/v1/voice/lo/ticket'));
    await row.locator('[data-action="play"]').click();
    expect((await played).headers()['content-type']).toBe('audio/webm');

    await manager.shotBoth('hall');

    const kiosk = (await connect(hub, { role: 'kiosk' })).client;
    const { client: clerk } = await openCounter(hub, 3);
    /** A new citizen called at counter 3, once the one before is served. */
    let held: number | null = null;
    const callNext = async () => {
      if (held !== null) {
        ok(await send(clerk, 'ticket:start', { ticketId: held }));
        ok(await send(clerk, 'ticket:complete', { ticketId: held }));
      }
      await issue(kiosk, 'birth-certificate');
      held = ok(await send(clerk, 'counter:call-next', { counterId: 3 }))?.id ?? null;
    };
    await callNext();
    await waitFor(
      () => fetched.map((f) => f.path),
      (p) => p.includes('/api/v1/voice/lo/ticket?v=1'),
      10_000,
      'the display fetching the recording',
    );
    expect(fetched.find((f) => f.path === '/api/v1/voice/lo/ticket?v=1')).toMatchObject({
      status: 200,
      type: 'audio/webm',
    });

    // Recorded again: the display takes the new version at the next call, still without a reload.
    await row.locator('[data-action="record"]').click();
    await row.getByRole('status').waitFor();
    await manager.page.waitForTimeout(RECORD_MS);
    await row.locator('[data-action="stop"]').click();
    await waitFor(
      () => hub.db.prepare("SELECT version FROM voice_clips WHERE clip_id = 'ticket'").get(),
      (r) => (r as { version: number } | undefined)?.version === 2,
      5_000,
      'the second recording saved',
    );
    await callNext();
    await waitFor(
      () => fetched.map((f) => f.path),
      (p) => p.includes('/api/v1/voice/lo/ticket?v=2'),
      10_000,
      'the display fetching the new recording',
    );
  });
});
