/**
 * Reads an ESC/POS byte stream the way a printer does: commands may arrive
 * split across any number of reads; real-time status queries (DLE EOT) are
 * answered as soon as they are complete; GS r (transmit status) is answered
 * in its turn, after every byte before it; everything else is drawn on a
 * `Page`, which becomes one decoded ticket at each cut. A command it does not
 * know is recorded, so a test sees it instead of a silently blank ticket.
 */
import { CELL_HEIGHT, Page, type Align } from './page.js';

export type DecodedItem =
  | { kind: 'text'; text: string; width: number; height: number; bold: boolean; align: Align }
  | { kind: 'raster'; rowBytes: number; height: number; align: Align }
  | { kind: 'qr'; data: string; moduleDots: number; level: 'L' | 'M' | 'Q' | 'H' }
  | { kind: 'cut'; partial: boolean };

export interface DecodedTicket {
  items: DecodedItem[];
  png: Buffer;
  /** Every byte of the job, from the first byte after the previous cut to this cut. */
  bytes: Buffer;
}

export interface DecoderHooks {
  /** DLE EOT n arrived: answer it. */
  status(n: number): void;
  /** GS a n arrived: automatic status back on (n ≠ 0) or off. */
  autoStatus(on: boolean): void;
  /** GS r n was reached, after everything sent before it: answer it. */
  transmitStatus(n: number): void;
  /** False while paper is out, the cover open or the printer offline: print data is lost. */
  ready(): boolean;
  ticket(ticket: DecodedTicket): void;
}

const ALIGN_OF: Record<number, Align> = {
  0: 'left',
  1: 'center',
  2: 'right',
  48: 'left',
  49: 'center',
  50: 'right',
};
const QR_LEVEL: Record<number, 'L' | 'M' | 'Q' | 'H'> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };
const DEFAULT_LINE_DOTS = 30;

export class EscPosDecoder {
  private buf = Buffer.alloc(0);
  private job: Buffer[] = [];
  private page: Page;
  private items: DecodedItem[] = [];
  private line = '';
  private align: Align = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private qrData = '';
  private qrModule = 3;
  private qrLevel: 'L' | 'M' | 'Q' | 'H' = 'L';
  /** Bytes that arrived while the printer could not print. */
  discarded = 0;
  /** Commands this decoder does not know, as hex. */
  readonly unknown: string[] = [];

  constructor(
    readonly paperDots: number,
    private hooks: DecoderHooks,
  ) {
    this.page = new Page(paperDots);
  }

  push(chunk: Uint8Array) {
    this.buf = Buffer.concat([this.buf, chunk]);
    let at = 0;
    for (;;) {
      const used = this.command(at);
      if (used === 0) break;
      at += used;
    }
    this.buf = this.buf.subarray(at);
  }

  /** Handles the command at `at`; returns its length, or 0 if it is not all here yet. */
  private command(at: number): number {
    const b = this.buf;
    const need = (n: number) => b.length - at >= n;
    if (!need(1)) return 0;
    const first = b[at] ?? 0;
    if (first === 0x10) {
      if (!need(3)) return 0;
      if (b[at + 1] === 0x04) this.hooks.status(b[at + 2] ?? 0);
      else this.unknown.push(b.subarray(at, at + 3).toString('hex'));
      return 3;
    }
    const length = this.lengthOf(at);
    if (length === 0 || !need(length)) return 0;
    const cmd = b.subarray(at, at + length);
    if (cmd[0] === 0x1d && cmd[1] === 0x61) this.hooks.autoStatus(cmd[2] !== 0);
    else if (!this.hooks.ready()) this.discarded += length;
    else if (cmd[0] === 0x1d && cmd[1] === 0x72) this.hooks.transmitStatus(cmd[2] ?? 0);
    else {
      this.job.push(Buffer.from(cmd));
      this.apply(cmd);
    }
    return length;
  }

