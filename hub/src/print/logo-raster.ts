/**
 * The centre's logo as a ticket prints it: a 1-bit raster for GS v 0, as
 * wide as the paper allows but no taller than LOGO_MAX_HEIGHT_DOTS and no
 * more than LOGO_MAX_RASTER_BYTES, so a ticket keeps to its size budget
 * (DESIGN.md "Printing": an 80 mm ticket near 9 KB) and its print time.
 * The white round the mark is cut off first, so the mark itself gets the
 * room. Colour and grey become dots by Floyd–Steinberg error diffusion,
 * which keeps a grey seal grey instead of a black blot; transparency is
 * paper. Drawn once per picture and paper width, then kept.
 */
import { createCanvas, Image } from '@napi-rs/canvas';
import type { LoadedLogo } from '../config/logo-image.js';
import type { Bitmap } from './escpos.js';

/** 15 mm at 203 dpi: a mark above the centre's name, not a poster. */
export const LOGO_MAX_HEIGHT_DOTS = 120;
/** A square logo at full height is ~1.8 KB; a wide one is made smaller to stay within this. */
export const LOGO_MAX_RASTER_BYTES = 2560;
/** Lighter than this (0–255) is paper when finding where the mark is. */
const PAPER_LUMA = 245;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Luminance of every pixel over white paper (alpha is coverage). */
function lumaOf(rgba: Uint8ClampedArray, pixels: number): Float32Array {
  const luma = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const a = (rgba[i * 4 + 3] ?? 0) / 255;
    const y =
      0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0);
    luma[i] = y * a + 255 * (1 - a);
  }
  return luma;
}

function inkBox(luma: Float32Array, width: number, height: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((luma[y * width + x] ?? 255) >= PAPER_LUMA) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** The printed size of a `box`: fits the paper, the height limit and the byte budget. */
export function fitLogo(box: { w: number; h: number }, paperDots: number) {
  const byBudget = Math.sqrt((LOGO_MAX_RASTER_BYTES * 8) / (box.w * box.h));
  const scale = Math.min(paperDots / box.w, LOGO_MAX_HEIGHT_DOTS / box.h, byBudget);
  let width = Math.max(1, Math.min(paperDots, Math.floor(box.w * scale)));
  let height = Math.max(1, Math.floor(box.h * scale));
  // Rows are whole bytes: rounding up the width may cost a few rows.
  while (Math.ceil(width / 8) * height > LOGO_MAX_RASTER_BYTES) {
    height -= 1;
    width = Math.max(1, Math.floor((box.w * height) / box.h));
  }
  return { width, height };
}

/** Floyd–Steinberg: each pixel's error goes on to its unprinted neighbours (7, 3, 5, 1 sixteenths). */
function dither(luma: Float32Array, width: number, height: number): Bitmap {
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * height);
  const spread = (x: number, y: number, error: number) => {
    if (x >= 0 && x < width && y < height) luma[y * width + x] = (luma[y * width + x] ?? 0) + error;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const old = luma[y * width + x] ?? 255;
      const black = old < 128;
      const error = old - (black ? 0 : 255);
      if (black)
        data[y * rowBytes + (x >> 3)] = (data[y * rowBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
      spread(x + 1, y, (error * 7) / 16);
      spread(x - 1, y + 1, (error * 3) / 16);
      spread(x, y + 1, (error * 5) / 16);
      spread(x + 1, y + 1, error / 16);
    }
  }
  return { widthDots: width, height, rowBytes, data };
}

function draw(logo: LoadedLogo, paperDots: number): Bitmap | null {
  const image = new Image();
  image.src = logo.data; // a Buffer decodes at once (the picture was decoded when it was checked)
  const { width, height } = image;
  if (width === 0 || height === 0) return null;
  const whole = createCanvas(width, height).getContext('2d');
  whole.drawImage(image, 0, 0);
  const box = inkBox(
    lumaOf(whole.getImageData(0, 0, width, height).data, width * height),
    width,
    height,
  );
  if (!box) return null; // all paper: nothing to print
  const size = fitLogo(box, paperDots);
  const ctx = createCanvas(size.width, size.height).getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, box.x, box.y, box.w, box.h, 0, 0, size.width, size.height);
  const pixels = ctx.getImageData(0, 0, size.width, size.height).data;
  return dither(lumaOf(pixels, size.width * size.height), size.width, size.height);
}

const LOGO_CACHE_ENTRIES = 4;
const cache = new Map<string, Bitmap | null>();

/** The logo's raster for this paper, or null when it has nothing to print. Bitmaps are shared. */
export function logoBitmap(logo: LoadedLogo, paperDots: number): Bitmap | null {
  const key = `${logo.sha256}|${paperDots}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const drawn = draw(logo, paperDots);
  if (cache.size >= LOGO_CACHE_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, drawn);
  return drawn;
}
