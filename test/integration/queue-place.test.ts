/**
 * Issue 13: "people ahead" and the wait follow the order call-next really
 * takes. A pregnant citizen behind two normal tickets is told two are ahead
 * (one priority ticket after every two others), and the normal ticket behind
 * her is told three: the kiosk's ack, the slip's job, the phone and the hall
 * all say so, and the calls then come in exactly that order.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../hub/src/clock.js';
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

const TEN_AM = Date.parse('2025-03-14T10:00:00+07:00');
// Counter 2 serves family-book-entry (F) first.
const F = 'family-book-entry';

describe('where a ticket stands, against the order it is called in', () => {
  let t: TestHub;
  let kiosk: Client;

  beforeEach(async () => {
    t = await startHub({ clock: manualClock(TEN_AM) });
    kiosk = (await connect(t, { role: 'kiosk' })).client;
  });
  afterEach(() => t.close());

  it('tells each citizen the place the calls then follow, priority ratio included', async () => {
    const n1 = await issue(kiosk, F);
    const n2 = await issue(kiosk, F);
    const pregnant = await issue(kiosk, F, { priority: 'pregnant' });
    const n3 = await issue(kiosk, F);
    const monk = await issue(kiosk, F, { priority: 'monk' });
    const acks = [n1, n2, pregnant, n3, monk];
    expect(acks.map((x) => x.peopleAhead)).toEqual([0, 1, 2, 3, 4]);

    const { client: phone } = await connect(t);
    const watched = ok(await send(phone, 'ticket:watch', { code: n3.code }));
    expect(watched.peopleAhead).toBe(3);
    expect(watched.estimatedWaitMs).toBe(acks[3]?.estimatedWaitMs);

    // The hall's wait is a normal newcomer's: behind three normals and the priority ticket due
    // after two of them; the monk comes after the next two normals, so after the newcomer.
    const { client: display } = await connect(t, { role: 'display' });
    const snap = ok(await send(display, 'queue:snapshot', {}));
    const newcomer = await issue(kiosk, F);
    expect(newcomer.peopleAhead).toBe(4);
    expect(snap.services.find((s) => s.id === F)?.estimatedWaitMs).toBe(newcomer.estimatedWaitMs);

    const { client: counter } = await openCounter(t, 2, 'clerk2');
    const called: string[] = [];
    for (let i = 0; i < 6; i++) {
      const next = ok(await send(counter, 'counter:call-next', { counterId: 2 }));
      if (next === null) break;
      called.push(next.label);
      ok(await send(counter, 'ticket:no-show', { ticketId: next.id }));
    }
    expect(called).toEqual([n1, n2, pregnant, n3, newcomer, monk].map((x) => x.label));
  });

  it("starts from the service's calls so far: after two normal calls a priority ticket is next", async () => {
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    for (let i = 0; i < 2; i++) {
      await issue(kiosk, F);
      const next = ok(await send(counter, 'counter:call-next', { counterId: 2 }));
      ok(await send(counter, 'ticket:no-show', { ticketId: next?.id ?? 0 }));
    }
    const normal = await issue(kiosk, F);
    const elderly = await issue(kiosk, F, { priority: 'elderly' });
    expect([normal.peopleAhead, elderly.peopleAhead]).toEqual([0, 0]);
    const { client: phone } = await connect(t);
    const normalNow = ok(await send(phone, 'ticket:watch', { code: normal.code }));
    expect(normalNow.peopleAhead).toBe(1);
    const first = ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    expect(first?.id).toBe(elderly.id);
  });
});
