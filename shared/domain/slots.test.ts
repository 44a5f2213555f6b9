import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  checkInRule,
  clockMinute,
  clockTime,
  daySlots,
  slotStarts,
  weekdayOf,
} from './slots.js';
import { DEFAULT_BOOKING_SETTINGS, normalBookingCode, normalPhone } from '../protocol.js';
import { newBookingCode } from '../../hub/src/appointments/booking-codes.js';

const MINUTE = 60_000;
/** Friday 2026-11-27 00:00 in Vientiane. */
const FRI = Date.UTC(2026, 10, 26, 17, 0);
const hours = { weekday: 5, opensMin: 480, closesMin: 960, lunchFromMin: 720, lunchToMin: 780 };
const settings = { ...DEFAULT_BOOKING_SETTINGS, bookable: true, slotMinutes: 45, perSlot: 2 };

describe('slots', () => {
  it('fill the opening hours, skip lunch, and never run past closing', () => {
    expect(slotStarts(hours, 45).map(clockTime)).toEqual([
      '08:00',
      '08:45',
      '09:30',
      '10:15',
      '11:00',
      '13:00',
      '13:45',
      '14:30',
      '15:15',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 240 }), (len) => {
        for (const s of slotStarts(hours, len)) {
          expect(s + len).toBeLessThanOrEqual(hours.closesMin);
          expect(s + len <= 720 || s >= 780).toBe(true);
        }
      }),
    );
  });

  it('count days as calendar dates across months and years in Asia/Vientiane', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-27')).toBe(5);
    expect(clockMinute('09:30')).toBe(570);
    const day = daySlots({
      day: '2026-11-27',
      today: '2026-11-27',
      now: FRI + 9 * 60 * MINUTE,
      timeZone: 'Asia/Vientiane',
      settings,
      hours: [hours],
      holidays: new Set(),
      taken: (min) => (min === 570 ? 2 : min === 615 ? 1 : 0),
    });
    expect(day.slots.slice(0, 4)).toEqual([
      { start: '08:00', startsAt: FRI + 480 * MINUTE, left: 0 },
      { start: '08:45', startsAt: FRI + 525 * MINUTE, left: 0 },
      { start: '09:30', startsAt: FRI + 570 * MINUTE, left: 0 },
      { start: '10:15', startsAt: FRI + 615 * MINUTE, left: 1 },
    ]);
  });

  it('say why a day has none', () => {
    const base = {
      today: '2026-11-27',
      now: FRI,
      timeZone: 'Asia/Vientiane',
      settings,
      hours: [hours],
      holidays: new Set(['2026-12-04']),
      taken: () => 0,
    };
    expect(daySlots({ ...base, day: '2026-11-26' }).closed).toBe('past');
    expect(daySlots({ ...base, day: '2026-12-12' }).closed).toBe('too-far');
    expect(daySlots({ ...base, day: '2026-12-04' }).closed).toBe('holiday');
    expect(daySlots({ ...base, day: '2026-11-28' }).closed).toBe('closed-day');
    expect(
      daySlots({ ...base, day: '2026-11-27', settings: DEFAULT_BOOKING_SETTINGS }).closed,
    ).toBe('not-bookable');
  });
});

describe('the check-in rule', () => {
  const at = FRI + 570 * MINUTE;
  const b = { status: 'booked' as const, day: '2026-11-27', startsAt: at };
  it('opens early minutes before the slot and closes late minutes after it', () => {
    const rule = (now: number) => checkInRule(b, '2026-11-27', now, settings);
    expect(rule(at - 16 * MINUTE)).toBe('too-early');
    expect(rule(at - 15 * MINUTE)).toBe('checked-in');
    expect(rule(at + 10 * MINUTE)).toBe('checked-in');
    expect(rule(at + 10 * MINUTE + 1)).toBe('too-late');
    expect(checkInRule(b, '2026-11-28', at, settings)).toBe('not-today');
    expect(checkInRule({ ...b, status: 'late' }, '2026-11-27', at, settings)).toBe(
      'already-checked-in',
    );
    expect(checkInRule({ ...b, status: 'cancelled' }, '2026-11-27', at, settings)).toBe(
      'cancelled',
    );
  });
});

describe('codes and phones', () => {
  it('draws codes from the unambiguous alphabet, again on a collision', () => {
    const held = new Set<string>();
    for (let i = 0; i < 200; i++) held.add(newBookingCode((c) => held.has(c)));
    expect(held.size).toBe(200);
    for (const c of held) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    let calls = 0;
    const first = newBookingCode(() => calls++ === 0);
    expect(calls).toBe(2);
    expect(first).toHaveLength(8);
    expect(normalBookingCode('abcd-2345')).toBe('ABCD2345');
    expect(normalBookingCode('ABCD-0345')).toBeNull();
  });

  it('reads one number however it is written', () => {
    for (const p of ['020 5555 1234', '+856 20 5555 1234', '856-20-5555-1234', '2055551234']) {
      expect(normalPhone(p)).toBe('2055551234');
    }
  });
});
