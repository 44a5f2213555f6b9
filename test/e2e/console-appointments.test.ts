/**
 * Appointments in the console, in Chromium: a manager tries to make a
 * service without opening hours bookable and is told why next to the
 * switch; gives it hours, types a slot too short and is told so, nothing
 * saved; then saves the settings (the screen says what the cap leaves for
 * walk-ins) and the retention on the centre's screen. A day of bookings
 * follows (on time, late, cancelled, never come): the floor shows it live,
 * and after the rollover the report counts it. Screenshots, Lao and English:
 * console-appointments-{needs-hours,settings,retention,floor,report}-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import { connect, hashAllTables, ok, send, startHub, type TestHub } from '../harness.js';
import { manualClock } from '../../hub/src/clock.js';
import type { Booking } from '../../shared/protocol.js';
import { dayText } from '../../shared/i18n/day-text.js';

const MINUTE = 60_000;
/** Friday 2026-11-27, 08:00 in Vientiane (UTC+7). */
const FRI_0800 = Date.UTC(2026, 10, 27, 1, 0);
const DAY = '2026-11-27';
const SERVICE = 'birth-certificate';
const WEEKDAYS = [1, 2, 3, 4, 5];
const clockAt = (hh: number, mm: number) => FRI_0800 + ((hh - 8) * 60 + mm) * MINUTE;