  /** The length of the command at `at`, or 0 if more bytes are needed to know it. */
  private lengthOf(at: number): number {
    const b = this.buf;
    const first = b[at] ?? 0;
    if (first !== 0x1b && first !== 0x1d) return 1;
    if (b.length - at < 2) return 0;
    const second = b[at + 1] ?? 0;
    if (first === 0x1b) return second === 0x40 || second === 0x32 ? 2 : 3;
    switch (second) {
      case 0x56: // GS V m [n]
        if (b.length - at < 3) return 0;
        return (b[at + 2] ?? 0) >= 65 ? 4 : 3;
      case 0x76: {
        if (b.length - at < 8) return 0;
        const x = (b[at + 4] ?? 0) + (b[at + 5] ?? 0) * 256;
        const y = (b[at + 6] ?? 0) + (b[at + 7] ?? 0) * 256;
        return 8 + x * y;
      }
      case 0x28:
        if (b.length - at < 5) return 0;
        return 5 + (b[at + 3] ?? 0) + (b[at + 4] ?? 0) * 256;
      default:
        return 3;
    }
  }

  private apply(cmd: Buffer) {
    const [first, second = 0, n = 0] = cmd;
    if (first !== 0x1b && first !== 0x1d) return this.character(first ?? 0);
    const key = `${first === 0x1b ? 'ESC' : 'GS'} ${String.fromCharCode(second)}`;
    switch (key) {
      case 'ESC @':
        return this.reset();
      case 'ESC a':
        this.align = ALIGN_OF[n] ?? 'left';
        return;
      case 'ESC E':
        this.bold = (n & 1) === 1;
        return;
      case 'ESC J':
        return this.page.feed(n);
      case 'ESC d':
        return this.page.feed(n * DEFAULT_LINE_DOTS);
      case 'GS !':
        this.width = (n >> 4) + 1;
        this.height = (n & 0x0f) + 1;
        return;
      case 'GS v':
        return this.raster(cmd);
      case 'GS (':
        return this.qr(cmd);
      case 'GS V':
        return this.cut(cmd);
      default:
        this.unknown.push(cmd.toString('hex'));
    }
  }

  private reset() {
    this.align = 'left';
    this.bold = false;
    this.width = this.height = 1;
  }

  private character(byte: number) {
    if (byte === 0x0a) return this.lineFeed();
    if (byte >= 0x20 && byte < 0x7f) this.line += String.fromCharCode(byte);
    else this.unknown.push(byte.toString(16));
  }

  private lineFeed() {
    if (this.line === '') return this.page.feed(DEFAULT_LINE_DOTS);
    const { line: text, width, height, bold, align } = this;
    this.items.push({ kind: 'text', text, width, height, bold, align });
    this.page.text(text, width, height, bold, align);
    this.page.feed(Math.max(0, DEFAULT_LINE_DOTS - CELL_HEIGHT));
    this.line = '';
  }

  private raster(cmd: Buffer) {
    const rowBytes = (cmd[4] ?? 0) + (cmd[5] ?? 0) * 256;
    const height = (cmd[6] ?? 0) + (cmd[7] ?? 0) * 256;
    this.items.push({ kind: 'raster', rowBytes, height, align: this.align });
    this.page.raster(cmd.subarray(8), rowBytes, height, this.align);
  }

  /** GS ( k, cn = 49 (QR): 65 model, 67 size, 69 level, 80 store, 81 print. */
  private qr(cmd: Buffer) {
    const [cn, fn, m = 0] = cmd.subarray(5);
    if (cmd[2] !== 0x6b || cn !== 0x31) return void this.unknown.push(cmd.toString('hex'));
    if (fn === 0x43) this.qrModule = m;
    else if (fn === 0x45) this.qrLevel = QR_LEVEL[m] ?? 'L';
    else if (fn === 0x50) this.qrData = cmd.subarray(8).toString('utf8');
    else if (fn === 0x51) {
      const { qrData: data, qrModule: moduleDots, qrLevel: level } = this;
      this.items.push({ kind: 'qr', data, moduleDots, level });
      this.page.qr(data, moduleDots, level, this.align);
    } else if (fn !== 0x41) this.unknown.push(cmd.toString('hex'));
  }

  private cut(cmd: Buffer) {
    const m = cmd[2] ?? 0;
    if (m >= 65) this.page.feed(cmd[3] ?? 0);
    this.items.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
    const ticket = { items: this.items, png: this.page.png(), bytes: Buffer.concat(this.job) };
    this.page = new Page(this.paperDots);
    this.items = [];
    this.job = [];
    this.hooks.ticket(ticket);
  }
}
