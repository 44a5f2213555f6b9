/**
 * The announcement planner: a ticket label, a counter and a language in, the
 * list of voice-pack clips to play out (shared/voice/clips.ts says how a call
 * is spoken, and why). Pure, so every label form is tested without audio.
 */
import type { Lang } from '../protocol.js';
import { missingCaseError } from '../assert.js';

/** Prefix of one or two letters, then the zero-padded number: A023, FB007. */
const LABEL_FORM = /^([A-Z]{1,2})(\d+)$/;

/** Letters and digits one by one: the usual label, or anything odd spelled out safely. */
function labelClips(label: string): string[] {
  const chars = LABEL_FORM.test(label) ? [...label] : [...label.toUpperCase()];
  return chars.flatMap((c) => {
    if (/^[A-Z]$/.test(c)) return [`letter-${c}`];
    if (/^\d$/.test(c)) return [`digit-${c}`];
    return []; // a dash or space in a hand-made label has no sound
  });
}

const digitsOf = (n: number) => [...String(n)].map((d) => `digit-${d}`);

/** 7 → seven; 14 → fourteen; 35 → thirty five. Above 99, digit by digit. */
function englishNumber(n: number): string[] {
  if (n < 10 || n > 99) return digitsOf(n);
  if (n < 20) return [`number-${n}`];
  const unit = n % 10;
  return [`number-${n - unit}`, ...(unit ? [`digit-${unit}`] : [])];
}

/**
 * 7 → ເຈັດ; 10 → ສິບ; 11 → ສິບເອັດ; 20 → ຊາວ; 21 → ຊາວເອັດ; 35 → ສາມສິບຫ້າ.
 * Above 99, digit by digit.
 */
function laoNumber(n: number): string[] {
  if (n < 10 || n > 99) return digitsOf(n);
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head =
    tens === 1 ? ['number-10'] : tens === 2 ? ['number-20'] : [`digit-${tens}`, 'number-10'];
  if (unit === 0) return head;
  return [...head, unit === 1 ? 'number-final-1' : `digit-${unit}`];
}

export function planAnnouncement(label: string, counterNumber: number, lang: Lang): string[] {
  if (!Number.isInteger(counterNumber) || counterNumber < 1) {
    throw new RangeError(`counter number must be a positive integer, got ${counterNumber}`);
  }
  const counter = ((): string[] => {
    switch (lang) {
      case 'en':
        return englishNumber(counterNumber);
      case 'lo':
        return laoNumber(counterNumber);
      default:
        throw missingCaseError(lang);
    }
  })();
  return ['ticket', ...labelClips(label), 'go-to-counter', ...counter];
}
