/**
 * The console's service form, without the browser: a service read into the
 * form and saved unchanged is the same service, and what a person types
 * (times as HH:MM, empty fields) becomes what the hub expects or a refusal
 * the schema names. Beside the console's browser test, since vitest collects
 * tests only under hub/, shared/, station/ and test/.
 */
import { describe, expect, it } from 'vitest';
import { fromDraft, hhmm, minutesOf, toDraft } from '../../console/src/service-draft.js';
import { ServiceInputSchema } from '../../shared/protocol.js';
import { serviceInput } from '../harness.js';

describe('the console service form', () => {
  it('gives back the service it was opened on, unchanged', () => {
    const service = serviceInput({
      feeIsSample: false,
      feeLak: 20_000,
      feeRef: { lo: 'ດຳລັດ 1/ລບ', en: 'Decree 1/PM', date: '2024-03-15' },
      dailyCap: 80,
    });
    expect(fromDraft(toDraft({ ...service, version: 3 }, 'moha'))).toEqual(service);
  });

  it('reads HH:MM as minutes since midnight, and anything else as not a time', () => {
    expect(minutesOf('08:00')).toBe(480);
    expect(minutesOf('7:05')).toBe(425);
    expect(minutesOf('16:60')).toBeNaN();
    expect(minutesOf('')).toBeNaN();
    expect(hhmm(780)).toBe('13:00');
    expect(hhmm(null)).toBe('');
  });

  it('starts a new service Monday to Friday with a lunch break, and refuses it until filled in', () => {
    const draft = toDraft(null, 'moha');
    expect(draft.days.filter((d) => d.open).map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5]);
    const input = fromDraft(draft);
    expect(input.hours[0]).toEqual({
      weekday: 1,
      opensMin: 480,
      closesMin: 960,
      lunchFromMin: 720,
      lunchToMin: 780,
    });
    const issues = ServiceInputSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    // The reference rule is a refinement: it speaks once the fields themselves are well formed.
    expect(issues).toEqual(expect.arrayContaining(['id', 'prefix', 'name.lo', 'feeLak']));
  });

  it('sends a day without a lunch break as null, and a half-given break for the schema to refuse', () => {
    const draft = toDraft(null, 'moha');
    const [monday, tuesday] = draft.days;
    if (!monday || !tuesday) throw new Error('the week has days');
    monday.lunchFrom = '';
    monday.lunchTo = '';
    tuesday.lunchTo = '';
    const [mon, tue] = fromDraft(draft).hours;
    expect(mon).toMatchObject({ lunchFromMin: null, lunchToMin: null });
    expect(tue?.lunchToMin).toBeNaN();
  });
});
