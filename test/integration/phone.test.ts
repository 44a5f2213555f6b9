import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { manualClock } from '../../hub/src/clock.js';
import { SCHEMA_VERSION } from '../../hub/src/db/migrate.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import {
  backupFileName,
  backupNow,
  BACKUPS_KEPT,
  listBackups,
} from '../../hub/src/backup/backup.js';
import type { TicketView } from '../../shared/protocol.js';
import {
  connect,
  issue,
  ok,
  openCounter,
  recordEvents,
  send,
  startHub,
  tempDir,
  type Client,
  type TestHub,
} from '../harness.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const TEN_AM = Date.parse('2025-03-14T10:00:00+07:00');
// Counter 2 serves family-book-entry (F) first; the hub assumes 10 minutes a citizen until it has data.
const F = 'family-book-entry';
const UNKNOWN_CODE = 'NoSuchTicket0001';

/** Records the ticket:update pushes a phone receives. */
function recordUpdates(phone: Client) {
  const updates: TicketView[] = [];
  phone.on('ticket:update', (v) => updates.push(v));
  return {
    updates,
    async waitFor(match: (v: TicketView) => boolean, timeoutMs = 2000): Promise<TicketView> {
      const started = Date.now();
      for (;;) {
        const found = updates.find(match);
        if (found) return found;
        if (Date.now() - started > timeoutMs) throw new Error('ticket:update did not arrive');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

describe('a citizen on their phone', () => {
  let t: TestHub;
  let kiosk: Client;

  beforeEach(async () => {
    t = await startHub({ clock: manualClock(TEN_AM) });
    kiosk = (await connect(t, { role: 'kiosk' })).client;
  });
  afterEach(() => t.close());

  it('follows their ticket from waiting to called at counter 2 to done', async () => {
    const ahead1 = await issue(kiosk, F);
    const ahead2 = await issue(kiosk, F);
    const mine = await issue(kiosk, F, { lang: 'en' });
    const { client: counter } = await openCounter(t, 2, 'clerk2');

    const { client: phone } = await connect(t);
    const watched = ok(await send(phone, 'ticket:watch', { code: mine.code }));
    expect(watched).toMatchObject({
      code: mine.code,
      label: 'F003',
      status: 'waiting',
      lang: 'en',
      peopleAhead: 2,
      // One open counter serves F; 10 minutes each for the two ahead.
      estimatedWaitMs: 20 * MINUTE_MS,
      counter: null,
      service: { id: F, name: { en: 'Family book: new entry' } },
      feedbackGiven: false,
      // A walk-in: no time was booked.
      booking: null,
    });
    const pushes = recordUpdates(phone);

    ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    const oneAhead = await pushes.waitFor((v) => v.peopleAhead === 1);
    expect(oneAhead).toMatchObject({
      status: 'waiting',
      estimatedWaitMs: 10 * MINUTE_MS,
      counter: null,
    });

    ok(await send(counter, 'ticket:start', { ticketId: ahead1.id }));
    ok(await send(counter, 'ticket:complete', { ticketId: ahead1.id }));
    ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    expect(await pushes.waitFor((v) => v.peopleAhead === 0)).toMatchObject({ status: 'waiting' });
    ok(await send(counter, 'ticket:no-show', { ticketId: ahead2.id }));

    ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    const called = await pushes.waitFor((v) => v.status === 'called');
    expect(called).toMatchObject({
      label: 'F003',
      peopleAhead: null,
      estimatedWaitMs: null,
      counter: { id: 2, number: 2, name: { lo: 'ປ່ອງບໍລິການ 2', en: 'Counter 2' } },
      calledAt: TEN_AM,
    });

    ok(await send(counter, 'ticket:start', { ticketId: mine.id }));
    expect(await pushes.waitFor((v) => v.status === 'serving')).toMatchObject({
      counter: { number: 2 },
    });
    ok(await send(counter, 'ticket:complete', { ticketId: mine.id }));
    const done = await pushes.waitFor((v) => v.status === 'done');
    expect(done).toMatchObject({ finishedAt: TEN_AM, feedbackGiven: false, counter: null });
    // Every push was about this ticket, never another citizen's.
    expect(new Set(pushes.updates.map((v) => v.code))).toEqual(new Set([mine.code]));
  });

  it('hears only the public subset of queue events: no codes, no priorities, no staff', async () => {
    const { client: phone, snapshot } = await connect(t);
    expect(snapshot).not.toHaveProperty('waiting');
    // Only staff devices (counter, console) get full events; a console is the control here.
    const { client: staffConsole } = await connect(t, { role: 'console' });
    const publicEvents = recordEvents(phone);
    const fullEvents = recordEvents(staffConsole);

    const elderly = await issue(kiosk, F, { priority: 'elderly' });
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    ok(await send(counter, 'ticket:start', { ticketId: elderly.id }));
    const last = ok(await send(counter, 'ticket:complete', { ticketId: elderly.id }));
    await fullEvents.waitFor((e) => e.type === 'ticket-completed');
    await publicEvents.waitFor((e) => e.type === 'ticket-completed');

    // The phone heard of the same tickets and counters (its stream folds changes that come
    // close together, so maybe in fewer events)…
    const heard = (events: typeof fullEvents.events) => ({
      tickets: new Set(events.flatMap((e) => e.tickets.map((x) => x.id))),
      counters: new Set(events.flatMap((e) => e.counters.map((c) => c.id))),
    });
    expect(heard(publicEvents.events)).toEqual(heard(fullEvents.events));
    expect(publicEvents.events.length).toBeLessThanOrEqual(fullEvents.events.length);
    // …and the staff copy really had something to hide, so the checks below mean something.
    const fullTickets = fullEvents.events.flatMap((e) => e.tickets);
    expect(fullTickets).toContainEqual(
      expect.objectContaining({ code: elderly.code, priority: 'elderly' }),
    );
    expect(fullEvents.events.some((e) => e.counters.some((c) => c.staff !== null))).toBe(true);
    for (const e of publicEvents.events) {
      for (const x of e.tickets) {
        expect(x).not.toHaveProperty('code');
        expect(x).not.toHaveProperty('priority');
        expect(Object.keys(x).sort()).toEqual(['counterId', 'id', 'label', 'serviceId', 'status']);
      }
      for (const c of e.counters) expect(c.staff).toBeNull();
      expect(JSON.stringify(e)).not.toContain(elderly.code);
    }
    expect(last.status).toBe('done');
  });

  it('gives hall displays and kiosks the public subset too: no codes, priorities or staff', async () => {
    const { client: display, snapshot } = await connect(t, { role: 'display' });
    expect(snapshot).not.toHaveProperty('waiting');
    const seen = recordEvents(display);
    const mine = await issue(kiosk, F, { priority: 'pregnant' });
    const { client: counter } = await openCounter(t, 2, 'clerk2');
    ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    const called = await seen.waitFor((e) => e.type === 'ticket-called');
    expect(called.call).toMatchObject({ label: mine.label, counterNumber: 2 });
    expect(JSON.stringify(seen.events)).not.toContain(mine.code);
    expect(JSON.stringify(seen.events)).not.toContain('pregnant');
    for (const e of seen.events) for (const c of e.counters) expect(c.staff).toBeNull();
  });

  it('rates the service once, only after it is finished', async () => {
    const mine = await issue(kiosk, F);
    const { client: phone } = await connect(t);
    const early = await send(phone, 'feedback:submit', { code: mine.code, score: 5 });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'not-finished' } });

    const { client: counter } = await openCounter(t, 2, 'clerk2');
    ok(await send(counter, 'counter:call-next', { counterId: 2 }));
    ok(await send(counter, 'ticket:start', { ticketId: mine.id }));
    ok(await send(counter, 'ticket:complete', { ticketId: mine.id }));

    const answers = { waitingTime: 4, courtesy: 5, askedToPayMore: false, comment: 'ໄວດີ' };
    expect(await send(phone, 'feedback:submit', { code: mine.code, score: 4, answers })).toEqual({
      ok: true,
      data: {},
    });
    const again = await send(phone, 'feedback:submit', { code: mine.code, score: 1 });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'feedback-given' },
    });

    const stored = t.db.prepare('SELECT ticket_id, score, answers FROM feedback').all();
    expect(stored).toEqual([{ ticket_id: mine.id, score: 4, answers: JSON.stringify(answers) }]);
    expect(ok(await send(phone, 'ticket:watch', { code: mine.code })).feedbackGiven).toBe(true);
  });

  it('gets not-found for a code no ticket has', async () => {
    const { client: phone } = await connect(t);
    const watch = await send(phone, 'ticket:watch', { code: UNKNOWN_CODE });
    expect(watch).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const rate = await send(phone, 'feedback:submit', { code: UNKNOWN_CODE, score: 3 });
    expect(rate).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(t.db.prepare('SELECT count(*) AS n FROM feedback').get()).toEqual({ n: 0 });
  });
});

