/**
 * The kiosk finds a booking's code in what was typed: keys from its keypad,
 * or a barcode scanner typing the code or the whole link of the booking's
 * QR code; anything else typed at home is not taken for a code.
 */
import { describe, expect, it } from 'vitest';
import { codeIn, scannedCode, shownCode } from '../../kiosk/src/booking-code.js';

describe('the booking code in what the kiosk was typed', () => {
  it('reads a code with or without its dash, in any case', () => {
    expect(codeIn('abcd-2345')).toBe('ABCD2345');
    expect(codeIn('ABCD2345')).toBe('ABCD2345');
    expect(codeIn(' k7m2 ')).toBe('K7M2');
  });

  it("reads the code out of the QR code's whole link, and nothing of the address", () => {
    expect(codeIn('http://192.168.1.10:8470/book/HJ3K-9PQR')).toBe('HJ3K9PQR');
    expect(codeIn('https://odsc.example/BOOK/hj3k-9pqr?x=1')).toBe('HJ3K9PQR');
    // Half a link, as a scanner types it: what follows /book/ so far.
    expect(codeIn('http://192.168.1.10:8470/book/HJ')).toBe('HJ');
  });

  it('keeps at most the eight characters of a code', () => {
    expect(codeIn('ABCD23456789')).toBe('ABCD2345');
  });

  it('shows what is typed so far as XXXX-XXXX', () => {
    expect(shownCode('ABC')).toBe('ABC');
    expect(shownCode('ABCD')).toBe('ABCD');
    expect(shownCode('ABCD2')).toBe('ABCD-2');
    expect(shownCode('ABCD2345')).toBe('ABCD-2345');
  });

  it('takes a scan at home only when it is a booking link or a code alone', () => {
    expect(scannedCode('http://10.0.0.2:8470/book/HJ3K-9PQR')).toBe('HJ3K9PQR');
    expect(scannedCode('hj3k-9pqr')).toBe('HJ3K9PQR');
    expect(scannedCode('http://10.0.0.2:8470/t/abcdefgh12345')).toBeNull();
    expect(scannedCode('hello world 12345678')).toBeNull();
    expect(scannedCode('http://10.0.0.2:8470/book/HJ3K')).toBeNull();
  });
});
