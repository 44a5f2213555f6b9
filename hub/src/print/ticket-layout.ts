/**
 * One ticket as ESC/POS bytes (DESIGN.md "Printing"): the centre's logo (when
 * it has one, drawn by logo-raster.ts within its byte budget), centre, the big number,
 * a booked citizen's slot ("ນັດໝາຍ 09:30" / "Appointment 09:30"),
 * the service in Lao and English, fee, people ahead and estimated wait, date
 * and time, a QR code to the phone page, one short notice. Plain-ASCII lines
 * are the printer's own text, which costs a byte a letter; anything else
 * (Lao) is drawn to a 1-bit raster, which costs a bit a dot, so an 80 mm
 * ticket stays near 10 KB.
 */
import { formatKip, formatMinutes, t, type MessageKey } from '../../../shared/i18n/index.js';
import type { FeeReference, Lang, Localized } from '../../../shared/protocol.js';
import { formatTime, localDate } from '../../../shared/i18n/calendar.js';
import { EscPosWriter, type Bitmap } from './escpos.js';
import { renderRasterLines } from './raster.js';

export const PAPER_WIDTHS = { 80: 576, 58: 384 } as const;
export type PaperDots = (typeof PAPER_WIDTHS)[keyof typeof PAPER_WIDTHS];

/** Font A is 12 × 24 dots. */
const FONT_A_WIDTH_DOTS = 12;
export const BODY_PX = 22;
export const HEADING_PX = 28;
export const GAP_DOTS = 16;
/** Between two raster lines: room for the marks below one and above the next. */
const RASTER_LINE_GAP_DOTS = 10;
/** Dots fed between the last line and the blade, so the notice is not cut through. */
export const CUT_FEED_DOTS = 96;

export interface TicketPrint {
  paperDots: PaperDots;
  lang: Lang;
  centre: Localized;
  label: string;
  service: Localized;
  feeLak: number;
  feeIsSample: boolean;
  /** The decree that sets an official fee: the ticket says "official fee" and cites it. */
  feeRef?: FeeReference | null;
  peopleAhead: number | null;
  estimatedWaitMs: number | null;
  issuedAt: number;
  timeZone: string;
  /** `${publicUrl}/t/<code>`. */
  url: string;
  /** A slip for this number may have come out already: say this one is a reprint. */
  reprint?: boolean;
  /** The centre's logo, ready for this paper; absent: the ticket starts with the centre's name. */
  logo?: Bitmap;
  /** A booked citizen's ticket: the slot they booked ("09:30"), said in Lao and English. */
  booking?: { start: string } | null;
}

