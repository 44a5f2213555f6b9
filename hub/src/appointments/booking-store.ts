/** The appointments' rows: settings per service, the retention policy, and bookings. */
import type { Db } from '../db/open.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  type BookingCounts,
  type BookingRetention,
  type BookingSettingsConfig,
  type BookingSettingsInput,
  type BookingSource,
  type BookingStatus,
  type Lang,
} from '../../../shared/protocol.js';

export interface BookingRow {
  id: number;
  code: string;
  service_id: string;
  day: string;
  start_min: number;
  starts_at: number;
  name: string;
  phone: string;
  lang: Lang;
  status: BookingStatus;
  ticket_id: number | null;
  source: BookingSource;
  created_at: number;
  checked_in_at: number | null;
}

export interface NewBooking {
  code: string;
  serviceId: string;
  day: string;
  startMin: number;
  startsAt: number;
  name: string;
  phone: string;
  phoneKey: string;
  lang: Lang;
  source: BookingSource;
  createdAt: number;
}

interface SettingsRow {
  service_id: string;
  bookable: number;
  slot_minutes: number;
  per_slot: number;
  days_ahead: number;
  early_minutes: number;
  late_minutes: number;
  version: number;
}

const settingsOf = (r: SettingsRow): BookingSettingsConfig => ({
  serviceId: r.service_id,
  bookable: r.bookable === 1,
  slotMinutes: r.slot_minutes,
  perSlot: r.per_slot,
  daysAhead: r.days_ahead,
  earlyMinutes: r.early_minutes,
  lateMinutes: r.late_minutes,
  version: r.version,
});

/** Each service's booking settings and the centre's retention: the console edits them. */
function settingsStore(db: Db) {
  const q = {
    settings: db.prepare<[string], SettingsRow>(
      'SELECT * FROM booking_settings WHERE service_id = ?',
    ),
    allSettings: db.prepare<[], SettingsRow>('SELECT * FROM booking_settings'),
    saveSettings: db.prepare<[BookingSettingsInput & { serviceId: string; bookableInt: number }]>(
      `INSERT INTO booking_settings (service_id, bookable, slot_minutes, per_slot, days_ahead,
         early_minutes, late_minutes)
       VALUES (@serviceId, @bookableInt, @slotMinutes, @perSlot, @daysAhead, @earlyMinutes,
         @lateMinutes)
       ON CONFLICT (service_id) DO UPDATE SET bookable = excluded.bookable,
         slot_minutes = excluded.slot_minutes, per_slot = excluded.per_slot,
         days_ahead = excluded.days_ahead, early_minutes = excluded.early_minutes,
         late_minutes = excluded.late_minutes, version = version + 1`,
    ),
    retention: db.prepare<[], { retention_days: number; version: number }>(
      'SELECT retention_days, version FROM booking_policy WHERE id = 1',
    ),
    saveRetention: db.prepare<[number]>(
      'UPDATE booking_policy SET retention_days = ?, version = version + 1 WHERE id = 1',
    ),
  };
  return {
    settings(serviceId: string): BookingSettingsConfig {
      const row = q.settings.get(serviceId);
      return row ? settingsOf(row) : { ...DEFAULT_BOOKING_SETTINGS, serviceId, version: null };
    },
    allSettings: () => q.allSettings.all().map(settingsOf),
    saveSettings: (serviceId: string, s: BookingSettingsInput) =>
      void q.saveSettings.run({ ...s, serviceId, bookableInt: s.bookable ? 1 : 0 }),
    retention: (): BookingRetention => {
      const r = q.retention.get();
      return { days: r?.retention_days ?? 30, version: r?.version ?? 1 };
    },
    saveRetention: (days: number) => void q.saveRetention.run(days),
  };
}

