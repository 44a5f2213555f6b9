/**
 * Booking codes: 8 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), drawn by rejection sampling so every character is equally likely
 * (31^8 ≈ 8.5e11 codes). A code already held is drawn again, so a collision
 * never reaches the UNIQUE constraint.
 */
import { randomBytes } from 'node:crypto';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '../../../shared/protocol.js';

const N = BOOKING_CODE_ALPHABET.length;
/** Bytes at or above this would favour the first letters: they are drawn again. */
const UNBIASED_BELOW = 256 - (256 % N);
const MAX_DRAWS = 20;

export type RandomBytes = (n: number) => Uint8Array;

function draw(random: RandomBytes): string {
  let code = '';
  while (code.length < BOOKING_CODE_LENGTH) {
    for (const b of random(BOOKING_CODE_LENGTH * 2)) {
      if (b >= UNBIASED_BELOW) continue;
      code += BOOKING_CODE_ALPHABET[b % N];
      if (code.length === BOOKING_CODE_LENGTH) break;
    }
  }
  return code;
}

/** A code no booking holds (`taken` says which are held). */
export function newBookingCode(
  taken: (code: string) => boolean,
  random: RandomBytes = randomBytes,
): string {
  for (let i = 0; i < MAX_DRAWS; i++) {
    const code = draw(random);
    if (!taken(code)) return code;
  }
  throw new Error(`no free booking code after ${MAX_DRAWS} draws: the random source is broken`);
}
