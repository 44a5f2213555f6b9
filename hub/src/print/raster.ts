/**
 * Lao lines drawn to a 1-bit image for GS v 0. Lao writes no spaces between
 * words, so lines break where `Intl.Segmenter('lo')` finds word boundaries;
 * a word wider than the paper breaks between grapheme clusters, never inside
 * one (a vowel or tone mark stays on its consonant).
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { printFont, registerPrintFonts } from './fonts.js';
import type { Bitmap } from './escpos.js';

export interface RasterLine {
  text: string;
  px: number;
  bold?: boolean;
}

/** A pixel darker than this (0–255) prints black. */
const INK_THRESHOLD = 140;
/** Room for stacked marks: Lao vowels and tone marks above, and signs below, need about 1.6 em. */
const LINE_HEIGHT_EM = 1.6;
const ASCENT_EM = 1.12;

const wordSegmenter = new Intl.Segmenter('lo', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('lo', { granularity: 'grapheme' });

/** Splits a word that alone is wider than the line between grapheme clusters. */
function splitLongWord(ctx: SKRSContext2D, word: string, maxWidth: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const { segment } of graphemeSegmenter.segment(word)) {
    if (current && ctx.measureText(current + segment).width > maxWidth) {
      parts.push(current);
      current = segment;
    } else current += segment;
  }
  return current ? [...parts, current] : parts;
}

/** Greedy line breaking at word boundaries; spaces at a break are dropped. */
export function wrapText(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const { segment } of wordSegmenter.segment(text.trim())) {
    const candidate = current + segment;
    if (ctx.measureText(candidate.trimEnd()).width <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current.trim()) lines.push(current.trim());
    current = segment.trimStart();
    if (ctx.measureText(current).width > maxWidth) {
      const parts = splitLongWord(ctx, current, maxWidth);
      current = parts.pop() ?? '';
      lines.push(...parts);
    }
  }
  if (current.trim()) lines.push(current.trim());
  return lines;
}

const measureCanvas = createCanvas(1, 1);

/** The lines each input line wraps to at this width, with their size. */
function layoutLines(lines: readonly RasterLine[], maxWidthDots: number): RasterLine[] {
  registerPrintFonts();
  const ctx = measureCanvas.getContext('2d');
  return lines.flatMap((line) => {
    ctx.font = printFont(line.px, line.bold);
    return wrapText(ctx, line.text, maxWidthDots).map((text) => ({ ...line, text }));
  });
}

/** Packs the dark pixels of a canvas region into a 1-bit bitmap. */
function threshold(rgba: Uint8ClampedArray, width: number, height: number): Bitmap {
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Black ink on a transparent canvas: the alpha channel is the coverage.
      if ((rgba[(y * width + x) * 4 + 3] ?? 0) > 255 - INK_THRESHOLD) {
        const at = y * rowBytes + (x >> 3);
        data[at] = (data[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return { widthDots: width, height, rowBytes, data };
}

/** Drops blank rows above and below, so a ticket feeds no empty raster. */
function trimRows(image: Bitmap): Bitmap {
  const blank = (y: number) =>
    image.data.subarray(y * image.rowBytes, (y + 1) * image.rowBytes).every((b) => b === 0);
  let top = 0;
  let bottom = image.height;
  while (top < bottom && blank(top)) top++;
  while (bottom > top && blank(bottom - 1)) bottom--;
  return {
    ...image,
    height: bottom - top,
    data: image.data.slice(top * image.rowBytes, bottom * image.rowBytes),
  };
}

/**
 * Draws lines that already fit the width, each centred, into one bitmap no
 * wider than the widest line (the printer centres the image).
 */
function drawLines(laid: readonly RasterLine[], maxWidthDots: number): Bitmap {
  const ctx0 = measureCanvas.getContext('2d');
  const widths = laid.map((l) => {
    ctx0.font = printFont(l.px, l.bold);
    return Math.ceil(ctx0.measureText(l.text).width);
  });
  const width = Math.min(maxWidthDots, Math.max(8, ...widths.map((w) => w + 2)));
  const height = Math.ceil(laid.reduce((sum, l) => sum + l.px * LINE_HEIGHT_EM, 0));
  if (height === 0) return { widthDots: 8, height: 0, rowBytes: 1, data: new Uint8Array(0) };
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  let top = 0;
  for (const line of laid) {
    ctx.font = printFont(line.px, line.bold);
    ctx.fillText(line.text, width / 2, top + line.px * ASCENT_EM);
    top += line.px * LINE_HEIGHT_EM;
  }
  return trimRows(threshold(ctx.getImageData(0, 0, width, height).data, width, height));
}

/**
 * A ticket's lines repeat all day (the centre, each service, the notice, the
 * fee): drawn once, kept. Bitmaps are never changed after drawing, so they are
 * shared. Bounded, oldest dropped first.
 */
const RASTER_CACHE_ENTRIES = 512;
const cache = new Map<string, Bitmap[]>();

export function clearRasterCache(): void {
  cache.clear();
}

/** Each wrapped line of `line` as its own trimmed bitmap. */
export function renderRasterLines(line: RasterLine, maxWidthDots: number): Bitmap[] {
  const key = `${maxWidthDots}|${line.px}|${line.bold ? 'b' : ''}|${line.text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const drawn = layoutLines([line], maxWidthDots).map((one) => drawLines([one], maxWidthDots));
  if (cache.size >= RASTER_CACHE_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, drawn);
  return drawn;
}
