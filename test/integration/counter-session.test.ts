/**
 * What the counter app needs from the hub beyond the lifecycle: a staff
 * session that survives a reload and a hub restart, today's figures, the
 * tickets held at counters, and a waiting list in the order call-next takes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  connect,
  dumpState,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  tempDir,
  type TestHub,
} from '../harness.js';
import { DEMO_CENTRE, type DemoCentre } from '../../hub/src/demo/centre-data.js';
import { SESSION_TTL_MS } from '../../hub/src/staff/staff-sessions.js';
import { manualClock } from '../../hub/src/clock.js';
import { callOrder } from '../../shared/domain/call-order.js';
import type { Snapshot } from '../../shared/protocol.js';

const CENTRE: DemoCentre = {
  ...DEMO_CENTRE,
  staff: DEMO_CENTRE.staff.filter((s) => ['clerk1', 'clerk2', 'manager'].includes(s.username)),
};
const TEN_AM = Date.UTC(2026, 10, 27, 3, 0); // 10:00 in Vientiane
const MINUTE_MS = 60_000;
const SESSION_ENDED = { ok: false, error: { code: 'unauthorized', reason: 'session-ended' } };

const hubs: TestHub[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function hub(opts: Parameters<typeof startHub>[0] = {}) {
  const h = await startHub({ centre: CENTRE, ...opts });
  hubs.push(h);
  return h;
}

describe('staff sessions', () => {
  it('hands out a random token at login, keeps only its hash, and resumes on a new connection', async () => {
    const t = await hub();
    const { client: first } = await connect(t, { role: 'counter' });
    const login = ok(await send(first, 'staff:login', { username: 'clerk1', pin: '1234' }));
    expect(login.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const again = ok(await send(first, 'staff:login', { username: 'clerk1', pin: '1234' }));
    expect(again.sessionToken).not.toBe(login.sessionToken);

    const stored = t.db.prepare('SELECT token_hash FROM staff_sessions').all();
    expect(JSON.stringify(stored)).not.toContain(login.sessionToken);
    const hash = createHash('sha256').update(login.sessionToken).digest('hex');
    expect(stored).toContainEqual({ token_hash: hash });

    // A reload: a new connection, no PIN.
    const { client: reloaded } = await connect(t, { role: 'counter' });
    const resumed = ok(await send(reloaded, 'staff:resume', { sessionToken: login.sessionToken }));
    expect(resumed.staff).toEqual(login.staff);
    expect(ok(await send(reloaded, 'counter:open', { counterId: 1 })).staff?.id).toBe(
      login.staff.id,
    );
  });

  it('keeps the session across a hub restart on the same data', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const before = await startHub({ centre: CENTRE, dataDir });
    const { client } = await openCounter(before, 2, 'clerk2');
    const kiosk = (await connect(before, { role: 'kiosk' })).client;
    const ticket = await issue(kiosk, 'family-book-entry');
    ok(await send(client, 'counter:call-next', { counterId: 2 }));
    const { client: other } = await connect(before, { role: 'counter' });
    const { sessionToken } = ok(
      await send(other, 'staff:login', { username: 'clerk2', pin: '1234' }),
    );
    await before.close();

    const after = await hub({ dataDir, seed: false });
    const { client: back, snapshot } = await connect(after, { role: 'counter' });
    ok(await send(back, 'staff:resume', { sessionToken }));
    ok(await send(back, 'counter:open', { counterId: 2 }));
    // The called citizen is still at the counter, and the clerk carries on.
    expect(snapshot.held?.map((x) => [x.id, x.status, x.priority])).toEqual([
      [ticket.id, 'called', 'none'],
    ]);
    expect(ok(await send(back, 'ticket:start', { ticketId: ticket.id })).status).toBe('serving');
  });

  it('ends the session at logout, at expiry, and when the account is deactivated', async () => {
    const clock = manualClock(TEN_AM);
    const t = await hub({ clock });
    const { client } = await connect(t, { role: 'counter' });
    const token = async (username = 'clerk1') =>
      ok(await send(client, 'staff:login', { username, pin: '1234' })).sessionToken;

    const loggedOut = await token();
    ok(await send(client, 'staff:logout', {}));
    const { client: fresh } = await connect(t, { role: 'counter' });
    const before = dumpState(t.db);
    expect(await send(fresh, 'staff:resume', { sessionToken: loggedOut })).toMatchObject(
      SESSION_ENDED,
    );
    expect(await send(fresh, 'staff:resume', { sessionToken: 'B'.repeat(43) })).toMatchObject(
      SESSION_ENDED,
    );
    // A refused resume leaves the connection logged out.
    expect(await send(fresh, 'counter:open', { counterId: 1 })).toMatchObject({
      ok: false,
      error: { reason: 'login-required' },
    });
    expect(dumpState(t.db)).toBe(before);

    const expiring = await token();
    clock.advance(SESSION_TTL_MS - 1);
    ok(await send(fresh, 'staff:resume', { sessionToken: expiring }));
    clock.advance(1);
    expect(await send(fresh, 'staff:resume', { sessionToken: expiring })).toMatchObject(
      SESSION_ENDED,
    );

    const deactivated = await token('clerk2');
    t.db.prepare("UPDATE staff SET active = 0 WHERE username = 'clerk2'").run();
    expect(await send(fresh, 'staff:resume', { sessionToken: deactivated })).toMatchObject(
      SESSION_ENDED,
    );
  });

  it("refuses a clerk's session on the console, as it refuses the clerk's PIN", async () => {
    const t = await hub();
    const { client: counter } = await connect(t, { role: 'counter' });
    const { sessionToken } = ok(
      await send(counter, 'staff:login', { username: 'clerk1', pin: '1234' }),
    );
    const { client: consoleClient } = await connect(t, { role: 'console' });
    expect(await send(consoleClient, 'staff:resume', { sessionToken })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe("today's figures", () => {
  it('counts served tickets, no-shows and the average service time per counter and per clerk', async () => {
    const clock = manualClock(TEN_AM);
    const t = await hub({ clock });
    const kiosk = (await connect(t, { role: 'kiosk' })).client;
    const { client: c1 } = await openCounter(t, 1, 'clerk1');
    const { client: c2 } = await openCounter(t, 2, 'clerk2');
    expect(ok(await send(c1, 'counter:stats', { counterId: 1 }))).toEqual({
      at: TEN_AM,
      counter: { served: 0, noShows: 0, avgServiceMs: null },
      staff: { served: 0, noShows: 0, avgServiceMs: null },
    });

    const serve = async (client: typeof c1, counterId: number, minutes: number) => {
      await issue(kiosk, 'family-book-entry');
      const called = ok(await send(client, 'counter:call-next', { counterId }));
      if (!called) throw new Error('nobody to call');
      ok(await send(client, 'ticket:start', { ticketId: called.id }));
      clock.advance(minutes * MINUTE_MS);
      ok(await send(client, 'ticket:complete', { ticketId: called.id }));
    };
    await serve(c1, 1, 4);
    await serve(c1, 1, 8);
    await serve(c2, 2, 10);
    await issue(kiosk, 'national-id-card');
    const missed = ok(await send(c1, 'counter:call-next', { counterId: 1 }));
    ok(await send(c1, 'ticket:no-show', { ticketId: missed?.id ?? 0 }));

    const one = ok(await send(c1, 'counter:stats', { counterId: 1 }));
    expect(one.counter).toEqual({ served: 2, noShows: 1, avgServiceMs: 6 * MINUTE_MS });
    expect(one.staff).toEqual(one.counter);
    const two = ok(await send(c2, 'counter:stats', { counterId: 2 }));
    expect(two.counter).toEqual({ served: 1, noShows: 0, avgServiceMs: 10 * MINUTE_MS });

    // clerk2 takes counter 1 over: the counter's figures stay, clerk2's are their own.
    ok(await send(c2, 'counter:open', { counterId: 1, takeOver: true }));
    const taken = ok(await send(c2, 'counter:stats', { counterId: 1 }));
    expect(taken.counter).toEqual(one.counter);
    expect(taken.staff).toEqual(two.counter);
    expect(await send(c2, 'counter:stats', { counterId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('what a counter snapshot holds', () => {
  it('lists the waiting tickets in the very order call-next takes them', async () => {
    const clock = manualClock(TEN_AM);
    const t = await hub({ clock });
    const kiosk = (await connect(t, { role: 'kiosk' })).client;
    const priorities = ['none', 'elderly', 'none', 'monk', 'none', 'none', 'pregnant', 'none'];
    for (const priority of priorities) {
      await issue(kiosk, 'residence-certificate', { priority: priority as 'none' });
      clock.advance(MINUTE_MS);
    }
    // Two normal calls already made today: the policy's count starts from there.
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    for (let i = 0; i < 2; i++) {
      const c = ok(await send(counter, 'counter:call-next', { counterId: 2 }));
      ok(await send(counter, 'ticket:start', { ticketId: c?.id ?? 0 }));
      ok(await send(counter, 'ticket:complete', { ticketId: c?.id ?? 0 }));
    }
    const snapshot: Snapshot = ok(await send(counter, 'queue:snapshot', {}));
    expect(snapshot.callPolicy).toEqual({
      priorityEvery: 2,
      sinceLastPriority: expect.objectContaining({ 'residence-certificate': 2 }),
    });
    const policy = snapshot.callPolicy;
    const predicted = callOrder({
      services: ['residence-certificate'],
      waiting: snapshot.waiting ?? [],
      now: clock.now(),
      targetWaitMs: () => 60 * MINUTE_MS,
      priorityEvery: policy?.priorityEvery ?? 0,
      sinceLastPriority: (s) => policy?.sinceLastPriority[s] ?? 0,
    }).map((x) => x.label);
    expect(predicted).toHaveLength(6);

    const actual: string[] = [];
    for (;;) {
      const c = ok(await send(counter, 'counter:call-next', { counterId: 2 }));
      if (!c) break;
      actual.push(c.label);
      ok(await send(counter, 'ticket:no-show', { ticketId: c.id }));
    }
    expect(actual).toEqual(predicted);
    expect(actual).not.toEqual([...actual].sort()); // priorities really were interleaved
  });

  it('holds the called, serving and parked tickets, never for public clients', async () => {
    const t = await hub();
    const kiosk = (await connect(t, { role: 'kiosk' })).client;
    const a = await issue(kiosk, 'family-book-entry', { priority: 'elderly' });
    const b = await issue(kiosk, 'family-book-entry');
    const { client: counter } = await openCounter(t, 1);
    ok(await send(counter, 'counter:call', { counterId: 1, ticketId: b.id }));
    ok(await send(counter, 'ticket:start', { ticketId: b.id }));
    ok(await send(counter, 'ticket:park', { ticketId: b.id }));
    ok(await send(counter, 'counter:call', { counterId: 1, ticketId: a.id }));
    const held = ok(await send(counter, 'queue:snapshot', {})).held;
    expect(held?.map((x) => [x.label, x.status, x.priority])).toEqual([
      ['F001', 'called', 'elderly'],
      ['F002', 'parked', 'none'],
    ]);
    for (const role of ['display', 'kiosk'] as const) {
      const { snapshot } = await connect(t, { role });
      expect(snapshot.held, role).toBeUndefined();
      expect(snapshot.callPolicy, role).toBeUndefined();
    }
  });

  it('keeps the reason of a transfer in the audit trail', async () => {
    const t = await hub();
    const kiosk = (await connect(t, { role: 'kiosk' })).client;
    const ticket = await issue(kiosk, 'family-book-entry');
    const { client: counter } = await openCounter(t, 1);
    ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    ok(await send(counter, 'ticket:start', { ticketId: ticket.id }));
    ok(
      await send(counter, 'ticket:transfer', {
        ticketId: ticket.id,
        toServiceId: 'certified-copies',
        position: 'front',
        reason: 'needs certified copies first',
      }),
    );
    const row = t.db
      .prepare("SELECT detail FROM ticket_events WHERE ticket_id = ? AND type = 'transfer'")
      .get(ticket.id);
    expect(row).toEqual({ detail: 'needs certified copies first' });
  });
});
