/**
 * Opening hours and holidays, enforced by the hub: outside a service's hours
 * or on a holiday a ticket is refused with when it opens next, the change
 * reaches every screen, and inside the hours tickets flow again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../hub/src/clock.js';
import {
  connect,
  issue,
  newRequestId,
  ok,
  recordEvents,
  send,
  serviceInput,
  startHub,
  type TestHub,
} from '../harness.js';
import { WEEKDAY_HOURS, wednesdayAt } from '../fixtures.js';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const at = wednesdayAt;
const WEEKDAYS = WEEKDAY_HOURS;

async function manager(hub: TestHub) {
  const { client } = await connect(hub, { role: 'console' });
  ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
  return client;
}

const tryIssue = (kiosk: Awaited<ReturnType<typeof connect>>['client']) =>
  send(kiosk, 'ticket:issue', {
    serviceId: 'birth-certificate',
    lang: 'lo',
    requestId: newRequestId(),
  });

describe('opening hours and holidays', () => {
  it('refuses a ticket at lunch and after hours with the next opening, and issues inside them', async () => {
    const clock = manualClock(at('12:30'));
    t = await startHub({ clock });
    const m = await manager(t);
    ok(
      await send(m, 'config:service-save', {
        service: serviceInput({ hours: WEEKDAYS }),
        version: 1,
      }),
    );
    const { client: kiosk, snapshot } = await connect(t, { role: 'kiosk' });
    expect(snapshot.services.find((s) => s.id === 'birth-certificate')?.hours).toEqual(WEEKDAYS);

    expect(await tryIssue(kiosk)).toMatchObject({
      ok: false,
      error: { code: 'closed', reason: 'outside-hours', params: { opensAt: at('13:00') } },
    });
    clock.set(at('13:00'));
    expect((await issue(kiosk, 'birth-certificate')).label).toMatch(/^B\d{3}$/);
    clock.set(at('16:00'));
    // Wednesday evening: Thursday at eight.
    expect(await tryIssue(kiosk)).toMatchObject({
      error: {
        reason: 'outside-hours',
        params: { opensAt: Date.parse('2026-12-03T08:00:00+07:00') },
      },
    });
  });

  it('closes every service on a holiday, tells every screen, and opens again when it is removed', async () => {
    const clock = manualClock(at('10:00'));
    t = await startHub({ clock });
    const m = await manager(t);
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const { client: display } = await connect(t, { role: 'display' });
    const seen = recordEvents(display);
    const holiday = { day: '2026-12-02', name: { lo: 'ວັນຊາດ', en: 'National Day' } };
    expect(ok(await send(m, 'config:holiday-save', { holiday }))).toEqual([holiday]);
    const changed = await seen.waitFor((e) => e.type === 'config-changed');
    expect(changed.centre?.holidays).toEqual([holiday]);
    expect(await tryIssue(kiosk)).toMatchObject({
      ok: false,
      error: {
        code: 'closed',
        reason: 'holiday',
        params: { opensAt: Date.parse('2026-12-03T00:00:00+07:00') },
      },
    });
    expect(ok(await send(m, 'config:get', {})).holidays).toEqual([holiday]);

    expect(ok(await send(m, 'config:holiday-delete', { day: holiday.day }))).toEqual([]);
    expect((await issue(kiosk, 'birth-certificate')).day).toBe('2026-12-02');
    const audit = ok(await send(m, 'config:audit', { entity: 'holiday' }));
    expect(audit.map((a) => a.action)).toEqual(['delete', 'create']);
  });
});
