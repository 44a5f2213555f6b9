import { describe, expect, it } from 'vitest';
import { noticesOn } from './notices.js';

const notice = (en: string, startsOn: string | null, endsOn: string | null) => ({
  text: { lo: en, en },
  startsOn,
  endsOn,
});

describe('notices in force on a day', () => {
  it('keeps those whose dates hold the day, ends included, in order', () => {
    const list = [
      notice('always', null, null),
      notice('from today', '2026-12-02', null),
      notice('until today', null, '2026-12-02'),
      notice('tomorrow on', '2026-12-03', null),
      notice('ended yesterday', '2026-11-01', '2026-12-01'),
      notice('this week', '2026-11-30', '2026-12-04'),
    ];
    expect(noticesOn(list, '2026-12-02').map((n) => n.en)).toEqual([
      'always',
      'from today',
      'until today',
      'this week',
    ]);
  });
});
