/**
 * The live floor over real sockets: its figures against what was done, the
 * alerts (floor, counters, log), the floor's actions with their audit rows
 * and their refusals (the database byte-identical after each), ticket search
 * with the whole history, and the query plans that keep it cheap.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import {
  connect,
  hashAllTables,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import { manualClock } from '../../hub/src/clock.js';
import { FLOOR_SQL } from '../../hub/src/floor/floor-store.js';
import type { Alert, Ack, AlertKind } from '../../shared/protocol.js';

const MINUTE_MS = 60_000;
const CLERK1 = 'Souksavanh Phommachanh';

interface LogLine {
  level: number;
  msg: string;
  alert?: string;
}

/** The alert lists a client is pushed, newest last. */
function alertsOf(client: Client) {
  const lists: Alert[][] = [];
  client.on('floor:alerts', (list) => lists.push(list));
  return {
    lists,
    latest: () => lists.at(-1) ?? [],
    async until(match: (list: Alert[]) => boolean, timeoutMs = 2_000) {
      const started = Date.now();
      while (!match(lists.at(-1) ?? [])) {
        if (Date.now() - started > timeoutMs) throw new Error('alerts did not arrive in time');
        await new Promise((r) => setTimeout(r, 10));
      }
      return Date.now() - started;
    },
  };
}
const has = (kind: AlertKind) => (list: Alert[]) => list.some((a) => a.kind === kind);
const hasNo = (kind: AlertKind) => (list: Alert[]) => !has(kind)(list);
const refusal = (ack: Ack<unknown>) => (ack.ok ? null : ack.error);

