/**
 * The paper of the fake printer: a 1-bit strip as wide as the head, grown a
 * line at a time, drawn on by text, raster images and QR codes, and written
 * out as a PNG when the job is cut.
 */
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { registerPrintFonts, PRINT_LATIN_FONT } from '../../hub/src/print/fonts.js';

export type Align = 'left' | 'center' | 'right';

/** Font A: 12 × 24 dots a character. */
export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;
const WHITE_MARGIN_DOTS = 16;

export class Page {
  /** One byte per dot, 1 = black. */
  private rows: Uint8Array[] = [];

  constructor(readonly widthDots: number) {}

  get height(): number {
    return this.rows.length;
  }

  feed(dots: number) {
    for (let i = 0; i < dots; i++) this.rows.push(new Uint8Array(this.widthDots));
  }

  private left(width: number, align: Align): number {
    const room = Math.max(0, this.widthDots - width);
    return align === 'left' ? 0 : align === 'center' ? Math.floor(room / 2) : room;
  }

  /** Draws a width × height block of dots given by `dot(x, y)`, then moves below it. */
  private block(
    width: number,
    height: number,
    align: Align,
    dot: (x: number, y: number) => boolean,
  ) {
    const x0 = this.left(width, align);
    for (let y = 0; y < height; y++) {
      const row = new Uint8Array(this.widthDots);
      for (let x = 0; x < width && x0 + x < this.widthDots; x++) if (dot(x, y)) row[x0 + x] = 1;
      this.rows.push(row);
    }
  }

  /** GS v 0 data: `rowBytes` bytes a row, MSB leftmost. */
  raster(data: Uint8Array, rowBytes: number, height: number, align: Align) {
    this.block(rowBytes * 8, height, align, (x, y) => {
      const byte = data[y * rowBytes + (x >> 3)] ?? 0;
      return (byte & (0x80 >> (x & 7))) !== 0;
    });
  }

  /** A line of native text in font A, each character in its cell, scaled w × h. */
  text(text: string, w: number, h: number, bold: boolean, align: Align) {
    registerPrintFonts();
    const width = Math.max(1, text.length * CELL_WIDTH);
    const canvas = createCanvas(width, CELL_HEIGHT);
    const ctx = canvas.getContext('2d');
    ctx.font = `${bold ? 'bold ' : ''}20px "${PRINT_LATIN_FONT}"`;
    ctx.textAlign = 'center';
    ctx.fillStyle = '#000';
    [...text].forEach((ch, i) => ctx.fillText(ch, i * CELL_WIDTH + CELL_WIDTH / 2, 19, CELL_WIDTH));
    const alpha = ctx.getImageData(0, 0, width, CELL_HEIGHT).data;
    this.block(width * w, CELL_HEIGHT * h, align, (x, y) => {
      const a = alpha[(Math.floor(y / h) * width + Math.floor(x / w)) * 4 + 3] ?? 0;
      return a > 110;
    });
  }

  /** The QR code a printer draws for GS ( k: the stored data, model 2, this module size. */
  qr(data: string, moduleDots: number, level: 'L' | 'M' | 'Q' | 'H', align: Align) {
    const { modules } = QRCode.create(data, { errorCorrectionLevel: level });
    const side = modules.size * moduleDots;
    this.block(side, side, align, (x, y) =>
      Boolean(modules.get(Math.floor(y / moduleDots), Math.floor(x / moduleDots))),
    );
  }

  /** The page as a grayscale PNG, with a white margin round it as the paper has. */
  png(): Buffer {
    const m = WHITE_MARGIN_DOTS;
    const png = new PNG({ width: this.widthDots + 2 * m, height: this.rows.length + 2 * m });
    png.data.fill(255);
    this.rows.forEach((row, y) => {
      row.forEach((black, x) => {
        if (!black) return;
        const at = ((y + m) * png.width + x + m) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 0;
      });
    });
    return PNG.sync.write(png);
  }
}
