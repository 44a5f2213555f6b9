/**
 * The hall shows only calls that are still true: a real hub, a hall
 * display's socket folding every public event with the shared applyEvent,
 * and the display's own hall-calls.ts reading the result after each step a
 * clerk takes (pause, resume, complete, park, transfer, no-show, close).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent } from '../../shared/domain/apply-event.js';
import { hallCalls, isStillTrue } from '../../display/src/hall/hall-calls.js';
import type { CallView, CounterView, Snapshot } from '../../shared/protocol.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';

/** A display's state, kept as the hall app keeps it. */
async function hallDisplay(t: TestHub) {
  const { client, snapshot } = await connect(t, { role: 'display' });
  let state: Snapshot = snapshot;
  client.on('queue:snapshot', (s) => (state = s));
  client.on('queue:event', (e) => {
    const next = applyEvent(state, e);
    if (next === null) throw new Error(`the display missed an event before seq ${e.seq}`);
    state = next;
  });
  return {
    big: () => {
      const now = hallCalls(state).now;
      return now ? `${now.label} → ${now.counterNumber}` : null;
    },
    earlier: () => hallCalls(state).earlier.map((c) => `${c.call.label}${c.live ? '' : ' (over)'}`),
  };
}

describe('the hall shows only calls that are still true', () => {
  let t: TestHub;
  let kiosk: Client;
  let c1: Client;
  let c2: Client;
  let hall: Awaited<ReturnType<typeof hallDisplay>>;

  beforeAll(async () => {
    t = await startHub();
    kiosk = (await connect(t, { role: 'kiosk' })).client;
    hall = await hallDisplay(t);
    c1 = (await openCounter(t, 1, 'clerk1')).client;
    c2 = (await openCounter(t, 2, 'clerk2')).client;
  });
  afterAll(() => t.close());

  const callNext = async (c: Client, counterId: number) => {
    const called = ok(await send(c, 'counter:call-next', { counterId }));
    if (!called) throw new Error('nobody to call');
    return called;
  };

  it('takes a call off the big panel when its counter pauses, and back when it resumes', async () => {
    for (let i = 0; i < 6; i++) await issue(kiosk, 'family-book-entry');
    await callNext(c1, 1);
    await callNext(c2, 2);
    await expect.poll(hall.big).toBe('F002 → 2');
    ok(await send(c2, 'counter:pause', { counterId: 2, reason: 'break' }));
    // Counter 2 is on a break: the big panel shows the call that is still true.
    await expect.poll(hall.big).toBe('F001 → 1');
    await expect.poll(hall.earlier).toEqual(['F002 (over)']);
    ok(await send(c2, 'counter:resume', { counterId: 2 }));
    await expect.poll(hall.big).toBe('F002 → 2');
    await expect.poll(hall.earlier).toEqual(['F001']);
  });

  it('takes it off when the ticket is completed, parked, transferred or a no-show', async () => {
    ok(await send(c2, 'ticket:start', { ticketId: 2 }));
    ok(await send(c2, 'ticket:complete', { ticketId: 2 }));
    await expect.poll(hall.big).toBe('F001 → 1');

    ok(await send(c1, 'ticket:start', { ticketId: 1 }));
    ok(await send(c1, 'ticket:park', { ticketId: 1 }));
    await expect.poll(hall.big).toBeNull();
    await expect.poll(hall.earlier).toEqual(['F002 (over)', 'F001 (over)']);

    const f3 = await callNext(c1, 1);
    await expect.poll(hall.big).toBe(`${f3.label} → 1`);
    ok(await send(c1, 'ticket:start', { ticketId: f3.id }));
    ok(
      await send(c1, 'ticket:transfer', {
        ticketId: f3.id,
        toServiceId: 'certified-copies',
        position: 'front',
      }),
    );
    await expect.poll(hall.big).toBeNull();

    const f4 = await callNext(c2, 2);
    await expect.poll(hall.big).toBe(`${f4.label} → 2`);
    ok(await send(c2, 'ticket:no-show', { ticketId: f4.id }));
    await expect.poll(hall.big).toBeNull();
  });

  it('takes it off when its counter closes, leaving the list dimmed', async () => {
    const f5 = await callNext(c1, 1);
    await expect.poll(hall.big).toBe(`${f5.label} → 1`);
    ok(await send(c1, 'ticket:start', { ticketId: f5.id }));
    ok(await send(c1, 'ticket:complete', { ticketId: f5.id }));
    ok(await send(c1, 'counter:close', { counterId: 1 }));
    await expect.poll(hall.big).toBeNull();
    await expect
      .poll(hall.earlier)
      .toEqual([`${f5.label} (over)`, 'F004 (over)', 'F003 (over)', 'F002 (over)', 'F001 (over)']);
  });
});

describe('isStillTrue', () => {
  const call: CallView = {
    ticketId: 7,
    label: 'A007',
    serviceId: 's',
    counterId: 3,
    counterNumber: 3,
    at: 1,
    recalls: 0,
  };
  const counter = (patch: Partial<CounterView>): CounterView => ({
    id: 3,
    number: 3,
    name: { lo: 'ປ່ອງ 3', en: 'Counter 3' },
    services: ['s'],
    status: 'open',
    pauseReason: null,
    current: { ticketId: 7, label: 'A007', serviceId: 's', status: 'called', calledAt: 1 },
    staff: null,
    ...patch,
  });

  it('holds while the counter is open with the same citizen, called or served', () => {
    expect(isStillTrue(call, [counter({})])).toBe(true);
    const serving = counter({
      current: { ticketId: 7, label: 'A007', serviceId: 's', status: 'serving', calledAt: 1 },
    });
    expect(isStillTrue(call, [serving])).toBe(true);
  });

  it('fails for a paused or closed counter, another citizen, nobody, or no such counter', () => {
    expect(isStillTrue(call, [counter({ status: 'paused', pauseReason: 'break' })])).toBe(false);
    expect(isStillTrue(call, [counter({ status: 'closed' })])).toBe(false);
    const other = counter({
      current: { ticketId: 8, label: 'A008', serviceId: 's', status: 'called', calledAt: 2 },
    });
    expect(isStillTrue(call, [other])).toBe(false);
    expect(isStillTrue(call, [counter({ current: null })])).toBe(false);
    expect(isStillTrue(call, [])).toBe(false);
  });
});
