/** Test helpers between a test hub and fake printers. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { Hub } from '../../hub/src/app.js';
import type { PaperDots } from '../../hub/src/print/ticket-layout.js';
import type { DecodedItem, DecodedTicket } from './escpos-decoder.js';

/** Spool timing for tests: a fixed printer is noticed within a tenth of a second. */
export const FAST_SPOOL = { idlePollMs: 200, faultPollMs: 50, retryBaseMs: 50, retryMaxMs: 400 };

export const TICKET_PNG_DIR = join(process.cwd(), 'test-results', 'tickets');

/** Adds a printer to a running hub and starts sending to it; returns its id. */
export function addPrinter(
  hub: Hub,
  p: { name?: string; uri: string; paperDots?: PaperDots; kioskDeviceId?: number | null },
): number {
  const id = hub.printing.printStore.savePrinter({
    name: p.name ?? p.uri,
    uri: p.uri,
    paperDots: p.paperDots ?? 576,
    kioskDeviceId: p.kioskDeviceId ?? null,
  });
  hub.printing.spooler.start();
  return id;
}

// jsqr is CommonJS: Node hands over its module.exports, which is the function itself,
// while its typings (read under NodeNext) describe a namespace with a default.
const jsQR = jsqr as unknown as typeof jsqr.default;

/** The QR code in a decoded ticket's PNG, read back as a phone camera would. */
export function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

export const textsOf = (t: DecodedTicket) =>
  t.items.filter((i): i is Extract<DecodedItem, { kind: 'text' }> => i.kind === 'text');

export const rastersOf = (t: DecodedTicket) =>
  t.items.filter((i): i is Extract<DecodedItem, { kind: 'raster' }> => i.kind === 'raster');

/** Writes a decoded ticket for a person to look at. */
export function savePng(t: DecodedTicket, name: string): string {
  mkdirSync(TICKET_PNG_DIR, { recursive: true });
  const file = join(TICKET_PNG_DIR, `${name}.png`);
  writeFileSync(file, t.png);
  return file;
}
