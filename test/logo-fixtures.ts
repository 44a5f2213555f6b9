/**
 * Pictures for the logo tests: a real emblem (PNG and JPEG, drawn here, so
 * nothing binary is committed), and the files a hub must refuse — an SVG
 * with a script, a PNG too large, one that claims to be 20000 pixels wide,
 * one too thin, a GIF and a page named .png, and a PNG cut short.
 */
import { randomBytes } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { registerPrintFonts, PRINT_LATIN_FONT } from '../hub/src/print/fonts.js';
import { LOGO_MAX_BYTES, LOGO_PATH } from '../shared/protocol.js';

/** A round seal: navy ring, red field, a white star, "ODSC" under it, on a transparent square. */
function drawEmblem(side: number) {
  registerPrintFonts();
  const canvas = createCanvas(side, side);
  const ctx = canvas.getContext('2d');
  const c = side / 2;
  ctx.fillStyle = '#1d3a8a';
  ctx.beginPath();
  ctx.arc(c, c, c - 2, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#c8102e';
  ctx.beginPath();
  ctx.arc(c, c, c * 0.78, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? c * 0.42 : c * 0.17;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(c + r * Math.cos(a), c * 0.86 + r * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold ${Math.round(side * 0.14)}px "${PRINT_LATIN_FONT}"`;
  ctx.textAlign = 'center';
  ctx.fillText('ODSC', c, c * 1.55);
  return canvas;
}

export const emblemPng = (side = 240): Buffer => drawEmblem(side).toBuffer('image/png');

export function emblemJpeg(side = 240): Buffer {
  const canvas = createCanvas(side, side);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, side, side);
  ctx.drawImage(drawEmblem(side), 0, 0);
  return canvas.toBuffer('image/jpeg', 90);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">' +
    '<script>alert(document.cookie)</script><circle cx="50" cy="50" r="40"/></svg>',
);

/** Noise does not compress: a real PNG of about 400 KB. */
export function tooLargePng(): Buffer {
  const png = new PNG({ width: 330, height: 330 });
  randomBytes(png.data.length).copy(png.data);
  const out = PNG.sync.write(png);
  if (out.length <= LOGO_MAX_BYTES) throw new Error('the noise compressed after all');
  return out;
}

/** A PNG header claiming 20000 × 20000 pixels (1.6 GB unpacked), and a few bytes of nothing. */
export function hugeHeaderPng(): Buffer {
  const real = PNG.sync.write(new PNG({ width: 16, height: 16 }));
  const out = Buffer.from(real);
  out.writeUInt32BE(20_000, 16);
  out.writeUInt32BE(20_000, 20);
  return out;
}

/** A real 2000 × 20 strip: 100 times wider than tall. */
export function stripPng(): Buffer {
  const canvas = createCanvas(2000, 20);
  canvas.getContext('2d').fillRect(0, 0, 2000, 20);
  return canvas.toBuffer('image/png');
}

export const GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
);
export const HTML_NAMED_PNG = Buffer.from('<html><body><script>alert(1)</script></body></html>');
export const truncatedPng = (): Buffer => emblemPng().subarray(0, 200);

/** `PUT` or `DELETE` the logo as the console does. */
export function changeLogo(
  hubUrl: string,
  opts: { body?: Buffer; version: number | string; session?: string; device?: string },
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (opts.session) headers.authorization = `Bearer ${opts.session}`;
  if (opts.device) headers['x-khiu-device'] = opts.device;
  return fetch(`${hubUrl}${LOGO_PATH}?version=${opts.version}`, {
    method: opts.body ? 'PUT' : 'DELETE',
    headers,
    ...(opts.body ? { body: new Uint8Array(opts.body) } : {}),
  });
}
