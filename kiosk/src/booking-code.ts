/**
 * The booking code in what was typed at the kiosk: keys from the on-screen
 * keypad, or a barcode scanner typing the code (`ABCD-2345`) or the whole
 * link of the booking's QR code (`http://…/book/ABCD-2345`), then Enter.
 */
import { BOOKING_CODE_LENGTH } from '../../shared/protocol.js';

const LINK = /\/book\/([^/?#\s]*)/i;

/** The code's letters and digits so far, upper case, at most a code's length. */
export function codeIn(typed: string): string {
  const link = LINK.exec(typed);
  const part = link ? (link[1] ?? '') : typed;
  return part
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, BOOKING_CODE_LENGTH);
}

/** `ABCD2345` → `ABCD-2345`; a part typed so far keeps its dash once past four. */
export function shownCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

export const codeComplete = (code: string) => code.length === BOOKING_CODE_LENGTH;

const BARE_CODE = /^\s*[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}\s*$/;

/**
 * What a scanner read, when it is a booking: the QR code's link, or a code alone. Anything
 * else typed on a screen that is not the code screen is not taken for one.
 */
export function scannedCode(typed: string): string | null {
  if (!LINK.test(typed) && !BARE_CODE.test(typed)) return null;
  const code = codeIn(typed);
  return codeComplete(code) ? code : null;
}
