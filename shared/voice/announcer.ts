/**
 * The announcement queue of one hall display. Each call (a ticket id and how
 * many times it was recalled) is announced once: chime, then Lao, then
 * English. Announcements never overlap: the next one starts only when the
 * last clip of the previous one has finished on the audio clock. Within an
 * announcement the clips are scheduled back to back on that clock, so there
 * are no gaps between words.
 *
 * No DOM here: the display gives it a Web Audio output, the tests a fake
 * clock, so the queue's promises are tested without a sound card.
 */
import type { CallView, Lang } from '../protocol.js';
import { planAnnouncement } from './announcement-plan.js';
import { spokenText } from './clips.js';

export interface AudioOutput<Buffer> {
  /** False while the browser blocks sound (autoplay): calls are then shown, not announced. */
  canPlay(): boolean;
  /** The audio clock, in seconds. */
  now(): number;
  chime(): Promise<Buffer | null>;
  /** A language's clip, decoded; null when the pack does not have it (yet). */
  clip(lang: Lang, id: string): Promise<Buffer | null>;
  durationS(buffer: Buffer): number;
  /** Starts the buffer at `atS` on the audio clock. */
  play(buffer: Buffer, atS: number): void;
  /** Resolves once the audio clock has reached `atS`. */
  waitUntil(atS: number): Promise<void>;
  /** The browser's own voice, for a language whose pack is incomplete; null if it has none. */
  speak: ((text: string, lang: Lang) => Promise<void>) | null;
}

/** Lao first, then English (DESIGN.md "Sound on the display"). */
export const ANNOUNCE_LANGS: readonly Lang[] = ['lo', 'en'];
/** Languages the browser's speech synthesis may stand in for; no offline Lao synthesiser exists. */
const SPEECH_FALLBACK_LANGS: readonly Lang[] = ['en'];
/** Time to schedule the first clip ahead of "now", so it is not clipped at the start. */
const START_LEAD_S = 0.05;
const AFTER_CHIME_S = 0.25;
const BETWEEN_LANGS_S = 0.6;
const BETWEEN_CALLS_S = 0.8;
/** After an outage, at most this many missed calls are announced, the oldest first. */
export const MISSED_CALLS_ANNOUNCED_MAX = 3;

/**
 * One key per call a display hears. `at` tells apart two calls of one ticket
 * with the same recall count: a citizen parked, put back in the queue and
 * called again starts from recalls 0 once more.
 */
export const callKey = (call: Pick<CallView, 'ticketId' | 'recalls' | 'at'>) =>
  `${call.ticketId}:${call.recalls}:${call.at}`;

type Part<B> =
  | { kind: 'audio'; buffers: B[]; pauseAfterS: number }
  | { kind: 'speech'; text: string; lang: Lang };

export interface Announcer {
  /**
   * Folds in the calls the display now knows (newest first, as in the
   * snapshot). The first time, they are only remembered: a display that
   * (re)starts does not read out the past. After that, each call not yet
   * announced is queued, at most MISSED_CALLS_ANNOUNCED_MAX of them.
   */
  consider(calls: readonly CallView[]): CallView[];
  /** Resolves when everything queued so far has been played. */
  idle(): Promise<void>;
}

/** One language's clips, decoded; null if the pack lacks one of them. */
async function loadAll<B>(
  output: AudioOutput<B>,
  lang: Lang,
  ids: readonly string[],
): Promise<B[] | null> {
  const buffers: B[] = [];
  // One at a time, in the order they will be heard.
  for (const id of ids) {
    const buffer = await output.clip(lang, id);
    if (buffer === null) return null;
    buffers.push(buffer);
  }
  return buffers;
}

/** What one call sounds like: the chime, then each language from its pack or the browser's voice. */
async function announcementParts<B>(
  output: AudioOutput<B>,
  call: CallView,
  langs: readonly Lang[],
): Promise<Part<B>[]> {
  const chime = await output.chime();
  const out: Part<B>[] = chime
    ? [{ kind: 'audio', buffers: [chime], pauseAfterS: AFTER_CHIME_S }]
    : [];
  for (const lang of langs) {
    const ids = planAnnouncement(call.label, call.counterNumber, lang);
    const buffers = await loadAll(output, lang, ids);
    if (buffers) out.push({ kind: 'audio', buffers, pauseAfterS: BETWEEN_LANGS_S });
    else if (output.speak && SPEECH_FALLBACK_LANGS.includes(lang)) {
      out.push({ kind: 'speech', text: spokenText(ids, lang), lang });
    }
  }
  return out;
}

/**
 * Plays one call's parts back to back on the audio clock from `startS`;
 * resolves once they and the pause after the call are over.
 */
async function playAnnouncement<B>(
  output: AudioOutput<B>,
  parts: Part<B>[],
  startS: number,
): Promise<void> {
  let atS = startS;
  for (const part of parts) {
    if (part.kind === 'audio') {
      atS = Math.max(atS, output.now() + START_LEAD_S);
      for (const buffer of part.buffers) {
        output.play(buffer, atS);
        atS += output.durationS(buffer);
      }
      atS += part.pauseAfterS;
    } else {
      await output.waitUntil(atS);
      await output.speak?.(part.text, part.lang).catch(() => {});
      atS = output.now() + BETWEEN_LANGS_S;
    }
  }
  await output.waitUntil(atS + BETWEEN_CALLS_S);
}

export function createAnnouncer<B>(output: AudioOutput<B>, langs = ANNOUNCE_LANGS): Announcer {
  const announced = new Set<string>();
  let primed = false;
  let queue: Promise<void> = Promise.resolve();

  async function play(call: CallView): Promise<void> {
    if (!output.canPlay()) return;
    // Read before the clips load, so a call that opens with speech does not wait the lead again.
    const startS = output.now() + START_LEAD_S;
    await playAnnouncement(output, await announcementParts(output, call, langs), startS);
  }

  function enqueue(call: CallView) {
    // A failed announcement must not stop the ones after it.
    queue = queue.then(() => play(call)).catch(() => {});
  }

  return {
    consider(calls) {
      const fresh = calls.filter((c) => !announced.has(callKey(c)));
      for (const c of fresh) announced.add(callKey(c));
      if (!primed) {
        primed = true;
        return [];
      }
      const chosen = fresh.slice(0, MISSED_CALLS_ANNOUNCED_MAX).reverse();
      chosen.forEach(enqueue);
      return chosen;
    },
    idle: () => queue,
  };
}
