import { describe, expect, it } from 'vitest';
import { valueWords, wherePath } from '../../console/src/diff-words.js';

// The import preview as a manager reads it: values and places in their language.
describe('an import preview in words', () => {
  it('says opening hours by weekday, with the lunch break', () => {
    const hours = [
      { weekday: 1, opensMin: 480, closesMin: 960, lunchFromMin: 720, lunchToMin: 780 },
      { weekday: 6, opensMin: 510, closesMin: 690, lunchFromMin: null, lunchToMin: null },
    ];
    expect(valueWords({ type: 'hours', value: hours }, 'en')).toEqual([
      'Monday 08:00–16:00, lunch 12:00–13:00',
      'Saturday 08:30–11:30',
    ]);
    expect(valueWords({ type: 'hours', value: [] }, 'lo')).toEqual(['ທຸກເວລາທີ່ສູນເປີດ']);
  });

  it('says fees in kip, caps, flags and nothing in either language', () => {
    expect(valueWords({ type: 'kip', value: 25_000 }, 'lo')).toEqual(['25,000 ກີບ']);
    expect(valueWords({ type: 'cap', value: null }, 'en')).toEqual(['No limit']);
    expect(valueWords({ type: 'flag', value: false }, 'lo')).toEqual(['ບໍ່']);
    expect(valueWords({ type: 'none' }, 'en')).toEqual(['(none)']);
  });

  it('names the entry and the field a file error is at', () => {
    expect(wherePath('services.3.prefix', 'en')).toBe('Service 4 · Ticket letter');
    expect(wherePath('services.0.feeRef.date', 'en')).toBe('Service 1 · Legal reference');
    expect(wherePath('counters.1.services.2', 'lo')).toBe(
      'ປ່ອງບໍລິການລາຍການທີ 2 · ການບໍລິການ (ອັນທຳອິດຖືກເອີ້ນກ່ອນ)',
    );
    expect(wherePath('centre.timeZone', 'en')).toBe('Centre · Time zone');
    expect(wherePath('staff', 'en')).toBe('staff');
    expect(wherePath('', 'lo')).toBe('ໄຟລ໌'); // a field the file should not have
  });
});
