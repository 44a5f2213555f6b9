import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../shared/i18n/en.js';
import { t } from '../shared/i18n/index.js';
import { lo } from '../shared/i18n/lo.js';
import { isMessageKey, pageText, type StationMessageKey } from './setup-strings.js';

const allKeys = Object.keys(en) as MessageKey[];
const stationKeys = allKeys.filter((key): key is StationMessageKey => key.startsWith('station.'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const LAO = /[\u0E80-\u0EFF]/;

describe('station strings', () => {
  it('live in shared/i18n', () => {
    expect(stationKeys).toContain('station.setup.title');
    expect(stationKeys).toContain('station.offline.retryNow');
  });

  it.each(stationKeys)('%s is written in Lao, with the same placeholders', (key) => {
    expect(lo[key]).toMatch(LAO);
    expect(lo[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(placeholders(lo[key])).toEqual(placeholders(en[key]));
  });

  it('fill placeholders and reach the apps’ own messages', () => {
    expect(pageText('en', 'station.offline.retryIn', { seconds: 4 })).toBe('Trying again in 4 s');
    expect(pageText('lo', 'station.offline.retryIn', { seconds: 4 })).toBe('ຈະລອງໃໝ່ໃນ 4 ວິນາທີ');
    expect(pageText('lo', 'connection.offline')).toMatch(LAO);
    expect(pageText('en', 'station.error.unreachable')).toContain('{url}');
  });

  it('give the same text as t() for every key', () => {
    const params = { url: 'http://hub:8470', detail: 'EACCES', seconds: 4, number: 3, count: 2 };
    for (const lang of ['lo', 'en'] as const) {
      for (const key of allKeys) {
        expect(pageText(lang, key), key).toBe(t(lang, key));
        expect(pageText(lang, key, params), key).toBe(t(lang, key, params));
      }
    }
  });

  it('recognise only real keys in data-text attributes', () => {
    expect(isMessageKey('station.setup.title')).toBe(true);
    expect(isMessageKey('connection.offline')).toBe(true);
    expect(isMessageKey('station.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});
