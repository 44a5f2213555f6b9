import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connect,
  dumpState,
  issue,
  recordEvents,
  ok,
  openCounter,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';

// Demo centre: counter 1 serves ID, F, FC, R; counter 2 serves F, FC, R, ID.
describe('ticket lifecycle over real sockets', () => {
  let t: TestHub;
  let kiosk: Client;
  let display: Client;

  beforeEach(async () => {
    t = await startHub();
    kiosk = (await connect(t, { role: 'kiosk' })).client;
    display = (await connect(t, { role: 'display' })).client;
  });
  afterEach(() => t.close());

  it('issues, calls, recalls, starts and completes, with an audit row per step', async () => {
    const ticket = await issue(kiosk, 'family-book-entry');
    expect(ticket).toMatchObject({ label: 'F001', status: 'waiting', number: 1 });
    const second = await issue(kiosk, 'family-book-entry', { priority: 'elderly', lang: 'en' });
    expect(second.label).toBe('F002');

    const { client: counter } = await openCounter(t, 1);
    const seen = recordEvents(display);
    const called = ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    expect(called).toMatchObject({ id: ticket.id, status: 'called', counterId: 1 });
    const callEvent = await seen.waitFor((e) => e.type === 'ticket-called');
    expect(callEvent).toMatchObject({
      type: 'ticket-called',
      call: { label: 'F001', counterNumber: 1 },
    });

    const recalled = ok(await send(counter, 'ticket:recall', { ticketId: ticket.id }));
    expect(recalled.recalls).toBe(1);
    ok(await send(counter, 'ticket:start', { ticketId: ticket.id }));
    const done = ok(await send(counter, 'ticket:complete', { ticketId: ticket.id }));
    expect(done.status).toBe('done');
    expect(done.finishedAt).not.toBeNull();

    const audit = t.db
      .prepare(
        'SELECT type, from_status, to_status FROM ticket_events WHERE ticket_id = ? ORDER BY id',
      )
      .all(ticket.id);
    expect(audit).toEqual([
      { type: 'issue', from_status: null, to_status: 'waiting' },
      { type: 'call', from_status: 'waiting', to_status: 'called' },
      { type: 'recall', from_status: 'called', to_status: 'called' },
      { type: 'start', from_status: 'called', to_status: 'serving' },
      { type: 'complete', from_status: 'serving', to_status: 'done' },
    ]);
  });

  it('marks a no-show, and refuses steps the lifecycle does not allow without changing anything', async () => {
    const ticket = await issue(kiosk, 'national-id-card');
    const { client: counter } = await openCounter(t, 1);
    ok(await send(counter, 'counter:call-next', { counterId: 1 }));

    const before = dumpState(t.db);
    for (const event of [
      'ticket:complete',
      'ticket:park',
      'ticket:resume',
      'ticket:cancel',
    ] as const) {
      const res = await send(counter, event, { ticketId: ticket.id });
      expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const busy = await send(counter, 'counter:call-next', { counterId: 1 });
    expect(busy).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'status' } });
    expect(dumpState(t.db)).toBe(before);

    const noShow = ok(await send(counter, 'ticket:no-show', { ticketId: ticket.id }));
    expect(noShow.status).toBe('no_show');
    expect(ok(await send(counter, 'counter:call-next', { counterId: 1 }))).toBeNull();
  });

  it('parks a citizen and resumes them at the front of the queue', async () => {
    const first = await issue(kiosk, 'residence-certificate');
    const second = await issue(kiosk, 'residence-certificate');
    const { client: counter } = await openCounter(t, 1);
    ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    ok(await send(counter, 'ticket:start', { ticketId: first.id }));
    expect(ok(await send(counter, 'ticket:park', { ticketId: first.id })).status).toBe('parked');

    const resumed = ok(await send(counter, 'ticket:resume', { ticketId: first.id }));
    expect(resumed).toMatchObject({ status: 'waiting', counterId: null });
    expect(resumed.queuedAt).toBeLessThan(second.queuedAt);
    expect(ok(await send(counter, 'counter:call-next', { counterId: 1 }))?.id).toBe(first.id);
  });

  it('transfers to another service, and the counter serving it gets the citizen first', async () => {
    const waitingNotary = await issue(kiosk, 'certified-copies');
    const citizen = await issue(kiosk, 'family-book-entry');
    const { client: c1 } = await openCounter(t, 1, 'clerk1');
    const { client: c4 } = await openCounter(t, 4, 'clerk4'); // serves N, C, B, M
    ok(await send(c1, 'counter:call-next', { counterId: 1 }));
    ok(await send(c1, 'ticket:start', { ticketId: citizen.id }));

    const moved = ok(
      await send(c1, 'ticket:transfer', {
        ticketId: citizen.id,
        toServiceId: 'certified-copies',
        position: 'front',
        reason: 'needs certified copies first',
      }),
    );
    expect(moved).toMatchObject({
      label: citizen.label,
      serviceId: 'certified-copies',
      status: 'waiting',
      parentId: citizen.id,
    });
    const original = t.db.prepare('SELECT status FROM tickets WHERE id = ?').get(citizen.id);
    expect(original).toEqual({ status: 'transferred' });

    expect(ok(await send(c4, 'counter:call-next', { counterId: 4 }))?.id).toBe(moved.id);
    // The hall lists the citizen once, at the counter they now go to.
    const { snapshot: hall } = await connect(t, { role: 'display' });
    expect(hall.recentCalls.map((c) => [c.label, c.ticketId, c.counterId])).toEqual([
      [citizen.label, moved.id, 4],
    ]);
    ok(await send(c4, 'ticket:start', { ticketId: moved.id }));
    ok(await send(c4, 'ticket:complete', { ticketId: moved.id }));
    expect(ok(await send(c4, 'counter:call-next', { counterId: 4 }))?.id).toBe(waitingNotary.id);
  });

  it('transfers to the back of the target queue', async () => {
    const waitingNotary = await issue(kiosk, 'certified-copies');
    const citizen = await issue(kiosk, 'family-book-entry');
    const { client: c1 } = await openCounter(t, 1, 'clerk1');
    ok(await send(c1, 'counter:call-next', { counterId: 1 }));
    ok(await send(c1, 'ticket:start', { ticketId: citizen.id }));
    const moved = ok(
      await send(c1, 'ticket:transfer', {
        ticketId: citizen.id,
        toServiceId: 'certified-copies',
        position: 'back',
      }),
    );
    const { client: c4 } = await openCounter(t, 4, 'clerk4');
    expect(ok(await send(c4, 'counter:call-next', { counterId: 4 }))?.id).toBe(waitingNotary.id);
    ok(await send(c4, 'ticket:no-show', { ticketId: waitingNotary.id }));
    expect(ok(await send(c4, 'counter:call-next', { counterId: 4 }))?.id).toBe(moved.id);
  });

  it('calls a specific ticket out of order, and cancels a waiting one', async () => {
    const a = await issue(kiosk, 'family-book-entry');
    const b = await issue(kiosk, 'family-book-entry');
    const c = await issue(kiosk, 'family-book-entry');
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    expect(ok(await send(counter, 'counter:call', { counterId: 2, ticketId: c.id })).id).toBe(c.id);
    expect(ok(await send(counter, 'ticket:cancel', { ticketId: b.id })).status).toBe('cancelled');
    ok(await send(counter, 'ticket:no-show', { ticketId: c.id }));
    expect(ok(await send(counter, 'counter:call-next', { counterId: 2 }))?.id).toBe(a.id);
    ok(await send(counter, 'ticket:no-show', { ticketId: a.id }));
    expect(ok(await send(counter, 'counter:call-next', { counterId: 2 }))).toBeNull();
  });

  it('pauses, resumes and closes a counter; staff see each state, the display the last', async () => {
    await issue(kiosk, 'family-book-entry');
    const { client: counter } = await openCounter(t, 1);
    const { client: consoleClient } = await connect(t, { role: 'console' });
    const recorder = recordEvents(consoleClient);
    const hall = recordEvents(display);
    const paused = ok(await send(counter, 'counter:pause', { counterId: 1, reason: 'break' }));
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'break' });
    const refused = await send(counter, 'counter:call-next', { counterId: 1 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'counter-paused' },
    });
    expect(ok(await send(counter, 'counter:resume', { counterId: 1 })).status).toBe('open');
    expect(ok(await send(counter, 'counter:close', { counterId: 1 })).status).toBe('closed');
    await recorder.waitFor((e) => e.counters[0]?.status === 'closed');
    // The counter:open event may or may not land after recording began; the last three are ours.
    const lastThree = recorder.events.slice(-3);
    expect(lastThree.map((e) => [e.type, e.counters[0]?.status])).toEqual([
      ['counter-updated', 'paused'],
      ['counter-updated', 'open'],
      ['counter-updated', 'closed'],
    ]);
    // The hall's stream folds changes that come close together; it ends where the counter is.
    await hall.waitFor((e) => e.counters.find((c) => c.id === 1)?.status === 'closed');
    const closed = await send(counter, 'counter:call-next', { counterId: 1 });
    expect(closed).toMatchObject({ ok: false, error: { reason: 'counter-closed' } });
  });

  it('refuses a clerk acting on a ticket at another counter', async () => {
    const ticket = await issue(kiosk, 'family-book-entry');
    const { client: c1 } = await openCounter(t, 1, 'clerk1');
    const { client: c2 } = await openCounter(t, 2, 'clerk2');
    ok(await send(c1, 'counter:call-next', { counterId: 1 }));
    const res = await send(c2, 'ticket:start', { ticketId: ticket.id });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'wrong-counter' } });
    const stolen = await send(c2, 'counter:call', { counterId: 2, ticketId: ticket.id });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'status' } });
  });

  it('asks before a second clerk takes over a counter, and tells the first at once', async () => {
    await issue(kiosk, 'family-book-entry');
    const { client: first } = await openCounter(t, 1, 'clerk1');
    const told: unknown[] = [];
    first.on('counter:taken-over', (notice) => told.push(notice));
    const { client: second } = await connect(t, { role: 'counter' });
    ok(await send(second, 'staff:login', { username: 'clerk2', pin: '1234' }));

    const before = dumpState(t.db);
    const asked = await send(second, 'counter:open', { counterId: 1 });
    expect(asked).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        reason: 'counter-in-use',
        params: { number: 1, by: 'Souksavanh Phommachanh' },
      },
    });
    expect(dumpState(t.db)).toEqual(before);
    expect(told).toEqual([]);
    // The first clerk still works it: the question changed nothing.
    expect(ok(await send(first, 'counter:call-next', { counterId: 1 }))?.label).toBe('F001');
    ok(await send(first, 'ticket:start', { ticketId: 1 }));
    ok(await send(first, 'ticket:complete', { ticketId: 1 }));

    const view = ok(await send(second, 'counter:open', { counterId: 1, takeOver: true }));
    expect(view.staff).toMatchObject({ name: 'Khamphet Sisouphanh' });
    await expect
      .poll(() => told)
      .toEqual([
        { counterId: 1, counterNumber: 1, by: { id: view.staff?.id, name: 'Khamphet Sisouphanh' } },
      ]);
    const refused = await send(first, 'counter:call-next', { counterId: 1 });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'counter-not-open' } });
    // Back at the choice, the first clerk is asked in turn, naming the second.
    const back = await send(first, 'counter:open', { counterId: 1 });
    expect(back).toMatchObject({
      ok: false,
      error: { reason: 'counter-in-use', params: { by: 'Khamphet Sisouphanh' } },
    });
    await issue(kiosk, 'family-book-entry');
    expect(ok(await send(second, 'counter:call-next', { counterId: 1 }))?.label).toBe('F002');
  });

  it('lets a clerk open their own counter again from a new connection without asking', async () => {
    const { client: old } = await openCounter(t, 1, 'clerk1');
    const told: unknown[] = [];
    old.on('counter:taken-over', (notice) => told.push(notice));
    const { client: again } = await openCounter(t, 1, 'clerk1');
    expect(ok(await send(again, 'counter:call-next', { counterId: 1 }))).toBeNull();
    await expect.poll(() => told).toHaveLength(1);
    // A closed counter is nobody's: opening it asks nothing.
    ok(await send(again, 'counter:close', { counterId: 1 }));
    const { client: other } = await openCounter(t, 1, 'clerk2');
    expect(ok(await send(other, 'counter:call-next', { counterId: 1 }))).toBeNull();
  });

  it('closes an idle counter when its clerk logs out, and keeps one with a citizen open', async () => {
    const ticket = await issue(kiosk, 'family-book-entry');
    const { client: idle } = await openCounter(t, 2, 'clerk2');
    const { client: busy } = await openCounter(t, 1, 'clerk1');
    ok(await send(busy, 'counter:call-next', { counterId: 1 }));
    ok(await send(idle, 'staff:logout', {}));
    ok(await send(busy, 'staff:logout', {}));
    const { snapshot } = await connect(t, { role: 'console' });
    const status = (id: number) => snapshot.counters.find((c) => c.id === id);
    expect(status(2)).toMatchObject({ status: 'closed', staff: null });
    expect(status(1)).toMatchObject({ status: 'open', current: { ticketId: ticket.id } });
  });
});
