import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOOK_AHEAD_DAYS, openState, type Schedule } from './opening-hours.js';
import type { OpeningHours } from '../protocol.js';

const TZ = 'Asia/Vientiane';
/** Monday 7 December 2026, 10:00 in Vientiane. */
const MON_10 = Date.parse('2026-12-07T10:00:00+07:00');
const at = (iso: string) => Date.parse(`${iso}+07:00`);
const weekdays = (from: number, to: number, lunch = true): OpeningHours[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    opensMin: from,
    closesMin: to,
    lunchFromMin: lunch ? 12 * 60 : null,
    lunchToMin: lunch ? 13 * 60 : null,
  }));
const office: Schedule = { hours: weekdays(8 * 60, 16 * 60), holidays: new Set() };

describe('openState', () => {
  it('is open in hours, closed at lunch, before and after, with the next opening', () => {
    expect(openState(office, MON_10, TZ)).toEqual({ open: true });
    expect(openState(office, at('2026-12-07T12:30:00'), TZ)).toEqual({
      open: false,
      why: 'lunch',
      opensAt: at('2026-12-07T13:00:00'),
    });
    expect(openState(office, at('2026-12-07T07:59:00'), TZ)).toMatchObject({
      why: 'before-hours',
      opensAt: at('2026-12-07T08:00:00'),
    });
    // Friday evening: next Monday morning.
    expect(openState(office, at('2026-12-11T16:00:00'), TZ)).toMatchObject({
      why: 'after-hours',
      opensAt: at('2026-12-14T08:00:00'),
    });
    expect(openState(office, at('2026-12-12T09:00:00'), TZ)).toMatchObject({ why: 'closed-day' });
  });

  it('is closed on a holiday, and opens on the next working day after it', () => {
    const withHoliday: Schedule = { ...office, holidays: new Set(['2026-12-07', '2026-12-08']) };
    expect(openState(withHoliday, MON_10, TZ)).toEqual({
      open: false,
      why: 'holiday',
      opensAt: at('2026-12-09T08:00:00'),
    });
    const always: Schedule = { hours: [], holidays: new Set(['2026-12-07']) };
    expect(openState(always, MON_10, TZ)).toMatchObject({ opensAt: at('2026-12-08T00:00:00') });
    expect(openState({ hours: [], holidays: new Set() }, MON_10, TZ)).toEqual({ open: true });
  });

  it('says nothing opens when no day in the next two weeks does', () => {
    const holidays = new Set(
      Array.from({ length: LOOK_AHEAD_DAYS + 1 }, (_, i) =>
        new Date(Date.UTC(2026, 11, 7 + i)).toISOString().slice(0, 10),
      ),
    );
    expect(openState({ ...office, holidays }, MON_10, TZ)).toMatchObject({ opensAt: null });
  });

  it('opens at exactly the instant it names, and not a minute before (any hours, any holidays)', () => {
    const day = fc.record({
      weekday: fc.integer({ min: 0, max: 6 }),
      opensMin: fc.integer({ min: 0, max: 1380 }),
      length: fc.integer({ min: 30, max: 600 }),
      lunch: fc.option(
        fc.record({
          after: fc.integer({ min: 1, max: 200 }),
          minutes: fc.integer({ min: 1, max: 90 }),
        }),
      ),
    });
    const hoursArb = fc.uniqueArray(day, { selector: (d) => d.weekday, maxLength: 7 }).map((days) =>
      days.map((d): OpeningHours => {
        const closesMin = Math.min(1440, d.opensMin + d.length);
        const from = d.lunch ? d.opensMin + d.lunch.after : null;
        const to = from !== null && d.lunch ? from + d.lunch.minutes : null;
        const lunchOk = from !== null && to !== null && to < closesMin;
        return {
          weekday: d.weekday,
          opensMin: d.opensMin,
          closesMin,
          lunchFromMin: lunchOk ? from : null,
          lunchToMin: lunchOk ? to : null,
        };
      }),
    );
    const holidaysArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 6 })
      .map(
        (offsets) =>
          new Set(
            offsets.map((o) => new Date(Date.UTC(2026, 11, 1 + o)).toISOString().slice(0, 10)),
          ),
      );
    const nowArb = fc.integer({ min: at('2026-12-01T00:00:00'), max: at('2026-12-15T00:00:00') });
    fc.assert(
      fc.property(hoursArb, holidaysArb, nowArb, (hours, holidays, now) => {
        const s: Schedule = { hours, holidays };
        const state = openState(s, now, TZ);
        if (state.open || state.opensAt === null) return;
        expect(state.opensAt).toBeGreaterThan(now - 60_000);
        expect(openState(s, state.opensAt, TZ).open).toBe(true);
        expect(openState(s, state.opensAt - 60_000, TZ).open).toBe(false);
        for (let i = 1; i <= 8; i++) {
          const t = now + Math.floor(((state.opensAt - now) * i) / 9);
          expect(openState(s, t, TZ).open).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
