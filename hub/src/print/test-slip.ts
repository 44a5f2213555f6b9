/**
 * The slip a manager prints to check a printer: which centre and printer it
 * is, the paper it was set up for, when, and a line of Lao with stacked
 * vowels and tone marks, so a wrong font or a broken raster shows at once.
 * It is not a ticket: it has no number and no QR code.
 */
import { t } from '../../../shared/i18n/index.js';
import type { Localized } from '../../../shared/protocol.js';
import { EscPosWriter } from './escpos.js';
import {
  BODY_PX,
  CUT_FEED_DOTS,
  formatIssuedAt,
  GAP_DOTS,
  HEADING_PX,
  PAPER_WIDTHS,
  writeLines,
  type PaperDots,
} from './ticket-layout.js';

export interface TestSlip {
  centre: Localized;
  printerName: string;
  paperDots: PaperDots;
  at: number;
  timeZone: string;
}

export function encodeTestSlip(s: TestSlip): Uint8Array {
  const paperMm = s.paperDots === PAPER_WIDTHS[80] ? 80 : 58;
  const out = new EscPosWriter().init().align('center');
  writeLines(
    out,
    [
      { text: s.centre.lo, px: BODY_PX, bold: true },
      { text: s.centre.en, px: BODY_PX, bold: true },
    ],
    s.paperDots,
  );
  out.feedDots(GAP_DOTS);
  writeLines(
    out,
    [
      { text: t('lo', 'print.test.title'), px: HEADING_PX, bold: true },
      { text: t('en', 'print.test.title'), px: BODY_PX, bold: true },
    ],
    s.paperDots,
  );
  out.size(2, 2).bold(true).line('TEST').bold(false).size(1, 1).feedDots(GAP_DOTS);
  writeLines(
    out,
    [
      { text: s.printerName, px: BODY_PX, bold: true },
      { text: t('en', 'print.test.paper', { mm: paperMm }), px: BODY_PX },
      { text: formatIssuedAt(s.at, s.timeZone), px: BODY_PX },
    ],
    s.paperDots,
  );
  out.feedDots(GAP_DOTS);
  writeLines(
    out,
    [
      { text: t('lo', 'print.test.laoCheck'), px: BODY_PX },
      { text: t('lo', 'print.test.notTicket'), px: BODY_PX },
      { text: t('en', 'print.test.notTicket'), px: BODY_PX },
    ],
    s.paperDots,
  );
  return out.feedDots(CUT_FEED_DOTS).cut().bytes();
}