/** The bookings themselves, from made to checked in, no-show or wiped. */
function rowStore(db: Db) {
  const q = {
    byCode: db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE code = ?'),
    byId: db.prepare<[number], BookingRow>('SELECT * FROM bookings WHERE id = ?'),
    takenOnDay: db.prepare<[string, string], { start_min: number; n: number }>(
      `SELECT start_min, count(*) AS n FROM bookings WHERE service_id = ? AND day = ?
         AND status <> 'cancelled' GROUP BY start_min`,
    ),
    insert: db.prepare<[NewBooking]>(
      `INSERT INTO bookings (code, service_id, day, start_min, starts_at, name, phone, phone_key,
         lang, source, created_at)
       VALUES (@code, @serviceId, @day, @startMin, @startsAt, @name, @phone, @phoneKey, @lang,
         @source, @createdAt)`,
    ),
    move: db.prepare<[string, number, number, number]>(
      'UPDATE bookings SET day = ?, start_min = ?, starts_at = ? WHERE id = ?',
    ),
    cancel: db.prepare<[number, number]>(
      "UPDATE bookings SET status = 'cancelled', cancelled_at = ? WHERE id = ?",
    ),
    checkIn: db.prepare<[BookingStatus, number, number, number]>(
      'UPDATE bookings SET status = ?, ticket_id = ?, checked_in_at = ? WHERE id = ?',
    ),
    noShows: db.prepare<[string]>(
      "UPDATE bookings SET status = 'no-show' WHERE day < ? AND status = 'booked'",
    ),
    wipe: db.prepare<[number, string]>(
      `UPDATE bookings SET name = '', phone = '', phone_key = '', wiped_at = ?
       WHERE day <= ? AND wiped_at IS NULL`,
    ),
    ticketLabel: db.prepare<[number], { code: string; label: string }>(
      'SELECT code, label FROM tickets WHERE id = ?',
    ),
  };
  return {
    byCode: (code: string) => q.byCode.get(code),
    byId: (id: number) => q.byId.get(id),
    takenOnDay(serviceId: string, day: string): Map<number, number> {
      return new Map(q.takenOnDay.all(serviceId, day).map((r) => [r.start_min, r.n]));
    },
    insert: (b: NewBooking) => Number(q.insert.run(b).lastInsertRowid),
    move: (id: number, day: string, startMin: number, startsAt: number) =>
      void q.move.run(day, startMin, startsAt, id),
    cancel: (id: number, at: number) => void q.cancel.run(at, id),
    checkIn: (id: number, status: BookingStatus, ticketId: number, at: number) =>
      void q.checkIn.run(status, ticketId, at, id),
    /** Bookings of days before `today` never checked in: no-shows. */
    markNoShows: (today: string) => q.noShows.run(today).changes,
    /** Wipes name and phone of bookings on `lastDay` and before. */
    wipeThrough: (lastDay: string, at: number) => q.wipe.run(at, lastDay).changes,
    ticketOf: (ticketId: number | null) =>
      ticketId === null ? null : (q.ticketLabel.get(ticketId) ?? null),
  };
}

/** How many bookings became what, over days: the floor and the reports. */
function countStore(db: Db) {
  const q = {
    counts: db.prepare<[string, string], { status: BookingStatus; n: number }>(
      `SELECT status, count(*) AS n FROM bookings WHERE day >= ? AND day <= ? GROUP BY status`,
    ),
    countsByService: db.prepare<
      [string, string],
      { service_id: string; status: BookingStatus; n: number }
    >(
      `SELECT service_id, status, count(*) AS n FROM bookings WHERE day >= ? AND day <= ?
       GROUP BY service_id, status`,
    ),
  };
  return {
    counts(from: string, to: string): BookingCounts {
      return tally(q.counts.all(from, to));
    },
    countsByService(from: string, to: string): Map<string, BookingCounts> {
      const rows = q.countsByService.all(from, to);
      const ids = [...new Set(rows.map((r) => r.service_id))];
      return new Map(ids.map((id) => [id, tally(rows.filter((r) => r.service_id === id))]));
    },
  };
}

export function createBookingStore(db: Db) {
  return { ...settingsStore(db), ...rowStore(db), ...countStore(db) };
}
export type BookingStore = ReturnType<typeof createBookingStore>;

/** Bookings by what became of them; every booking made counts in `booked`. */
function tally(rows: readonly { status: BookingStatus; n: number }[]): BookingCounts {
  const of = (s: BookingStatus) => rows.find((r) => r.status === s)?.n ?? 0;
  return {
    booked: rows.reduce((sum, r) => sum + r.n, 0),
    checkedIn: of('checked-in'),
    late: of('late'),
    noShows: of('no-show'),
    cancelled: of('cancelled'),
  };
}
