/**
 * A kiosk ticket, printed: a real hub sends it over TCP to the fake printer,
 * which decodes the ESC/POS bytes into the image the paper would show.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, issue, startHub, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import {
  addPrinter,
  FAST_SPOOL,
  rastersOf,
  readQr,
  savePng,
  textsOf,
} from '../fake-printer/hub-printers.js';
import { renderRasterLines } from '../../hub/src/print/raster.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import type { PaperDots } from '../../hub/src/print/ticket-layout.js';
import type { Lang } from '../../shared/protocol.js';

let hub: TestHub | undefined;
let printer: FakePrinter | undefined;
afterEach(async () => {
  await hub?.close();
  await printer?.close();
  hub = printer = undefined;
});

const family = DEMO_CENTRE.services.find((s) => s.id === 'family-book-entry');

describe('a kiosk ticket on an ESC/POS printer', () => {
  for (const paperDots of [576, 384] as const satisfies readonly PaperDots[]) {
    for (const lang of ['lo', 'en'] as const satisfies readonly Lang[]) {
      it(`prints the number, Lao raster lines and a QR code to /t/<code> (${paperDots} dots, ${lang})`, async () => {
        printer = await startFakePrinter({ paperDots });
        hub = await startHub({ printing: { timing: FAST_SPOOL } });
        addPrinter(hub.hub, { uri: printer.tcpUri, paperDots });
        const { client: kiosk } = await connect(hub, { role: 'kiosk' });
        const ticket = await issue(kiosk, 'family-book-entry', { lang });

        const [printed] = await printer.waitForTickets(1);
        expect(printed).toBeDefined();
        if (!printed) return;
        savePng(printed, `ticket-${paperDots === 576 ? '80mm' : '58mm'}-${lang}`);

        // The number, in big native text.
        const number = textsOf(printed).find((t) => t.text === ticket.label);
        expect(number?.width).toBeGreaterThanOrEqual(4);
        expect(number?.height).toBeGreaterThanOrEqual(4);
        // The service's Lao name, as the very raster the layout draws for it.
        const expected = renderRasterLines(
          { text: family?.name.lo ?? '', px: 28, bold: true },
          paperDots,
        );
        const rasters = rastersOf(printed);
        expect(rasters.map((r) => [r.rowBytes, r.height])).toEqual(
          expect.arrayContaining(expected.map((e) => [e.rowBytes, e.height])),
        );
        for (const r of rasters) expect(r.rowBytes * 8).toBeLessThanOrEqual(paperDots);
        // The phone page, read back from the printed image.
        const url = `${hub.url}/t/${ticket.code}`;
        expect(readQr(printed.png)).toBe(url);
        // English lines that are plain ASCII are native text.
        expect(
          textsOf(printed)
            .map((t) => t.text)
            .join(' '),
        ).toContain(family?.name.en);
        expect(printed.bytes.length).toBeLessThanOrEqual(12 * 1024);
        expect(printer.decoders.flatMap((d) => d.unknown)).toEqual([]);
        const job = hub.db.prepare('SELECT state, attempts FROM print_jobs').all();
        expect(job).toEqual([{ state: 'printed', attempts: 1 }]);
      });
    }
  }
});
