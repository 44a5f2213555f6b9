import { afterEach, describe, expect, it } from 'vitest';
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
import { DEMO_CENTRE, type DemoCentre } from '../../hub/src/demo/centre-data.js';
import type { RequestPayload, Ticket } from '../../shared/protocol.js';

// DESIGN.md "Reliability": concurrent call-next from many counters never hands one
// ticket to two counters, and ticket:issue is idempotent by requestId.

const COUNTERS = 30;
const CLERKS = 3; // few logins keep scrypt time low; one login may open a counter per socket
const SERVED = ['family-book-entry', 'residence-certificate'] as const;

/** A big hall: 30 counters, every one serving the same two services (in alternating order). */
const BUSY_CENTRE: DemoCentre = {
  ...DEMO_CENTRE,
  counters: Array.from({ length: COUNTERS }, (_, i) => ({
    number: i + 1,
    name: { lo: `ປ່ອງບໍລິການ ${i + 1}`, en: `Counter ${i + 1}` },
    services: i % 2 === 0 ? SERVED : [...SERVED].reverse(),
  })),
  staff: Array.from({ length: CLERKS }, (_, i) => ({
    username: `clerk${i + 1}`,
    name: `Clerk ${i + 1}`,
    role: 'clerk' as const,
    pin: '1234',
  })),
};

const counterIds = Array.from({ length: COUNTERS }, (_, i) => i + 1);

/** One socket per counter, each with a clerk logged in and its counter open. */
async function openAllCounters(t: TestHub): Promise<Client[]> {
  const opened = await Promise.all(
    counterIds.map((id) => openCounter(t, id, `clerk${(id % CLERKS) + 1}`)),
  );
  return opened.map((o) => o.client);
}

function callRowsPerTicket(t: TestHub) {
  return t.db
    .prepare<[], { ticket_id: number; calls: number; counters: number }>(
      `SELECT ticket_id, count(*) AS calls, count(DISTINCT counter_id) AS counters
         FROM ticket_events WHERE type = 'call' GROUP BY ticket_id`,
    )
    .all();
}

