import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  connect,
  dumpState,
  issue,
  newRequestId,
  ok,
  openCounter,
  send,
  sendRaw,
  startHub,
  type Client,
  type TestHub,
  busyCentre,
  type BusyCentre,
  wellFormedPayloads,
} from '../harness.js';
import { DEMO_CENTRE, type DemoCentre } from '../../hub/src/demo/centre-data.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { manualClock, systemClock } from '../../hub/src/clock.js';
import {
  EVENT_ROLES,
  PROTOCOL_VERSION,
  RequestSchemas,
  ROLES,
  type RequestEvent,
  type Role,
} from '../../shared/protocol.js';

// DESIGN.md "Protocol" and "Security": the handshake fixes a client's role, every event is
// checked against the role × event matrix, staff log in with a PIN (wrong ones slow the guesser,
// test/integration/login-throttle.test.ts), and
// phones are rate-limited.

/** The demo centre with few staff (fast to seed); `trainee` gets no counters in some tests. */
const CENTRE: DemoCentre = {
  ...DEMO_CENTRE,
  staff: [
    ...DEMO_CENTRE.staff.filter((s) => ['clerk1', 'clerk2', 'manager'].includes(s.username)),
    { username: 'trainee', name: 'Noy Trainee', role: 'clerk', pin: '4321' },
  ],
};

const EVENTS = Object.keys(RequestSchemas) as RequestEvent[];
const mayNotSend = (role: Role, event: RequestEvent) =>
  !(EVENT_ROLES[event] as readonly Role[]).includes(role);

/** Everything a refused request must leave alone, the staff accounts included. */
function state(t: TestHub): string {
  const staff = t.db
    .prepare('SELECT id, pin_hash, pin_must_change, active, version FROM staff ORDER BY id')
    .all();
  return dumpState(t.db) + JSON.stringify(staff);
}

/** Connects with any handshake at all; resolves 'connected' or 'refused: <message>'. */
function handshake(t: TestHub, auth: Record<string, unknown>): Promise<string> {
  const client: Client = io(t.url, {
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
  });
  t.clients.push(client);
  return new Promise((resolve) => {
    client.once('queue:snapshot', () => resolve('connected'));
    client.once('connect_error', (err) => resolve(`refused: ${err.message}`));
  });
}

const staffIdOf = (t: TestHub, username: string) =>
  (t.db.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: number }).id;

