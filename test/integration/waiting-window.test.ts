/**
 * Issue 14: a counter's snapshot and its events do not grow with the queue.
 * It holds the first 50 of each class of each service; `queue:waiting`
 * pages on in call order, the order call-next then really takes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { WAITING_WINDOW } from '../../shared/domain/waiting-window.js';

// Counter 2 serves family-book-entry (F) first.
const F = 'family-book-entry';

describe('the window of the queue a counter holds', () => {
  let t: TestHub;
  let kiosk: Client;

  beforeEach(async () => {
    t = await startHub();
    kiosk = (await connect(t, { role: 'kiosk' })).client;
  });
  afterEach(() => t.close());

  it('holds the front of each class, and pages on in the order call-next takes', async () => {
    const issued = [];
    for (let i = 0; i < 130; i++) {
      issued.push(await issue(kiosk, F, { priority: i % 4 === 3 ? 'elderly' : 'none' }));
    }
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    const snap = ok(await send(counter, 'queue:snapshot', {}));
    const inF = (snap.waiting ?? []).filter((x) => x.serviceId === F);
    expect(inF.filter((x) => x.priority === 'none')).toHaveLength(WAITING_WINDOW);
    expect(inF.filter((x) => x.priority !== 'none')).toHaveLength(32);
    const service = snap.services.find((s) => s.id === F);
    expect(service).toMatchObject({ waiting: 130, priorityWaiting: 32 });

    const pages = [];
    for (const offset of [0, 50, 100]) {
      const page = ok(await send(counter, 'queue:waiting', { serviceId: F, offset }));
      expect(page.seq).toBe(snap.seq);
      pages.push(...page.tickets);
    }
    expect(pages).toHaveLength(130);
    expect(new Set(pages.map((x) => x.id)).size).toBe(130);

    const called = [];
    for (let i = 0; i < 130; i++) {
      const next = ok(await send(counter, 'counter:call-next', { counterId: 2 }));
      if (!next) break;
      called.push(next.id);
      ok(await send(counter, 'ticket:no-show', { ticketId: next.id }));
    }
    expect(called).toEqual(pages.map((x) => x.id));
  });

  it('refuses a page of a service that does not exist, and pages past the end are empty', async () => {
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    const missing = await send(counter, 'queue:waiting', { serviceId: 'no-such-service' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await issue(kiosk, F);
    const past = ok(await send(counter, 'queue:waiting', { serviceId: F, offset: 50 }));
    expect(past.tickets).toEqual([]);
  });
});