describe('console: appointments, in Chromium', { timeout: 120_000 }, () => {
  const clock = manualClock(FRI_0800);
  let hub: TestHub;
  let browser: Browser;
  let m: ConsolePage;

  beforeAll(async () => {
    requireBuiltApp('console');
    hub = await startHub({ webRoot: WEB_ROOT, clock, bookingRate: { writeBurst: 50 } });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    m = new ConsolePage(page, 'lo');
    await page.goto(`${hub.url}/console/`);
    await m.waitReady('login');
    await m.logIn('manager', '9999');
    await m.waitReady('app');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const settingsRow = () =>
    hub.db
      .prepare('SELECT bookable, slot_minutes, per_slot FROM booking_settings WHERE service_id = ?')
      .get(SERVICE);
  const bookingForm = () => m.page.getByTestId('booking-form');

  it('refuses bookings for a service without hours, then a slot too short, next to the field', async () => {
    await m.openSection('services');
    await m.page.getByTestId(`service-${SERVICE}`).click();
    await bookingForm().waitFor();
    await m.page.getByTestId('booking-no-hours').waitFor();
    const before = hashAllTables(hub.db);
    await m.field('booking.bookable').check();
    await m.button('console.booking.save').click();
    await expect.poll(() => m.fieldError('booking.bookable')).toBe(m.text('field.needs-hours'));
    expect(hashAllTables(hub.db)).toBe(before);
    await bookingForm().scrollIntoViewIfNeeded();
    await m.shotBoth('appointments-needs-hours');

    // Open Monday to Friday, 08:00–16:00 (the form's times for a day ticked open).
    const serviceForm = m.page.getByTestId('service-form');
    for (const weekday of WEEKDAYS) {
      await serviceForm
        .locator(`.hours__row[data-weekday="${weekday}"] input[type=checkbox]`)
        .check();
    }
    await serviceForm.getByRole('button', { name: m.text('console.save'), exact: true }).click();
    await expect.poll(() => m.notice()).toContain(m.text('console.notice.saved'));
    await expect.poll(() => m.page.getByTestId('booking-no-hours').count()).toBe(0);

    const beforeBad = hashAllTables(hub.db);
    await m.field('booking.bookable').check();
    await m.fill({ 'booking.slotMinutes': '3', 'booking.perSlot': '1' });
    await m.button('console.booking.save').click();
    await expect.poll(() => m.fieldError('booking.slotMinutes')).toBe(m.text('field.too_small'));
    expect(hashAllTables(hub.db)).toBe(beforeBad);
    expect(settingsRow()).toBeUndefined();
  });

  it('saves the settings, says what stays for walk-ins, and keeps the retention on the centre', async () => {
    // Two of the demo's counters serve birth certificates: two bookings a slot leave walk-ins
    // nothing (said as a warning), one leaves them half of each hour.
    await m.fill({ 'booking.slotMinutes': '30', 'booking.perSlot': '2', 'booking.daysAhead': '7' });
    const walkIns = m.page.getByTestId('booking-walk-ins');
    await expect.poll(() => walkIns.getAttribute('data-share')).toBe('0');
    expect(await walkIns.getAttribute('class')).toBe('field__error');
    await m.fill({ 'booking.perSlot': '1' });
    await expect.poll(() => walkIns.getAttribute('data-share')).toBe('0.5');
    expect(await walkIns.textContent()).toBe(
      m.text('console.booking.walkIns', { perHour: 2, counters: 2, share: '50.0%' }),
    );
    await m.button('console.booking.save').click();
    await expect.poll(() => m.notice()).toContain(m.text('console.notice.saved'));
    expect(settingsRow()).toEqual({ bookable: 1, slot_minutes: 30, per_slot: 1 });
    expect(await m.page.getByTestId('booking-window').textContent()).toBe(
      m.text('console.booking.window', { from: '08:45', to: '09:10' }),
    );
    await bookingForm().scrollIntoViewIfNeeded();
    await m.shotBoth('appointments-settings');

    await m.openSection('centre');
    const before = hashAllTables(hub.db);
    await m.fill({ 'retention.days': '0' });
    await m.button('console.retention.save').click();
    await expect.poll(() => m.fieldError('retention.days')).toBe(m.text('field.too_small'));
    expect(hashAllTables(hub.db)).toBe(before);
    await m.fill({ 'retention.days': '14' });
    await m.button('console.retention.save').click();
    await expect.poll(() => m.notice()).toContain(m.text('console.notice.saved'));
    expect(hub.db.prepare('SELECT retention_days FROM booking_policy').get()).toEqual({
      retention_days: 14,
    });
    await m.page.getByTestId('retention-form').scrollIntoViewIfNeeded();
    await m.shotBoth('appointments-retention');
  });

  it('counts the day’s bookings on the floor, and in the report after the rollover', async () => {
    const book = async (start: string, phone: string): Promise<Booking> => {
      const res = await fetch(`${hub.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          serviceId: SERVICE,
          day: DAY,
          start,
          name: 'Noy',
          phone,
          lang: 'lo',
        }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { booking: Booking }).booking;
    };
    const onTime = await book('09:00', '020 5555 0001');
    const late = await book('09:30', '020 5555 0002');
    await book('10:00', '020 5555 0003');
    const cancelled = await book('10:30', '020 5555 0004');
    await fetch(`${hub.url}/api/v1/bookings/${cancelled.code}`, { method: 'DELETE' });
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    clock.set(clockAt(8, 50));
    expect(ok(await send(kiosk, 'ticket:check-in', { code: onTime.code })).outcome).toBe(
      'checked-in',
    );
    clock.set(clockAt(9, 45));
    expect(ok(await send(kiosk, 'ticket:check-in', { code: late.code })).outcome).toBe('too-late');
    clock.set(clockAt(10, 15));

    await m.openSection('floor');
    const row = (table: string, col: string) =>
      m.page.getByTestId(`${table}-${SERVICE}`).locator(`[data-col="${col}"]`).textContent();
    await expect.poll(() => row('floor-bookings', 'booked')).toBe('4');
    expect(await row('floor-bookings', 'checkedIn')).toBe('1');
    expect(await row('floor-bookings', 'late')).toBe('1');
    expect(await row('floor-bookings', 'noShows')).toBe('1');
    expect(await row('floor-bookings', 'cancelled')).toBe('1');
    expect(await row('floor-bookings', 'expected')).toBe('0');
    await m.page.getByTestId('floor-bookings-card').scrollIntoViewIfNeeded();
    await m.shotBoth('appointments-floor');

    // The night: the booking never checked in becomes a no-show.
    clock.set(clockAt(8, 0) + 24 * 60 * MINUTE);
    hub.hub.rolloverIfDue();
    // Yesterday's login has run out by now: the manager logs in again.
    await m.page.reload();
    await m.page.locator('.console[data-ready="true"]:not([data-phase="restoring"])').waitFor();
    if ((await m.page.locator('.console[data-phase="login"]').count()) > 0) {
      await m.logIn('manager', '9999');
      await m.waitReady('app');
    }
    await m.openSection('reports');
    await m.page.getByTestId('report-table').waitFor();
    await m.fill({ 'range.from': DAY, 'range.to': DAY });
    await m.button('console.reports.run').click();
    await expect
      .poll(() => m.page.getByTestId('report-period').textContent())
      .toContain(`${dayText(DAY)} `);
    await expect.poll(() => row('report-bookings', 'booked')).toBe('4');
    expect(await row('report-bookings', 'checkedIn')).toBe('1');
    expect(await row('report-bookings', 'late')).toBe('1');
    expect(await row('report-bookings', 'noShows')).toBe('1');
    expect(await row('report-bookings', 'cancelled')).toBe('1');
    const total = m.page.getByTestId('report-bookings-total').locator('[data-col="noShows"]');
    expect(await total.textContent()).toBe('1');
    await m.page.getByTestId('report-bookings-card').scrollIntoViewIfNeeded();
    await m.shotBoth('appointments-report');
  });
});
