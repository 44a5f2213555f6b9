/**
 * Appointments end to end on a real hub (DESIGN.md "Appointments and the
 * integration API", docs/operations.md "Appointments"): a manager makes a
 * service bookable, a citizen books over /api/v1 without a token, and
 * checks in at the kiosk early, on time, twice and late, and the phone
 * following the ticket is told the time booked; kiosks are told which
 * services take bookings, as that changes; bad input and
 * refusals leave the database byte-identical; the day's rollover marks
 * no-shows and wipes personal data past the retention; no public payload or
 * webhook body ever carries the name or the phone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  connect,
  hashAllTables,
  ok,
  recordEvents,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { manualClock } from '../../hub/src/clock.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  type ApiScope,
  type Booking,
  type ServiceView,
  type SlotsAnswer,
  type TicketView,
} from '../../shared/protocol.js';

const MINUTE = 60_000;
/** Friday 2026-11-27, 08:00 in Vientiane (UTC+7, no DST). */
const FRI_0800 = Date.UTC(2026, 10, 27, 1, 0);
const DAY = '2026-11-27';
const SERVICE = 'birth-certificate';
const NAME = 'Somchai Phommavong';
const PHONE = '020 5555 1234';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function manager(hub: TestHub): Promise<Client> {
  const { client } = await connect(hub, { role: 'console' });
  ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
  return client;
}

/** Opening hours 08:00–16:00 with lunch 12:00–13:00 on weekdays, then bookable; its manager. */
async function makeBookable(hub: TestHub): Promise<Client> {
  const hours = hub.db.prepare(
    `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
       lunch_to_min) VALUES (?, ?, 480, 960, 720, 780)`,
  );
  for (let weekday = 1; weekday <= 5; weekday++) hours.run(SERVICE, weekday);
  hub.hub.reloadConfig();
  const console = await manager(hub);
  const settings = ok(
    await send(console, 'config:booking-save', {
      serviceId: SERVICE,
      booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true, slotMinutes: 30, perSlot: 1 },
      version: null,
    }),
  );
  expect(settings).toMatchObject({ serviceId: SERVICE, bookable: true, version: 1 });
  return console;
}

async function bookableCentre(clock = manualClock(FRI_0800)) {
  const hub = await startHub({ clock, bookingRate: { writeBurst: 50, phoneBurst: 20 } });
  return { hub, clock, console: await makeBookable(hub) };
}

