/**
 * What the hub takes as the centre's logo. A picture is known by its first
 * bytes, never by its name or the type a browser claims: only PNG and JPEG
 * pass, so what the hub later serves as an image cannot be markup (an SVG
 * can carry script, and is refused by name). Its size is read from its
 * header before anything decodes it, so a small file that unpacks to a
 * gigapixel is refused unread; then it is decoded once, so a damaged file
 * never reaches a ticket. The row keeps the bytes as base64 (`centre.logo`).
 */
import { createHash } from 'node:crypto';
import { loadImage } from '@napi-rs/canvas';
import { HubError } from '../hub-error.js';
import {
  LOGO_FIELD,
  LOGO_MAX_ASPECT,
  LOGO_MAX_BYTES,
  LOGO_MAX_SIDE_PX,
  LOGO_MIN_SIDE_PX,
  LOGO_PATH,
  type CentreLogo,
  type LogoIssue,
  type LogoType,
} from '../../../shared/protocol.js';

/** A logo as the configuration in force holds it: its bytes, and what apps are told of it. */
export interface LoadedLogo {
  data: Buffer;
  info: CentreLogo;
  /** Names the picture: caches of drawn tickets and the `ETag` key on it. */
  sha256: string;
}

/** Bytes that passed every check of `checkLogo`; only these are written. */
export interface CheckedLogo {
  readonly data: Buffer;
  readonly checked: true;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** JPEG start-of-frame markers (C4 DHT, C8 JPG and CC DAC share the range but are not frames). */
const JPEG_FRAMES = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);
/** Markers with no length after them. */
const JPEG_STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7]);

export const refuseLogo = (issue: LogoIssue, message: string) =>
  new HubError('invalid-request', message, undefined, {
    fields: [{ path: LOGO_FIELD, issue }],
  });

interface Header {
  type: LogoType;
  width: number;
  height: number;
}

function pngHeader(b: Buffer): Header {
  // The signature, then IHDR first: length 13, "IHDR", width, height.
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') {
    throw refuseLogo('logo-damaged', 'The PNG file is damaged');
  }
  return { type: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegHeader(b: Buffer): Header {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (JPEG_STANDALONE.has(marker)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // the end, or the scan, before any frame
    const length = b.readUInt16BE(at + 2);
    if (JPEG_FRAMES.has(marker)) {
      if (at + 9 > b.length) break;
      return { type: 'image/jpeg', height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw refuseLogo('logo-damaged', 'The JPEG file is damaged');
}

/** Every chunk in its place, up to IEND: a file cut short decodes as half a picture otherwise. */
function pngComplete(b: Buffer): boolean {
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    at += 12 + length;
    if (type === 'IEND') return at <= b.length;
  }
  return false;
}

/** A JPEG ends at its EOI marker (some cameras pad after it). */
function jpegComplete(b: Buffer): boolean {
  let end = b.length;
  while (end > 2 && b[end - 1] === 0) end--;
  return b[end - 2] === 0xff && b[end - 1] === 0xd9;
}

/** SVG is XML text: an optional byte-order mark, white space, then `<?xml`, `<!--` or `<svg`. */
function looksLikeSvg(b: Buffer): boolean {
  const head = b.toString('utf8', 0, Math.min(b.length, 4096)).replace(/^\uFEFF/, '');
  return /^\s*</.test(head) && /<svg[\s>]/i.test(head);
}

/** The type and size a picture's header says, or why it is no logo. Reads no pixel. */
export function logoHeader(data: Buffer): Header {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return pngHeader(data);
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return jpegHeader(data);
  if (looksLikeSvg(data)) {
    throw refuseLogo('logo-svg', 'SVG is not accepted (it can carry script): use PNG or JPEG');
  }
  throw refuseLogo('logo-not-image', 'The logo must be a PNG or JPEG picture');
}

function checkSize({ width, height }: Header) {
  const sides = [width, height];
  const long = Math.max(...sides);
  const short = Math.min(...sides);
  if (short < LOGO_MIN_SIDE_PX || long > LOGO_MAX_SIDE_PX || long > short * LOGO_MAX_ASPECT) {
    throw refuseLogo(
      'logo-dimensions',
      `A logo of ${width} × ${height} pixels: each side must be ${LOGO_MIN_SIDE_PX}–${LOGO_MAX_SIDE_PX}, ` +
        `at most ${LOGO_MAX_ASPECT} times the other`,
    );
  }
}

/** Every check, in the order that costs least; the bytes, marked checked, or a field refusal. */
export async function checkLogo(data: Buffer): Promise<CheckedLogo> {
  if (data.length > LOGO_MAX_BYTES) {
    throw refuseLogo('logo-too-large', `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB`);
  }
  if (data.length === 0) throw refuseLogo('logo-not-image', 'No picture was sent');
  const header = logoHeader(data);
  checkSize(header);
  const complete = header.type === 'image/png' ? pngComplete(data) : jpegComplete(data);
  const image = complete ? await loadImage(data).catch(() => null) : null;
  if (!image || image.width !== header.width || image.height !== header.height) {
    throw refuseLogo('logo-damaged', 'The picture could not be read: it is damaged');
  }
  return { data, checked: true };
}

/**
 * The logo a row holds, or null for none. A value that is not a picture (the
 * row edited by hand) is no logo either: nothing but a checked PNG or JPEG is
 * ever served or printed.
 */
export function logoFromColumn(base64: string | null): LoadedLogo | null {
  if (base64 === null) return null;
  const data = Buffer.from(base64, 'base64');
  let header: Header;
  try {
    header = logoHeader(data);
    checkSize(header);
  } catch {
    return null;
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  const { type, width, height } = header;
  return {
    data,
    sha256,
    info: { url: `${LOGO_PATH}?v=${sha256.slice(0, 16)}`, type, width, height, bytes: data.length },
  };
}