describe('the live floor', () => {
  let t: TestHub;
  let logged: LogLine[];
  const clock = manualClock(Date.now());

  const consoleAs = async (username: string, pin: string) => {
    const { client } = await connect(t, { role: 'console' });
    ok(await send(client, 'staff:login', { username, pin }));
    return client;
  };

  beforeEach(async () => {
    logged = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void logged.push(JSON.parse(l)) });
    t = await startHub({ clock, log, alerts: { checkMs: 50, idleAfterMs: 2 * MINUTE_MS } });
  });
  afterEach(() => t.close());

  it("shows each queue against its target, today's served and no-shows, and who works each counter", async () => {
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const id = await issue(kiosk, 'national-id-card');
    const a1 = await issue(kiosk, 'family-book-entry');
    clock.advance(MINUTE_MS);
    const a2 = await issue(kiosk, 'family-book-entry');
    clock.advance(MINUTE_MS);
    const a3 = await issue(kiosk, 'family-book-entry');
    const { client: desk } = await openCounter(t, 1, 'clerk1');
    const next = async () => ok(await send(desk, 'counter:call-next', { counterId: 1 }))?.id;
    expect(await next()).toBe(id.id);
    ok(await send(desk, 'ticket:start', { ticketId: id.id }));
    ok(await send(desk, 'ticket:complete', { ticketId: id.id }));
    expect(await next()).toBe(a1.id);
    ok(await send(desk, 'ticket:no-show', { ticketId: a1.id }));
    expect(await next()).toBe(a2.id);
    ok(await send(desk, 'ticket:start', { ticketId: a2.id }));
    clock.advance(MINUTE_MS);

    const floor = ok(await send(await consoleAs('supervisor', '5555'), 'floor:get', {}));
    const svc = (sid: string) => floor.services.find((s) => s.serviceId === sid);
    expect(svc('family-book-entry')).toEqual({
      serviceId: 'family-book-entry',
      waiting: 1,
      oldestQueuedAt: a3.queuedAt,
      targetMinutes: 10,
      served: 0,
      noShows: 1,
    });
    expect(svc('national-id-card')).toMatchObject({ waiting: 0, oldestQueuedAt: null, served: 1 });
    const c1 = floor.counters.find((c) => c.number === 1);
    expect(c1).toMatchObject({
      status: 'open',
      staff: { name: CLERK1 },
      current: { label: a2.label, status: 'serving' },
    });
    expect(floor.counters.find((c) => c.number === 2)?.status).toBe('closed');
    expect(floor.at).toBe(clock.now());
  });

  it('raises a wait over its target on the floor and the counters within 2 s, logs it once, and clears it', async () => {
    const supervisor = await consoleAs('supervisor', '5555');
    const onFloor = alertsOf(supervisor);
    const { client: desk } = await openCounter(t, 2, 'clerk2');
    const atDesk = alertsOf(desk);
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const waiting = await issue(kiosk, 'family-book-entry');
    clock.advance(9 * MINUTE_MS);
    await new Promise((r) => setTimeout(r, 150));
    expect(onFloor.latest().filter((a) => a.kind === 'wait-over-target')).toEqual([]);

    clock.advance(2 * MINUTE_MS); // 11 minutes: past the 10-minute target
    expect(await onFloor.until(has('wait-over-target'))).toBeLessThan(2_000);
    await atDesk.until(has('wait-over-target'));
    const alert = onFloor.latest().find((a) => a.kind === 'wait-over-target');
    expect(alert).toEqual({
      kind: 'wait-over-target',
      id: 'wait:family-book-entry',
      since: waiting.queuedAt + 10 * MINUTE_MS,
      serviceIds: ['family-book-entry'],
      serviceId: 'family-book-entry',
      oldestQueuedAt: waiting.queuedAt,
      targetMinutes: 10,
    });
    expect(ok(await send(supervisor, 'floor:get', {})).alerts).toContainEqual(alert);
    await new Promise((r) => setTimeout(r, 200)); // more checks: still one warning

    ok(await send(desk, 'counter:call-next', { counterId: 2 }));
    await onFloor.until(hasNo('wait-over-target'));
    await atDesk.until(hasNo('wait-over-target'));
    const about = logged.filter((l) => l.alert === 'wait-over-target');
    expect(about.map((l) => [l.level, l.msg])).toEqual([
      [40, 'alert raised'],
      [30, 'alert cleared'],
    ]);
  });

  it('raises an idle counter while its services have people waiting, and clears it at the next call', async () => {
    const supervisor = await consoleAs('supervisor', '5555');
    const onFloor = alertsOf(supervisor);
    const { client: desk } = await openCounter(t, 3, 'clerk3');
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    await issue(kiosk, 'birth-certificate');
    await new Promise((r) => setTimeout(r, 150));
    clock.advance(MINUTE_MS);
    await new Promise((r) => setTimeout(r, 150));
    expect(has('counter-idle')(onFloor.latest())).toBe(false);
    clock.advance(MINUTE_MS + 1);
    await onFloor.until(has('counter-idle'));
    expect(onFloor.latest().find((a) => a.kind === 'counter-idle')).toMatchObject({
      id: 'idle:3',
      counterNumber: 3,
      serviceIds: [
        'birth-certificate',
        'marriage-registration',
        'certified-copies',
        'criminal-record',
      ],
    });
    ok(await send(desk, 'counter:call-next', { counterId: 3 }));
    await onFloor.until(hasNo('counter-idle'));
  });

  it('transfers, cancels and closes from the floor, each with its audit row; a sign-out ends the clerk’s screens', async () => {
    const supervisor = await consoleAs('supervisor', '5555');
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const a = await issue(kiosk, 'family-book-entry');
    const b = await issue(kiosk, 'family-book-entry');
    const moved = ok(
      await send(supervisor, 'floor:transfer', {
        ticketId: a.id,
        toServiceId: 'residence-certificate',
        position: 'front',
      }),
    );
    expect(moved).toMatchObject({
      label: a.label,
      serviceId: 'residence-certificate',
      status: 'waiting',
      parentId: a.id,
    });
    const cancelled = ok(await send(supervisor, 'floor:cancel', { ticketId: b.id }));
    expect(cancelled.status).toBe('cancelled');

    const { client: desk } = await openCounter(t, 4, 'clerk4');
    const closed = ok(await send(supervisor, 'floor:close-counter', { counterId: 4 }));
    expect(closed).toMatchObject({ status: 'closed', staff: null });
    // The clerk no longer holds it: their next call is refused, not served at a closed counter.
    expect(refusal(await send(desk, 'counter:call-next', { counterId: 4 }))?.reason).toBe(
      'counter-not-open',
    );

    const { client: desk5 } = await openCounter(t, 5, 'clerk5');
    const gone = new Promise<string>((resolve) => desk5.once('disconnect', resolve));
    const clerk5 = (
      t.db.prepare("SELECT id FROM staff WHERE username = 'clerk5'").get() as { id: number }
    ).id;
    ok(await send(supervisor, 'floor:sign-out', { staffId: clerk5 }));
    expect(await gone).toBe('io server disconnect');
    const sessions = t.db
      .prepare('SELECT count(*) AS n FROM staff_sessions WHERE staff_id = ? AND revoked_at IS NULL')
      .get(clerk5) as { n: number };
    expect(sessions.n).toBe(0);
    expect(t.db.prepare('SELECT status FROM counters WHERE id = 5').get()).toEqual({
      status: 'closed',
    });

    const audit = t.db
      .prepare(
        `SELECT a.entity, a.entity_id, a.after, s.username FROM config_audit a
         JOIN staff s ON s.id = a.staff_id ORDER BY a.id`,
      )
      .all() as { entity: string; entity_id: string; after: string; username: string }[];
    expect(
      audit.map((r) => [r.entity, r.entity_id, JSON.parse(r.after).floor, r.username]),
    ).toEqual([
      ['ticket', String(a.id), 'transfer', 'supervisor'],
      ['ticket', String(b.id), 'cancel', 'supervisor'],
      ['counter', '4', 'close', 'supervisor'],
      ['staff', String(clerk5), 'sign-out', 'supervisor'],
    ]);
  });

  it('refuses what may not be done, says why, and leaves the database byte-identical', async () => {
    const supervisor = await consoleAs('supervisor', '5555');
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const waiting = await issue(kiosk, 'family-book-entry');
    const atDesk = await issue(kiosk, 'national-id-card');
    const { client: desk } = await openCounter(t, 1, 'clerk1');
    ok(await send(desk, 'counter:call-next', { counterId: 1 }));
    const manager = (
      t.db.prepare("SELECT id FROM staff WHERE username = 'manager'").get() as { id: number }
    ).id;
    // A clerk's login at the console is refused (roles.test.ts), so the floor asks for one.
    const clerkAtConsole = await connect(t, { role: 'console' });
    const clerkLogin = await send(clerkAtConsole.client, 'staff:login', {
      username: 'clerk2',
      pin: '1234',
    });
    expect(refusal(clerkLogin)?.code).toBe('forbidden');

    const before = hashAllTables(t.db);
    const cases: [() => Promise<Ack<unknown>>, string, string | undefined][] = [
      [() => send(supervisor, 'floor:cancel', { ticketId: atDesk.id }), 'conflict', 'status'],
      [() => send(supervisor, 'floor:reprint', { ticketId: waiting.id }), 'conflict', 'no-slip'],
      [() => send(supervisor, 'floor:cancel', { ticketId: 9_999 }), 'not-found', undefined],
      [
        () =>
          send(supervisor, 'floor:transfer', {
            ticketId: atDesk.id,
            toServiceId: 'certified-copies',
            position: 'back',
          }),
        'conflict',
        'status',
      ],
      [
        () =>
          send(supervisor, 'floor:transfer', {
            ticketId: waiting.id,
            toServiceId: 'no-such-service',
            position: 'back',
          }),
        'not-found',
        undefined,
      ],
      [() => send(supervisor, 'floor:close-counter', { counterId: 1 }), 'conflict', 'status'],
      [
        () => send(supervisor, 'floor:close-counter', { counterId: 2 }),
        'conflict',
        'counter-closed',
      ],
      [() => send(supervisor, 'floor:sign-out', { staffId: manager }), 'forbidden', undefined],
      [() => send(clerkAtConsole.client, 'floor:get', {}), 'unauthorized', 'login-required'],
      [() => send(desk, 'floor:get', {}), 'forbidden', undefined],
    ];
    // One after another: each is refused on the state the ones before it left.
    for (const [ask, code, reason] of cases) {
      const error = refusal(await ask());
      expect(error?.message.length).toBeGreaterThan(0);
      expect([error?.code, error?.reason]).toEqual([code, reason]);
    }
    const same = refusal(
      await send(supervisor, 'floor:transfer', {
        ticketId: waiting.id,
        toServiceId: 'family-book-entry',
        position: 'back',
      }),
    );
    expect(same?.fields).toEqual([{ path: 'toServiceId', issue: 'same-service' }]);
    expect(hashAllTables(t.db)).toBe(before);
  });

  it('finds a ticket by its number or its code and shows every step: what, where, who, when', async () => {
    const supervisor = await consoleAs('supervisor', '5555');
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const first = await issue(kiosk, 'national-id-card');
    const { client: desk } = await openCounter(t, 1, 'clerk1');
    ok(await send(desk, 'counter:call-next', { counterId: 1 }));
    ok(await send(desk, 'ticket:start', { ticketId: first.id }));
    const moved = ok(
      await send(desk, 'ticket:transfer', {
        ticketId: first.id,
        toServiceId: 'family-book-entry',
        position: 'front',
      }),
    );
    const typed = first.label.replace(/^([A-Z]+)0+/, '$1').toLowerCase(); // "c1" for C001
    const found = ok(
      await send(supervisor, 'floor:ticket-search', { query: typed, day: first.day }),
    );
    expect(found.map((h) => h.ticket.id)).toEqual([first.id, moved.id]);
    expect(found[0]?.steps.map((s) => [s.type, s.toStatus, s.counterNumber, s.staffName])).toEqual([
      ['issue', 'waiting', null, null],
      ['call', 'called', 1, CLERK1],
      ['start', 'serving', 1, CLERK1],
      ['transfer', 'transferred', 1, CLERK1],
    ]);
    expect(found[1]?.steps.map((s) => [s.type, s.counterNumber, s.staffName])).toEqual([
      ['issue', 1, CLERK1],
    ]);
    const byCode = ok(
      await send(supervisor, 'floor:ticket-search', { query: moved.code, day: '2000-01-01' }),
    );
    expect(byCode).toEqual(found);
    expect(
      ok(await send(supervisor, 'floor:ticket-search', { query: first.label, day: '2000-01-01' })),
    ).toEqual([]);
  });

  it('reads the floor from counts and indexes: no query scans the tickets or their events', () => {
    const plan = (sql: string) =>
      t.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x'))
        .map((r) => r.detail)
        .join('; ');
    const plans = Object.fromEntries(Object.entries(FLOOR_SQL).map(([k, sql]) => [k, plan(sql)]));
    expect(plans['today']).toMatch(
      /SEARCH tickets USING (COVERING )?INDEX (tickets_day_service|tickets_report) \(day=\?\)/,
    );
    // Each class's front is one index entry; `(service_id=?)` alone would read the whole service.
    expect(plans['oldest']).toMatch(
      /SEARCH tickets USING (COVERING )?INDEX tickets_waiting_class \(service_id=\? AND <expr>=\?\)/,
    );
    expect(plans['byLabel']).toMatch(/SEARCH tickets USING INDEX tickets_day_service \(day=\?\)/);
    expect(plans['steps']).toMatch(/SEARCH e USING INDEX ticket_events_ticket \(ticket_id=\?\)/);
    expect(plans['lastJob']).toMatch(/SEARCH print_jobs USING (COVERING )?INDEX print_jobs_ticket/);
    for (const [name, p] of Object.entries(plans)) {
      // queue_counts is one row per service; every other table is searched, never scanned.
      expect(p.replace(/SCAN queue_counts/, ''), name).not.toMatch(
        /\bSCAN (tickets|e|ticket_events)\b/,
      );
    }
  });
});