export interface Line {
  text: string;
  px: number;
  bold?: boolean;
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** Word-wraps ASCII text to the printer's own columns. */
export function wrapColumns(text: string, columns: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0; w = w.slice(columns)) {
      const piece = w.slice(0, columns);
      if (!current) current = piece;
      else if (current.length + 1 + piece.length <= columns) current += ` ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  return current ? [...lines, current] : lines;
}

/** Runs of ASCII lines go out as text, runs of the rest as one raster image each. */
export function writeLines(out: EscPosWriter, lines: readonly Line[], paperDots: PaperDots) {
  const columns = Math.floor(paperDots / FONT_A_WIDTH_DOTS);
  for (const line of lines) {
    if (isAscii(line.text)) {
      out.bold(line.bold ?? false);
      for (const text of wrapColumns(line.text, columns)) out.line(text);
      out.bold(false);
      continue;
    }
    // One image a wrapped line, each only as wide as its text: a short line costs few bytes.
    for (const image of renderRasterLines(line, paperDots)) {
      out.raster(image).feedDots(RASTER_LINE_GAP_DOTS);
    }
  }
}

function peopleAheadKey(count: number): MessageKey {
  if (count === 0) return 'ticket.youAreNext';
  return count === 1 ? 'ticket.onePersonAhead' : 'ticket.peopleAhead';
}

/** The ticket's own-language lines about fee, queue and wait. */
function infoLines(p: TicketPrint): Line[] {
  const { lang } = p;
  const fee = p.feeLak === 0 ? t(lang, 'fee.free') : formatKip(p.feeLak, lang);
  const official = !p.feeIsSample && p.feeRef ? p.feeRef : null;
  const label = t(lang, official ? 'kiosk.officialFee' : 'ticket.fee');
  const lines: Line[] = [{ text: `${label}: ${fee}`, px: BODY_PX, bold: true }];
  if (p.feeIsSample) lines.push({ text: t(lang, 'print.feeSample'), px: BODY_PX });
  if (official) {
    const date = official.date.split('-').reverse().join('/');
    lines.push({ text: t(lang, 'kiosk.feeRef', { ref: official[lang], date }), px: BODY_PX });
  }
  if (p.peopleAhead !== null) {
    const key = peopleAheadKey(p.peopleAhead);
    lines.push({ text: t(lang, key, { count: p.peopleAhead }), px: BODY_PX });
  }
  const wait = formatMinutes(p.estimatedWaitMs, lang);
  lines.push({ text: `${t(lang, 'ticket.estimatedWait')}: ${wait}`, px: BODY_PX });
  return lines;
}

/** "27/11/2026 14:05" in the centre's zone: digits only, so native text on any printer. */
export function formatIssuedAt(at: number, timeZone: string): string {
  const d = localDate(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.day)}/${two(d.month)}/${d.year} ${formatTime(at, timeZone)}`;
}

/** The whole job for one ticket, from init to cut. */
export function encodeTicket(p: TicketPrint): Uint8Array {
  const out = new EscPosWriter().init().align('center');
  if (p.logo) out.raster(p.logo).feedDots(GAP_DOTS);
  writeLines(
    out,
    [
      { text: p.centre.lo, px: BODY_PX, bold: true },
      { text: p.centre.en, px: BODY_PX, bold: true },
      { text: t(p.lang, 'ticket.number'), px: BODY_PX },
    ],
    p.paperDots,
  );
  const big = p.paperDots === PAPER_WIDTHS[80] ? 5 : 4;
  out.size(big, big).bold(true).line(p.label).bold(false).size(1, 1).feedDots(GAP_DOTS);
  if (p.booking) {
    const time = { time: p.booking.start };
    writeLines(
      out,
      [
        { text: t('lo', 'print.appointment', time), px: HEADING_PX, bold: true },
        { text: t('en', 'print.appointment', time), px: BODY_PX, bold: true },
      ],
      p.paperDots,
    );
    out.feedDots(GAP_DOTS);
  }
  if (p.reprint) {
    writeLines(
      out,
      [
        { text: t('lo', 'print.reprint'), px: BODY_PX, bold: true },
        { text: t('en', 'print.reprint'), px: BODY_PX, bold: true },
      ],
      p.paperDots,
    );
    out.feedDots(GAP_DOTS);
  }
  writeLines(
    out,
    [
      { text: p.service.lo, px: HEADING_PX, bold: true },
      { text: p.service.en, px: BODY_PX, bold: true },
    ],
    p.paperDots,
  );
  out.feedDots(GAP_DOTS);
  writeLines(out, infoLines(p), p.paperDots);
  out.line(formatIssuedAt(p.issuedAt, p.timeZone)).feedDots(GAP_DOTS);
  out.qr(p.url, p.paperDots === PAPER_WIDTHS[80] ? 6 : 5, 'M').feedDots(GAP_DOTS / 2);
  writeLines(
    out,
    [
      { text: t(p.lang, 'ticket.scanQr'), px: BODY_PX },
      { text: t(p.lang, 'print.notice'), px: BODY_PX },
    ],
    p.paperDots,
  );
  return out.feedDots(CUT_FEED_DOTS).cut().bytes();
}
