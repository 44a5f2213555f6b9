/**
 * Issue 14: "complete and call next" is one request and one transaction, the
 * clerk's most frequent action at one fsync. Both steps happen, or neither.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connect,
  hashAllTables,
  issue,
  ok,
  openCounter,
  recordEvents,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';

// Demo centre: counter 1 serves ID, F, FC, R.
const F = 'family-book-entry';

describe('counter:complete-and-call-next', () => {
  let t: TestHub;
  let kiosk: Client;

  beforeEach(async () => {
    t = await startHub();
    kiosk = (await connect(t, { role: 'kiosk' })).client;
  });
  afterEach(() => t.close());

  async function serving(counter: Client) {
    const called = ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    if (!called) throw new Error('nobody was called');
    return ok(await send(counter, 'ticket:start', { ticketId: called.id }));
  }

  it('completes the citizen served and calls the one call-next would, events in that order', async () => {
    await issue(kiosk, F);
    const second = await issue(kiosk, F);
    const elderly = await issue(kiosk, F, { priority: 'elderly' });
    const { client: counter } = await openCounter(t, 1);
    const first = await serving(counter);
    const staff = recordEvents(counter);
    const { client: display } = await connect(t, { role: 'display' });
    const hall = recordEvents(display);

    const both = ok(
      await send(counter, 'counter:complete-and-call-next', { counterId: 1, ticketId: first.id }),
    );
    expect(both.completed).toMatchObject({ id: first.id, status: 'done', counterId: 1 });
    expect(both.completed.finishedAt).not.toBeNull();
    expect(both.called).toMatchObject({ id: second.id, status: 'called', counterId: 1 });

    const completedEvent = await staff.waitFor((e) => e.type === 'ticket-completed');
    const calledEvent = await staff.waitFor((e) => e.type === 'ticket-called');
    expect(calledEvent.seq).toBe(completedEvent.seq + 1);
    expect(await hall.waitFor((e) => e.type === 'ticket-called')).toMatchObject({
      call: { label: second.label, counterNumber: 1 },
    });
    const audit = t.db
      .prepare('SELECT ticket_id, type FROM ticket_events WHERE id > ? ORDER BY id')
      .all(
        (
          t.db.prepare("SELECT max(id) AS id FROM ticket_events WHERE type = 'start'").get() as {
            id: number;
          }
        ).id,
      );
    expect(audit).toEqual([
      { ticket_id: first.id, type: 'complete' },
      { ticket_id: second.id, type: 'call' },
    ]);

    // The ratio goes on from the call it made: after two normal calls, the elderly citizen.
    ok(await send(counter, 'ticket:start', { ticketId: second.id }));
    const next = ok(
      await send(counter, 'counter:complete-and-call-next', { counterId: 1, ticketId: second.id }),
    );
    expect(next.called?.id).toBe(elderly.id);
  });

  it('completes and calls nobody when nobody waits', async () => {
    await issue(kiosk, F);
    const { client: counter } = await openCounter(t, 1);
    const first = await serving(counter);
    const both = ok(
      await send(counter, 'counter:complete-and-call-next', { counterId: 1, ticketId: first.id }),
    );
    expect(both).toMatchObject({ completed: { id: first.id, status: 'done' }, called: null });
  });

  it('changes nothing when either step is refused', async () => {
    await issue(kiosk, F);
    await issue(kiosk, F);
    const { client: counter } = await openCounter(t, 1);
    const first = await serving(counter);
    const before = hashAllTables(t.db);

    // The call is refused (another counter), so the completion is not kept either.
    const elsewhere = await send(counter, 'counter:complete-and-call-next', {
      counterId: 2,
      ticketId: first.id,
    });
    expect(elsewhere.ok).toBe(false);
    // The completion is refused: the ticket was only called, not started.
    const { client: other } = await openCounter(t, 2, 'clerk2');
    const calledOnly = ok(await send(other, 'counter:call-next', { counterId: 2 }));
    const afterCall = hashAllTables(t.db);
    const notServing = await send(other, 'counter:complete-and-call-next', {
      counterId: 2,
      ticketId: calledOnly?.id ?? 0,
    });
    expect(notServing).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(hashAllTables(t.db)).toBe(afterCall);
    expect(before).not.toBe(afterCall);
    expect(t.db.prepare('SELECT status FROM tickets WHERE id = ?').get(first.id)).toEqual({
      status: 'serving',
    });
  });
});
