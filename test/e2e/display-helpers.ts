/**
 * What the display and phone browser tests share: a watch on what the page
 * plays through Web Audio, and the voice-pack requests it makes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { VOICE_CLIPS } from '../../shared/voice/clips.js';

import { WEB_ROOT } from './browser.js';

export interface AudioStart {
  when: number;
  duration: number;
}

/**
 * Records every buffer the page starts through Web Audio (when, and how
 * long), by wrapping AudioBufferSourceNode.start before the app loads. A
 * string, so this Node-side file needs no DOM typings; it runs in the page.
 */
export const AUDIO_SPY = `
  window.__audioStarts = [];
  const realStart = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    window.__audioStarts.push({ when: when ?? 0, duration: this.buffer ? this.buffer.duration : 0 });
    return realStart.call(this, when, ...rest);
  };
`;

export function audioStarts(page: Page): Promise<AudioStart[]> {
  return page.evaluate('window.__audioStarts') as Promise<AudioStart[]>;
}

/** The chime is the one clip over two seconds long. */
export const CHIME_MIN_S = 2;

/** The voice files the page asks for, in order: "chime.wav", "en/ticket.ogg", … */
export function recordVoiceRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (req) => {
    const match = /\/display\/voice\/(.+)$/.exec(new URL(req.url()).pathname);
    if (match?.[1] && !match[1].endsWith('manifest.json')) requests.push(match[1]);
  });
  return requests;
}

/**
 * Serves a complete Lao pack to this page only (the committed one is a list
 * of clips still to record), with one English clip standing in for every
 * Lao recording, so the order chime → Lao → English can be observed.
 */
export async function serveRecordedLaoPack(page: Page) {
  const stand_in = readFileSync(join(WEB_ROOT, 'display', 'voice', 'en', 'digit-1.ogg'));
  const manifest = {
    lang: 'lo',
    source: 'test stand-in',
    clips: Object.fromEntries(
      VOICE_CLIPS.lo.map((c) => [c.id, { text: c.text, file: `${c.id.toLowerCase()}.ogg` }]),
    ),
  };
  await page.route('**/display/voice/lo/manifest.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }),
  );
  await page.route('**/display/voice/lo/*.ogg', (route) =>
    route.fulfill({ contentType: 'audio/ogg', body: stand_in }),
  );
}

export async function waitFor<T>(
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
