import { describe, expect, it } from 'vitest';
import { planAnnouncement } from './announcement-plan.js';
import { hasClip, LETTERS, spokenText, VOICE_CLIPS } from './clips.js';
import { LANGS } from '../protocol.js';

const say = (label: string, counter: number, lang: 'lo' | 'en') =>
  spokenText(planAnnouncement(label, counter, lang), lang);

describe('planAnnouncement', () => {
  it('reads a one-letter label letter, then digit by digit with its zeros, in English', () => {
    expect(planAnnouncement('A023', 3, 'en')).toEqual([
      'ticket',
      'letter-A',
      'digit-0',
      'digit-2',
      'digit-3',
      'go-to-counter',
      'digit-3',
    ]);
    expect(say('A023', 3, 'en')).toBe('Ticket number A zero two three please go to counter three');
  });

  it('reads a two-letter label in Lao, with Lao letter names', () => {
    expect(planAnnouncement('FB007', 12, 'lo')).toEqual([
      'ticket',
      'letter-F',
      'letter-B',
      'digit-0',
      'digit-0',
      'digit-7',
      'go-to-counter',
      'number-10',
      'digit-2',
    ]);
    expect(say('FB007', 12, 'lo')).toBe('ໝາຍເລກ ເອັຟ ບີ ສູນ ສູນ ເຈັດ ກະລຸນາໄປທີ່ປ່ອງບໍລິການ ສິບ ສອງ');
  });

  it('keeps every digit of a long or unpadded number', () => {
    expect(planAnnouncement('ID1234', 1, 'en').slice(1, 7)).toEqual([
      'letter-I',
      'letter-D',
      'digit-1',
      'digit-2',
      'digit-3',
      'digit-4',
    ]);
    expect(planAnnouncement('B7', 1, 'lo').slice(1, 3)).toEqual(['letter-B', 'digit-7']);
  });

  it.each([
    [1, 'one', 'ໜຶ່ງ'],
    [9, 'nine', 'ເກົ້າ'],
    [10, 'ten', 'ສິບ'],
    [11, 'eleven', 'ສິບ ເອັດ'],
    [15, 'fifteen', 'ສິບ ຫ້າ'],
    [20, 'twenty', 'ຊາວ'],
    [21, 'twenty one', 'ຊາວ ເອັດ'],
    [35, 'thirty five', 'ສາມ ສິບ ຫ້າ'],
    [41, 'forty one', 'ສີ່ ສິບ ເອັດ'],
    [60, 'sixty', 'ຫົກ ສິບ'],
    [99, 'ninety nine', 'ເກົ້າ ສິບ ເກົ້າ'],
    [101, 'one zero one', 'ໜຶ່ງ ສູນ ໜຶ່ງ'],
  ])('says counter %i as a number: "%s" / "%s"', (n, english, lao) => {
    expect(say('A001', n, 'en')).toBe(
      `Ticket number A zero zero one please go to counter ${english}`,
    );
    expect(say('A001', n, 'lo')).toBe(`ໝາຍເລກ ເອ ສູນ ສູນ ໜຶ່ງ ກະລຸນາໄປທີ່ປ່ອງບໍລິການ ${lao}`);
  });

  it('spells an unusual label safely: lower case is read as capitals, other marks are silent', () => {
    expect(planAnnouncement('ab-12', 2, 'en').slice(0, 5)).toEqual([
      'ticket',
      'letter-A',
      'letter-B',
      'digit-1',
      'digit-2',
    ]);
  });

  it('refuses a counter number that is not a positive integer', () => {
    expect(() => planAnnouncement('A001', 0, 'en')).toThrow(RangeError);
    expect(() => planAnnouncement('A001', 2.5, 'lo')).toThrow(RangeError);
  });

  it('only ever plans clips the pack of that language has, for any prefix and counters 1–99', () => {
    const prefixes = [...LETTERS, 'FC', 'ID', 'BL', 'TP', 'LT', 'ZZ'];
    const missing = new Set<string>();
    for (const lang of LANGS) {
      for (const prefix of prefixes) {
        for (let counter = 1; counter <= 99; counter++) {
          for (const id of planAnnouncement(
            `${prefix}${String(counter).padStart(3, '0')}`,
            counter,
            lang,
          )) {
            if (!hasClip(lang, id)) missing.add(`${lang} ${id}`);
          }
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('has Lao text in Lao script for every Lao clip', () => {
    for (const clip of VOICE_CLIPS.lo) expect(clip.text, clip.id).toMatch(/^[\u0E80-\u0EFF ]+$/);
  });
});