describe('REST API', () => {
  let t: TestHub;
  let kiosk: Client;

  beforeEach(async () => {
    t = await startHub({ clock: manualClock(TEN_AM) });
    kiosk = (await connect(t, { role: 'kiosk' })).client;
  });
  afterEach(() => t.close());

  const get = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);

  it('GET /api/v1/health says the hub is up and which schema it runs', async () => {
    const res = await get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({
      ok: true,
      schemaVersion: SCHEMA_VERSION,
      day: '2025-03-14',
    });
  });

  it('GET /api/v1/snapshot is the public snapshot: no waiting list, no staff, both languages', async () => {
    await issue(kiosk, F, { priority: 'pregnant' });
    await openCounter(t, 2, 'clerk2'); // a clerk is logged in: their name must not leak
    const res = await get('/api/v1/snapshot');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & {
      centre: { name: { lo: string; en: string }; notices: { lo: string; en: string }[] };
      counters: { id: number; status: string; staff: unknown }[];
      services: { id: string; waiting: number }[];
    };
    expect(body).not.toHaveProperty('waiting');
    expect(body.centre.name).toEqual(DEMO_CENTRE.name);
    expect(body.centre.name.lo).toMatch(/[\u0E80-\u0EFF]/); // Lao script
    // The centre's notices for its hall displays, from its settings, in both languages.
    expect(body.centre.notices).toEqual(DEMO_CENTRE.notices);
    expect(body.centre.notices.length).toBeGreaterThan(0);
    expect(body.counters.find((c) => c.id === 2)?.status).toBe('open');
    expect(body.counters.every((c) => c.staff === null)).toBe(true);
    expect(body.services.find((s) => s.id === F)?.waiting).toBe(1);
    const text = JSON.stringify(body);
    expect(text).not.toContain('Khamphet'); // clerk2's name
    expect(text).not.toContain('pregnant');
  });

  it('GET /api/v1/tickets/<code> shows one ticket; an unknown code is a 404 JSON error', async () => {
    const ticket = await issue(kiosk, F);
    const res = await get(`/api/v1/tickets/${ticket.code}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      code: ticket.code,
      label: 'F001',
      status: 'waiting',
      peopleAhead: 0,
    });

    for (const code of [UNKNOWN_CODE, 'x', '..%2F..%2Fetc']) {
      const missing = await get(`/api/v1/tickets/${code}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await missing.json()).toMatchObject({ error: { code: 'not-found' } });
    }
  });

  it('answers 404 to an unknown route and 405 to a POST', async () => {
    const unknown = await get('/api/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found' } });

    const before = t.db.prepare('SELECT count(*) AS n FROM tickets').get();
    const post = await get('/api/v1/tickets/abcdefgh', {
      method: 'POST',
      body: JSON.stringify({ serviceId: F }),
      headers: { 'content-type': 'application/json' },
    });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect((await get('/api/v1/health', { method: 'POST' })).status).toBe(405);
    expect(t.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual(before);
  });

  it('survives a ticket path that does not decode, and keeps serving', async () => {
    const bad = await get('/api/v1/tickets/%E0%A4%A');
    expect(bad.status).toBe(404);
    expect(await bad.json()).toMatchObject({ error: { code: 'not-found' } });
    expect((await get('/api/v1/health')).status).toBe(200);
  });
});