describe('30 counters calling at once', () => {
  let t: TestHub;
  afterEach(() => t.close());

  it('never hands one ticket to two counters, round after round, until the queue is empty', async () => {
    t = await startHub({ centre: BUSY_CENTRE });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const issued: Ticket[] = [];
    for (let i = 0; i < 100; i++) {
      issued.push(
        await issue(kiosk, SERVED[i % 2] ?? 'family-book-entry', {
          priority: i % 7 === 0 ? 'elderly' : 'none',
        }),
      );
    }
    const counters = await openAllCounters(t);

    const calledIds: number[] = [];
    const roundSizes: number[] = [];
    for (let round = 0; round < 10; round++) {
      const acks = await Promise.all(
        counters.map((c, i) => send(c, 'counter:call-next', { counterId: i + 1 })),
      );
      const calls = acks.map(ok);
      const got = calls.flatMap((ticket, i) => (ticket ? [{ ticket, counterId: i + 1 }] : []));
      if (got.length === 0) break;
      roundSizes.push(got.length);
      for (const { ticket, counterId } of got) {
        expect(ticket).toMatchObject({ status: 'called', counterId });
        calledIds.push(ticket.id);
      }
      // Finish every called ticket (half served, half no-show) so the counters are free again.
      await Promise.all(
        got.map(async ({ ticket, counterId }) => {
          const counter = counters[counterId - 1];
          if (!counter) throw new Error(`no socket for counter ${counterId}`);
          if (ticket.id % 2 === 0) {
            ok(await send(counter, 'ticket:no-show', { ticketId: ticket.id }));
          } else {
            ok(await send(counter, 'ticket:start', { ticketId: ticket.id }));
            ok(await send(counter, 'ticket:complete', { ticketId: ticket.id }));
          }
        }),
      );
    }

    // Every free counter got a ticket while enough waited; then the queue ran dry.
    expect(roundSizes).toEqual([30, 30, 30, 10]);
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect([...calledIds].sort((a, b) => a - b)).toEqual(issued.map((x) => x.id));

    // An empty queue answers null to everyone, and says so again on a second try.
    for (let i = 0; i < 2; i++) {
      const empty = await Promise.all(
        counters.map((c, j) => send(c, 'counter:call-next', { counterId: j + 1 })),
      );
      expect(empty.map(ok)).toEqual(counterIds.map(() => null));
    }

    const rows = callRowsPerTicket(t);
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.calls !== 1 || r.counters !== 1)).toEqual([]);
    const statuses = t.db
      .prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status ORDER BY status')
      .all();
    expect(statuses).toEqual([
      { status: 'done', n: 50 },
      { status: 'no_show', n: 50 },
    ]);
  });

  it('calls tickets issued while the counters are calling exactly once', async () => {
    t = await startHub({ centre: BUSY_CENTRE });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const counters = await openAllCounters(t);

    // Issues and calls interleave on the hub in whatever order they arrive.
    const issues = Array.from({ length: 20 }, (_, i) =>
      issue(kiosk, SERVED[i % 2] ?? 'family-book-entry'),
    );
    const calls = counters.map((c, i) => send(c, 'counter:call-next', { counterId: i + 1 }));
    const [issued, firstRound] = await Promise.all([Promise.all(issues), Promise.all(calls)]);
    const first = firstRound.map(ok);
    const firstIds = first.flatMap((x) => (x ? [x.id] : []));
    expect(firstIds.length).toBeLessThanOrEqual(20);

    // The counters still free call the rest; those still holding a ticket are refused.
    const idle = counterIds.filter((id) => first[id - 1] === null);
    const secondRound = await Promise.all(
      idle.map((id) => send(counters[id - 1] as Client, 'counter:call-next', { counterId: id })),
    );
    const secondIds = secondRound.map(ok).flatMap((x) => (x ? [x.id] : []));

    const all = [...firstIds, ...secondIds];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort((a, b) => a - b)).toEqual(issued.map((x) => x.id).sort((a, b) => a - b));
    expect(callRowsPerTicket(t).filter((r) => r.calls !== 1)).toEqual([]);
    const waiting = t.db
      .prepare("SELECT count(*) AS n FROM tickets WHERE status = 'waiting'")
      .get();
    expect(waiting).toEqual({ n: 0 });
  });

  it('gives a ticket that 30 counters call by number to exactly one of them', async () => {
    t = await startHub({ centre: BUSY_CENTRE });
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const wanted = await issue(kiosk, 'residence-certificate');
    const other = await issue(kiosk, 'residence-certificate');
    const counters = await openAllCounters(t);

    const acks = await Promise.all(
      counters.map((c, i) => send(c, 'counter:call', { counterId: i + 1, ticketId: wanted.id })),
    );
    const winners = acks.flatMap((a, i) => (a.ok ? [{ counterId: i + 1, ticket: a.data }] : []));
    expect(winners).toHaveLength(1);
    expect(winners[0]?.ticket).toMatchObject({ id: wanted.id, status: 'called' });
    expect(acks.filter((a) => !a.ok)).toEqual(
      Array.from({ length: 29 }, () =>
        expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'conflict' }),
        }),
      ),
    );
    const row = t.db.prepare('SELECT status, counter_id FROM tickets WHERE id = ?').get(wanted.id);
    expect(row).toEqual({ status: 'called', counter_id: winners[0]?.counterId });
    expect(callRowsPerTicket(t)).toEqual([{ ticket_id: wanted.id, calls: 1, counters: 1 }]);

    // The losers are free to call the next citizen; only one of them gets the other ticket.
    const losers = counterIds.filter((id) => id !== winners[0]?.counterId);
    const next = await Promise.all(
      losers.map((id) => send(counters[id - 1] as Client, 'counter:call-next', { counterId: id })),
    );
    expect(
      next
        .map(ok)
        .filter((x) => x !== null)
        .map((x) => x.id),
    ).toEqual([other.id]);
  });
});

