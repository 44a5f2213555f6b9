/**
 * Tickets never depend on the fonts a machine happens to have: rendered in a
 * process that sees no system fonts at all (a private mount namespace with an
 * empty /usr/share/fonts), a ticket comes out byte for byte as it does here,
 * with the Lao shaped and the canvas knowing only our two bundled faces.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { probe, PROBE_TICKET } from '../fake-printer/render-probe.js';
import { PRINT_FAMILIES } from '../../hub/src/print/fonts.js';
import { renderRasterLines } from '../../hub/src/print/raster.js';
import { EscPosDecoder, type DecodedTicket } from '../fake-printer/escpos-decoder.js';
import { encodeTicket } from '../../hub/src/print/ticket-layout.js';
import { savePng } from '../fake-printer/hub-printers.js';

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'].filter((d) => existsSync(d));

function probeWithoutSystemFonts() {
  const hide = FONT_DIRS.map((d) => `mount -t tmpfs none ${d}`).join(' && ');
  const run = spawnSync(
    'unshare',
    [
      '--mount',
      '--map-root-user',
      'sh',
      '-c',
      `${hide} && exec "$0" --import tsx test/fake-printer/render-probe.ts`,
      process.execPath,
    ],
    { encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent' }, timeout: 30_000 },
  );
  if (run.status !== 0) throw new Error(`probe failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ReturnType<typeof probe>;
}

describe('print fonts', () => {
  it('renders the same ticket with every system font hidden, from the bundled faces only', () => {
    const here = probe();
    const hidden = probeWithoutSystemFonts();
    // A registered file answers to our name and to its own: these are the bundled files only.
    expect(hidden.families).toEqual([...PRINT_FAMILIES, 'Noto Sans', 'Noto Sans Lao'].sort());
    expect(hidden.sha256).toBe(here.sha256);
    expect(hidden.bytes).toBe(here.bytes);
  });

  it('draws Lao with its marks stacked, not as boxes or bare consonants', () => {
    const tall = renderRasterLines({ text: 'ເຈົ້າ', px: 28 }, 576)[0];
    const bare = renderRasterLines({ text: 'ເຈາ', px: 28 }, 576)[0];
    // The vowel ົ and tone ້ sit above ຈ: the image grows upwards, not sideways.
    expect(tall && bare && tall.height - bare.height).toBeGreaterThanOrEqual(8);
    expect(tall?.widthDots).toBe(bare?.widthDots);
    const ink = (b: typeof tall) => b?.data.reduce((n, byte) => n + popcount(byte), 0) ?? 0;
    expect(ink(tall)).toBeGreaterThan(ink(bare));
    const tickets: DecodedTicket[] = [];
    const d = new EscPosDecoder(576, {
      status() {},
      autoStatus() {},
      transmitStatus() {},
      ready: () => true,
      ticket: (t) => tickets.push(t),
    });
    d.push(encodeTicket(PROBE_TICKET));
    if (tickets[0]) savePng(tickets[0], 'ticket-80mm-lo-tone-marks');
  });
});

function popcount(byte: number): number {
  let n = 0;
  for (let b = byte; b; b &= b - 1) n++;
  return n;
}
