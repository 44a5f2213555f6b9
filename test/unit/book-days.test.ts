/**
 * The days /book offers and how appointments are worded: closed days by the
 * hub's own rule (holidays, a weekday without hours), today closed once its
 * times have begun, and each check-in outcome in plain words in both
 * languages.
 */
import { describe, expect, it } from 'vitest';
import { bookableDays, dayWords } from '../../display/src/book/days.js';
import { arriveWords, checkInWords, dayName } from '../../shared/ui/booking-words.js';
import { CHECK_IN_OUTCOMES, type Booking } from '../../shared/protocol.js';
import { t } from '../../shared/i18n/index.js';
import { ticketFixture, WEEKDAY_HOURS, wednesdayAt } from '../fixtures.js';

const service = {
  serviceId: 'birth-certificate',
  name: { lo: 'ໃບແຈ້ງເກີດ', en: 'Birth certificate' },
  ministry: { lo: 'ກະຊວງພາຍໃນ', en: 'Ministry of Home Affairs' },
  slotMinutes: 30,
  daysAhead: 6,
};
const centre = {
  timeZone: 'Asia/Vientiane',
  holidays: [{ day: '2026-12-04', name: { lo: 'ວັນພັກ', en: 'A holiday' } }],
};
const TZ = 'Asia/Vientiane';

describe('the days /book offers', () => {
  it('lists today and the days ahead, holidays and closed weekdays closed', () => {
    const days = bookableDays({
      today: '2026-12-02',
      now: wednesdayAt('08:00'),
      centre,
      service,
      hours: WEEKDAY_HOURS,
    });
    expect(days.map((d) => [d.day, d.closed?.why ?? null])).toEqual([
      ['2026-12-02', null],
      ['2026-12-03', null],
      ['2026-12-04', 'holiday'],
      ['2026-12-05', 'closed-day'],
      ['2026-12-06', 'closed-day'],
      ['2026-12-07', null],
      ['2026-12-08', null],
    ]);
    expect(days[2]?.closed).toEqual({ why: 'holiday', name: centre.holidays[0]?.name });
  });

  it('closes today once its last time has begun', () => {
    const at = (hhmm: string) =>
      bookableDays({
        today: '2026-12-02',
        now: wednesdayAt(hhmm),
        centre,
        service,
        hours: WEEKDAY_HOURS,
      })[0]?.closed;
    expect(at('15:29')).toBeNull();
    expect(at('15:30')).toEqual({ why: 'over' });
  });

  it('says today and tomorrow by name, other days by their date', () => {
    expect(dayWords('2026-12-02', '2026-12-02', 'en')).toBe('Today, Wednesday 2 December');
    expect(dayWords('2026-12-03', '2026-12-02', 'lo')).toBe(
      `${t('lo', 'book.tomorrow')}, ວັນພະຫັດ ທີ 3 ທັນວາ`,
    );
    expect(dayWords('2026-12-07', '2026-12-02', 'en')).toBe('Monday 7 December');
    expect(dayName('2027-01-01', 'lo')).toBe('ວັນສຸກ ທີ 1 ມັງກອນ');
  });
});

describe('appointments in words', () => {
  const booking: Booking = {
    code: 'ABCD-2345',
    serviceId: 'birth-certificate',
    day: '2026-12-02',
    start: '09:30',
    startsAt: wednesdayAt('09:30'),
    endsAt: wednesdayAt('10:00'),
    status: 'booked',
    name: 'Noy',
    phoneMasked: '•••• 3456',
    checkInOpensAt: wednesdayAt('09:15'),
    checkInClosesAt: wednesdayAt('09:40'),
    ticket: null,
    lang: 'en',
  };

  it('says the check-in window on the centre clock', () => {
    expect(arriveWords(booking, TZ, 'en')).toBe(
      'Arrive between 09:15 and 09:40; check in at the kiosk with this code.',
    );
  });

  it('words every check-in outcome, with its time, day or ticket', () => {
    const ticket = {
      ...ticketFixture(7, { label: 'B007' }),
      peopleAhead: 0,
      estimatedWaitMs: null,
    };
    const words = (outcome: (typeof CHECK_IN_OUTCOMES)[number], lang: 'lo' | 'en') =>
      checkInWords(
        {
          outcome,
          booking: { code: 'ABCD-2345', serviceId: 'b', day: '2026-12-03', start: '09:30' },
          opensAt: wednesdayAt('09:15'),
          ...(outcome.includes('checked-in') || outcome === 'too-late' ? { ticket } : {}),
        },
        TZ,
        lang,
      );
    expect(words('too-early', 'en')).toBe(
      'Your appointment is at 09:30: check-in opens at 09:15. Come back at 09:15.',
    );
    expect(words('not-today', 'en')).toBe(
      'This booking is for Thursday 3 December, not today. Come back on that day.',
    );
    expect(words('checked-in', 'en')).toContain('B007');
    expect(words('too-late', 'en')).toContain('walk-in ticket: B007');
    for (const outcome of CHECK_IN_OUTCOMES) {
      for (const lang of ['lo', 'en'] as const) {
        expect(words(outcome, lang), `${outcome} ${lang}`).not.toMatch(/\{|\}/);
      }
    }
  });
});