describe('the role × event matrix (demo hub, loopback roles)', () => {
  let t: TestHub;
  let w: BusyCentre;

  beforeEach(async () => {
    t = await startHub({ centre: CENTRE });
    w = await busyCentre(t);
  });
  afterEach(() => t.close());

  it('refuses every role every event it may not send, and changes nothing', async () => {
    const payloads = wellFormedPayloads(w);
    const clients: Record<Role, Client> = {
      kiosk: w.kiosk,
      counter: w.counter,
      console: w.console,
      display: (await connect(t, { role: 'display' })).client,
      feedback: (await connect(t, { role: 'feedback' })).client,
      public: (await connect(t)).client,
    };
    const before = state(t);
    const wrong: string[] = [];
    let checked = 0;
    /** A phone's allowance is 20 requests at once: a fresh phone every 15 keeps refusals about roles. */
    const PHONE_BURST = 15;
    for (const role of ROLES) {
      let sentByRole = 0;
      for (const event of EVENTS.filter((e) => mayNotSend(role, e))) {
        checked++;
        if (role === 'public' && ++sentByRole % PHONE_BURST === 0) {
          clients.public = (await connect(t)).client;
          // The address's own allowance (PUBLIC_ADDRESS_BURST) refills at 15 a second.
          if (sentByRole % (PHONE_BURST * 2) === 0) await new Promise((r) => setTimeout(r, 1_100));
        }
        const ack = await sendRaw(clients[role], event, payloads[event]());
        if (ack.ok || ack.error.code !== 'forbidden') {
          wrong.push(`${role} ${event} → ${JSON.stringify(ack)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // 79 kiosk + 60 counter + 81 display + 80 feedback + 16 console + 80 public
    expect(checked).toBe(396);
    expect(state(t)).toBe(before);

    // A refusal does not cost a client its connection or its own rights.
    for (const role of ROLES) {
      expect(clients[role].connected, role).toBe(true);
      expect(ok(await send(clients[role], 'queue:snapshot', {})).waiting === undefined).toBe(
        role !== 'counter' && role !== 'console',
      );
    }
    expect(ok(await send(w.counter, 'ticket:start', { ticketId: w.called.id })).status).toBe(
      'serving',
    );
  });

  it('asks for a staff login before any counter work, and again after logout', async () => {
    const payloads = wellFormedPayloads(w);
    const counterWork = EVENTS.filter(
      (e) =>
        !mayNotSend('counter', e) &&
        ![
          'queue:snapshot',
          'queue:waiting',
          'staff:login',
          'staff:resume',
          'staff:logout',
          'ticket:watch',
        ].includes(e),
    );
    expect(counterWork).toHaveLength(17); // the 16 desk events and staff:change-pin

    const { client: anonymous } = await connect(t, { role: 'counter' });
    const { client: loggedOut } = await openCounter(t, 3, 'clerk2');
    ok(await send(loggedOut, 'staff:logout', {}));
    const before = state(t);
    for (const client of [anonymous, loggedOut]) {
      for (const event of counterWork) {
        const ack = await sendRaw(client, event, payloads[event]());
        expect(ack, event).toMatchObject({
          ok: false,
          error: { code: 'unauthorized', reason: 'login-required' },
        });
      }
    }
    // A console needs its supervisor or manager logged in too.
    const { client: consoleClient } = await connect(t, { role: 'console' });
    const consoleWork = EVENTS.filter(
      (e) =>
        !mayNotSend('console', e) &&
        ![
          'queue:snapshot',
          'queue:waiting',
          'staff:login',
          'staff:resume',
          'staff:logout',
          'ticket:watch',
        ].includes(e),
    );
    // ticket:issue, :check-in and :cancel, 13 config, 4 staff, 5 device, 3 export and import,
    // disk space, 7 printer, 7 floor, 3 API token, 5 webhook, 6 report, 4 central
    expect(consoleWork).toHaveLength(61);
    for (const event of consoleWork) {
      const ack = await sendRaw(consoleClient, event, payloads[event]());
      expect(ack, event).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', reason: 'login-required' },
      });
    }
    expect(state(t)).toBe(before);
  });

  it('lets a clerk open only the counters they are allowed at, re-read on every request', async () => {
    t.db.prepare('DELETE FROM staff_counters WHERE staff_id = ?').run(staffIdOf(t, 'trainee'));
    const { client: trainee } = await connect(t, { role: 'counter' });
    const { staff } = ok(await send(trainee, 'staff:login', { username: 'trainee', pin: '4321' }));
    expect(staff.counters).toEqual([]);

    const before = state(t);
    for (const counterId of [1, 3, 8]) {
      const ack = await send(trainee, 'counter:open', { counterId });
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'forbidden', reason: 'not-allowed-at-counter' },
      });
    }
    // Nor may they work at a counter someone else opened.
    const call = await send(trainee, 'counter:call', { counterId: 1, ticketId: w.waiting.id });
    expect(call.ok).toBe(false);
    expect(state(t)).toBe(before);

    // A manager takes counter 5 away from clerk2 while clerk2 is logged in: it applies at once.
    const { client: clerk2 } = await connect(t, { role: 'counter' });
    ok(await send(clerk2, 'staff:login', { username: 'clerk2', pin: '1234' }));
    t.db
      .prepare('DELETE FROM staff_counters WHERE staff_id = ? AND counter_id = 5')
      .run(staffIdOf(t, 'clerk2'));
    const open5 = await send(clerk2, 'counter:open', { counterId: 5 });
    expect(open5).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(await send(clerk2, 'counter:open', { counterId: 6 })).status).toBe('open');

    // A deactivated account stops working at once.
    t.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(staffIdOf(t, 'clerk2'));
    const afterDeactivation = await send(clerk2, 'counter:call-next', { counterId: 6 });
    expect(afterDeactivation).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'login-required' },
    });
  });

  it('refuses a clerk at the console', async () => {
    const { client: consoleClient } = await connect(t, { role: 'console' });
    const before = state(t);
    const login = await send(consoleClient, 'staff:login', { username: 'clerk1', pin: '1234' });
    expect(login).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The refused login left the console logged out.
    const cancel = await send(consoleClient, 'ticket:cancel', { ticketId: w.waiting.id });
    expect(cancel).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'login-required' },
    });
    expect(state(t)).toBe(before);

    ok(await send(consoleClient, 'staff:login', { username: 'manager', pin: '9999' }));
    expect(ok(await send(consoleClient, 'ticket:cancel', { ticketId: w.waiting.id })).status).toBe(
      'cancelled',
    );
  });
});

describe('the handshake without --demo', () => {
  let t: TestHub;

  beforeEach(async () => {
    t = await startHub({ centre: CENTRE, demo: false });
  });
  afterEach(() => t.close());

  it('refuses a claimed role without a token, and treats a client without one as public', async () => {
    for (const role of ROLES.filter((r) => r !== 'public')) {
      await expect(connect(t, { role }), role).rejects.toThrow(/unauthorized/);
    }
    for (const auth of [{}, { role: 'public' as const }]) {
      const { client: phone, snapshot } = await connect(t, auth);
      expect(snapshot.waiting).toBeUndefined();
      const issueAck = await send(phone, 'ticket:issue', {
        serviceId: 'birth-certificate',
        lang: 'lo',
        requestId: newRequestId(),
      });
      expect(issueAck).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const login = await send(phone, 'staff:login', { username: 'manager', pin: '9999' });
      expect(login).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('gives a paired device the role of its token, and refuses unknown and revoked tokens', async () => {
    const kioskDevice = addDevice(t.db, systemClock, 'kiosk', 'Kiosk by the door');
    const counterDevice = addDevice(t.db, systemClock, 'counter', 'Counter 1 PC');

    const { client: kiosk, snapshot } = await connect(t, { token: kioskDevice.token });
    expect(snapshot.waiting).toBeUndefined();
    const ticket = await issue(kiosk, 'family-book-entry');
    const audit = t.db
      .prepare("SELECT device_id FROM ticket_events WHERE ticket_id = ? AND type = 'issue'")
      .get(ticket.id);
    expect(audit).toEqual({ device_id: kioskDevice.id });

    // The token fixes the role: opening it in another role's app is refused, and says whose it is.
    await expect(connect(t, { token: kioskDevice.token, role: 'console' })).rejects.toMatchObject({
      message: 'forbidden: this token belongs to a kiosk',
      data: { code: 'forbidden', reason: 'wrong-app', role: 'kiosk' },
    });
    const { client: sameRole } = await connect(t, { token: kioskDevice.token, role: 'kiosk' });
    expect(sameRole.connected).toBe(true);

    const { client: counter, snapshot: counterSnapshot } = await connect(t, {
      token: counterDevice.token,
    });
    expect(counterSnapshot.waiting?.map((x) => x.id)).toEqual([ticket.id]);
    ok(await send(counter, 'staff:login', { username: 'clerk1', pin: '1234' }));
    ok(await send(counter, 'counter:open', { counterId: 1 }));
    expect(ok(await send(counter, 'counter:call-next', { counterId: 1 }))?.id).toBe(ticket.id);

    await expect(
      connect(t, { token: 'not-a-token-anyone-was-given-0123456789abc' }),
    ).rejects.toThrow(/unauthorized/);
    await expect(connect(t, { token: kioskDevice.token.slice(0, -1) })).rejects.toThrow(
      /unauthorized/,
    );
    t.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(Date.now(), kioskDevice.id);
    await expect(connect(t, { token: kioskDevice.token })).rejects.toThrow(/unauthorized/);
  });

  it('refuses a client that speaks another protocol version or sends a malformed handshake', async () => {
    expect(await handshake(t, { protocol: PROTOCOL_VERSION })).toBe('connected');
    for (const auth of [
      {},
      { protocol: PROTOCOL_VERSION + 1 },
      { protocol: 0 },
      { protocol: String(PROTOCOL_VERSION) },
      { protocol: PROTOCOL_VERSION, role: 'admin' },
      { protocol: PROTOCOL_VERSION, token: '' },
      { protocol: PROTOCOL_VERSION, token: 'x'.repeat(201) },
    ]) {
      expect(await handshake(t, auth), JSON.stringify(auth)).toMatch(/^refused: invalid-request/);
    }
  });
});

describe('rate limits (manual clock)', () => {
  const START = Date.UTC(2025, 4, 14, 2, 0); // 09:00 in Vientiane, a Wednesday
  let t: TestHub;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    clock = manualClock(START);
    t = await startHub({ centre: CENTRE, clock });
  });
  afterEach(() => t.close());

  it('rate-limits a phone that floods ticket:watch, without slowing anyone else', async () => {
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const ticket = await issue(kiosk, 'birth-certificate');
    const watch = (client: Client) => send(client, 'ticket:watch', { code: ticket.code });

    const { client: phone } = await connect(t);
    const flood = await Promise.all(Array.from({ length: 30 }, () => watch(phone)));
    const answered = flood.filter((a) => a.ok).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(30);
    // Requests are answered in order: the burst first, then nothing but refusals.
    expect(flood.slice(0, answered).every((a) => a.ok)).toBe(true);
    expect(flood.slice(answered)).toEqual(
      flood
        .slice(answered)
        .map(() => ({ ok: false, error: expect.objectContaining({ code: 'rate-limited' }) })),
    );
    expect(phone.connected).toBe(true);

    // Another phone, and a hall display, are not held back by the flood.
    const { client: otherPhone } = await connect(t);
    expect(ok(await watch(otherPhone)).label).toBe('B001');
    const { client: display } = await connect(t, { role: 'display' });
    const displayAcks = await Promise.all(Array.from({ length: 40 }, () => watch(display)));
    expect(displayAcks.every((a) => a.ok)).toBe(true);

    // Time refills the phone's allowance, a little at a time.
    expect(await watch(phone)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    clock.advance(1000);
    const refilled = await Promise.all(Array.from({ length: 10 }, () => watch(phone)));
    const again = refilled.filter((a) => a.ok).length;
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThan(10);
  });
});

describe('one clerk on several screens', () => {
  it('logs in at once from 8 screens without counting any as a wrong PIN', async () => {
    const t = await startHub({ centre: CENTRE });
    try {
      const screens = await Promise.all(
        Array.from({ length: 8 }, () => connect(t, { role: 'counter' })),
      );
      const acks = await Promise.all(
        screens.map(({ client }) =>
          send(client, 'staff:login', { username: 'clerk1', pin: '1234' }),
        ),
      );
      expect(acks.every((a) => a.ok)).toBe(true);
      // None counted as wrong: the very next wrong PIN is still one of the free ones.
      const { client } = screens[0]!;
      expect(await send(client, 'staff:login', { username: 'clerk1', pin: '0000' })).toMatchObject({
        ok: false,
        error: { reason: 'bad-credentials' },
      });
    } finally {
      await t.close();
    }
  });
});
