/**
 * The demo centre's appointments, so `npm start` shows them: two services
 * take bookings (opening hours Monday to Friday, 08:00–16:00 with lunch
 * 12:00–13:00, since slots are made from the hours; 15-minute slots, two
 * places a slot, 14 days ahead), and a few citizens have booked today, or
 * on the next working day when today has no hours. Only the demo start
 * (main.ts --demo) writes these: tests seed the plain demo centre, where
 * every service is open whenever the test runs.
 */
import type { Db } from '../db/open.js';
import { createBookingStore } from '../appointments/booking-store.js';
import { newBookingCode } from '../appointments/booking-codes.js';
import { serviceDay } from '../../../shared/domain/numbering.js';
import { instantOnDay } from '../../../shared/domain/opening-hours.js';
import { addDays, weekdayOf } from '../../../shared/domain/slots.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  normalPhone,
  type BookingSettingsInput,
  type Lang,
} from '../../../shared/protocol.js';

export const DEMO_BOOKABLE = ['marriage-registration', 'enterprise-registration'] as const;

export const DEMO_BOOKING_SETTINGS: BookingSettingsInput = {
  ...DEFAULT_BOOKING_SETTINGS,
  bookable: true,
  slotMinutes: 15,
  perSlot: 2,
  daysAhead: 14,
};

/** Monday to Friday (1–5), 08:00–16:00, lunch 12:00–13:00, in minutes from midnight. */
const WORKDAYS = [1, 2, 3, 4, 5];
const HOURS = { opensMin: 480, closesMin: 960, lunchFromMin: 720, lunchToMin: 780 };

/** Who booked, and for which slot of the day: morning and afternoon, one slot full. */
const DEMO_BOOKINGS: {
  serviceId: string;
  startMin: number;
  name: string;
  phone: string;
  lang: Lang;
}[] = [
  {
    serviceId: 'marriage-registration',
    startMin: 510,
    name: 'ທ. ສົມພອນ ແກ້ວມະນີ',
    phone: '020 5512 3401',
    lang: 'lo',
  },
  {
    serviceId: 'marriage-registration',
    startMin: 510,
    name: 'ນ. ມະນີວັນ ສີສຸວັນ',
    phone: '020 2834 5567',
    lang: 'lo',
  },
  {
    serviceId: 'marriage-registration',
    startMin: 600,
    name: 'ທ. ບຸນມີ ພົມມະວົງ',
    phone: '020 7745 1290',
    lang: 'lo',
  },
  {
    serviceId: 'marriage-registration',
    startMin: 825,
    name: 'Anna Keller',
    phone: '+856 20 5890 1122',
    lang: 'en',
  },
  {
    serviceId: 'enterprise-registration',
    startMin: 555,
    name: 'ນ. ດາວວອນ ສຸລິຍະ',
    phone: '020 9156 3348',
    lang: 'lo',
  },
  {
    serviceId: 'enterprise-registration',
    startMin: 660,
    name: 'ທ. ວັນໄຊ ອິນທະວົງ',
    phone: '030 5221 876',
    lang: 'lo',
  },
  {
    serviceId: 'enterprise-registration',
    startMin: 870,
    name: 'Nguyen Van Minh',
    phone: '020 5677 4410',
    lang: 'en',
  },
];

/** Today, when the bookable services open today; else the next day they do. */
export function demoBookingDay(now: number, timeZone: string): string {
  let day = serviceDay(now, timeZone);
  while (!WORKDAYS.includes(weekdayOf(day))) day = addDays(day, 1);
  return day;
}

export function seedDemoAppointments(db: Db, now: number): { day: string; bookings: number } {
  const centre = db.prepare<[], { time_zone: string }>('SELECT time_zone FROM centre').get();
  if (!centre) throw new Error('seed the demo centre before its appointments');
  const day = demoBookingDay(now, centre.time_zone);
  const store = createBookingStore(db);
  const hours = db.prepare(
    `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
       lunch_to_min) VALUES (@serviceId, @weekday, @opensMin, @closesMin, @lunchFromMin, @lunchToMin)`,
  );
  db.transaction(() => {
    for (const serviceId of DEMO_BOOKABLE) {
      for (const weekday of WORKDAYS) hours.run({ serviceId, weekday, ...HOURS });
      store.saveSettings(serviceId, DEMO_BOOKING_SETTINGS);
    }
    DEMO_BOOKINGS.forEach((b, i) => {
      store.insert({
        code: newBookingCode((c) => store.byCode(c) !== undefined),
        serviceId: b.serviceId,
        day,
        startMin: b.startMin,
        startsAt: instantOnDay(day, b.startMin, centre.time_zone),
        name: b.name,
        phone: b.phone,
        phoneKey: normalPhone(b.phone),
        lang: b.lang,
        source: 'phone',
        // Booked over the last few days, each a little before the next.
        createdAt: now - (DEMO_BOOKINGS.length - i) * 7 * 3_600_000,
      });
    });
  })();
  return { day, bookings: DEMO_BOOKINGS.length };
}
