/**
 * The hall display's sound: Web Audio for the chime and the voice packs
 * (each file fetched and decoded once, then kept), the browser's speech
 * synthesis as the English fallback, and the autoplay check. A clip recorded
 * in the console wins over the bundled pack's: the hub's list of them comes
 * with every snapshot and `config-changed`, and each version has its own
 * address, so a re-recorded clip is fetched afresh for the next call.
 */
import type { Centre, Lang } from '../../../shared/protocol.js';
import type { AudioOutput } from '../../../shared/voice/announcer.js';
import {
  CHIME_FILE,
  recordedClipUrl,
  VOICE_DIR,
  VoicePackManifestSchema,
  type VoicePackManifest,
} from '../../../shared/voice/voice-pack.js';

/** How long a browser may take to start sound by itself before we ask for a tap. */
const AUTOPLAY_CHECK_MS = 400;
/** Speech synthesis sometimes never reports its end; never let it hold the queue longer. */
const SPEECH_TIMEOUT_MS = 8_000;

export interface WebAudioSound {
  output: AudioOutput<AudioBuffer>;
  /** True while the browser keeps sound off until someone touches the screen. */
  isBlocked(): boolean;
  onBlockedChange(listener: (blocked: boolean) => void): void;
  /** Call from a tap: browsers allow sound to start from a user gesture. */
  unlock(): Promise<void>;
  /** The clips recorded in the console, as the hub last said (`centre.voiceClips`). */
  useRecorded(clips: Centre['voiceClips']): void;
}

function speechFallback(): AudioOutput<AudioBuffer>['speak'] {
  if (typeof speechSynthesis === 'undefined') return null;
  return (text, lang) =>
    new Promise<void>((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang === 'lo' ? 'lo-LA' : 'en-GB';
      utterance.onend = () => resolve();
      utterance.onerror = () => resolve();
      setTimeout(resolve, SPEECH_TIMEOUT_MS);
      speechSynthesis.speak(utterance);
    });
}

/** Fetches and decodes each sound file once; a file that cannot be had is null, and stays so. */
function audioFiles(context: AudioContext): (url: string) => Promise<AudioBuffer | null> {
  const buffers = new Map<string, Promise<AudioBuffer | null>>();
  return (url) => {
    let buffer = buffers.get(url);
    if (!buffer) {
      buffer = fetch(url)
        .then((res) => (res.ok ? res.arrayBuffer() : null))
        .then((bytes) => (bytes ? context.decodeAudioData(bytes) : null))
        .catch(() => null);
      buffers.set(url, buffer);
    }
    return buffer;
  };
}

/** Each language's voice pack manifest, fetched once; null when the pack is missing or invalid. */
function voicePacks(root: string): (lang: Lang) => Promise<VoicePackManifest | null> {
  const manifests = new Map<Lang, Promise<VoicePackManifest | null>>();
  return (lang) => {
    let pack = manifests.get(lang);
    if (!pack) {
      pack = fetch(`${root}${lang}/manifest.json`)
        .then((res) => (res.ok ? res.json() : null))
        .then((json: unknown) => (json === null ? null : VoicePackManifestSchema.parse(json)))
        .catch((err: unknown) => {
          console.warn(`Khiu: the ${lang} voice pack cannot be used`, err);
          return null;
        });
      manifests.set(lang, pack);
    }
    return pack;
  };
}

export function createWebAudioSound(baseUrl: string): WebAudioSound {
  const context = new AudioContext();
  const root = `${baseUrl}${VOICE_DIR}/`;
  const load = audioFiles(context);
  const manifest = voicePacks(root);
  const listeners = new Set<(blocked: boolean) => void>();
  let recorded = new Map<string, number>();
  const bundled = async (lang: Lang, id: string) => {
    const file = (await manifest(lang))?.clips[id]?.file;
    return file ? load(`${root}${lang}/${file}`) : null;
  };

  const blocked = () => context.state !== 'running';
  context.addEventListener('statechange', () => listeners.forEach((l) => l(blocked())));

  const output: AudioOutput<AudioBuffer> = {
    canPlay: () => !blocked(),
    now: () => context.currentTime,
    chime: () => load(`${root}${CHIME_FILE}`),
    async clip(lang, id) {
      const version = recorded.get(`${lang}/${id}`);
      const own = version === undefined ? null : await load(recordedClipUrl(lang, id, version));
      return own ?? bundled(lang, id);
    },
    durationS: (buffer) => buffer.duration,
    play(buffer, atS) {
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.start(atS);
    },
    waitUntil: (atS) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, (atS - context.currentTime) * 1000)),
      ),
    speak: speechFallback(),
  };

  // Ask for both packs early, so the first call is not kept waiting for them.
  void manifest('lo');
  void manifest('en');
  // A context made without a user gesture starts suspended where autoplay is blocked.
  if (blocked()) {
    void context.resume().catch(() => {});
    setTimeout(() => listeners.forEach((l) => l(blocked())), AUTOPLAY_CHECK_MS);
  }

  return {
    output,
    isBlocked: blocked,
    onBlockedChange: (listener) => void listeners.add(listener),
    unlock: () => context.resume().catch(() => {}),
    useRecorded(clips) {
      recorded = new Map(clips.map((c) => [`${c.lang}/${c.clipId}`, c.version]));
    },
  };
}
