/**
 * Where bookings show (issue #18): a day of bookings on a real hub — one
 * checked in on time, one late, one cancelled, two never come — read from
 * the floor while the day runs (a booking whose window has closed counts as
 * a no-show, one still ahead as expected), then after the rollover from the
 * report, its CSV and XLSX, per service and in total. The daily record of
 * the day still validates against the published schema: bookings are kept
 * out of it. The reads are searches on the bookings' day index.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import {
  connect,
  hashAllTables,
  ok,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { byLabel, parseCsv, readXlsx } from '../reports/read-files.js';
import { manualClock } from '../../hub/src/clock.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { FLOOR_SQL } from '../../hub/src/floor/floor-store.js';
import { REPORT_SQL } from '../../hub/src/reports/report-store.js';
import { BOOKING_COLUMNS, FIGURE_COLUMNS } from '../../shared/domain/report-columns.js';
import { t as say } from '../../shared/i18n/index.js';
import type { MessageKey } from '../../shared/i18n/en.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  REPORT_DAYS_PATH,
  REPORT_EXPORT_PATH,
  type Booking,
  type DailyRecord,
} from '../../shared/protocol.js';

const MINUTE = 60_000;
/** Friday 2026-11-27, 08:00 in Vientiane (UTC+7). */
const FRI_0800 = Date.UTC(2026, 10, 27, 1, 0);
const at = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return FRI_0800 + ((h - 8) * 60 + m) * MINUTE;
};
const DAY = '2026-11-27';
const SERVICE = 'birth-certificate';
const OTHER = 'family-book-entry';
const nameOf = (id: string) => DEMO_CENTRE.services.find((s) => s.id === id)?.name.en ?? id;

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function staffConsole(hub: TestHub, username: string, pin: string) {
  const { client } = await connect(hub, { role: 'console' });
  const { sessionToken } = ok(await send(client, 'staff:login', { username, pin }));
  return { client, sessionToken };
}

/** Two services open 08:00–16:00 on weekdays, both bookable in half hours, one place a slot. */
async function bookingDay() {
  const clock = manualClock(FRI_0800);
  const hub = await startHub({ clock, bookingRate: { writeBurst: 50, phoneBurst: 20 } });
  const hours = hub.db.prepare(
    `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min) VALUES (?, ?, 480, 960)`,
  );
  for (const id of [SERVICE, OTHER]) for (let w = 1; w <= 5; w++) hours.run(id, w);
  hub.hub.reloadConfig();
  const manager = await staffConsole(hub, 'manager', '9999');
  for (const serviceId of [SERVICE, OTHER]) {
    ok(
      await send(manager.client, 'config:booking-save', {
        serviceId,
        booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true, slotMinutes: 30, perSlot: 1 },
        version: null,
      }),
    );
  }
  return { hub, clock, manager };
}