describe('ticket:issue is idempotent by requestId', () => {
  let t: TestHub;
  afterEach(() => t.close());

  const request = (requestId: string): RequestPayload<'ticket:issue'> => ({
    serviceId: 'birth-certificate',
    lang: 'lo',
    requestId,
  });
  const identity = (x: Ticket) => ({ id: x.id, label: x.label, code: x.code, number: x.number });

  it('returns the same ticket for a retried request, sequentially and concurrently, and numbers stay gap-free', async () => {
    t = await startHub();
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    // Staff devices hear of every change, one event each.
    const { client: staffConsole } = await connect(t, { role: 'console' });
    const seen = recordEvents(staffConsole);

    // A kiosk that lost the ack retries, first on the same socket, then after reconnecting.
    const first = ok(await send(kiosk, 'ticket:issue', request('kiosk-1-request-0001')));
    expect(first.label).toBe('B001');
    const again = ok(await send(kiosk, 'ticket:issue', request('kiosk-1-request-0001')));
    const { client: reconnected } = await connect(t, { role: 'kiosk' });
    const afterReconnect = ok(
      await send(reconnected, 'ticket:issue', request('kiosk-1-request-0001')),
    );
    expect(identity(again)).toEqual(identity(first));
    expect(identity(afterReconnect)).toEqual(identity(first));

    // Ten emits of one request at once, from two sockets.
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(i < 7 ? kiosk : reconnected, 'ticket:issue', request('kiosk-1-request-0002')),
      ),
    );
    const tickets = burst.map(ok);
    const second = tickets[0] as Ticket;
    expect(second.label).toBe('B002');
    expect(tickets.map(identity)).toEqual(tickets.map(() => identity(second)));

    const rows = t.db
      .prepare('SELECT request_id, count(*) AS n FROM tickets GROUP BY request_id ORDER BY 1')
      .all();
    expect(rows).toEqual([
      { request_id: 'kiosk-1-request-0001', n: 1 },
      { request_id: 'kiosk-1-request-0002', n: 1 },
    ]);
    const issueEvents = t.db
      .prepare("SELECT count(*) AS n FROM ticket_events WHERE type = 'issue'")
      .get();
    expect(issueEvents).toEqual({ n: 2 });

    // Numbering was consumed once per ticket: the next new request gets the next number.
    const third = ok(await send(kiosk, 'ticket:issue', request('kiosk-1-request-0003')));
    expect(third).toMatchObject({ number: second.number + 1, label: 'B003' });

    // Three tickets were issued, not fourteen.
    await seen.waitFor(
      (e) => e.type === 'ticket-issued' && e.tickets.some((x) => x.id === third.id),
    );
    const issued = seen.events.filter((e) => e.type === 'ticket-issued');
    expect(issued.flatMap((e) => e.tickets.map((x) => x.id))).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
    const { snapshot } = await connect(t, { role: 'display' });
    expect(snapshot.services.find((s) => s.id === 'birth-certificate')).toMatchObject({
      waiting: 3,
      issuedToday: 3,
    });
  });

  it('returns the ticket as it is now when a retry arrives after it was called', async () => {
    t = await startHub();
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const ticket = ok(
      await send(kiosk, 'ticket:issue', {
        ...request('kiosk-2-request-0001'),
        serviceId: 'certified-copies',
      }),
    );
    const { client: counter } = await openCounter(t, 4, 'clerk4'); // serves N first
    ok(await send(counter, 'counter:call-next', { counterId: 4 }));

    const retried = ok(
      await send(kiosk, 'ticket:issue', {
        ...request('kiosk-2-request-0001'),
        serviceId: 'certified-copies',
      }),
    );
    expect(retried).toMatchObject({ ...identity(ticket), status: 'called', counterId: 4 });
    expect(t.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 });
  });
});
