/**
 * The demo start's appointments: on a real hub over the seeded database,
 * the two bookable services answer /api/v1 with their slots, the seeded
 * bookings take their places, and one checks in at the kiosk as an
 * appointment ticket.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, ok, send, startHub, tempDir, type TestHub } from '../../../test/harness.js';
import { manualClock } from '../clock.js';
import { openDatabase } from '../db/open.js';
import { DEMO_CENTRE } from './centre-data.js';
import { seedCentre } from './seed.js';
import { demoBookingDay, seedDemoAppointments } from './appointments.js';
import { shownBookingCode, type SlotsAnswer } from '../../../shared/protocol.js';

const MINUTE = 60_000;
/** Friday 2026-11-27, 08:00 in Vientiane. */
const FRI_0800 = Date.UTC(2026, 10, 27, 1, 0);
const TZ = DEMO_CENTRE.timeZone;

let hub: TestHub | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function seededDir(now: number) {
  const dir = tempDir();
  dirs.push(dir);
  const db = openDatabase(join(dir, 'khiu.sqlite'));
  seedCentre(db, DEMO_CENTRE, { sampleFees: true });
  const seeded = seedDemoAppointments(db, now);
  db.close();
  return { dir, seeded };
}

const get = async (h: TestHub, path: string) =>
  (await (await fetch(`${h.url}/api/v1${path}`)).json()) as Record<string, unknown>;

describe('the demo centre’s appointments', () => {
  it('offers two bookable services with today’s bookings in their slots, and checks one in', async () => {
    const clock = manualClock(FRI_0800);
    const { dir, seeded } = seededDir(FRI_0800);
    expect(seeded).toEqual({ day: '2026-11-27', bookings: 7 });
    hub = await startHub({ dataDir: dir, seed: false, clock });

    const bookable = await get(hub, '/bookable');
    expect(bookable['services']).toEqual([
      expect.objectContaining({
        serviceId: 'marriage-registration',
        slotMinutes: 15,
        daysAhead: 14,
      }),
      expect.objectContaining({
        serviceId: 'enterprise-registration',
        slotMinutes: 15,
        daysAhead: 14,
      }),
    ]);
    const day = (await get(
      hub,
      '/slots?service=marriage-registration&day=2026-11-27',
    )) as unknown as SlotsAnswer;
    // 08:00–12:00 and 13:00–16:00 in quarters; 08:30 full (2 of 2), 10:00 and 13:45 half.
    expect(day.slots).toHaveLength(28);
    const left = (start: string) => day.slots.find((s) => s.start === start)?.left;
    expect([left('08:30'), left('10:00'), left('13:45'), left('09:00')]).toEqual([0, 1, 1, 2]);
    expect(day.slots.some((s) => s.start === '12:00')).toBe(false);

    const row = hub.db
      .prepare<[], { code: string }>(
        "SELECT code FROM bookings WHERE service_id = 'marriage-registration' AND start_min = 600",
      )
      .get();
    clock.set(FRI_0800 + 110 * MINUTE); // 09:50, inside 10:00's window
    const { client: kiosk } = await connect(hub, { role: 'kiosk' });
    const answer = ok(
      await send(kiosk, 'ticket:check-in', { code: shownBookingCode(row?.code ?? '') }),
    );
    expect(answer.outcome).toBe('checked-in');
    expect(answer.ticket).toMatchObject({
      serviceId: 'marriage-registration',
      priority: 'appointment',
      booking: { start: '10:00' },
    });
  });

  it('books the next working day when the demo starts on a weekend', () => {
    const saturday = FRI_0800 + 24 * 60 * MINUTE;
    expect(demoBookingDay(saturday, TZ)).toBe('2026-11-30');
    expect(demoBookingDay(FRI_0800, TZ)).toBe('2026-11-27');
    const { seeded } = seededDir(saturday);
    expect(seeded.day).toBe('2026-11-30');
  });
});
