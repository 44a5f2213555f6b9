/**
 * The ESC/POS commands Khiu sends, and nothing else (Epson's ESC/POS
 * reference; every 58/80 mm printer we met speaks this subset). The npm
 * encoders send QR codes with a command many printers ignore, cannot read
 * status, or are unmaintained; this one is small enough to test byte by byte.
 */
const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

export const ALIGNS = { left: 0, center: 1, right: 2 } as const;
export type Align = keyof typeof ALIGNS;

export const QR_ERROR_LEVELS = { L: 48, M: 49, Q: 50, H: 51 } as const;
export type QrErrorLevel = keyof typeof QR_ERROR_LEVELS;

/** GS v 0 takes at most this many rows per command on common printers' buffers. */
export const RASTER_BAND_ROWS = 256;
/** The QR store command's length field is 16 bits, minus its 3 header bytes; keep well inside. */
const QR_MAX_BYTES = 1024;

export class EscPosError extends Error {}

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/** A 1-bit image: `rowBytes` bytes per row, most significant bit leftmost, 1 = black. */
export interface Bitmap {
  widthDots: number;
  height: number;
  rowBytes: number;
  data: Uint8Array;
}

export class EscPosWriter {
  private chunks: Uint8Array[] = [];
  private total = 0;

  private push(bytes: number[] | Uint8Array): this {
    const chunk = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.chunks.push(chunk);
    this.total += chunk.length;
    return this;
  }

  /** ESC @: forget any mode a previous job left set. */
  init(): this {
    return this.push([ESC, 0x40]);
  }

  /** ESC a n: applies to text, raster images and QR codes that follow. */
  align(align: Align): this {
    return this.push([ESC, 0x61, ALIGNS[align]]);
  }

  /** GS ! n: character width and height multipliers, 1 to 8 each. */
  size(width: number, height: number): this {
    for (const m of [width, height]) {
      if (!Number.isInteger(m) || m < 1 || m > 8) throw new EscPosError(`text size ${m} not 1–8`);
    }
    return this.push([GS, 0x21, ((width - 1) << 4) | (height - 1)]);
  }

  /** ESC E n. */
  bold(on: boolean): this {
    return this.push([ESC, 0x45, on ? 1 : 0]);
  }

  /** Printable ASCII only, then LF. The printer has no Lao: Lao goes through `raster`. */
  line(text: string): this {
    if (!/^[\x20-\x7e]*$/.test(text)) {
      throw new EscPosError(`native text must be printable ASCII: ${JSON.stringify(text)}`);
    }
    return this.push([...Buffer.from(text, 'ascii'), LF]);
  }

  /** ESC J n: feed n dots (0–255). */
  feedDots(dots: number): this {
    if (!Number.isInteger(dots) || dots < 0 || dots > 255) throw new EscPosError(`feed ${dots}`);
    return this.push([ESC, 0x4a, dots]);
  }

  /** ESC d n: feed n lines. */
  feedLines(lines: number): this {
    if (!Number.isInteger(lines) || lines < 0 || lines > 255)
      throw new EscPosError(`feed ${lines}`);
    return this.push([ESC, 0x64, lines]);
  }

  /** GS v 0, in bands of at most RASTER_BAND_ROWS rows. */
  raster(image: Bitmap): this {
    if (image.data.length !== image.rowBytes * image.height) {
      throw new EscPosError('raster data does not match its size');
    }
    for (let top = 0; top < image.height; top += RASTER_BAND_ROWS) {
      const rows = Math.min(RASTER_BAND_ROWS, image.height - top);
      this.push([GS, 0x76, 0x30, 0, ...u16(image.rowBytes), ...u16(rows)]);
      this.push(image.data.subarray(top * image.rowBytes, (top + rows) * image.rowBytes));
    }
    return this;
  }

  /** GS ( k, model 2: select model, module size, error level, store the data, print it. */
  qr(data: string, moduleDots: number, level: QrErrorLevel = 'M'): this {
    const bytes = Buffer.from(data, 'utf8');
    if (bytes.length === 0 || bytes.length > QR_MAX_BYTES) {
      throw new EscPosError(`QR data must be 1–${QR_MAX_BYTES} bytes`);
    }
    if (!Number.isInteger(moduleDots) || moduleDots < 1 || moduleDots > 16) {
      throw new EscPosError(`QR module size ${moduleDots} not 1–16`);
    }
    const fn = (cn: number, fnCode: number, ...params: number[]) =>
      this.push([GS, 0x28, 0x6b, ...u16(params.length + 2), cn, fnCode, ...params]);
    fn(0x31, 0x41, 0x32, 0x00); // function 165: model 2
    fn(0x31, 0x43, moduleDots); // function 167: module size
    fn(0x31, 0x45, QR_ERROR_LEVELS[level]); // function 169: error correction
    this.push([GS, 0x28, 0x6b, ...u16(bytes.length + 3), 0x31, 0x50, 0x30]); // 180: store
    this.push(bytes);
    return fn(0x31, 0x51, 0x30); // function 181: print
  }

  /** GS V 66 n: feed n dots to the cutter, then a partial cut (leaves a hinge, the roll stays tidy). */
  cut(feedDots = 0): this {
    return this.push([GS, 0x56, 66, feedDots]);
  }

  /** GS a n: ask for Automatic Status Back on every change (n = 0 turns it off). */
  autoStatus(on: boolean): this {
    return this.push([GS, 0x61, on ? 0x0f : 0]);
  }

  get length(): number {
    return this.total;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** DLE EOT n: real-time status; answered at once, even when the printer is offline. */
export const statusQuery = (n: 1 | 2 | 3 | 4) => Uint8Array.of(0x10, 0x04, n);
