/**
 * Test harness: a real hub on 127.0.0.1 port 0 with a temporary SQLite file,
 * and real Socket.IO clients. Every integration test starts here.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { openDatabase, type Db } from '../hub/src/db/open.js';
import { createHub, runSetupMode, type Hub, type HubOptions } from '../hub/src/app.js';
import { seedCentre } from '../hub/src/demo/seed.js';
import { DEMO_CENTRE, type DemoCentre } from '../hub/src/demo/centre-data.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type RequestEvent,
  type RequestPayload,
  type ResponseData,
  type Role,
  type ServerToClientEvents,
  type Snapshot,
  type Ticket,
} from '../shared/protocol.js';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestHub {
  hub: Hub;
  db: Db;
  url: string;
  dataDir: string;
  clients: Client[];
  close(): Promise<void>;
}

export function tempDir(prefix = 'khiu-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startHub(
  opts: { centre?: DemoCentre; dataDir?: string; seed?: boolean; port?: number } & Omit<
    HubOptions,
    'db'
  > = {},
): Promise<TestHub> {
  const dataDir = opts.dataDir ?? tempDir();
  const db = openDatabase(join(dataDir, 'khiu.sqlite'));
  if (opts.seed !== false) seedCentre(db, opts.centre ?? DEMO_CENTRE, { sampleFees: true });
  const hub = createHub({ demo: true, ...opts, db });
  const url = await hub.listen(opts.port ?? 0, '127.0.0.1');
  const clients: Client[] = [];
  return {
    hub,
    db,
    url,
    dataDir,
    clients,
    async close() {
      for (const c of clients) c.disconnect();
      await hub.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SetupHub {
  /** Where the setup server listens (the hub goes on there). */
  url: string;
  /** Every setup address printed, newest last. */
  addresses: string[];
  /** The code in the newest address. */
  code(): string;
  db: Db;
  /** Resolves once setup is done with the hub serving on the same port, as main.ts does. */
  hub: Promise<TestHub>;
  /** Stops a setup that was never completed, and removes its data dir. */
  abandon(): Promise<void>;
}

