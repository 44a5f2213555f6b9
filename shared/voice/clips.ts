/**
 * The clips a voice pack holds, and what each one says in Lao and in English.
 * One list for every part that needs it: the announcement planner, the
 * script that makes the English pack and the Lao recording list
 * (scripts/make-voice-pack.ts), and the player's speech fallback.
 *
 * How a call is spoken (docs/operations.md "Voice packs"): "ticket number",
 * the prefix letter by letter, the number digit by digit *with* its leading
 * zeros ("A zero two three", as printed on the ticket), then "please go to
 * counter" and the counter as a number ("twelve"). Digit by digit is how
 * queue systems in Lao and Thai banks and hospitals read a ticket, it matches
 * the printed label a citizen compares it with, and it needs only ten clips.
 */
import type { Lang } from '../protocol.js';

export const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as const;
export const DIGITS = [...'0123456789'] as const;

const ENGLISH_DIGITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];
const ENGLISH_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ENGLISH_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const LAO_DIGITS = ['ສູນ', 'ໜຶ່ງ', 'ສອງ', 'ສາມ', 'ສີ່', 'ຫ້າ', 'ຫົກ', 'ເຈັດ', 'ແປດ', 'ເກົ້າ'];

/** How Lao speakers name the Latin letters of a ticket prefix, written in Lao script. */
const LAO_LETTER_NAMES: Record<string, string> = {
  A: 'ເອ',
  B: 'ບີ',
  C: 'ຊີ',
  D: 'ດີ',
  E: 'ອີ',
  F: 'ເອັຟ',
  G: 'ຈີ',
  H: 'ເອັດຊ໌',
  I: 'ໄອ',
  J: 'ເຈ',
  K: 'ເຄ',
  L: 'ແອລ',
  M: 'ເອັມ',
  N: 'ເອັນ',
  O: 'ໂອ',
  P: 'ພີ',
  Q: 'ຄິວ',
  R: 'ອາ',
  S: 'ເອັສ',
  T: 'ທີ',
  U: 'ຢູ',
  V: 'ວີ',
  W: 'ດັບເບິ້ນຢູ',
  X: 'ເອັກຊ໌',
  Y: 'ວາຍ',
  Z: 'ແຊັດ',
};

export interface ClipText {
  id: string;
  /** What the clip says; for Lao, what the person recording it reads aloud. */
  text: string;
}

function englishClips(): ClipText[] {
  return [
    { id: 'ticket', text: 'Ticket number' },
    { id: 'go-to-counter', text: 'please go to counter' },
    ...LETTERS.map((l) => ({ id: `letter-${l}`, text: l })),
    ...DIGITS.map((d, i) => ({ id: `digit-${d}`, text: ENGLISH_DIGITS[i] ?? d })),
    ...ENGLISH_TEENS.map((text, i) => ({ id: `number-${10 + i}`, text })),
    ...ENGLISH_TENS.map((text, i) => ({ id: `number-${20 + 10 * i}`, text })),
  ];
}

function laoClips(): ClipText[] {
  return [
    { id: 'ticket', text: 'ໝາຍເລກ' },
    { id: 'go-to-counter', text: 'ກະລຸນາໄປທີ່ປ່ອງບໍລິການ' },
    ...LETTERS.map((l) => ({ id: `letter-${l}`, text: LAO_LETTER_NAMES[l] ?? l })),
    ...DIGITS.map((d, i) => ({ id: `digit-${d}`, text: LAO_DIGITS[i] ?? d })),
    { id: 'number-10', text: 'ສິບ' },
    { id: 'number-20', text: 'ຊາວ' },
    // "one" at the end of 11, 21, 31 … is ເອັດ, not ໜຶ່ງ.
    { id: 'number-final-1', text: 'ເອັດ' },
  ];
}

export const VOICE_CLIPS: Record<Lang, readonly ClipText[]> = {
  en: englishClips(),
  lo: laoClips(),
};

const TEXT_BY_ID: Record<Lang, ReadonlyMap<string, string>> = {
  en: new Map(VOICE_CLIPS.en.map((c) => [c.id, c.text])),
  lo: new Map(VOICE_CLIPS.lo.map((c) => [c.id, c.text])),
};

/** The words of a planned announcement, for the browser's speech synthesis. */
export function spokenText(clips: readonly string[], lang: Lang): string {
  return clips.map((id) => TEXT_BY_ID[lang].get(id) ?? '').join(' ');
}

export function hasClip(lang: Lang, id: string): boolean {
  return TEXT_BY_ID[lang].has(id);
}
