import { describe, expect, it } from 'vitest';
import {
  COUNTER_STATUSES,
  ERROR_CODES,
  ERROR_REASONS,
  LANGS,
  PAUSE_REASONS,
  PRIORITIES,
  TICKET_STATUSES,
} from '../protocol.js';
import { en } from './en.js';
import { formatKip, formatMinutes, t } from './index.js';
import { lo } from './lo.js';

const enKeys = Object.keys(en).sort();
const loEntries = Object.entries(lo);

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('dictionaries', () => {
  it('lo has exactly the keys of en', () => {
    expect(Object.keys(lo).sort()).toEqual(enKeys);
  });

  it('has no empty message in either language', () => {
    for (const [key, message] of [...Object.entries(en), ...loEntries]) {
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('keeps the same {params} in both languages', () => {
    const paramsOf = (messages: Record<string, string>) =>
      Object.fromEntries(Object.entries(messages).map(([key, m]) => [key, placeholders(m)]));
    expect(paramsOf(lo)).toEqual(paramsOf(en));
  });

  it('writes Lao in Lao script, and never in Thai letters that look alike', () => {
    const sameInBothLanguages = new Set(['lang.en']);
    for (const [key, message] of loEntries) {
      expect(message, key).not.toMatch(/[\u0E00-\u0E7F]/);
      if (!sameInBothLanguages.has(key)) expect(message, key).toMatch(/[\u0E80-\u0EFF]/);
    }
  });

  // Built from the protocol's arrays, so a new enum value without words fails here.
  it.each([
    ['lang', LANGS],
    ['priority', PRIORITIES],
    ['status', TICKET_STATUSES],
    ['counterStatus', COUNTER_STATUSES],
    ['pause', PAUSE_REASONS],
    ['error', ERROR_CODES],
    ['reason', ERROR_REASONS],
  ] as const)('has words for every %s in the protocol', (prefix, values) => {
    for (const value of values) expect(enKeys).toContain(`${prefix}.${value}`);
  });

  it('names each language in its own script', () => {
    expect(t('en', 'lang.lo')).toBe(t('lo', 'lang.lo'));
    expect(t('lo', 'lang.en')).toBe('English');
  });
});

describe('t', () => {
  it('fills in params in both languages', () => {
    expect(t('en', 'ticket.goToCounter', { number: 3 })).toBe('Please go to counter 3');
    expect(t('lo', 'ticket.goToCounter', { number: 3 })).toBe('ກະລຸນາໄປທີ່ປ່ອງບໍລິການ 3');
    expect(t('en', 'ticket.peopleAhead', { count: 12 })).toBe('12 people ahead');
  });

  it('leaves a missing param visible instead of failing', () => {
    expect(t('en', 'ticket.goToCounter')).toBe('Please go to counter {number}');
    expect(t('en', 'ticket.goToCounter', { counter: 3 })).toBe('Please go to counter {number}');
    expect(t('lo', 'ticket.peopleAhead', {})).toBe('ມີ {count} ຄົນ ກ່ອນໜ້າທ່ານ');
  });

  it('does not take a param from the object prototype', () => {
    expect(t('en', 'counter.name', { toString: 'x' })).toBe('Counter {number}');
    expect(t('en', 'app.name')).toBe('Khiu');
    expect(t('lo', 'app.name')).toBe('ຄິວ');
  });
});

describe('formatKip', () => {
  it('groups thousands with commas in both languages', () => {
    expect(formatKip(25_000, 'en')).toBe('25,000 kip');
    expect(formatKip(25_000, 'lo')).toBe('25,000 ກີບ');
    expect(formatKip(1_250_000, 'lo')).toBe('1,250,000 ກີບ');
    expect(formatKip(0, 'en')).toBe('0 kip');
  });
});

describe('formatMinutes', () => {
  const MINUTE_MS = 60_000;

  it('rounds up to whole minutes', () => {
    expect(formatMinutes(12 * MINUTE_MS, 'en')).toBe('about 12 min');
    expect(formatMinutes(11 * MINUTE_MS + 1, 'en')).toBe('about 12 min');
    expect(formatMinutes(12 * MINUTE_MS, 'lo')).toBe('ປະມານ 12 ນາທີ');
  });

  it('never promises less than a minute', () => {
    expect(formatMinutes(0, 'en')).toBe('about 1 min');
    expect(formatMinutes(20_000, 'lo')).toBe('ປະມານ 1 ນາທີ');
  });

  it('says the wait is unknown when there is no estimate', () => {
    expect(formatMinutes(null, 'en')).toBe(en['wait.unknown']);
    expect(formatMinutes(null, 'lo')).toBe(lo['wait.unknown']);
    expect(formatMinutes(Number.NaN, 'en')).toBe(en['wait.unknown']);
  });
});