/** A hub started on an empty data dir without --demo: in setup until its first manager exists. */
export async function startInSetup(
  opts: {
    triesPerMinute?: number;
    /** Built apps to serve (browser tests). */
    webRoot?: string;
    /** Let this machine's pages claim roles once set up (a browser test's kiosk has no token). */
    demoAfterSetup?: boolean;
  } = {},
): Promise<SetupHub> {
  const dataDir = tempDir();
  const db = openDatabase(join(dataDir, 'khiu.sqlite'));
  const addresses: string[] = [];
  const stop = new AbortController();
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (listening = resolve));
  const port = runSetupMode(
    {
      db,
      triesPerMinute: opts.triesPerMinute,
      ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
      signal: stop.signal,
      onAddress: (address) => {
        addresses.push(address);
        listening(new URL(address).origin);
      },
    },
    0,
    '127.0.0.1',
  );
  const hub = port.then(async (used) => {
    const h = createHub({
      db,
      demo: opts.demoAfterSetup ?? false,
      ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    });
    const hubUrl = await h.listen(used, '127.0.0.1');
    const clients: Client[] = [];
    return {
      hub: h,
      db,
      url: hubUrl,
      dataDir,
      clients,
      async close() {
        for (const c of clients) c.disconnect();
        await h.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    } satisfies TestHub;
  });
  hub.catch(() => undefined); // an abandoned setup never makes a hub; whoever awaits it hears why
  return {
    url: await url,
    addresses,
    code: () => new URL(addresses.at(-1) ?? '').searchParams.get('code') ?? '',
    db,
    hub,
    async abandon() {
      stop.abort();
      await port.catch(() => undefined);
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Connects a client and resolves with it and the snapshot the hub sends on connect. */
export function connect(
  t: Pick<TestHub, 'url' | 'clients'>,
  auth: { role?: Role; token?: string } = {},
): Promise<{ client: Client; snapshot: Snapshot }> {
  const client: Client = io(t.url, {
    transports: ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    reconnection: false,
    forceNew: true,
  });
  t.clients.push(client);
  return new Promise((resolve, reject) => {
    client.once('queue:snapshot', (snapshot) => resolve({ client, snapshot }));
    client.once('connect_error', reject);
  });
}

export function send<E extends RequestEvent>(
  client: Client,
  event: E,
  payload: RequestPayload<E>,
): Promise<Ack<ResponseData[E]>> {
  const emit = client.emitWithAck as (e: string, p: unknown) => Promise<Ack<ResponseData[E]>>;
  return emit.call(client, event, payload);
}

/** Sends anything at all, for tests of what the hub refuses. */
export function sendRaw(client: Client, event: string, payload: unknown): Promise<Ack<unknown>> {
  const emit = client.emitWithAck as (e: string, p: unknown) => Promise<Ack<unknown>>;
  return emit.call(client, event, payload);
}

/** The data of a successful ack; fails the test with the hub's error otherwise. */
export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

let requestCounter = 0;
export const newRequestId = () => `req-${process.pid}-${++requestCounter}-${Date.now()}`;

export async function issue(
  kiosk: Client,
  serviceId: string,
  extra: Partial<RequestPayload<'ticket:issue'>> = {},
) {
  return ok(
    await send(kiosk, 'ticket:issue', {
      serviceId,
      lang: 'lo',
      requestId: newRequestId(),
      ...extra,
    }),
  );
}

/** A counter client with a clerk logged in and `counterId` open. */
export async function openCounter(
  t: Pick<TestHub, 'url' | 'clients'>,
  counterId: number,
  username = 'clerk1',
  pin = '1234',
) {
  const { client, snapshot } = await connect(t, { role: 'counter' });
  ok(await send(client, 'staff:login', { username, pin }));
  ok(await send(client, 'counter:open', { counterId }));
  return { client, snapshot };
}

/**
 * A logical dump of every table, hashed: equal before and after means the database did not
 * change at all (the strictest "changes nothing").
 */
export function hashAllTables(db: Db): string {
  const tables = db
    .prepare<[], { name: string; wr: number }>(
      `SELECT name, sql LIKE '%WITHOUT ROWID%' AS wr FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all();
  const hash = createHash('sha256');
  for (const { name, wr } of tables) {
    const order = wr ? '1' : 'rowid';
    hash
      .update(name)
      .update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()));
  }
  return hash.digest('hex');
}

/** A full dump of the mutable tables, for "changes nothing" checks stricter than counts. */
export function dumpState(db: Db): string {
  return JSON.stringify(
    ['tickets', 'ticket_events', 'counters', 'counter_events', 'feedback', 'number_series'].map(
      (t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all(),
    ),
  );
}

type AnyQueueEvent = Parameters<ServerToClientEvents['queue:event']>[0];

/** Records every queue event a client receives from now on. */
export function recordEvents(client: Client) {
  const events: AnyQueueEvent[] = [];
  client.on('queue:event', (e) => events.push(e));
  return {
    events,
    /** Resolves with the first recorded event that matches, waiting up to `timeoutMs`. */
    waitFor(match: (e: AnyQueueEvent) => boolean, timeoutMs = 2000): Promise<AnyQueueEvent> {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          const found = events.find(match);
          if (found) return resolve(found);
          if (Date.now() - started > timeoutMs) return reject(new Error('event did not arrive'));
          setTimeout(poll, 5);
        };
        poll();
      });
    },
  };
}

export interface BusyCentre {
  kiosk: Client;
  display: Client;
  feedbackTablet: Client;
  console: Client;
  /** clerk1 at counter 1, holding `called`. */
  counter: Client;
  called: Ticket;
  waiting: Ticket;
  /** Served and finished at counter 2, so feedback on it would be accepted. */
  finished: Ticket;
}

/**
 * A centre mid-morning, for tests of what the hub refuses: a kiosk, a display, a feedback
 * tablet, a manager at the console, clerk1 at counter 1 holding a called ticket, one
 * ticket waiting and one finished.
 */
export async function busyCentre(t: TestHub): Promise<BusyCentre> {
  const { client: kiosk } = await connect(t, { role: 'kiosk' });
  const { client: display } = await connect(t, { role: 'display' });
  const { client: feedbackTablet } = await connect(t, { role: 'feedback' });
  const { client: consoleClient } = await connect(t, { role: 'console' });
  ok(await send(consoleClient, 'staff:login', { username: 'manager', pin: '9999' }));

  const finished = await issue(kiosk, 'family-book-entry');
  const { client: counter2 } = await openCounter(t, 2, 'clerk2');
  ok(await send(counter2, 'counter:call-next', { counterId: 2 }));
  ok(await send(counter2, 'ticket:start', { ticketId: finished.id }));
  ok(await send(counter2, 'ticket:complete', { ticketId: finished.id }));

  const called = await issue(kiosk, 'national-id-card');
  const waiting = await issue(kiosk, 'family-book-entry');
  const { client: counter } = await openCounter(t, 1, 'clerk1');
  expect(ok(await send(counter, 'counter:call-next', { counterId: 1 }))?.id).toBe(called.id);
  return {
    kiosk,
    display,
    feedbackTablet,
    console: consoleClient,
    counter,
    called,
    waiting,
    finished,
  };
}

/** A payload the hub would accept for each event, as the base the bad payloads are made from. */

/** A well-formed payload for every event, naming things the busy centre has (fresh requestIds). */
export function wellFormedPayloads(w: BusyCentre): {
  [E in RequestEvent]: () => RequestPayload<E>;
} {
  const ticketId = w.called.id;
  return {
    'queue:snapshot': () => ({}),
    'queue:waiting': () => ({ serviceId: 'birth-certificate', offset: 50 }),
    'ticket:issue': () => ({
      serviceId: 'birth-certificate',
      lang: 'lo',
      requestId: newRequestId(),
    }),
    'ticket:check-in': () => ({ code: 'ABCD-2345' }),
    'staff:login': () => ({ username: 'manager', pin: '9999' }),
    'staff:logout': () => ({}),
    'counter:open': () => ({ counterId: 3 }),
    'counter:call-next': () => ({ counterId: 1 }),
    'counter:call': () => ({ counterId: 1, ticketId: w.waiting.id }),
    'counter:complete-and-call-next': () => ({ counterId: 1, ticketId }),
    'ticket:recall': () => ({ ticketId }),
    'ticket:start': () => ({ ticketId }),
    'ticket:complete': () => ({ ticketId }),
    'ticket:no-show': () => ({ ticketId }),
    'ticket:park': () => ({ ticketId }),
    'ticket:resume': () => ({ ticketId }),
    'ticket:cancel': () => ({ ticketId: w.waiting.id }),
    'ticket:transfer': () => ({ ticketId, toServiceId: 'certified-copies', position: 'front' }),
    'counter:pause': () => ({ counterId: 1, reason: 'break' }),
    'counter:resume': () => ({ counterId: 1 }),
    'counter:close': () => ({ counterId: 1 }),
    'ticket:watch': () => ({ code: w.called.code }),
    'feedback:submit': () => ({ code: w.finished.code, score: 5 }),
    // Well-formed, but no session: the hub answers unauthorized and changes nothing.
    'staff:resume': () => ({ sessionToken: 'A'.repeat(43) }),
    'counter:stats': () => ({ counterId: 1 }),
    ...consolePayloads(),
    // The demo centre has no paired devices: renaming or revoking one is not-found.
    'device:pair-code': () => ({ role: 'kiosk', name: 'Kiosk by the door' }),
    'device:list': () => ({}),
    'hub:disk-space': () => ({}),
    'device:rename': () => ({ deviceId: 999, name: 'Kiosk 2', version: 1 }),
    'device:revoke': () => ({ deviceId: 999, version: 1 }),
    'device:display-services': () => ({
      deviceId: 999,
      serviceIds: ['birth-certificate'],
      version: 1,
    }),
    // The demo centre has no printer: saving one adds it, the others are not-found.
    'printer:list': () => ({}),
    'printer:save': () => ({
      printer: { name: 'Hall printer', uri: 'tcp://127.0.0.1:9', paperMm: 80, kioskDeviceId: null },
      version: null,
    }),
    'printer:remove': () => ({ printerId: 999, version: 1 }),
    'printer:test': () => ({ printerId: 999 }),
    'printer:jobs': () => ({ printerId: 999 }),
    'printer:reprint': () => ({ jobId: 999 }),
    'printer:drop': () => ({ jobId: 999 }),
    // The floor: the manager acts on the waiting ticket, counter 3 (closed) and clerk3.
    'floor:get': () => ({}),
    'floor:ticket-search': () => ({ query: w.waiting.label, day: w.waiting.day }),
    'floor:transfer': () => ({
      ticketId: w.waiting.id,
      toServiceId: 'certified-copies',
      position: 'back',
    }),
    'floor:cancel': () => ({ ticketId: w.waiting.id }),
    'floor:reprint': () => ({ ticketId: w.waiting.id }),
    'floor:close-counter': () => ({ counterId: 3 }),
    'floor:sign-out': () => ({ staffId: 3 }),
    // The demo centre has no API token or webhook: making one adds it, the rest are not-found.
    'api-token:list': () => ({}),
    'api-token:create': () => ({ token: { name: 'e-Government app', scopes: ['read', 'issue'] } }),
    'api-token:revoke': () => ({ tokenId: 999, version: 1 }),
    'webhook:list': () => ({}),
    'webhook:save': () => ({
      webhook: {
        name: 'SMS gateway',
        url: 'http://127.0.0.1:9/hook',
        events: ['ticket-called'],
        active: true,
      },
      version: null,
    }),
    'webhook:delete': () => ({ webhookId: 999, version: 1 }),
    'webhook:deliveries': () => ({}),
    'webhook:retry': () => ({ deliveryId: 999 }),
    'report:run': () => ({ range: { from: '2026-11-01', to: '2026-11-30' }, groupBy: 'service' }),
    'report:comments': () => ({ range: { from: '2026-11-01', to: '2026-11-30' } }),
    'report:comment-review': () => ({ feedbackId: 999, reviewed: true, version: 1 }),
    'report:tokens': () => ({}),
    'report:token-create': () => ({ name: 'MOHA' }),
    'report:token-revoke': () => ({ tokenId: 999, version: 1 }),
    // Nothing listens on port 9: the enrolment fails to reach central and changes nothing.
    'central:status': () => ({}),
    'central:enrol': () => ({ url: 'http://127.0.0.1:9', code: 'ABCD-EFGH' }),
    'central:sync': () => ({}),
    'central:map-service': () => ({
      serviceId: 'no-such-service',
      nationalCode: 'FB-ENTRY',
      version: 1,
    }),
  };
}

/** A service of the demo centre as the console would send it back (birth certificates). */
export const serviceInput = (
  patch: Partial<RequestPayload<'config:service-save'>['service']> = {},
): RequestPayload<'config:service-save'>['service'] => ({
  id: 'birth-certificate',
  ministryId: 'moha',
  prefix: 'B',
  name: { lo: 'ໃບແຈ້ງເກີດ', en: 'Birth certificate' },
  feeLak: 0,
  feeIsSample: true,
  feeRef: null,
  documents: { lo: ['ປຶ້ມສຳມະໂນຄົວ'], en: ['Family book'] },
  targetMinutes: 10,
  dailyCap: null,
  hours: [{ weekday: 1, opensMin: 480, closesMin: 960, lunchFromMin: 720, lunchToMin: 780 }],
  asksPriority: true,
  open: true,
  sort: 4,
  ...patch,
});

export const centreInput = (): RequestPayload<'config:centre-save'>['centre'] => ({
  name: { lo: 'ສູນບໍລິການປະຕູດຽວ', en: 'One-Door Service Centre' },
  province: { lo: 'ນະຄອນຫຼວງວຽງຈັນ', en: 'Vientiane Capital' },
  district: { lo: 'ຈັນທະບູລີ', en: 'Chanthabouly' },
  address: { lo: '', en: 'Samsenthai Road' },
  timeZone: 'Asia/Vientiane',
  publicUrl: null,
});

/** Well-formed console payloads (config and staff accounts) for the demo centre. */
function consolePayloads(): {
  [
    E in Extract<
      RequestEvent,
      `config:${string}` | 'staff:save' | 'staff:reset-pin' | 'staff:unlock' | 'staff:change-pin'
    >
  ]: () => RequestPayload<E>;
} {
  return {
    'config:get': () => ({}),
    'config:ministry-save': () => ({
      ministry: { id: 'moha', name: { lo: 'ກະຊວງພາຍໃນ', en: 'Home Affairs' }, sort: 0 },
      version: 1,
    }),
    'config:service-save': () => ({ service: serviceInput(), version: 1 }),
    'config:counter-save': () => ({
      counter: {
        id: 1,
        number: 1,
        name: { lo: 'ຕູ້ 1', en: 'Counter 1' },
        services: ['national-id-card'],
        active: true,
      },
      version: 1,
    }),
    'config:centre-save': () => ({ centre: centreInput(), version: 1 }),
    'config:fee-history': () => ({ serviceId: 'birth-certificate' }),
    'config:audit': () => ({}),
    'config:holiday-save': () => ({
      holiday: { day: '2026-12-02', name: { lo: 'ວັນຊາດ', en: 'National Day' } },
    }),
    'config:holiday-delete': () => ({ day: '2026-12-02' }),
    // Saved on version 7, which the settings never had: refused as stale, nothing changed.
    'config:booking-save': () => ({
      serviceId: 'birth-certificate',
      booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true },
      version: 7,
    }),
    'config:retention-save': () => ({ retention: { days: 60 }, version: 7 }),
    // Notice 999 does not exist: an update of it is not-found and changes nothing.
    'config:notice-save': () => ({
      notice: {
        id: 999,
        text: { lo: 'ແຈ້ງການ', en: 'Notice' },
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
      },
      version: 1,
    }),
    'config:notice-delete': () => ({ id: 999, version: 1 }),
    'staff:save': () => ({
      staff: {
        username: 'newclerk',
        name: 'New Clerk',
        role: 'clerk',
        counters: [1],
        active: true,
      },
      version: null,
    }),
    'staff:reset-pin': () => ({ staffId: 1 }),
    'staff:unlock': () => ({ staffId: 1 }),
    'staff:change-pin': () => ({ currentPin: '1234', newPin: '246810' }),
    // Well-formed as a request; the hub reads the file and refuses it (not a khiu-config).
    'config:export': () => ({}),
    'config:import-preview': () => ({ file: uploadOf('{}') }),
    'config:import-apply': () => ({ file: uploadOf('{}'), basisHash: '0'.repeat(64) }),
  };
}

/** A configuration file's text as the console sends it: gzip, then base64. */
export const uploadOf = (text: string) => ({
  gzipBase64: gzipSync(Buffer.from(text, 'utf8')).toString('base64'),
});
