/**
 * Appointments as citizens and clerks meet them, in Chromium against a real
 * hub on the test clock (Wednesday 2 December 2026, from 08:00): a citizen
 * books on /book in Lao and in English on a phone; at the kiosk a booking is
 * too early, then checked in by typing its code, then checked in again; a
 * scanner reads another booking's QR link; one is too late and gets a
 * walk-in ticket; cancelled, another day's and unknown codes each say so;
 * the counter shows "Appointment 09:30" and calls it, and the phone link
 * shows the time booked, then the call; from /book/<code> a booking is moved, cancelled after a
 * confirm step, and checked in on the centre's network. The browsers'
 * clocks are the hub's. Screenshots of each screen in Lao and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, requireBuiltApp, SHOTS, WEB_ROOT } from './browser.js';
import { Clerk } from './counter-clerk.js';
import { connect, ok, send, startHub, type TestHub } from '../harness.js';
import { manualClock } from '../../hub/src/clock.js';
import { wednesdayAt } from '../fixtures.js';
import { t } from '../../shared/i18n/index.js';
import { DEFAULT_BOOKING_SETTINGS, type Booking, type Lang } from '../../shared/protocol.js';

const at = wednesdayAt;
const TODAY = '2026-12-02';
const TOMORROW = '2026-12-03';
const BIRTH = 'birth-certificate';
const ID_CARD = 'national-id-card';
const PHONE = { width: 390, height: 844 } as const;
const KIOSK = { width: 1080, height: 1920 } as const;

// jsqr is CommonJS: Node hands over its module.exports, which is the function itself.
const jsQR = jsqr as unknown as typeof jsqr.default;
function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('appointments in Chromium', () => {
  const clock = manualClock(at('08:00'));
  let hub: TestHub;
  let browser: Browser;
  let kiosk: Page;
  const pages: Page[] = [];
  /** The bookings made through the page, by the language they were made in. */
  const booked: Partial<Record<Lang, Booking>> = {};

  beforeAll(async () => {
    requireBuiltApp('display');
    requireBuiltApp('kiosk');
    requireBuiltApp('counter');
    hub = await startHub({
      webRoot: WEB_ROOT,
      clock,
      bookingRate: { writeBurst: 100, readBurst: 1000, phoneBurst: 50 },
    });
    // Weekdays 08:00–16:00 with lunch 12:00–13:00, for the two services that take bookings.
    const hours = hub.db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
         lunch_to_min) VALUES (?, ?, 480, 960, 720, 780)`,
    );
    for (const service of [BIRTH, ID_CARD]) {
      for (let weekday = 1; weekday <= 5; weekday++) hours.run(service, weekday);
    }
    hub.db
      .prepare("INSERT INTO holidays (day, name_lo, name_en) VALUES ('2026-12-04', ?, ?)")
      .run('ວັນຊາດ (ທົດລອງ)', 'National Day (test)');
    hub.hub.reloadConfig();
    const { client: manager } = await connect(hub, { role: 'console' });
    ok(await send(manager, 'staff:login', { username: 'manager', pin: '9999' }));
    for (const serviceId of [BIRTH, ID_CARD]) {
      ok(
        await send(manager, 'config:booking-save', {
          serviceId,
          booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true, slotMinutes: 30, perSlot: 1 },
          version: null,
        }),
      );
    }
    browser = await launchChromium();
    kiosk = await openPage(KIOSK, `/kiosk/`, '.kiosk[data-ready="true"]');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** A page in its own context, its clock the hub's. */
  async function openPage(
    viewport: { width: number; height: number },
    path: string,
    ready: string,
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}),
    });
    const page = await context.newPage();
    // Under the test's own timeout, so a wait that fails says which.
    page.setDefaultTimeout(8_000);
    await page.clock.install({ time: clock.now() });
    await page.goto(`${hub.url}${path}`);
    await page.locator(ready).waitFor();
    pages.push(page);
    return page;
  }

  /** Moves the hub's clock and every open page's with it. */
  async function setTime(hhmm: string) {
    clock.set(at(hhmm));
    for (const page of pages) await page.clock.setSystemTime(at(hhmm));
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });

  const bookingRow = (code: string) =>
    hub.db
      .prepare<
        [string],
        { day: string; start_min: number; status: string; name: string; ticket_id: number | null }
      >('SELECT day, start_min, status, name, ticket_id FROM bookings WHERE code = ?')
      .get(code.replace('-', ''));

  async function bookByApi(serviceId: string, day: string, start: string): Promise<Booking> {
    const res = await fetch(`${hub.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId,
        day,
        start,
        name: 'Noy Keomany',
        phone: '020 5512 3456',
        lang: 'en',
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { booking: Booking }).booking;
  }

  async function openBook(lang: Lang): Promise<Page> {
    const page = await openPage(PHONE, '/book', '.book[data-ready="true"]');
    if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.evaluate(`document.fonts.check('24px "Khiu Lao"', 'ກ')`)).toBe(true);
    return page;
  }

  // Check-in opens 15 minutes before the slot and closes 10 minutes after it starts.
  for (const [lang, start, from, to] of [
    ['lo', '09:30', '09:15', '09:40'],
    ['en', '10:00', '09:45', '10:10'],
  ] as const) {
    it(`books on /book in ${lang === 'lo' ? 'Lao' : 'English'}: service, day, time, name and phone`, async () => {
      const page = await openBook(lang);
      const tx = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
        t(lang, key, params);
      await page.getByRole('heading', { name: tx('book.chooseService') }).waitFor();
      await shot(page, `book-service-${lang}`);
      await page.locator(`[data-service="${BIRTH}"]`).click();

      // Today and the days ahead; Friday is the centre's holiday, Saturday and Sunday closed.
      await page.getByRole('heading', { name: tx('book.chooseDay') }).waitFor();
      expect(await page.locator(`[data-day="2026-12-04"]`).textContent()).toContain(
        tx('book.closedHoliday', { name: lang === 'lo' ? 'ວັນຊາດ (ທົດລອງ)' : 'National Day (test)' }),
      );
      expect(await page.locator(`[data-day="2026-12-05"]`).isDisabled()).toBe(true);
      expect(await page.locator(`[data-day="2026-12-04"]`).isDisabled()).toBe(true);
      await shot(page, `book-day-${lang}`);
      await page.locator(`[data-day="${TODAY}"]`).click();

      await page.getByRole('heading', { name: tx('book.chooseSlot') }).waitFor();
      await page.getByTestId('slot-list').waitFor();
      if (lang === 'en') {
        // The Lao booking took 09:30, the only place in it: shown, full, not choosable.
        const full = page.locator('[data-start="09:30"]');
        expect(await full.isDisabled()).toBe(true);
        expect(await full.textContent()).toContain(tx('book.slotFull'));
      }
      await shot(page, `book-slot-${lang}`);
      await page.locator(`[data-start="${start}"]`).click();

      // Wrong name and phone: said next to each field, nothing booked.
      const before = hub.db.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number };
      await page.getByLabel(tx('book.phone')).fill('12ab');
      await page.getByRole('button', { name: tx('book.submit') }).click();
      expect(await page.getByTestId('name-error').textContent()).toBe(tx('book.field.name'));
      expect(await page.getByTestId('phone-error').textContent()).toBe(tx('book.field.phone'));
      await shot(page, `book-details-error-${lang}`);
      expect(hub.db.prepare('SELECT count(*) AS n FROM bookings').get()).toEqual(before);

      const name = lang === 'lo' ? 'ສົມໃຈ ພົມມະວົງ' : 'Somchai Phommavong';
      await page.getByLabel(tx('book.name')).fill(name);
      await page.getByLabel(tx('book.phone')).fill('+856 20 5555 1234');
      expect(await page.getByTestId('phone-error').count()).toBe(0);
      await page.getByRole('button', { name: tx('book.submit') }).click();

      // The confirmation: the code large, its QR code, the time and the window in words.
      await page.getByTestId('booked').waitFor();
      const code = (await page.getByTestId('booking-code').textContent()) ?? '';
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(await page.getByTestId('booking-arrive').textContent()).toBe(
        tx('book.arrive', { from, to }),
      );
      const qr = page.getByTestId('booking-qr');
      const url = `${hub.url}/book/${code}`;
      expect(await qr.getAttribute('data-url')).toBe(url);
      expect(decodeQr((await qr.getAttribute('src')) ?? '')).toBe(url);
      expect(new URL(page.url()).pathname).toBe(`/book/${code}`);
      await shot(page, `book-confirmation-${lang}`);
      await page.screenshot({
        path: join(SHOTS, `book-confirmation-full-${lang}.png`),
        fullPage: true,
      });

      const row = bookingRow(code);
      const [hh = 0, mm = 0] = start.split(':').map(Number);
      expect(row).toMatchObject({ day: TODAY, start_min: hh * 60 + mm, status: 'booked', name });
      const reply = await fetch(`${hub.url}/api/v1/bookings/${code}`);
      booked[lang] = ((await reply.json()) as { booking: Booking }).booking;
      await page.close();
    });
  }

  it('says so when the time chosen is taken meanwhile, and shows the times as they are now', async () => {
    const page = await openBook('en');
    await page.locator(`[data-service="${ID_CARD}"]`).click();
    await page.locator(`[data-day="${TODAY}"]`).click();
    await page.locator('[data-start="14:30"]').click();
    await page.getByLabel(t('en', 'book.name')).fill('Somchai Phommavong');
    await page.getByLabel(t('en', 'book.phone')).fill('020 5555 1234');
    // Someone else books the one place first.
    await bookByApi(ID_CARD, TODAY, '14:30');
    await page.getByRole('button', { name: t('en', 'book.submit') }).click();
    expect(await page.getByTestId('book-error').textContent()).toBe(t('en', 'book.slotTaken'));
    await page.locator('[data-start="14:30"][disabled]').waitFor();
    expect(await page.getByTestId('book-step').getAttribute('data-step')).toBe('slot');
    await shot(page, 'book-slot-taken-en');
    await page.close();
  });

  /** Types the code on the kiosk's keypad, as a citizen would, and presses Check in. */
  async function typeAtKiosk(code: string, lang: Lang = 'lo') {
    await kiosk.getByTestId('booking-entry').click();
    await kiosk.getByTestId('check-in-screen').waitFor();
    for (const key of code.replace('-', '')) {
      await kiosk.getByRole('button', { name: key, exact: true }).click();
    }
    expect(await kiosk.getByTestId('typed-code').getAttribute('data-code')).toBe(code);
    await kiosk
      .getByRole('button', { name: t(lang, 'kiosk.booking.checkIn'), exact: true })
      .click();
  }

  /** Done, in whichever language the screen is in: home again, in Lao. */
  const kioskHome = async () => {
    const done = new RegExp(`^(${t('lo', 'kiosk.done')}|${t('en', 'kiosk.done')})$`);
    await kiosk.getByRole('button', { name: done }).click();
    await kiosk.getByTestId('booking-entry').waitFor();
  };

  it('at the kiosk: too early says when to come back; unknown, cancelled and another day say so', async () => {
    const mine = booked.lo;
    expect(mine).toBeDefined();
    const tickets = () =>
      (hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const before = tickets();
    await shot(kiosk, 'kiosk-booking-home-lo');

    await typeAtKiosk(mine?.code ?? '');
    const result = kiosk.getByTestId('check-in-result');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('too-early');
    expect(await result.textContent()).toContain(
      t('lo', 'checkin.too-early', { start: '09:30', time: '09:15' }),
    );
    expect(await kiosk.getByTestId('come-back-at').textContent()).toBe('09:15');
    await shot(kiosk, 'kiosk-checkin-early-lo');
    await kiosk.getByRole('button', { name: 'English', exact: true }).click();
    expect(await result.textContent()).toContain(
      t('en', 'checkin.too-early', { start: '09:30', time: '09:15' }),
    );
    await shot(kiosk, 'kiosk-checkin-early-en');
    await kioskHome();

    // The keypad screen itself, half typed, in both languages.
    await kiosk.getByTestId('booking-entry').click();
    for (const key of 'K7M') await kiosk.getByRole('button', { name: key, exact: true }).click();
    await shot(kiosk, 'kiosk-checkin-keypad-lo');
    await kiosk.getByRole('button', { name: 'English', exact: true }).click();
    await shot(kiosk, 'kiosk-checkin-keypad-en');
    expect(
      await kiosk
        .getByRole('button', { name: t('en', 'kiosk.booking.checkIn'), exact: true })
        .isDisabled(),
    ).toBe(true);
    await kiosk.getByRole('button', { name: t('en', 'kiosk.back') }).click();
    await kiosk.getByRole('button', { name: 'ພາສາລາວ', exact: true }).click();

    await typeAtKiosk('ZZZZ-ZZZZ');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('unknown');
    expect(await result.textContent()).toContain(t('lo', 'checkin.unknown'));
    // A scan on the answer checks that code in at once (the too-early one, again).
    await kiosk.keyboard.type(`${hub.url}/book/${mine?.code ?? ''}`);
    await kiosk.keyboard.press('Enter');
    await result.and(kiosk.locator('[data-outcome="too-early"]')).waitFor();
    await kiosk.getByRole('button', { name: t('lo', 'kiosk.booking.tryAgain') }).click();
    await kiosk.getByTestId('check-in-screen').waitFor();
    await kiosk.getByRole('button', { name: t('lo', 'kiosk.back') }).click();

    const cancelled = await bookByApi(BIRTH, TODAY, '14:00');
    expect(
      (await fetch(`${hub.url}/api/v1/bookings/${cancelled.code}`, { method: 'DELETE' })).status,
    ).toBe(200);
    await typeAtKiosk(cancelled.code);
    await result.waitFor();
    expect(await result.textContent()).toContain(t('lo', 'checkin.cancelled'));
    await shot(kiosk, 'kiosk-checkin-cancelled-lo');
    await kioskHome();

    const tomorrow = await bookByApi(BIRTH, TOMORROW, '09:00');
    await typeAtKiosk(tomorrow.code);
    await result.waitFor();
    expect(await result.textContent()).toContain(
      t('lo', 'checkin.not-today', { day: 'ວັນພະຫັດ ທີ 3 ທັນວາ' }),
    );
    await shot(kiosk, 'kiosk-checkin-not-today-lo');
    await kioskHome();
    expect(tickets()).toBe(before);
  });

  let ticketLabel = '';

  it('at the kiosk: inside the window the typed code gives an appointment ticket; again, the same one', async () => {
    const mine = booked.lo;
    await setTime('09:20');
    await typeAtKiosk(mine?.code ?? '');
    await kiosk.getByTestId('ticket-number').waitFor();
    const note = kiosk.getByTestId('check-in-note');
    expect(await note.getAttribute('data-outcome')).toBe('checked-in');
    expect(await note.textContent()).toContain(t('lo', 'appointment.at', { time: '09:30' }));
    ticketLabel = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
    const row = bookingRow(mine?.code ?? '');
    expect(row?.status).toBe('checked-in');
    const ticket = hub.db
      .prepare<[number], { label: string; priority: string; code: string }>(
        'SELECT label, priority, code FROM tickets WHERE id = ?',
      )
      .get(row?.ticket_id ?? 0);
    expect(ticket).toMatchObject({ label: ticketLabel, priority: 'appointment' });
    expect(await kiosk.getByTestId('ticket-qr').getAttribute('data-url')).toBe(
      `${hub.url}/t/${ticket?.code}`,
    );
    await shot(kiosk, 'kiosk-checkin-lo');
    await kiosk.getByRole('button', { name: 'English', exact: true }).click();
    await shot(kiosk, 'kiosk-checkin-en');
    await kioskHome();

    // Twice: the same ticket again, and nothing new issued.
    const count = (hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    await typeAtKiosk(mine?.code ?? '');
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await note.getAttribute('data-outcome')).toBe('already-checked-in');
    expect((await kiosk.getByTestId('ticket-number').textContent())?.trim()).toBe(ticketLabel);
    expect(await note.textContent()).toContain(
      t('lo', 'checkin.already-checked-in', { label: ticketLabel }),
    );
    expect((hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(
      count,
    );
    await shot(kiosk, 'kiosk-checkin-again-lo');
    await kioskHome();
  });

  it("at the kiosk: a scanner typing the booking's QR link and Enter checks it in", async () => {
    const theirs = booked.en;
    await setTime('09:50');
    await kiosk.getByTestId('booking-entry').click();
    await kiosk.getByTestId('check-in-screen').waitFor();
    await kiosk.keyboard.type(`${hub.url}/book/${theirs?.code ?? ''}`);
    await kiosk.keyboard.press('Enter');
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('check-in-note').textContent()).toContain(
      t('lo', 'appointment.at', { time: '10:00' }),
    );
    expect(bookingRow(theirs?.code ?? '')?.status).toBe('checked-in');
    await kioskHome();

    // On the home screen too, with no tap first.
    const other = await bookByApi(ID_CARD, TODAY, '10:00');
    await kiosk.keyboard.type(`${hub.url}/book/${other.code.toLowerCase()}`);
    await kiosk.keyboard.press('Enter');
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(bookingRow(other.code)?.status).toBe('checked-in');
    await kioskHome();
  });

  it('at the kiosk: the code screen has Back, and goes home by itself when nobody is there', async () => {
    await kiosk.getByTestId('booking-entry').click();
    await kiosk.getByRole('button', { name: t('lo', 'kiosk.back') }).click();
    await kiosk.getByTestId('service-list').waitFor();

    const idle = await openPage(KIOSK, '/kiosk/?idleSeconds=5', '.kiosk[data-ready="true"]');
    await idle.getByRole('button', { name: 'English', exact: true }).click();
    await idle.getByTestId('booking-entry').click();
    await idle.getByRole('button', { name: 'K', exact: true }).click();
    await idle.clock.runFor(6_000);
    await idle.getByTestId('service-list').waitFor();
    // Home for the next person, in Lao.
    await idle.getByText(t('lo', 'kiosk.welcome')).waitFor();
    await idle.close();
    pages.splice(pages.indexOf(idle), 1);
  });

  it('the counter shows "Appointment 09:30", calls it, and the phone link shows the time booked and the call', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const clerk = new Clerk(await context.newPage(), 'lo', 'click');
    await clerk.page.clock.install({ time: clock.now() });
    pages.push(clerk.page);
    await clerk.page.goto(`${hub.url}/counter/`);
    await clerk.waitReady('login');
    await clerk.page.getByLabel(clerk.text('counter.login.username')).fill('clerk3');
    await clerk.page.getByLabel(clerk.text('counter.login.pin')).fill('1234');
    await clerk.page.getByRole('button', { name: clerk.text('counter.login.submit') }).click();
    await clerk.page.getByRole('button', { name: /ປ່ອງບໍລິການ 3/ }).click();
    await clerk.waitReady('desk');

    const row = clerk.row(ticketLabel);
    await row.waitFor();
    expect(await row.getByTestId('appointment-chip').textContent()).toBe(
      t('lo', 'appointment.at', { time: '09:30' }),
    );
    await clerk.shotBoth('appointment-queue');

    // The citizen follows the ticket from the booking's page.
    const phone = await openPage(
      PHONE,
      `/book/${booked.lo?.code ?? ''}`,
      '.book[data-ready="true"]',
    );
    await phone.getByTestId('booking-ticket').waitFor();
    expect(await phone.getByTestId('booking-status').textContent()).toBe(
      t('lo', 'booking.status.checked-in'),
    );
    await shot(phone, 'book-checked-in-lo');
    await phone.getByRole('link', { name: t('lo', 'booking.followTicket') }).click();
    await phone.locator('.phone[data-ready="true"]').waitFor();
    expect(await phone.getByTestId('ticket-label').textContent()).toBe(ticketLabel);
    // Waiting, the ticket says the time booked, as the slip and the counter do.
    expect(await phone.getByTestId('ticket-status').textContent()).toBe(t('lo', 'status.waiting'));
    expect(await phone.getByTestId('ticket-booking').textContent()).toBe(
      t('lo', 'appointment.at', { time: '09:30' }),
    );
    await shot(phone, 'phone-appointment-waiting-lo');

    await clerk.select(ticketLabel);
    await clerk.act('call-this');
    await clerk.waitCurrent(ticketLabel, 'called');
    expect(
      await clerk.page.getByTestId('current').getByTestId('appointment-chip').textContent(),
    ).toBe(t('lo', 'appointment.at', { time: '09:30' }));
    await clerk.shotBoth('appointment-called');
    await phone.getByTestId('called-screen').waitFor();
    await shot(phone, 'phone-appointment-called-lo');
    await context.close();
    pages.splice(pages.indexOf(clerk.page), 1);
  });

  it('at the kiosk: too late, the citizen gets a walk-in ticket and is told why', async () => {
    const late = await bookByApi(ID_CARD, TODAY, '11:00');
    await setTime('11:30');
    await typeAtKiosk(late.code);
    await kiosk.getByTestId('ticket-number').waitFor();
    const note = kiosk.getByTestId('check-in-note');
    expect(await note.getAttribute('data-outcome')).toBe('too-late');
    const label = (await kiosk.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(await note.textContent()).toContain(t('lo', 'checkin.too-late', { label }));
    const row = bookingRow(late.code);
    expect(row?.status).toBe('late');
    expect(
      hub.db.prepare('SELECT priority FROM tickets WHERE id = ?').get(row?.ticket_id ?? 0),
    ).toEqual({ priority: 'none' });
    await shot(kiosk, 'kiosk-checkin-late-lo');
    await kiosk.getByRole('button', { name: 'English', exact: true }).click();
    expect(await note.textContent()).toContain(t('en', 'checkin.too-late', { label }));
    await shot(kiosk, 'kiosk-checkin-late-en');
    await kioskHome();
  });

  it('from /book/<code>: moves the booking, and cancels it after saying yes', async () => {
    const mine = await bookByApi(BIRTH, TOMORROW, '09:30');
    const page = await openPage(PHONE, `/book/${mine.code}`, '.book[data-ready="true"]');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.getByTestId('booking-code').textContent()).toBe(mine.code);
    expect(await page.getByTestId('booking-when').textContent()).toContain('Tomorrow');
    await shot(page, 'book-booking-en');

    await page.getByRole('button', { name: t('en', 'booking.move') }).click();
    await page.getByTestId('move').locator(`[data-day="${TOMORROW}"]`).click();
    // Its own time is shown as its own, not as full.
    const own = page.getByTestId('move').locator('[data-start="09:30"]');
    expect(await own.textContent()).toContain(t('en', 'booking.yourTime'));
    expect(await own.isDisabled()).toBe(true);
    await page.getByTestId('move').locator('[data-start="14:30"]').click();
    await shot(page, 'book-move-en');
    await page
      .getByRole('button', { name: t('en', 'booking.moveSave', { time: '14:30' }) })
      .click();
    await page.getByTestId('booking-notice').waitFor();
    expect(await page.getByTestId('booking-notice').textContent()).toBe(
      t('en', 'booking.moved', { day: 'Tomorrow, Thursday 3 December', time: '14:30' }),
    );
    expect(bookingRow(mine.code)).toMatchObject({ day: TOMORROW, start_min: 14 * 60 + 30 });

    // Cancel asks first; No keeps it.
    await page.getByRole('button', { name: t('en', 'booking.cancel') }).click();
    const ask = page.getByTestId('cancel-confirm');
    expect(await ask.textContent()).toContain(
      t('en', 'booking.cancelAsk', { day: 'Tomorrow, Thursday 3 December', time: '14:30' }),
    );
    await shot(page, 'book-cancel-confirm-en');
    await page.getByRole('button', { name: 'ພາສາລາວ', exact: true }).click();
    await ask.scrollIntoViewIfNeeded();
    await shot(page, 'book-cancel-confirm-lo');
    await page.getByRole('button', { name: t('lo', 'booking.cancelNo') }).click();
    expect(bookingRow(mine.code)?.status).toBe('booked');
    await page.getByRole('button', { name: t('lo', 'booking.cancel') }).click();
    await page.getByRole('button', { name: t('lo', 'booking.cancelYes') }).click();
    await page
      .getByTestId('booking-status')
      .filter({ hasText: t('lo', 'booking.status.cancelled') })
      .waitFor();
    expect(bookingRow(mine.code)?.status).toBe('cancelled');
    expect(await page.getByTestId('booking-actions').count()).toBe(0);
    await shot(page, 'book-cancelled-lo');
    await page.close();
  });

  it("from /book/<code> on the centre's network: Check in now, and a link to the ticket", async () => {
    const mine = await bookByApi(ID_CARD, TODAY, '13:30');
    await setTime('13:25');
    const page = await openPage(PHONE, `/book/${mine.code}`, '.book[data-ready="true"]');
    // Booked in English; this citizen reads Lao.
    await page.getByRole('button', { name: 'ພາສາລາວ', exact: true }).click();
    await page.getByRole('button', { name: t('lo', 'booking.checkIn') }).click();
    const outcome = page.getByTestId('check-in-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('checked-in');
    await page.getByTestId('booking-ticket').waitFor();
    const row = bookingRow(mine.code);
    const ticket = hub.db
      .prepare<[number], { label: string; code: string }>(
        'SELECT label, code FROM tickets WHERE id = ?',
      )
      .get(row?.ticket_id ?? 0);
    expect(await outcome.textContent()).toBe(
      t('lo', 'checkin.checked-in', { label: ticket?.label ?? '' }),
    );
    expect(
      await page.getByRole('link', { name: t('lo', 'booking.followTicket') }).getAttribute('href'),
    ).toBe(`/t/${ticket?.code}`);
    await shot(page, 'book-check-in-now-lo');
    await page.close();
  });
});
