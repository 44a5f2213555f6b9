import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../hub/src/clock.js';
import { applyEvent } from '../../shared/domain/apply-event.js';
import { PUBLIC_BACKLOG_MAX_EVENTS, PUBLIC_INTERVAL_MS } from '../../hub/src/net/public-stream.js';
import type { PublicQueueEvent, QueueEvent, Role, Snapshot } from '../../shared/protocol.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  recordEvents,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';

/*
 * The clock stands still in these tests. The only state that depends on the
 * time itself is a service's estimatedWaitMs (the completion rate is measured
 * up to "now"), and an event carries the views of the services it touched,
 * so a service nobody touched would keep an estimate from an earlier "now"
 * while a fresh snapshot computes it anew. With a still clock every field can
 * be compared, and none is ignored.
 */
const TEN_AM = Date.parse('2025-03-14T10:00:00+07:00');

const F = 'family-book-entry';
const R = 'residence-certificate';
const ID = 'national-id-card';

type AnyEvent = QueueEvent | PublicQueueEvent;

/**
 * A client kept the way every app keeps its state: the snapshot it gets on
 * (re)connect, folded with applyEvent; on a gap it asks for a snapshot, and
 * holds back the events that arrive meanwhile. `lose` drops chosen events on
 * purpose, as a flaky network would.
 */
function follow(client: Client, initial: Snapshot, lose: (e: AnyEvent) => boolean = () => false) {
  const model = { state: initial, lost: [] as number[], gaps: 0, resyncs: 0, reconnects: 0 };
  let resyncing = false;
  let held: AnyEvent[] = [];

  const fold = (e: AnyEvent) => {
    if (resyncing) {
      held.push(e);
      return;
    }
    const next = applyEvent(model.state, e);
    if (next !== null) {
      model.state = next;
      return;
    }
    model.gaps += 1;
    resyncing = true;
    held.push(e);
    void send(client, 'queue:snapshot', {}).then((ack) => {
      model.state = ok(ack);
      model.resyncs += 1;
      resyncing = false;
      const pending = held;
      held = [];
      pending.forEach(fold);
    });
  };

  client.on('queue:event', (e) => {
    if (lose(e)) model.lost.push(e.seq);
    else fold(e);
  });
  client.on('queue:snapshot', (snapshot) => {
    model.state = snapshot;
    model.reconnects += 1;
  });
  return model;
}

