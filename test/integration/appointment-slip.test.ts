/**
 * A booked citizen's slip: checked in at the kiosk, the hub prints it like
 * any kiosk ticket, and the fake printer, decoding the real ESC/POS bytes,
 * shows "ນັດໝາຍ 09:00" (a Lao raster line) and "Appointment 09:00" (native
 * text) under the number. A late check-in's walk-in slip says neither.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, ok, send, startHub, type TestHub } from '../harness.js';
import { startFakePrinter, type FakePrinter } from '../fake-printer/fake-printer.js';
import { addPrinter, FAST_SPOOL, readQr, savePng, textsOf } from '../fake-printer/hub-printers.js';
import { manualClock } from '../../hub/src/clock.js';
import { renderRasterLines } from '../../hub/src/print/raster.js';
import { HEADING_PX } from '../../hub/src/print/ticket-layout.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { t as say } from '../../shared/i18n/index.js';
import { DEFAULT_BOOKING_SETTINGS, type Booking } from '../../shared/protocol.js';

const MINUTE = 60_000;
/** Friday 2026-11-27, 08:00 in Vientiane. */
const FRI_0800 = Date.UTC(2026, 10, 27, 1, 0);
const SERVICE = 'birth-certificate';

let hub: TestHub | undefined;
let printer: FakePrinter | undefined;
afterEach(async () => {
  await hub?.close();
  await printer?.close();
  hub = printer = undefined;
});

async function bookedCentre(paperDots: 576 | 384) {
  const clock = manualClock(FRI_0800);
  printer = await startFakePrinter({ paperDots });
  const h = await startHub({ clock, printing: { timing: FAST_SPOOL } });
  hub = h;
  addPrinter(h.hub, { uri: printer.tcpUri, paperDots });
  const hours = h.db.prepare(
    `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min) VALUES (?, 5, 480, 960)`,
  );
  hours.run(SERVICE);
  h.hub.reloadConfig();
  const { client: manager } = await connect(h, { role: 'console' });
  ok(await send(manager, 'staff:login', { username: 'manager', pin: '9999' }));
  ok(
    await send(manager, 'config:booking-save', {
      serviceId: SERVICE,
      booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true, slotMinutes: 30 },
      version: null,
    }),
  );
  const book = async (start: string, lang: 'lo' | 'en') => {
    const body = {
      serviceId: SERVICE,
      day: '2026-11-27',
      start,
      name: 'Noy',
      phone: '020 5555 1234',
      lang,
    };
    const res = await fetch(`${h.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { booking: Booking }).booking;
  };
  const { client: kiosk } = await connect(h, { role: 'kiosk' });
  return { h, clock, book, kiosk, printer };
}

describe('the slip of a booked citizen', () => {
  for (const paperDots of [576, 384] as const) {
    it(`says ນັດໝາຍ / Appointment and the slot's time under the number (${paperDots} dots)`, async () => {
      const { h, clock, book, kiosk, printer: p } = await bookedCentre(paperDots);
      const booking = await book('09:00', 'en');
      clock.set(FRI_0800 + 50 * MINUTE);
      const answer = ok(await send(kiosk, 'ticket:check-in', { code: booking.code }));
      expect(answer.outcome).toBe('checked-in');
      const [slip] = await p.waitForTickets(1);
      if (!slip) throw new Error('no slip printed');
      savePng(slip, `appointment-${paperDots === 576 ? '80mm' : '58mm'}`);

      const texts = textsOf(slip).map((x) => x.text);
      expect(texts).toContain(answer.ticket?.label);
      expect(texts).toContain('Appointment 09:00');
      // The Lao line, as the very raster the layout draws for it, right after the number.
      const lao = say('lo', 'print.appointment', { time: '09:00' });
      expect(lao).toBe('ນັດໝາຍ 09:00');
      const expected = renderRasterLines({ text: lao, px: HEADING_PX, bold: true }, paperDots);
      const items = slip.items;
      const numberAt = items.findIndex((i) => i.kind === 'text' && i.text === answer.ticket?.label);
      const after = items.slice(numberAt + 1, numberAt + 1 + expected.length);
      expect(after.map((i) => (i.kind === 'raster' ? [i.rowBytes, i.height] : i.kind))).toEqual(
        expected.map((e) => [e.rowBytes, e.height]),
      );
      const englishAt = items.findIndex((i) => i.kind === 'text' && i.text === 'Appointment 09:00');
      expect(englishAt).toBe(numberAt + 1 + expected.length);
      expect(readQr(slip.png)).toBe(`${h.url}/t/${answer.ticket?.code}`);
      expect(p.decoders.flatMap((d) => d.unknown)).toEqual([]);
      expect(slip.bytes.length).toBeLessThanOrEqual(12 * 1024);
    });
  }

  it('prints a late citizen’s walk-in slip without an appointment line', async () => {
    const { clock, book, kiosk, printer: p } = await bookedCentre(576);
    const booking = await book('09:00', 'lo');
    clock.set(FRI_0800 + 75 * MINUTE); // 09:15, the window closed at 09:10
    const answer = ok(await send(kiosk, 'ticket:check-in', { code: booking.code }));
    expect(answer.outcome).toBe('too-late');
    const [slip] = await p.waitForTickets(1);
    if (!slip) throw new Error('no slip printed');
    const texts = textsOf(slip).map((x) => x.text);
    expect(texts).toContain(answer.ticket?.label);
    expect(texts.some((x) => x.startsWith('Appointment'))).toBe(false);
    // Right after the number comes the service's Lao name, as for any walk-in.
    const service = DEMO_CENTRE.services.find((x) => x.id === SERVICE)?.name.lo ?? '';
    const expected = renderRasterLines({ text: service, px: HEADING_PX, bold: true }, 576);
    const numberAt = slip.items.findIndex(
      (i) => i.kind === 'text' && i.text === answer.ticket?.label,
    );
    const after = slip.items.slice(numberAt + 1, numberAt + 1 + expected.length);
    expect(after.map((i) => (i.kind === 'raster' ? [i.rowBytes, i.height] : i.kind))).toEqual(
      expected.map((e) => [e.rowBytes, e.height]),
    );
  });
});
