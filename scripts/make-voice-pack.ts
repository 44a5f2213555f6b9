/**
 * Makes the display's sounds once, to be committed (run by a maintainer, not by
 * tests or CI, which use the committed files):
 *
 *   apt-get install -y espeak-ng ffmpeg && npx tsx scripts/make-voice-pack.ts
 *
 * - voice/chime.wav: three sine tones with a soft attack and a long decay,
 *   synthesised here sample by sample (no tool needed).
 * - voice/en/: every English clip spoken by espeak-ng (voice en-us), silence
 *   trimmed, encoded as small Ogg Opus files by ffmpeg, and its manifest.json.
 * - voice/lo/manifest.json: the Lao clips to record, with the Lao text of each;
 *   no audio (no Lao speech synthesiser exists offline).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VOICE_CLIPS } from '../shared/voice/clips.js';
import type { VoicePackManifest } from '../shared/voice/voice-pack.js';

const OUT = join(import.meta.dirname, '..', 'display', 'public', 'voice');
const SAMPLE_RATE_HZ = 22_050;
const ESPEAK_VOICE = 'en-us';
const ESPEAK_WORDS_PER_MIN = '140';
const OPUS_BITRATE = '24k';
const WORD_GAP_S = 0.07;

/** A ding-dong-ding: E5, C5, G5, each ringing on under the next. */
const CHIME_NOTES = [
  { hz: 659.25, startS: 0, lengthS: 1.1 },
  { hz: 523.25, startS: 0.38, lengthS: 1.1 },
  { hz: 783.99, startS: 0.76, lengthS: 1.3 },
] as const;
const CHIME_LENGTH_S = 2.1;
const ATTACK_S = 0.012;
const PEAK = 0.28;

function chimeSamples(): Int16Array {
  const samples = new Int16Array(Math.round(CHIME_LENGTH_S * SAMPLE_RATE_HZ));
  for (let i = 0; i < samples.length; i++) {
    const t = i / SAMPLE_RATE_HZ;
    let v = 0;
    for (const n of CHIME_NOTES) {
      const local = t - n.startS;
      if (local < 0 || local > n.lengthS) continue;
      const envelope = Math.min(1, local / ATTACK_S) * Math.exp((-4 * local) / n.lengthS);
      // A quiet octave above gives the bell its brightness.
      v +=
        envelope *
        (Math.sin(2 * Math.PI * n.hz * local) + 0.25 * Math.sin(4 * Math.PI * n.hz * local));
    }
    samples[i] = Math.round(Math.max(-1, Math.min(1, v * PEAK)) * 32767);
  }
  return samples;
}

function wavFile(samples: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(SAMPLE_RATE_HZ * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, dataBytes)]);
}

function speakEnglish(text: string, file: string, tmp: string) {
  const wav = join(tmp, 'clip.wav');
  execFileSync('espeak-ng', ['-v', ESPEAK_VOICE, '-s', ESPEAK_WORDS_PER_MIN, '-w', wav, text]);
  // Trim the uneven silence espeak leaves at both ends, then end every clip with the
  // same short breath, so clips played back to back sound like one spoken sentence.
  const trim =
    'silenceremove=start_periods=1:start_threshold=-50dB,areverse,' +
    'silenceremove=start_periods=1:start_threshold=-50dB,areverse,' +
    `apad=pad_dur=${WORD_GAP_S}`;
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-i',
    wav,
    '-af',
    trim,
    '-ac',
    '1',
    '-c:a',
    'libopus',
    '-b:a',
    OPUS_BITRATE,
    '-fflags',
    '+bitexact',
    '-map_metadata',
    '-1',
    file,
  ]);
}

function writeManifest(manifest: VoicePackManifest) {
  const dir = join(OUT, manifest.lang);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function main() {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'chime.wav'), wavFile(chimeSamples()));

  const tmp = mkdtempSync(join(tmpdir(), 'khiu-voice-'));
  // "eSpeak NG text-to-speech: 1.51  Data at: …": the name and version, not this machine's paths.
  const version = execFileSync('espeak-ng', ['--version']).toString().split('  ')[0]?.trim();
  try {
    const en: VoicePackManifest = {
      lang: 'en',
      source: `${version}, voice ${ESPEAK_VOICE} at ${ESPEAK_WORDS_PER_MIN} words/min; ffmpeg libopus ${OPUS_BITRATE}`,
      clips: {},
    };
    mkdirSync(join(OUT, 'en'), { recursive: true });
    for (const clip of VOICE_CLIPS.en) {
      const file = `${clip.id.toLowerCase()}.ogg`;
      speakEnglish(clip.text, join(OUT, 'en', file), tmp);
      en.clips[clip.id] = { text: clip.text, file };
    }
    writeManifest(en);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  writeManifest({
    lang: 'lo',
    source: 'To be recorded by a Lao speaker: see docs/operations.md "Voice packs"',
    clips: Object.fromEntries(VOICE_CLIPS.lo.map((c) => [c.id, { text: c.text, file: null }])),
  });
  process.stdout.write(`voice pack written to ${OUT}\n`);
}

main();
