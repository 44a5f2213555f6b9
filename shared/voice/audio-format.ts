/**
 * What a recorded or uploaded clip may be: one of four audio containers,
 * told by its first bytes (never by a name or a header a browser made up),
 * and small: a clip is one word or a short phrase. The console checks a file
 * with this before sending it, and the hub again before storing it.
 */

/** A word is under a second; ten seconds of WAV at 48 kHz (16-bit mono) is just under 1 MB. */
export const MAX_CLIP_BYTES = 1024 * 1024;
/** Anything shorter holds no sound at all. */
export const MIN_CLIP_BYTES = 64;

export const CLIP_MIMES = ['audio/webm', 'audio/ogg', 'audio/wav', 'audio/mpeg'] as const;
export type ClipMime = (typeof CLIP_MIMES)[number];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The container the bytes hold, from their magic numbers; null for anything else. */
export function sniffAudio(bytes: Uint8Array): ClipMime | null {
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm'; // EBML (WebM, Matroska)
  if (startsWith(bytes, ascii('OggS'))) return 'audio/ogg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wav';
  if (startsWith(bytes, ascii('ID3'))) return 'audio/mpeg';
  // An MPEG audio frame without a tag: 11 sync bits, then a layer that is not "reserved".
  const [b0, b1] = [bytes[0] ?? 0, bytes[1] ?? 0];
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'audio/mpeg';
  return null;
}

export type ClipProblem = 'clip-too-large' | 'clip-too-small' | 'clip-not-audio';

/** Why these bytes cannot be a clip, or null when they can. */
export function clipProblem(bytes: Uint8Array): ClipProblem | null {
  if (bytes.length > MAX_CLIP_BYTES) return 'clip-too-large';
  if (bytes.length < MIN_CLIP_BYTES) return 'clip-too-small';
  return sniffAudio(bytes) === null ? 'clip-not-audio' : null;
}
