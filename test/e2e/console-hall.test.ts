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
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';

/** A short silent mono WAV, as a pack recorded elsewhere would hold. */
function wav(samples = 800): Buffer {
  const data = samples * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(16_000, 24);
  b.writeUInt32LE(32_000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  return b;
}

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
    addDevice(hub.db, systemClock, 'display', 'Hall TV, by the entrance');
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

    await manager.page.getByTestId('section-hall').evaluate((el) => el.scrollTo(0, 0));
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

  it('uploads a recorded pack by file names, and says which files it did not use', async () => {
    const total = VOICE_CLIPS.lo.length;
    await manager.page.locator('input[name="voice.pack"]').setInputFiles([
      { name: 'digit-0.wav', mimeType: 'audio/wav', buffer: wav() },
      { name: 'Letter-A.WAV', mimeType: 'audio/wav', buffer: wav() },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a clip') },
      { name: 'digit-1.ogg', mimeType: 'audio/ogg', buffer: Buffer.from('<html>'.repeat(40)) },
    ]);
    const report = manager.page.getByTestId('upload-report');
    await report.waitFor();
    expect(await report.textContent()).toBe(
      `${manager.text('console.hall.uploadDone', { saved: 2 })} ${manager.text('console.hall.uploadSkipped', { files: 'notes.txt, digit-1.ogg' })}`,
    );
    await manager.page.locator('[data-testid="clip-letter-A"][data-recorded="true"]').waitFor();
    expect(await manager.page.getByTestId('voice-meter').textContent()).toBe(
      manager.text('console.hall.meter', { done: 3, total }),
    );
    expect(hub.db.prepare("SELECT mime FROM voice_clips WHERE clip_id = 'digit-0'").get()).toEqual({
      mime: 'audio/wav',
    });
  });
});