let phone = 0;
async function book(hub: TestHub, serviceId: string, start: string): Promise<Booking> {
  const body = {
    serviceId,
    day: DAY,
    start,
    name: 'Vilay Sisouphanh',
    phone: `020 5555 ${String(1000 + ++phone)}`,
    lang: 'lo',
  };
  const res = await fetch(`${hub.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { booking: Booking }).booking;
}

async function checkIn(kiosk: Client, code: string) {
  return ok(await send(kiosk, 'ticket:check-in', { code })).outcome;
}

const get = (hub: TestHub, path: string, token: string) =>
  fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('bookings on the floor and in the reports', () => {
  it('counts made, checked in, late, cancelled and no-show, live and after the rollover', async () => {
    const { hub, clock } = await bookingDay();
    t = hub;
    const onTime = await book(hub, SERVICE, '09:00');
    const late = await book(hub, SERVICE, '09:30');
    const missed = await book(hub, SERVICE, '10:00');
    const ahead = await book(hub, SERVICE, '11:00');
    const cancelled = await book(hub, SERVICE, '13:00');
    const otherMissed = await book(hub, OTHER, '09:00');
    const gone = await fetch(`${hub.url}/api/v1/bookings/${cancelled.code}`, { method: 'DELETE' });
    expect(gone.status).toBe(200);

    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    clock.set(at('08:50'));
    expect(await checkIn(kiosk, onTime.code)).toBe('checked-in');
    clock.set(at('09:45')); // 09:30 + 10 min late allowed: the window closed at 09:40.
    expect(await checkIn(kiosk, late.code)).toBe('too-late');

    // 10:15: the 10:00 booking's window closed at 10:10; 11:00 is still ahead.
    clock.set(at('10:15'));
    const supervisor = await staffConsole(hub, 'supervisor', '5555');
    const floor = ok(await send(supervisor.client, 'floor:get', {}));
    expect(floor.bookings.services).toEqual([
      {
        serviceId: SERVICE,
        booked: 5,
        checkedIn: 1,
        late: 1,
        noShows: 1,
        cancelled: 1,
        expected: 1,
      },
      {
        serviceId: OTHER,
        booked: 1,
        checkedIn: 0,
        late: 0,
        noShows: 1,
        cancelled: 0,
        expected: 0,
      },
    ]);
    expect(floor.bookings.total).toEqual({
      booked: 6,
      checkedIn: 1,
      late: 1,
      noShows: 2,
      cancelled: 1,
      expected: 1,
    });

    // The night: both open bookings and the other service's become no-shows.
    clock.set(at('08:00') + 24 * 60 * MINUTE);
    hub.hub.rolloverIfDue();
    const status = (code: string) =>
      (
        hub.db.prepare('SELECT status FROM bookings WHERE code = ?').get(code.replace('-', '')) as {
          status: string;
        }
      ).status;
    expect([missed, ahead, otherMissed].map((b) => status(b.code))).toEqual([
      'no-show',
      'no-show',
      'no-show',
    ]);
    const saturday = ok(await send(supervisor.client, 'floor:get', {}));
    expect(saturday.bookings).toEqual({
      total: { booked: 0, checkedIn: 0, late: 0, noShows: 0, cancelled: 0, expected: 0 },
      services: [],
    });

    const range = { from: DAY, to: DAY };
    const report = ok(await send(supervisor.client, 'report:run', { range, groupBy: 'service' }));
    const made = { booked: 5, checkedIn: 1, late: 1, noShows: 2, cancelled: 1 };
    // Services in the console's order: the family book's ministry comes first in the demo.
    expect(report.bookings).toEqual({
      total: { booked: 6, checkedIn: 1, late: 1, noShows: 3, cancelled: 1 },
      byService: [
        { serviceId: OTHER, booked: 1, checkedIn: 0, late: 0, noShows: 1, cancelled: 0 },
        { serviceId: SERVICE, ...made },
      ],
    });
    // The two tickets check-in gave are in the day's tickets like any other.
    expect(report.rows.find((r) => r.key === SERVICE)?.figures.issued).toBe(2);
    const byMinistry = ok(
      await send(supervisor.client, 'report:run', { range, groupBy: 'ministry' }),
    );
    expect(byMinistry.bookings).toEqual(report.bookings);
    const week = ok(
      await send(supervisor.client, 'report:run', {
        range: { from: '2026-11-28', to: '2026-12-04' },
        groupBy: 'service',
      }),
    );
    expect(week.bookings).toEqual({
      total: { booked: 0, checkedIn: 0, late: 0, noShows: 0, cancelled: 0 },
      byService: [],
    });

    // The downloads: the booking columns after the figures, a service's own in its row. (A
    // session from yesterday has run out: the supervisor logs in again for them.)
    const reader = await staffConsole(hub, 'supervisor', '5555');
    const query = `from=${DAY}&to=${DAY}&groupBy=service&lang=en`;
    const csv = byLabel(
      parseCsv(
        await (
          await get(hub, `${REPORT_EXPORT_PATH}?${query}&format=csv`, reader.sessionToken)
        ).text(),
      ),
    );
    const label = (id: string) => say('en', `report.col.${id}` as MessageKey);
    const serviceName = say('en', 'report.key.total');
    const total = csv.get(serviceName);
    expect(total?.size).toBe(FIGURE_COLUMNS.length + BOOKING_COLUMNS.length);
    expect(BOOKING_COLUMNS.map((c) => total?.get(label(c.id)))).toEqual([6, 1, 1, 3, 1]);
    const birth = csv.get(nameOf(SERVICE));
    expect(BOOKING_COLUMNS.map((c) => birth?.get(label(c.id)))).toEqual([5, 1, 1, 2, 1]);
    const xlsx = await readXlsx(
      await (
        await get(hub, `${REPORT_EXPORT_PATH}?${query}&format=xlsx`, reader.sessionToken)
      ).arrayBuffer(),
    );
    const sheet = xlsx.find((s) => s.name === say('en', 'report.sheet.bookings'));
    expect(sheet?.rows).toEqual([
      [say('en', 'report.group.service'), ...BOOKING_COLUMNS.map((c) => label(c.id))],
      ...report.bookings.byService.map((b) => [
        nameOf(b.serviceId),
        ...BOOKING_COLUMNS.map((c) => c.value(b)),
      ]),
      [serviceName, 6, 1, 1, 3, 1],
    ]);
    // Grouped another way, a row has no bookings of its own: empty cells, the total filled.
    const byCounter = byLabel(
      parseCsv(
        await (
          await get(
            hub,
            `${REPORT_EXPORT_PATH}?from=${DAY}&to=${DAY}&groupBy=counter&lang=en&format=csv`,
            reader.sessionToken,
          )
        ).text(),
      ),
    );
    for (const [name, row] of byCounter) {
      const cells = BOOKING_COLUMNS.map((c) => row.get(label(c.id)));
      expect(cells, name).toEqual(
        name === serviceName ? [6, 1, 1, 3, 1] : [null, null, null, null, null],
      );
    }

    // The daily record leaves the centre in its closed, published shape: no booking field.
    const days = (await (
      await get(hub, `${REPORT_DAYS_PATH}?from=${DAY}&to=${DAY}`, reader.sessionToken)
    ).json()) as { records: DailyRecord[] };
    const schema = JSON.parse(readFileSync('docs/schemas/daily-record.v1.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(days.records).toHaveLength(1);
    expect(validate(days.records[0]), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(days.records[0])).not.toMatch(/booking|Vilay|5555/i);
  });

  it('refuses out-of-range settings and retention next to their fields, leaving no trace', async () => {
    const { hub, manager } = await bookingDay();
    t = hub;
    const before = hashAllTables(hub.db);
    const bad = await send(manager.client, 'config:booking-save', {
      serviceId: SERVICE,
      booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true, slotMinutes: 3, perSlot: 51 },
      version: 1,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(bad.ok ? [] : bad.error.fields?.map((f) => [f.path, f.issue])).toEqual([
      ['booking.slotMinutes', 'too_small'],
      ['booking.perSlot', 'too_big'],
    ]);
    const retention = await send(manager.client, 'config:retention-save', {
      retention: { days: 0 },
      version: 1,
    });
    expect(retention.ok ? [] : retention.error.fields?.map((f) => f.path)).toEqual([
      'retention.days',
    ]);
    expect(hashAllTables(hub.db)).toBe(before);
  });

  it('reads the counts from the bookings’ day index, never a scan', async () => {
    const hub = await startHub();
    t = hub;
    const plan = (sql: string, params: unknown[]) =>
      hub.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
        .join('; ');
    const floor = plan(FLOOR_SQL.bookings, [0, DAY]);
    expect(floor).toMatch(/SEARCH b USING (COVERING )?INDEX bookings_day \(day=\?\)/);
    expect(floor).toMatch(/SEARCH s USING INDEX sqlite_autoindex_booking_settings_1/);
    const report = plan(REPORT_SQL.bookings, [{ from: DAY, to: DAY }]);
    expect(report).toMatch(
      /SEARCH bookings USING (COVERING )?INDEX bookings_day \(day>\? AND day<\?\)/,
    );
    for (const p of [floor, report]) expect(p).not.toMatch(/\bSCAN (b|bookings)\b/);
  });
});