async function until(what: string, done: () => boolean, timeoutMs = 3000) {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Activity touching every kind of event: calls, recalls, parking, transfers, no-shows, pauses. */
async function busyMorning(t: TestHub, kiosk: Client) {
  const f = [await issue(kiosk, F), await issue(kiosk, F, { priority: 'elderly' })];
  const r = [await issue(kiosk, R), await issue(kiosk, R)];
  const id = await issue(kiosk, ID, { lang: 'en' });
  const { client: c1 } = await openCounter(t, 1, 'clerk1');
  const { client: c2 } = await openCounter(t, 2, 'clerk2');

  const first = ok(await send(c1, 'counter:call-next', { counterId: 1 }));
  if (!first) throw new Error('counter 1 found nobody waiting');
  ok(await send(c1, 'ticket:recall', { ticketId: first.id }));
  ok(await send(c1, 'ticket:start', { ticketId: first.id }));
  ok(await send(c1, 'ticket:park', { ticketId: first.id }));

  const second = ok(await send(c2, 'counter:call', { counterId: 2, ticketId: f[1]?.id ?? 0 }));
  ok(await send(c2, 'ticket:start', { ticketId: second.id }));
  ok(await send(c2, 'ticket:transfer', { ticketId: second.id, toServiceId: R, position: 'front' }));

  ok(await send(c1, 'ticket:resume', { ticketId: first.id }));
  ok(await send(c1, 'ticket:cancel', { ticketId: r[1]?.id ?? 0 }));
  const third = ok(await send(c1, 'counter:call-next', { counterId: 1 }));
  if (!third) throw new Error('counter 1 found nobody waiting');
  ok(await send(c1, 'ticket:no-show', { ticketId: third.id }));
  ok(await send(c2, 'counter:pause', { counterId: 2, reason: 'break' }));
  const fourth = ok(await send(c1, 'counter:call-next', { counterId: 1 }));
  if (!fourth) throw new Error('counter 1 found nobody waiting');
  ok(await send(c1, 'ticket:start', { ticketId: fourth.id }));
  ok(await send(c1, 'ticket:complete', { ticketId: fourth.id }));
  ok(await send(c2, 'counter:resume', { counterId: 2 }));
  return { f, r, id };
}

describe('getting back in sync', () => {
  let t: TestHub;
  let kiosk: Client;
  /** Asks for snapshots as a client of `role` would get them, to compare against. */
  let reference: (role: Role) => Promise<Snapshot>;
  /**
   * Waits until the client's folded state equals a fresh snapshot for its role, and returns
   * that snapshot. A public snapshot may show changes whose folded event is still to come,
   * so for those roles the two agree once the fold has gone out, not at once.
   */
  let converged: (follower: { state: Snapshot }, role: Role) => Promise<Snapshot>;

  beforeEach(async () => {
    t = await startHub({ clock: manualClock(TEN_AM) });
    kiosk = (await connect(t, { role: 'kiosk' })).client;
    const lookers = new Map<Role, Client>();
    reference = async (role) => {
      let looker = lookers.get(role);
      if (!looker) {
        looker = (await connect(t, role === 'public' ? {} : { role })).client;
        lookers.set(role, looker);
      }
      return ok(await send(looker, 'queue:snapshot', {}));
    };
    converged = async (follower, role) => {
      const started = Date.now();
      for (;;) {
        const fresh = await reference(role);
        if (follower.state.seq === fresh.seq && isDeepStrictEqual(follower.state, fresh)) {
          return fresh;
        }
        if (Date.now() - started > 3000) {
          expect(follower.state).toEqual(fresh); // fails, showing how they differ
        }
        // A phone may ask for 5 snapshots a second (after a burst of 20).
        await new Promise((r) => setTimeout(r, 200));
      }
    };
  });
  afterEach(() => t.close());

  it('a counter client that misses an event notices the gap, resyncs, and stays in sync', async () => {
    const { client, snapshot } = await connect(t, { role: 'counter' });
    expect(snapshot.waiting).toEqual([]);
    let issued = 0;
    const follower = follow(client, snapshot, (e) => e.type === 'ticket-issued' && ++issued === 3);

    const a = await issue(kiosk, F);
    const b = await issue(kiosk, F);
    const lost = await issue(kiosk, R); // the third ticket-issued event never reaches the client
    await until('the lost event has gone by', () => follower.lost.length === 1);
    // Without the lost event the client's waiting list would miss R001 for good.
    expect(follower.state.waiting?.map((x) => x.label)).toEqual(['F001', 'F002']);

    const d = await issue(kiosk, R);
    await until('the client resynced', () => follower.resyncs === 1);
    expect(follower.gaps).toBe(1);
    const fresh = await reference('counter');
    await until('the client caught up', () => follower.state.seq === fresh.seq);
    expect(follower.state).toEqual(fresh);
    expect(follower.state.waiting?.map((x) => x.id)).toEqual([a.id, b.id, lost.id, d.id]);

    // Folding goes on correctly after the resync, through every kind of event.
    await busyMorning(t, kiosk);
    const later = await reference('counter');
    expect(later.seq).toBeGreaterThan(fresh.seq + 15);
    await until('the client caught up again', () => follower.state.seq === later.seq);
    expect(follower.state).toEqual(later);
    expect(follower.gaps).toBe(1);
    expect(follower.resyncs).toBe(1);
  });

  it('a counter client that reconnects gets a snapshot with what happened meanwhile', async () => {
    const { client, snapshot } = await connect(t, { role: 'counter' });
    const follower = follow(client, snapshot);
    const early = await issue(kiosk, F);
    await until('the client saw the ticket', () => follower.state.seq === snapshot.seq + 1);

    client.disconnect();
    const missed = await issue(kiosk, ID);
    const { client: c2 } = await openCounter(t, 2, 'clerk2');
    const called = ok(await send(c2, 'counter:call-next', { counterId: 2 }));
    expect(called?.id).toBe(early.id);
    const whileAway = await reference('counter');

    client.connect();
    await until('the client got its reconnect snapshot', () => follower.reconnects === 1);
    expect(follower.state).toEqual(whileAway);
    expect(follower.state.waiting?.map((x) => x.id)).toEqual([missed.id]);
    expect(follower.state.recentCalls[0]).toMatchObject({ ticketId: early.id, counterNumber: 2 });
    expect(follower.state.counters.find((c) => c.id === 2)?.current).toMatchObject({
      ticketId: early.id,
      status: 'called',
    });

    // And it keeps folding from there.
    ok(await send(c2, 'ticket:start', { ticketId: early.id }));
    ok(await send(c2, 'ticket:complete', { ticketId: early.id }));
    const after = await reference('counter');
    await until('the client caught up', () => follower.state.seq === after.seq);
    expect(follower.state).toEqual(after);
    expect(follower.gaps).toBe(0);
  });

  // Each role folds the events it is sent into the snapshot it is sent; both must tell the same story.
  for (const role of ['console', 'display', 'public'] as const) {
    it(`a ${role} client's folded state equals a fresh ${role} snapshot`, async () => {
      const { client, snapshot } = await connect(t, role === 'public' ? {} : { role });
      const follower = follow(client, snapshot);
      await busyMorning(t, kiosk);
      await converged(follower, role);
      expect(follower.gaps).toBe(0);
    });
  }

  it('a burst of tickets reaches the displays folded into a few events, while staff get every one', async () => {
    const { client: display, snapshot } = await connect(t, { role: 'display' });
    const follower = follow(display, snapshot);
    const displayEvents = recordEvents(display);
    const { client: counter } = await openCounter(t, 1, 'clerk1');
    const staffEvents = recordEvents(counter);

    const burst = 100;
    const acks = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        send(kiosk, 'ticket:issue', { serviceId: F, lang: 'lo', requestId: `burst-${i}-xx` }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);

    await converged(follower, 'display');
    expect(follower.state.services.find((s) => s.id === F)?.waiting).toBe(burst);
    expect(follower.gaps).toBe(0);
    expect(follower.reconnects).toBe(0);
    expect(displayEvents.events.length).toBeLessThan(burst / 10);

    const issued = () => staffEvents.events.filter((e) => e.type === 'ticket-issued');
    await until('staff got every event', () => issued().length >= burst);
    const seqs = issued().map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: burst }, (_, i) => (seqs[0] ?? 0) + i));
  });

  it('a call reaches the displays at once, with the changes folded before it', async () => {
    const { client: display, snapshot } = await connect(t, { role: 'display' });
    const follower = follow(display, snapshot);
    const displayEvents = recordEvents(display);
    const { client: counter } = await openCounter(t, 1, 'clerk1'); // goes out at once: all quiet
    await displayEvents.waitFor((e) => e.counters.some((c) => c.id === 1 && c.status === 'open'));
    const first = await issue(kiosk, F); // within PUBLIC_INTERVAL_MS of that: folded, waiting
    const second = await issue(kiosk, F);
    const started = performance.now();
    const called = ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    const event = await displayEvents.waitFor((e) => e.type === 'ticket-called');
    expect(performance.now() - started).toBeLessThan(PUBLIC_INTERVAL_MS / 2);
    expect(event.call).toMatchObject({ ticketId: first.id, counterNumber: 1 });
    expect(event.tickets.map((x) => [x.id, x.status])).toEqual([[first.id, 'called']]);
    // The second ticket had not gone out on its own: it came with the call, as a count.
    const issuedAlone = displayEvents.events.filter(
      (e) => e.type === 'ticket-issued' && e.tickets.some((x) => x.id === second.id),
    );
    expect(issuedAlone).toEqual([]);
    expect(event.services.find((s) => s.id === F)).toMatchObject({ waiting: 1, issuedToday: 2 });
    expect(follower.state.services.find((s) => s.id === F)?.waiting).toBe(1);
    expect(follower.gaps).toBe(0);
    expect(called?.id).toBe(first.id);
  });

  it('calls too fast for the displays reach them as one snapshot, while staff get every event', async () => {
    const { client: display, snapshot } = await connect(t, { role: 'display' });
    const follower = follow(display, snapshot);
    const displayEvents = recordEvents(display);
    const ticket = await issue(kiosk, F);
    const { client: counter } = await openCounter(t, 1, 'clerk1');
    ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    const staffEvents = recordEvents(counter);

    // Calls are never folded, so recalls sent without waiting queue far more than
    // PUBLIC_BACKLOG_MAX_EVENTS public events in one turn of the hub.
    const burst = PUBLIC_BACKLOG_MAX_EVENTS * 5;
    const acks = await Promise.all(
      Array.from({ length: burst }, () => send(counter, 'ticket:recall', { ticketId: ticket.id })),
    );
    expect(acks.every((a) => a.ok)).toBe(true);

    await converged(follower, 'display');
    expect(follower.state.recentCalls[0]).toMatchObject({ ticketId: ticket.id, recalls: burst });
    expect(follower.reconnects).toBeGreaterThanOrEqual(1); // the pushed snapshot
    expect(displayEvents.events.length).toBeLessThan(burst);
    expect(follower.gaps).toBe(0);

    const recalled = () => staffEvents.events.filter((e) => e.type === 'ticket-recalled');
    await until('staff got every event', () => recalled().length >= burst);
  });
});