async function call(
  hub: TestHub,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${hub.url}/api/v1${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function book(hub: TestHub, start: string, token?: string): Promise<Booking> {
  const body = { serviceId: SERVICE, day: DAY, start, name: NAME, phone: PHONE, lang: 'lo' };
  const res = await call(hub, 'POST', '/bookings', { body, ...(token ? { token } : {}) });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json['booking'] as Booking;
}

describe('booking a slot', () => {
  it('lists the day from the opening hours, books, moves and cancels, and holds the cap', async () => {
    const { hub } = await bookableCentre();
    t = hub;
    const bookable = await call(hub, 'GET', '/bookable');
    expect(bookable.json['services']).toEqual([
      expect.objectContaining({ serviceId: SERVICE, slotMinutes: 30, daysAhead: 14 }),
    ]);
    const day = (await call(hub, 'GET', `/slots?service=${SERVICE}&day=${DAY}`))
      .json as unknown as SlotsAnswer;
    // 08:00–12:00 and 13:00–16:00 in half hours; 08:00 has started (left 0).
    expect(day.slots.map((s) => s.start)).toEqual([
      ...['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'],
      ...['13:00', '13:30', '14:00', '14:30', '15:00', '15:30'],
    ]);
    expect(day.slots[0]?.left).toBe(0);
    expect(day.slots[2]).toEqual({ start: '09:00', startsAt: FRI_0800 + 60 * MINUTE, left: 1 });
    const saturday = await call(hub, 'GET', `/slots?service=${SERVICE}&day=2026-11-28`);
    expect(saturday.json).toEqual({
      serviceId: SERVICE,
      day: '2026-11-28',
      slots: [],
      closed: 'closed-day',
    });
    const far = await call(hub, 'GET', `/slots?service=${SERVICE}&day=2026-12-31`);
    expect(far.json['closed']).toBe('too-far');

    const booking = await book(hub, '09:00');
    expect(booking).toMatchObject({
      serviceId: SERVICE,
      day: DAY,
      start: '09:00',
      status: 'booked',
      name: NAME,
      phoneMasked: '•••• 1234',
      checkInOpensAt: FRI_0800 + 45 * MINUTE,
      checkInClosesAt: FRI_0800 + 70 * MINUTE,
      ticket: null,
    });
    expect(booking.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const lower = booking.code.replace('-', '').toLowerCase();
    expect((await call(hub, 'GET', `/bookings/${lower}`)).json['booking']).toEqual(booking);

    // The slot's one place is taken: the next citizen is refused and nothing is written.
    const before = hashAllTables(hub.db);
    const full = await call(hub, 'POST', '/bookings', {
      body: {
        serviceId: SERVICE,
        day: DAY,
        start: '09:00',
        name: 'Noy',
        phone: '02099998888',
        lang: 'en',
      },
    });
    expect(full.status).toBe(409);
    expect(full.json['error']).toMatchObject({ code: 'conflict', reason: 'slot-full' });
    for (const body of [
      { serviceId: SERVICE, day: DAY, start: '09:15', name: 'Noy', phone: PHONE, lang: 'lo' },
      { serviceId: SERVICE, day: DAY, start: '08:00', name: 'Noy', phone: PHONE, lang: 'lo' },
      { serviceId: SERVICE, day: DAY, start: '12:00', name: 'Noy', phone: PHONE, lang: 'lo' },
      { serviceId: SERVICE, day: DAY, start: '09:30', name: '<b>x</b>', phone: PHONE, lang: 'lo' },
      { serviceId: SERVICE, day: DAY, start: '09:30', name: 'Noy', phone: '12-34', lang: 'lo' },
      {
        serviceId: 'national-id-card',
        day: DAY,
        start: '09:30',
        name: 'N',
        phone: PHONE,
        lang: 'lo',
      },
    ]) {
      const refused = await call(hub, 'POST', '/bookings', { body });
      expect([400, 404, 409], JSON.stringify(refused.json)).toContain(refused.status);
    }
    const badPhone = await call(hub, 'POST', '/bookings', {
      body: {
        serviceId: SERVICE,
        day: DAY,
        start: '09:30',
        name: 'Noy',
        phone: 'call me',
        lang: 'lo',
      },
    });
    expect(badPhone.json['error']).toMatchObject({ fields: [{ path: 'phone', issue: 'phone' }] });
    expect(hashAllTables(hub.db)).toBe(before);

    const moved = await call(hub, 'PUT', `/bookings/${booking.code}`, {
      body: { day: DAY, start: '10:30' },
    });
    expect(moved.json['booking']).toMatchObject({ code: booking.code, start: '10:30' });
    const freed = (await call(hub, 'GET', `/slots?service=${SERVICE}&day=${DAY}`))
      .json as unknown as SlotsAnswer;
    expect(freed.slots.find((s) => s.start === '09:00')?.left).toBe(1);
    const cancelled = await call(hub, 'DELETE', `/bookings/${booking.code}`);
    expect(cancelled.json['booking']).toMatchObject({ status: 'cancelled' });
    const twice = await call(hub, 'DELETE', `/bookings/${booking.code}`);
    expect(twice.status).toBe(409);
  });

  it('limits new bookings per phone number', async () => {
    const clock = manualClock(FRI_0800);
    t = await startHub({ clock, bookingRate: { phoneBurst: 2, writeBurst: 50 } });
    const hours = t.db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min) VALUES (?, ?, 480, 960)`,
    );
    for (let weekday = 1; weekday <= 5; weekday++) hours.run(SERVICE, weekday);
    t.hub.reloadConfig();
    ok(
      await send(await manager(t), 'config:booking-save', {
        serviceId: SERVICE,
        booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true },
        version: null,
      }),
    );
    await book(t, '09:00');
    await book(t, '10:00');
    // The same number written another way is the same phone.
    const third = await call(t, 'POST', '/bookings', {
      body: {
        serviceId: SERVICE,
        day: DAY,
        start: '11:00',
        name: NAME,
        phone: '+856 20 5555 1234',
        lang: 'lo',
      },
    });
    expect(third.status).toBe(429);
  });
});

describe('what a kiosk is told of bookings', () => {
  it('says which services take bookings, and tells an open kiosk at once when that changes', async () => {
    const hub = await startHub({ clock: manualClock(FRI_0800) });
    t = hub;
    const bookable = (services: ServiceView[]) =>
      services.filter((s) => s.bookable).map((s) => s.id);
    const { client: kiosk, snapshot } = await connect(hub, { role: 'kiosk' });
    expect(snapshot.services.length).toBeGreaterThan(1);
    expect(bookable(snapshot.services)).toEqual([]);
    const events = recordEvents(kiosk);

    const console = await makeBookable(hub);
    const on = await events.waitFor(
      (e) => e.type === 'config-changed' && bookable(e.services).length > 0,
    );
    expect(bookable(on.services)).toEqual([SERVICE]);
    expect(on.services.length).toBe(snapshot.services.length);
    const { snapshot: later } = await connect(hub, { role: 'kiosk' });
    expect(bookable(later.services)).toEqual([SERVICE]);
    expect(bookable(ok(await send(kiosk, 'queue:snapshot', {})).services)).toEqual([SERVICE]);

    // Switched off again (bookings made stay and still check in; none can be made).
    const off = events.events.length;
    ok(
      await send(console, 'config:booking-save', {
        serviceId: SERVICE,
        booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: false },
        version: 1,
      }),
    );
    const offEvent = await events.waitFor(
      (e) => events.events.indexOf(e) >= off && e.type === 'config-changed',
    );
    expect(bookable(offEvent.services)).toEqual([]);
  });
});

describe('checking in at the kiosk', () => {
  it('says too early, then issues an appointment ticket once, and a walk-in when late', async () => {
    const { hub, clock } = await bookableCentre();
    t = hub;
    const onTime = await book(hub, '09:00');
    const late = await book(hub, '10:00');
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const { client: phone } = await connect(hub, { role: 'display' });
    const publicEvents: string[] = [];
    phone.on('queue:event', (e) => publicEvents.push(JSON.stringify(e)));

    clock.set(FRI_0800 + 30 * MINUTE);
    const early = ok(await send(kiosk, 'ticket:check-in', { code: onTime.code }));
    expect(early).toEqual({
      outcome: 'too-early',
      booking: { code: onTime.code, serviceId: SERVICE, day: DAY, start: '09:00' },
      opensAt: FRI_0800 + 45 * MINUTE,
    });

    clock.set(FRI_0800 + 50 * MINUTE);
    const typed = onTime.code.toLowerCase().replace('-', '');
    const inside = ok(await send(kiosk, 'ticket:check-in', { code: typed }));
    expect(inside.outcome).toBe('checked-in');
    expect(inside.ticket).toMatchObject({
      serviceId: SERVICE,
      priority: 'appointment',
      source: 'kiosk',
      status: 'waiting',
      booking: { start: '09:00' },
      peopleAhead: 0,
    });
    const again = ok(await send(kiosk, 'ticket:check-in', { code: onTime.code }));
    expect(again.outcome).toBe('already-checked-in');
    expect(again.ticket?.id).toBe(inside.ticket?.id);
    expect(hub.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 });
    const view = (await call(hub, 'GET', `/bookings/${onTime.code}`)).json['booking'] as Booking;
    expect(view).toMatchObject({ status: 'checked-in', ticket: { label: inside.ticket?.label } });
    // The citizen's phone, following the ticket's QR code, is told the time booked.
    const { client: citizen } = await connect(hub);
    const code = inside.ticket?.code ?? '';
    const watched = ok(await send(citizen, 'ticket:watch', { code }));
    expect(watched).toMatchObject({ code, status: 'waiting', booking: { start: '09:00' } });
    const byRest = (await call(hub, 'GET', `/tickets/${code}`)).json as TicketView;
    expect(byRest.booking).toEqual({ start: '09:00' });

    clock.set(FRI_0800 + 141 * MINUTE); // 10:21, the window closed at 10:10
    const walkIn = ok(await send(kiosk, 'ticket:check-in', { code: late.code }));
    expect(walkIn.outcome).toBe('too-late');
    expect(walkIn.ticket).toMatchObject({ priority: 'none', booking: null });
    // Late is a walk-in: the phone says no booked time.
    const walkInCode = walkIn.ticket?.code ?? '';
    expect(ok(await send(citizen, 'ticket:watch', { code: walkInCode })).booking).toBeNull();
    expect(
      hub.db.prepare('SELECT status FROM bookings WHERE ticket_id = ?').get(walkIn.ticket?.id),
    ).toEqual({ status: 'late' });

    const before = hashAllTables(hub.db);
    expect(ok(await send(kiosk, 'ticket:check-in', { code: 'ZZZZ-ZZZZ' }))).toEqual({
      outcome: 'unknown',
    });
    expect(hashAllTables(hub.db)).toBe(before);
    // The public stream sends at most every PUBLIC_INTERVAL_MS (500 ms).
    await new Promise((r) => setTimeout(r, 1_200));
    expect(publicEvents.length).toBeGreaterThan(0);
    for (const e of publicEvents) {
      expect(e).not.toContain('Somchai');
      expect(e).not.toContain('5555');
    }
  });

  it('marks the never-checked-in as no-shows at rollover, and wipes personal data after retention', async () => {
    const { hub, clock, console } = await bookableCentre();
    t = hub;
    const missed = await book(hub, '11:00');
    const retention = ok(
      await send(console, 'config:retention-save', { retention: { days: 2 }, version: 1 }),
    );
    expect(retention).toEqual({ days: 2, version: 2 });
    clock.set(FRI_0800 + 24 * 60 * MINUTE); // Saturday
    hub.hub.rolloverIfDue();
    const row = () =>
      hub.db
        .prepare('SELECT status, name, phone FROM bookings WHERE code = ?')
        .get(missed.code.replace('-', ''));
    expect(row()).toEqual({ status: 'no-show', name: NAME, phone: PHONE });
    clock.set(FRI_0800 + 2 * 24 * 60 * MINUTE); // Sunday: two days after the booking's day
    hub.hub.rolloverIfDue();
    expect(row()).toEqual({ status: 'no-show', name: '', phone: '' });
  });
});

describe('the console and the API token', () => {
  it('refuses a stale or impossible settings edit without a trace', async () => {
    const { hub, console } = await bookableCentre();
    t = hub;
    const before = hashAllTables(hub.db);
    const stale = await send(console, 'config:booking-save', {
      serviceId: SERVICE,
      booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true, perSlot: 3 },
      version: null,
    });
    expect(stale).toMatchObject({ ok: false, error: { reason: 'stale-version' } });
    const noHours = await send(console, 'config:booking-save', {
      serviceId: 'national-id-card',
      booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true },
      version: null,
    });
    expect(noHours).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        fields: [{ path: 'booking.bookable', issue: 'needs-hours' }],
      },
    });
    const wrongRetention = await send(console, 'config:retention-save', {
      retention: { days: 10 },
      version: 5,
    });
    expect(wrongRetention).toMatchObject({ ok: false, error: { reason: 'stale-version' } });
    expect(hashAllTables(hub.db)).toBe(before);
    const config = ok(await send(console, 'config:get', {}));
    expect(config.booking.services.find((s) => s.serviceId === SERVICE)).toMatchObject({
      bookable: true,
      version: 1,
    });
    expect(config.booking.retention).toEqual({ days: 30, version: 1 });
  });

  it('books with a `book` token, refuses one holding only `read`, and sends no name to webhooks', async () => {
    const { hub, console } = await bookableCentre();
    t = hub;
    const token = async (scopes: ApiScope[], name: string) =>
      ok(await send(console, 'api-token:create', { token: { name, scopes } })).secret;
    ok(
      await send(console, 'webhook:save', {
        webhook: {
          name: 'SMS gateway',
          url: 'http://127.0.0.1:9/hook',
          events: ['booking-made', 'booking-cancelled', 'booking-checked-in'],
          active: true,
        },
        version: null,
      }),
    );
    const booker = await token(['book'], 'National app');
    const reader = await token(['read'], 'Dashboard');
    const body = {
      serviceId: SERVICE,
      day: DAY,
      start: '13:00',
      name: NAME,
      phone: PHONE,
      lang: 'en',
    };
    const before = hashAllTables(hub.db);
    const refused = await call(hub, 'POST', '/bookings', { token: reader, body });
    expect(refused.status).toBe(403);
    expect(refused.json['error']).toMatchObject({
      reason: 'scope-missing',
      params: { scope: 'book' },
    });
    expect(hashAllTables(hub.db)).toBe(before);
    const made = await book(hub, '13:00', booker);
    expect(hub.db.prepare('SELECT source FROM bookings').get()).toEqual({ source: 'api' });
    await call(hub, 'DELETE', `/bookings/${made.code}`, { token: booker });
    const bodies = hub.db
      .prepare('SELECT event, body FROM webhook_deliveries ORDER BY id')
      .all() as {
      event: string;
      body: string;
    }[];
    expect(bodies.map((b) => b.event)).toEqual(['booking-made', 'booking-cancelled']);
    for (const b of bodies) {
      expect(b.body).not.toContain('Somchai');
      expect(b.body).not.toContain('5555');
      expect(JSON.parse(b.body)).toMatchObject({
        data: { ticket: null, booking: { code: made.code } },
      });
    }
  });

  it('opens check-in without a token only to the centre’s network', async () => {
    const { hub, clock } = await bookableCentre();
    t = hub;
    const b = await book(hub, '09:00');
    clock.set(FRI_0800 + 55 * MINUTE);
    // The test reaches the hub over loopback: the centre's own network.
    const res = await call(hub, 'POST', `/bookings/${b.code}/check-in`);
    expect(res.status).toBe(200);
    expect(res.json['checkIn']).toMatchObject({
      outcome: 'checked-in',
      ticket: { source: 'phone' },
    });
  });
});
