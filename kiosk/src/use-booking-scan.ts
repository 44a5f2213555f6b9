/**
 * Check-in by scanning where no code is being typed: the home screen, and
 * the answer to a check-in (the next citizen may scan before tapping Done).
 * The code screen reads its own keys (CheckInScreen.tsx).
 */
import { useEffect } from 'react';
import { scannedCode } from './booking-code.js';
import { checkInScanned } from './connection.js';

/** Characters of a scan kept at most: a QR link is well under this. */
const SCAN_MAX_CHARS = 200;

/**
 * A barcode scanner is a keyboard: a booking's QR link (or its code) typed on the home screen,
 * or on the answer to another check-in, and Enter checks it in, with no tap first.
 */
export function useBookingScan() {
  useEffect(() => {
    let typed = '';
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === 'Enter') {
        const code = scannedCode(typed);
        typed = '';
        if (!code) return;
        // Not also a press of whatever button has the focus.
        e.preventDefault();
        void checkInScanned(code);
      } else if (e.key.length === 1) {
        typed = (typed + e.key).slice(-SCAN_MAX_CHARS);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