describe('backups', () => {
  let t: TestHub;
  const dirs: string[] = [];

  beforeEach(async () => {
    t = await startHub({ clock: manualClock(TEN_AM) });
  });
  afterEach(async () => {
    await t.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a readable SQLite copy with the tickets in it', async () => {
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const tickets = [await issue(kiosk, F), await issue(kiosk, F)];
    const dir = tempDir('khiu-backup-');
    dirs.push(dir);

    const file = await backupNow(t.db, dir, manualClock(TEN_AM));
    expect(basename(file)).toBe(backupFileName(TEN_AM));
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT code, label FROM tickets ORDER BY id').all()).toEqual(
        tickets.map((x) => ({ code: x.code, label: x.label })),
      );
      expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      copy.close();
    }
  });

  it(`keeps only the newest ${BACKUPS_KEPT}`, async () => {
    const dir = tempDir('khiu-backup-');
    dirs.push(dir);
    const clock = manualClock(TEN_AM);
    const taken: string[] = [];
    for (let day = 0; day < BACKUPS_KEPT + 4; day++) {
      taken.push(basename(await backupNow(t.db, dir, clock)));
      clock.advance(DAY_MS);
    }
    expect(new Set(taken).size).toBe(BACKUPS_KEPT + 4);
    expect(listBackups(dir)).toEqual(taken.slice(-BACKUPS_KEPT));
  });
});
