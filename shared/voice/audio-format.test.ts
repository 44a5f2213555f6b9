import { describe, expect, it } from 'vitest';
import { clipProblem, MAX_CLIP_BYTES, sniffAudio } from './audio-format.js';

const withHead = (head: number[] | string, size = 200) => {
  const bytes = new Uint8Array(size);
  const magic = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
  bytes.set(magic);
  return bytes;
};

describe('audio clips by their first bytes', () => {
  it('knows WebM, Ogg, WAV and MP3 (tagged or bare frames)', () => {
    expect(sniffAudio(withHead([0x1a, 0x45, 0xdf, 0xa3]))).toBe('audio/webm');
    expect(sniffAudio(withHead('OggS'))).toBe('audio/ogg');
    expect(sniffAudio(withHead('RIFF\0\0\0\0WAVE'))).toBe('audio/wav');
    expect(sniffAudio(withHead('ID3'))).toBe('audio/mpeg');
    expect(sniffAudio(withHead([0xff, 0xfb, 0x90]))).toBe('audio/mpeg');
  });

  it('refuses anything else, a RIFF that is not WAVE, and the wrong sizes', () => {
    expect(sniffAudio(withHead('<html>'))).toBeNull();
    expect(sniffAudio(withHead('RIFF\0\0\0\0AVI '))).toBeNull();
    expect(sniffAudio(withHead([0xff, 0xe0]))).toBeNull(); // layer "reserved"
    expect(clipProblem(withHead('%PDF-1.7'))).toBe('clip-not-audio');
    expect(clipProblem(withHead('OggS', 10))).toBe('clip-too-small');
    expect(clipProblem(withHead('OggS', MAX_CLIP_BYTES + 1))).toBe('clip-too-large');
    expect(clipProblem(withHead('OggS'))).toBeNull();
  });
});
