/**
 * The committed sounds are what every display plays: check them as files,
 * without espeak or ffmpeg (scripts/make-voice-pack.ts made them).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VOICE_CLIPS } from '../shared/voice/clips.js';
import { VoicePackManifestSchema } from '../shared/voice/voice-pack.js';

const VOICE = join(import.meta.dirname, '..', 'display', 'public', 'voice');
const PACK_BYTES_MAX = 1.5 * 1024 * 1024;

function manifest(lang: 'lo' | 'en') {
  return VoicePackManifestSchema.parse(
    JSON.parse(readFileSync(join(VOICE, lang, 'manifest.json'), 'utf8')),
  );
}

function totalBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? totalBytes(path) : statSync(path).size);
  }, 0);
}

describe('the committed voice packs', () => {
  it('has an English file for every English clip, each a real Ogg stream', () => {
    const en = manifest('en');
    expect(Object.keys(en.clips).sort()).toEqual(VOICE_CLIPS.en.map((c) => c.id).sort());
    for (const clip of VOICE_CLIPS.en) {
      const entry = en.clips[clip.id];
      expect(entry?.text, clip.id).toBe(clip.text);
      const file = join(VOICE, 'en', entry?.file ?? 'missing');
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('OggS');
    }
  });

  it('lists every Lao clip to record with its Lao text, and no file that is not there', () => {
    const lo = manifest('lo');
    expect(Object.keys(lo.clips).sort()).toEqual(VOICE_CLIPS.lo.map((c) => c.id).sort());
    for (const clip of VOICE_CLIPS.lo) {
      const entry = lo.clips[clip.id];
      expect(entry?.text).toBe(clip.text);
      if (entry?.file) expect(existsSync(join(VOICE, 'lo', entry.file)), entry.file).toBe(true);
    }
  });

  it('has a chime that is a mono 16-bit WAV of about two seconds', () => {
    const wav = readFileSync(join(VOICE, 'chime.wav'));
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(wav.readUInt16LE(22)).toBe(1); // channels
    expect(wav.readUInt16LE(34)).toBe(16); // bits per sample
    const seconds = wav.readUInt32LE(40) / (wav.readUInt32LE(24) * 2);
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(3);
  });

  it(`stays small: under ${PACK_BYTES_MAX / 1024 / 1024} MB in all`, () => {
    expect(totalBytes(VOICE)).toBeLessThan(PACK_BYTES_MAX);
  });
});
