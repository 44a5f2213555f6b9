import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { manualClock } from '../../hub/src/clock.js';
import { applyEvent } from '../../shared/domain/apply-event.js';
import type { Snapshot, TicketStatus, TicketView } from '../../shared/protocol.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  recordEvents,
  send,
  startHub,
  tempDir,
  type Client,
  type TestHub,
} from '../harness.js';

const SECOND_MS = 1000;
/** 23:59:30 on 14 March 2025 in Asia/Vientiane (UTC+7), the demo centre's zone. */
const BEFORE_MIDNIGHT = Date.parse('2025-03-14T23:59:30+07:00');
const OLD_DAY = '2025-03-14';
const NEW_DAY = '2025-03-15';

// Demo centre: counter 1 serves ID, F, FC, R (ID first); counter 2 serves F, FC, R, ID (F first).
const F = 'family-book-entry';
const ID = 'national-id-card';

interface Row {
  id: number;
  label: string;
  status: TicketStatus;
  day: string;
  finished_at: number | null;
}

function ticketRows(t: TestHub): Map<number, Row> {
  const rows = t.db
    .prepare<[], Row>('SELECT id, label, status, day, finished_at FROM tickets')
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

interface AuditRow {
  type: string;
  from_status: TicketStatus | null;
  to_status: TicketStatus;
  at: number;
}

function auditOf(t: TestHub, ticketId: number): AuditRow[] {
  return t.db
    .prepare<[number], AuditRow>(
      'SELECT type, from_status, to_status, at FROM ticket_events WHERE ticket_id = ? ORDER BY id',
    )
    .all(ticketId);
}

async function until(what: string, done: () => boolean, timeoutMs = 2000) {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Keeps a client's state the way every app does: the connect snapshot, folded with applyEvent. */
function follow(client: Client, snapshot: Snapshot) {
  const model = { state: snapshot, gaps: 0 };
  client.on('queue:event', (e) => {
    const next = applyEvent(model.state, e);
    if (next === null) model.gaps += 1;
    else model.state = next;
  });
  return model;
}

/** A day's worth of open tickets in every state that must expire at midnight, and one that must not. */
async function busyEvening(t: TestHub, kiosk: Client) {
  const f1 = await issue(kiosk, F);
  const f2 = await issue(kiosk, F);
  const f3 = await issue(kiosk, F);
  const id1 = await issue(kiosk, ID);
  const id2 = await issue(kiosk, ID);
  const { client: c1 } = await openCounter(t, 1, 'clerk1');
  const { client: c2 } = await openCounter(t, 2, 'clerk2');
  // Counter 1: ID001 is parked (citizen went to fetch a document), ID002 is done.
  expect(ok(await send(c1, 'counter:call-next', { counterId: 1 }))?.id).toBe(id1.id);
  ok(await send(c1, 'ticket:start', { ticketId: id1.id }));
  ok(await send(c1, 'ticket:park', { ticketId: id1.id }));
  expect(ok(await send(c1, 'counter:call-next', { counterId: 1 }))?.id).toBe(id2.id);
  ok(await send(c1, 'ticket:start', { ticketId: id2.id }));
  ok(await send(c1, 'ticket:complete', { ticketId: id2.id }));
  // Counter 2: F001 has been called and never came.
  expect(ok(await send(c2, 'counter:call-next', { counterId: 2 }))?.id).toBe(f1.id);
  return {
    expiring: new Map<number, TicketStatus>([
      [f1.id, 'called'],
      [f2.id, 'waiting'],
      [f3.id, 'waiting'],
      [id1.id, 'parked'],
    ]),
    done: id2,
    /** A citizen still waiting at midnight. */
    stillWaiting: f2,
  };
}

describe('service day rollover', () => {
  let t: TestHub | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('at local midnight expires the old day, tells displays, and restarts numbering at 1', async () => {
    const clock = manualClock(BEFORE_MIDNIGHT);
    t = await startHub({ clock });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const { client: display, snapshot } = await connect(t, { role: 'display' });
    expect(snapshot.day).toBe(OLD_DAY);
    const shown = follow(display, snapshot);
    const seen = recordEvents(display);

    const { expiring, done, stillWaiting } = await busyEvening(t, kiosk);
    // The citizen with F002 follows it on their phone.
    const { client: phone } = await connect(t);
    const phoneViews: TicketView[] = [];
    phone.on('ticket:update', (v) => phoneViews.push(v));
    ok(await send(phone, 'ticket:watch', { code: stillWaiting.code }));
    await seen.waitFor((e) => e.type === 'ticket-called' && e.call?.label === 'F001');
    expect(shown.state.recentCalls.map((c) => c.label)).toEqual(['F001', 'ID002', 'ID001']);

    // Still 23:59:59.999: a request does not start a new day.
    clock.set(Date.parse('2025-03-14T23:59:59.999+07:00'));
    const late = await issue(kiosk, F);
    expect(late).toMatchObject({ day: OLD_DAY, label: 'F004', number: 4 });
    expiring.set(late.id, 'waiting');

    clock.set(Date.parse('2025-03-15T00:00:30+07:00'));
    // The first request of the new day (here a citizen taking a ticket) rolls the day over.
    const first = await issue(kiosk, F);
    expect(first).toMatchObject({ day: NEW_DAY, label: 'F001', number: 1, status: 'waiting' });
    expect(await issue(kiosk, ID)).toMatchObject({ day: NEW_DAY, label: 'ID001', number: 1 });

    // Every open ticket of the old day is expired, with one audit row each.
    const rows = ticketRows(t);
    for (const [id, before] of expiring) {
      expect(rows.get(id)).toMatchObject({
        status: 'expired',
        day: OLD_DAY,
        finished_at: clock.now(),
      });
      expect(auditOf(t, id).at(-1)).toEqual({
        type: 'expire',
        from_status: before,
        to_status: 'expired',
        at: clock.now(),
      });
      expect(auditOf(t, id).filter((a) => a.type === 'expire')).toHaveLength(1);
    }
    // A finished ticket stays as it was.
    expect(rows.get(done.id)?.status).toBe('done');
    expect(auditOf(t, done.id).map((a) => a.type)).not.toContain('expire');

    // The display hears one day-rolled event with the new day and the expired tickets…
    const rolled = await seen.waitFor((e) => e.type === 'day-rolled');
    expect(rolled.day).toBe(NEW_DAY);
    expect(seen.events.filter((e) => e.type === 'day-rolled')).toHaveLength(1);
    expect(rolled.tickets.map((x) => [x.id, x.status]).sort()).toEqual(
      [...expiring.keys()].map((id) => [id, 'expired']).sort(),
    );
    // …and, folded like the display app does, its board is clear for the new day.
    await seen.waitFor(
      (e) =>
        e.type === 'ticket-issued' &&
        e.day === NEW_DAY &&
        e.tickets.some((x) => x.label === 'ID001'),
    );
    expect(shown.gaps).toBe(0);
    expect(shown.state.day).toBe(NEW_DAY);
    expect(shown.state.recentCalls).toEqual([]);
    const counter2 = shown.state.counters.find((c) => c.id === 2);
    expect(counter2?.current).toBeNull();
    const family = shown.state.services.find((s) => s.id === F);
    expect(family).toMatchObject({ waiting: 1, issuedToday: 1 });
    expect(shown.state.services.find((s) => s.id === ID)).toMatchObject({
      waiting: 1,
      issuedToday: 1,
    });
    // The phone is told its ticket has expired, rather than showing a queue that no longer exists.
    await until('the phone hears of it', () => phoneViews.some((v) => v.status === 'expired'));
    expect(phoneViews.find((v) => v.status === 'expired')).toMatchObject({
      label: 'F002',
      peopleAhead: null,
    });
    // A display that connects now starts the new day with an empty board too.
    const { snapshot: fresh } = await connect(t, { role: 'display' });
    expect(fresh.day).toBe(NEW_DAY);
    expect(fresh.recentCalls).toEqual([]);
  });

  it('rolls over once when hub.rolloverIfDue() runs after midnight, and not again', async () => {
    const clock = manualClock(BEFORE_MIDNIGHT);
    t = await startHub({ clock });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const waiting = await issue(kiosk, F);
    const { client: display } = await connect(t, { role: 'display' });
    const seen = recordEvents(display);

    clock.advance(60 * SECOND_MS);
    t.hub.rolloverIfDue();
    t.hub.rolloverIfDue();
    const rolled = await seen.waitFor((e) => e.type === 'day-rolled');
    expect(rolled).toMatchObject({
      day: NEW_DAY,
      tickets: [{ id: waiting.id, status: 'expired' }],
    });
    // Give a second (wrong) day-rolled event the chance to arrive.
    await send(display, 'queue:snapshot', {});
    expect(seen.events.filter((e) => e.type === 'day-rolled')).toHaveLength(1);
    expect(auditOf(t, waiting.id).filter((a) => a.type === 'expire')).toHaveLength(1);
  });

  it('a hub that was off overnight expires the old day at start-up', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const evening = manualClock(Date.parse('2025-03-14T16:00:00+07:00'));
    t = await startHub({ clock: evening, dataDir });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const { expiring, done } = await busyEvening(t, kiosk);
    await t.close();

    // Next morning, 07:30: a new hub on the same database.
    const morning = manualClock(Date.parse('2025-03-15T07:30:00+07:00'));
    t = await startHub({ clock: morning, dataDir, seed: false });
    // Before anyone connects or asks for anything, the old day is closed.
    const rows = ticketRows(t);
    for (const [id, before] of expiring) {
      expect(rows.get(id)?.status).toBe('expired');
      expect(auditOf(t, id).at(-1)).toMatchObject({
        type: 'expire',
        from_status: before,
        at: morning.now(),
      });
    }
    expect(rows.get(done.id)?.status).toBe('done');

    const { client: display, snapshot } = await connect(t, { role: 'display' });
    expect(snapshot.day).toBe(NEW_DAY);
    expect(snapshot.recentCalls).toEqual([]);
    expect(snapshot.counters.every((c) => c.current === null)).toBe(true);
    expect(snapshot.services.every((s) => s.waiting === 0 && s.issuedToday === 0)).toBe(true);
    const seen = recordEvents(display);

    const { client: morningKiosk } = await connect(t, { role: 'kiosk' });
    expect(await issue(morningKiosk, F)).toMatchObject({ day: NEW_DAY, label: 'F001' });
    expect(await issue(morningKiosk, ID)).toMatchObject({ day: NEW_DAY, label: 'ID001' });
    await seen.waitFor(
      (e) => e.type === 'ticket-issued' && e.tickets.some((x) => x.label === 'ID001'),
    );
    expect(seen.events.map((e) => e.type)).not.toContain('day-rolled');
  });
});
