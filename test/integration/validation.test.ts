import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connect,
  dumpState,
  issue,
  ok,
  openCounter,
  recordEvents,
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
import {
  RequestSchemas,
  type Ack,
  type RequestEvent,
  type RequestPayload,
} from '../../shared/protocol.js';

// DESIGN.md "Reliability": every input is validated at the hub; a malformed event gets
// `invalid-request`, changes nothing, and the hub keeps serving.

/** The demo centre with fewer staff, so seeding hashes fewer PINs. */
const CENTRE: DemoCentre = {
  ...DEMO_CENTRE,
  staff: DEMO_CENTRE.staff.filter((s) => ['clerk1', 'clerk2', 'manager'].includes(s.username)),
};

/** Emit with no payload argument at all (only the ack). */
const NO_PAYLOAD = Symbol('no payload');

function sendAnything(client: Client, event: string, payload: unknown): Promise<Ack<unknown>> {
  if (payload !== NO_PAYLOAD) return sendRaw(client, event, payload);
  const emit = client.emitWithAck as (e: string) => Promise<Ack<unknown>>;
  return emit.call(client, event);
}

/** Everything a refused request must leave alone, the staff accounts included. */
function state(t: TestHub): string {
  const staff = t.db
    .prepare('SELECT id, pin_hash, pin_must_change, active, version FROM staff ORDER BY id')
    .all();
  return dumpState(t.db) + JSON.stringify(staff);
}

const describeValue = (v: unknown) =>
  v === NO_PAYLOAD ? 'no payload' : (JSON.stringify(v)?.slice(0, 60) ?? String(v));

/** Who sends each event: a client whose role may send it, so the refusal is about the payload. */
function senderOf(w: BusyCentre, event: RequestEvent): Client {
  switch (event) {
    case 'ticket:issue':
    case 'ticket:check-in':
      return w.kiosk;
    case 'ticket:watch':
      return w.display;
    case 'feedback:submit':
      return w.feedbackTablet;
    case 'queue:snapshot':
      return w.kiosk;
    case 'floor:get':
    case 'floor:ticket-search':
    case 'floor:transfer':
    case 'floor:cancel':
    case 'floor:reprint':
    case 'floor:close-counter':
    case 'floor:sign-out':
    case 'config:get':
    case 'config:ministry-save':
    case 'config:service-save':
    case 'config:counter-save':
    case 'config:centre-save':
    case 'config:fee-history':
    case 'config:audit':
    case 'config:holiday-save':
    case 'config:holiday-delete':
    case 'config:booking-save':
    case 'config:retention-save':
    case 'config:export':
    case 'config:import-preview':
    case 'config:import-apply':
    case 'staff:save':
    case 'device:pair-code':
    case 'device:list':
    case 'device:rename':
    case 'device:revoke':
    case 'hub:disk-space':
    case 'device:display-services':
    case 'config:notice-save':
    case 'config:notice-delete':
    case 'printer:list':
    case 'printer:save':
    case 'printer:remove':
    case 'printer:test':
    case 'printer:jobs':
    case 'printer:reprint':
    case 'printer:drop':
    case 'api-token:list':
    case 'api-token:create':
    case 'api-token:revoke':
    case 'webhook:list':
    case 'webhook:save':
    case 'webhook:delete':
    case 'webhook:deliveries':
    case 'webhook:retry':
    case 'central:status':
    case 'central:enrol':
    case 'central:sync':
    case 'central:map-service':
    case 'staff:reset-pin':
    case 'staff:unlock':
    case 'report:run':
    case 'report:comments':
    case 'report:comment-review':
    case 'report:tokens':
    case 'report:token-create':
    case 'report:token-revoke':
      return w.console;
    default:
      return w.counter;
  }
}

const BAD_IDS: unknown[] = [0, -1, 1.5, -2.5, 2 ** 53, 1e300, Number.NaN, '1', null, true, [1], {}];
const BAD_CODES: unknown[] = [
  '',
  'abcdefg', // 7 characters: too short
  'a'.repeat(33),
  'bad code!',
  'abcd/../efgh',
  'abcdefgh\u0000',
  'ຄິວຄິວຄິວຄິວ',
  12345678,
  null,
];
const tooLong = (n: number) => 'x'.repeat(n + 1);

type Payload = Record<string, unknown>;
const withField = (valid: Payload, key: string, values: readonly unknown[]) =>
  values.map((v) => ({ ...valid, [key]: v }));
function without(valid: Payload, key: string): Payload {
  const copy = { ...valid };
  delete copy[key];
  return copy;
}

/** A printer's address, paper, kiosk and name, each wrong in the ways a person might. */
function printerCases(v: Payload): unknown[] {
  const printer = v['printer'] as Payload;
  const bad = (key: string, values: readonly unknown[]) =>
    withField(printer, key, values).map((p) => ({ ...v, printer: p }));
  return [
    ...bad('uri', ['', 'lpt1', 'http://printer', 'tcp://', 'serial:COM3', 'usblp:/tmp/x', 5]),
    ...bad('uri', ['serial:/dev/ttyUSB0?baud=1234', 'tcp://h:9100/path', tooLong(200)]),
    ...bad('paperMm', [57, 80.5, '80', 0, null]),
    ...bad('kioskDeviceId', [0, -1, '1', undefined]),
    ...bad('name', ['', '  ', tooLong(80), '<b>P</b>', null]),
    { ...v, printer: { ...printer, uri: 'station', kioskDeviceId: null } },
    { ...v, printer: { ...printer, colour: 'red' } },
    without(v, 'version'),
  ];
}

/** Bad payloads specific to each event's fields. */
function fieldCases(event: RequestEvent, v: Payload): unknown[] {
  switch (event) {
    case 'queue:snapshot':
    case 'staff:logout':
    case 'config:get':
      return [{ all: true }];
    case 'config:ministry-save':
    case 'config:service-save':
    case 'config:counter-save':
    case 'config:centre-save':
    case 'staff:save':
      return consoleCases(event, v);
    case 'config:fee-history':
      return withField(v, 'serviceId', ['', 'Birth Certificate', tooLong(40), 3, null]);
    case 'config:audit':
      return [
        ...withField(v, 'limit', [0, 501, 1.5, '10', null]),
        ...withField(v, 'entity', [tooLong(40), 5]),
        ...withField(v, 'entityId', [tooLong(64), 5]),
      ];
    case 'device:list':
    case 'hub:disk-space':
      return [{ all: true }];
    case 'config:holiday-save':
      return [
        { holiday: { day: '2026-13-45x', name: { lo: 'ວັນ', en: 'Day' } } },
        { holiday: { day: '2026-12-02', name: { lo: '', en: 'Day' } } },
        { holiday: { day: '2026-12-02', name: { lo: '<b>ວັນ</b>', en: 'Day' } } },
        { holiday: { day: '2026-12-02' } },
        {},
      ];
    case 'config:holiday-delete':
      return withField(v, 'day', ['', '2 Dec', 20261202, null]);
    case 'ticket:check-in':
      return withField(v, 'code', [
        '',
        'ABC',
        'ABCD-23456',
        'AB CD 2345',
        'ABCD/2345',
        12345678,
        null,
      ]);
    case 'config:booking-save': {
      const booking = v['booking'] as Payload;
      const bad = (key: string, values: readonly unknown[]) =>
        withField(booking, key, values).map((b) => ({ ...v, booking: b }));
      return [
        ...bad('slotMinutes', [4, 241, 30.5, '30', null]),
        ...bad('perSlot', [0, 51, null]),
        ...bad('daysAhead', [-1, 61]),
        ...bad('earlyMinutes', [-1, 121]),
        ...bad('lateMinutes', [121, 'ten']),
        ...bad('bookable', ['yes', null]),
        ...withField(v, 'serviceId', ['', 'Birth Certificate', null]),
        ...withField(v, 'version', [0, '1']),
      ];
    }
    case 'config:retention-save':
      return [
        ...withField(v, 'retention', [{ days: 0 }, { days: 366 }, { days: 1.5 }, {}, null]),
        ...withField(v, 'version', [0, null]),
      ];
    case 'config:export':
      return [{ all: true }];
    case 'config:import-preview':
    case 'config:import-apply': {
      const files = [
        { gzipBase64: '' },
        { gzipBase64: 'not base64!' },
        { gzipBase64: 'A'.repeat(61 * 1024) },
        { gzipBase64: 5 },
        { text: '{}' },
        '{}',
      ];
      return [
        ...withField(v, 'file', files),
        ...(event === 'config:import-apply'
          ? [...withField(v, 'basisHash', ['', 'abc', 'G'.repeat(64), 5]), without(v, 'basisHash')]
          : [without(v, 'file')]),
      ];
    }
    case 'device:pair-code':
      return [
        ...withField(v, 'role', ['public', 'boss', '', 1, null]),
        ...withField(v, 'name', ['', '   ', tooLong(80), '<b>Kiosk</b>', 'a\u0007b', 5]),
        without(v, 'role'),
      ];
    case 'device:rename':
      return [
        ...withField(v, 'deviceId', BAD_IDS),
        ...withField(v, 'name', ['', tooLong(80), '<script>x</script>']),
        ...withField(v, 'version', [0, -1, 1.5, '1', null]),
        without(v, 'version'),
      ];
    case 'device:revoke':
      return [...withField(v, 'deviceId', BAD_IDS), ...withField(v, 'version', [0, '1']), {}];
    case 'device:display-services':
      return [
        ...withField(v, 'deviceId', BAD_IDS),
        ...withField(v, 'serviceIds', [['Birth Certificate'], [''], 'birth-certificate', null]),
        ...withField(v, 'version', [0, '1', null]),
      ];
    case 'config:notice-save': {
      const notice = v['notice'] as Payload;
      const text = (lo: unknown, en: unknown = 'Notice') => ({ ...notice, text: { lo, en } });
      return [
        ...withField(v, 'notice', [
          text(''),
          text('   '),
          text(tooLong(300)),
          text('ແຈ້ງ\u0007ການ'),
          text(5),
          { ...notice, startsOn: '2 Dec' },
          { ...notice, startsOn: '2026-12-05', endsOn: '2026-12-01' },
          { ...notice, extra: true },
          without(notice, 'endsOn'),
        ]),
        ...withField(v, 'version', [0, '1']),
        without(v, 'version'),
      ];
    }
    case 'config:notice-delete':
      return [...withField(v, 'id', BAD_IDS), ...withField(v, 'version', [0, '1']), {}];
    case 'printer:list':
      return [{ all: true }];
    case 'printer:save':
      return printerCases(v);
    case 'printer:remove':
      return [
        ...withField(v, 'printerId', BAD_IDS),
        ...withField(v, 'version', [0, '1', null]),
        ...withField(v, 'dropWaiting', ['yes', 1, null]),
        without(v, 'version'),
      ];
    case 'printer:test':
    case 'printer:jobs':
      return [...withField(v, 'printerId', BAD_IDS), {}];
    case 'printer:reprint':
    case 'printer:drop':
      return [...withField(v, 'jobId', BAD_IDS), {}];
    case 'api-token:list':
    case 'webhook:list':
      return [{ all: true }];
    case 'api-token:create': {
      const token = v['token'] as Payload;
      return withField(v, 'token', [
        { ...token, name: '' },
        { ...token, name: tooLong(80) },
        { ...token, name: '<b>App</b>' },
        { ...token, scopes: [] },
        { ...token, scopes: ['admin'] },
        { ...token, scopes: ['read', 'read'] },
        { ...token, scopes: 'read' },
        { ...token, extra: true },
        without(token, 'scopes'),
      ]);
    }
    case 'api-token:revoke':
      return [...withField(v, 'tokenId', BAD_IDS), ...withField(v, 'version', [0, '1']), {}];
    case 'webhook:save': {
      const hook = v['webhook'] as Payload;
      return [
        ...withField(v, 'webhook', [
          { ...hook, url: 'ftp://example.test/hook' },
          { ...hook, url: 'not a url' },
          { ...hook, url: 'http://user:pw@127.0.0.1/hook' },
          { ...hook, url: `http://127.0.0.1/${tooLong(500)}` },
          { ...hook, events: [] },
          { ...hook, events: ['ticket-recalled'] },
          { ...hook, events: ['ticket-called', 'ticket-called'] },
          { ...hook, name: '' },
          { ...hook, active: 'yes' },
          { ...hook, secret: 'mine' },
        ]),
        ...withField(v, 'version', [0, '1']),
        without(v, 'version'),
      ];
    }
    case 'webhook:delete':
      return [...withField(v, 'webhookId', BAD_IDS), ...withField(v, 'version', [0, '1']), {}];
    case 'webhook:deliveries':
      return [...withField(v, 'webhookId', BAD_IDS), ...withField(v, 'limit', [0, 501, '5'])];
    case 'webhook:retry':
      return [...withField(v, 'deliveryId', BAD_IDS), {}];
    case 'report:run': {
      const range = (from: unknown, to: unknown) => ({ ...v, range: { from, to } });
      return [
        range('2026-11-30', '2026-11-01'),
        range('2026-02-30x', '2026-03-01'),
        range('2024-01-01', '2026-11-30'),
        range(20261101, '2026-11-30'),
        ...withField(v, 'groupBy', ['province', '', null]),
        without(v, 'range'),
      ];
    }
    case 'report:comments':
      return [{ range: { from: '2026-12-01', to: '2026-11-01' } }, { range: null }, {}];
    case 'report:comment-review':
      return [
        ...withField(v, 'feedbackId', BAD_IDS),
        ...withField(v, 'reviewed', ['yes', 1, null]),
        without(v, 'version'),
      ];
    case 'report:tokens':
      return [{ all: true }];
    case 'report:token-create':
      return withField(v, 'name', ['', '   ', tooLong(80), '<b>MOHA</b>', 5]);
    case 'report:token-revoke':
      return [...withField(v, 'tokenId', BAD_IDS), ...withField(v, 'version', [0, '1']), {}];
    case 'central:status':
    case 'central:sync':
      return [{ all: true }];
    case 'central:enrol':
      return [
        ...withField(v, 'url', ['', 'ftp://central', 'not a url', 5, null]),
        ...withField(v, 'code', ['', 'AB', tooLong(20), 5]),
      ];
    case 'central:map-service':
      return [
        ...withField(v, 'serviceId', ['', 'Birth Certificate', 3]),
        ...withField(v, 'nationalCode', ['', 'fb entry', tooLong(40), 5]),
        ...withField(v, 'version', [0, '1', null]),
        without(v, 'nationalCode'),
      ];
    case 'staff:reset-pin':
    case 'staff:unlock':
      return [...withField(v, 'staffId', BAD_IDS), {}];
    case 'staff:change-pin':
      return [
        ...withField(v, 'newPin', ['1234', 'abcdef', '123456789', 246810, '']),
        ...withField(v, 'currentPin', ['12', 'abcd', 1234]),
        without(v, 'newPin'),
      ];
    case 'ticket:issue':
      return [
        ...withField(v, 'serviceId', ['', tooLong(64), 42, null]),
        ...withField(v, 'priority', ['vip', '', 'ELDERLY', 1, null]),
        ...withField(v, 'lang', ['th', 'LO', '', 0]),
        ...withField(v, 'requestId', ['short', '1234567', tooLong(64), 12345678, null]),
        without(v, 'serviceId'),
        without(v, 'lang'),
        without(v, 'requestId'),
      ];
    case 'staff:login':
      return [
        ...withField(v, 'pin', [
          'abcd',
          '12',
          '123',
          '123456789',
          ' 1234',
          '12 34',
          '١٢٣٤',
          1234,
          '',
        ]),
        ...withField(v, 'username', ['', tooLong(64), 7, null]),
        without(v, 'pin'),
        without(v, 'username'),
      ];
    case 'queue:waiting':
      return [
        ...withField(v, 'serviceId', ['', tooLong(64), 5, null]),
        ...withField(v, 'offset', [-1, 951, 1.5, '50', null]),
        without(v, 'serviceId'),
      ];
    case 'counter:call':
    case 'counter:complete-and-call-next':
      return [
        ...withField(v, 'counterId', BAD_IDS),
        ...withField(v, 'ticketId', BAD_IDS),
        without(v, 'ticketId'),
        without(v, 'counterId'),
      ];
    case 'floor:get':
      return [{ all: true }];
    case 'floor:ticket-search':
      return [
        ...withField(v, 'query', ['', '   ', 'A-1', 'ABCD1', 'A123456', tooLong(40), 'A 023', 23]),
        ...withField(v, 'day', ['', '2 Dec', 20261202, null]),
        without(v, 'day'),
        without(v, 'query'),
      ];
    case 'floor:close-counter':
      return [...withField(v, 'counterId', BAD_IDS), { ticketId: 1 }];
    case 'floor:sign-out':
      return [...withField(v, 'staffId', BAD_IDS), {}];
    case 'floor:cancel':
    case 'floor:reprint':
      return [...withField(v, 'ticketId', BAD_IDS), { counterId: 1 }];
    case 'floor:transfer':
    case 'ticket:transfer':
      return [
        ...withField(v, 'ticketId', BAD_IDS),
        ...withField(v, 'toServiceId', ['', tooLong(64), 3, null]),
        ...withField(v, 'position', ['middle', 'FRONT', '', 0, null]),
        ...withField(v, 'reason', [tooLong(200), 5, null]),
        without(v, 'position'),
        without(v, 'toServiceId'),
      ];
    case 'counter:pause':
      return [
        ...withField(v, 'counterId', BAD_IDS),
        ...withField(v, 'reason', ['lunch', '', 3, null]),
      ];
    case 'ticket:watch':
      return withField(v, 'code', BAD_CODES);
    case 'feedback:submit':
      return [
        ...withField(v, 'score', [0, 6, 2.5, -1, '5', null, Number.NaN]),
        ...withField(v, 'code', BAD_CODES),
        ...withField(v, 'answers', [
          'good',
          [],
          null,
          { waitingTime: 6 },
          { courtesy: 0 },
          { clarity: 2.5 },
          { askedToPayMore: 'yes' },
          { comment: tooLong(500) },
          { comment: 5 },
          { tip: 1000 },
        ]),
        without(v, 'score'),
        without(v, 'code'),
      ];
    case 'staff:resume':
      return withField(v, 'sessionToken', [
        '',
        'short',
        'A'.repeat(129),
        'has spaces in it, which no token has',
        'ຄິວ'.repeat(10),
        43,
        null,
      ]);
    case 'counter:stats':
    case 'counter:open':
    case 'counter:call-next':
    case 'counter:resume':
    case 'counter:close':
      return [...withField(v, 'counterId', BAD_IDS), { ticketId: 1 }];
    case 'ticket:recall':
    case 'ticket:start':
    case 'ticket:complete':
    case 'ticket:no-show':
    case 'ticket:park':
    case 'ticket:resume':
    case 'ticket:cancel':
      return [...withField(v, 'ticketId', BAD_IDS), { counterId: 1 }];
  }
}

/** A nested edit (`{ service, version }`…) broken one field at a time. */
function nested(v: Payload, key: string, field: string, values: readonly unknown[]): Payload[] {
  const inner = v[key] as Payload;
  return values.map((x) => ({ ...v, [key]: { ...inner, [field]: x } }));
}

function consoleCases(event: RequestEvent, v: Payload): unknown[] {
  const versions = withField(v, 'version', [0, -1, 1.5, '1']);
  const name = (key: string) =>
    nested(v, key, 'name', [{ lo: '', en: 'x' }, { lo: '<b>x</b>', en: 'x' }, 'name', null]);
  switch (event) {
    case 'config:ministry-save':
      return [
        ...versions,
        ...name('ministry'),
        ...nested(v, 'ministry', 'id', ['', 'MOHA', 'a b']),
      ];
    case 'config:service-save':
      return [
        ...versions,
        ...name('service'),
        ...nested(v, 'service', 'prefix', ['', 'b', 'ABCD', 1]),
        ...nested(v, 'service', 'feeLak', [-1, 1.5, 100_000_001, '1000']),
        ...nested(v, 'service', 'feeIsSample', [false, 'yes']), // false: an official fee needs its reference
        ...nested(v, 'service', 'feeRef', [{ lo: 'x', en: 'x', date: '5 May' }, 'decree']),
        ...nested(v, 'service', 'hours', [
          [{ weekday: 7, opensMin: 480, closesMin: 960, lunchFromMin: null, lunchToMin: null }],
          [{ weekday: 1, opensMin: 960, closesMin: 480, lunchFromMin: null, lunchToMin: null }],
          [{ weekday: 1, opensMin: 480, closesMin: 960, lunchFromMin: 700, lunchToMin: null }],
          [1, 2].map(() => ({
            weekday: 2,
            opensMin: 480,
            closesMin: 960,
            lunchFromMin: null,
            lunchToMin: null,
          })),
        ]),
        ...nested(v, 'service', 'targetMinutes', [0, 601]),
        without(v, 'service'),
      ];
    case 'config:counter-save':
      return [
        ...withField(v, 'version', [0, '1']),
        ...name('counter'),
        ...nested(v, 'counter', 'number', [0, 1000, 1.5]),
        ...nested(v, 'counter', 'services', [[], ['NOT A SLUG'], 'national-id-card']),
      ];
    case 'config:centre-save':
      return [
        ...withField(v, 'version', [null, 0]),
        ...name('centre'),
        ...nested(v, 'centre', 'timeZone', ['', tooLong(64)]),
        ...nested(v, 'centre', 'publicUrl', ['ftp://hub', 'not a url', 5]),
      ];
    default:
      return [
        ...withField(v, 'version', [0, '1']),
        ...nested(v, 'staff', 'username', ['', 'A', 'has space', tooLong(32)]),
        ...nested(v, 'staff', 'role', ['admin', 'Manager', null]),
        ...nested(v, 'staff', 'counters', [[0], 'all']),
      ];
  }
}

/** Every bad payload for one event: the shapes that are never right, then field by field. */
function badPayloads(event: RequestEvent, valid: Payload): unknown[] {
  const needsFields = Object.keys(valid).length > 0;
  return [
    NO_PAYLOAD,
    undefined,
    null,
    'a string',
    42,
    true,
    [],
    [valid],
    new Uint8Array([1, 2, 3]),
    ...(needsFields ? [{}] : []),
    { ...valid, extra: 1 },
    { ...valid, isAdmin: true },
    JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1, -1) || '"x": 1'}}`),
    ...fieldCases(event, valid),
  ];
}

const EVENTS = Object.keys(RequestSchemas) as RequestEvent[];

describe('malformed requests', () => {
  let t: TestHub;
  let w: BusyCentre;

  beforeEach(async () => {
    t = await startHub({ centre: CENTRE });
    w = await busyCentre(t);
  });
  afterEach(() => t.close());

  /** The hub still does its everyday work for every kind of client. */
  async function expectStillServing() {
    const fresh = await connect(t, { role: 'kiosk' });
    expect(fresh.snapshot.services.length).toBeGreaterThan(0);
    const next = await issue(fresh.client, 'residence-certificate');
    expect(next.status).toBe('waiting');
    ok(await send(w.counter, 'ticket:start', { ticketId: w.called.id }));
    ok(await send(w.counter, 'ticket:complete', { ticketId: w.called.id }));
    expect(ok(await send(w.counter, 'counter:call-next', { counterId: 1 }))?.id).toBe(w.waiting.id);
    expect(ok(await send(w.display, 'ticket:watch', { code: next.code })).peopleAhead).toBe(0);
    ok(await send(w.feedbackTablet, 'feedback:submit', { code: w.finished.code, score: 4 }));
  }

  it('answers invalid-request to every bad payload of every event, and changes nothing', async () => {
    const payloads = wellFormedPayloads(w);
    const valid = Object.fromEntries(EVENTS.map((e) => [e, payloads[e]()])) as {
      [E in RequestEvent]: RequestPayload<E>;
    };
    for (const event of EVENTS) {
      // The base payloads really are well-formed, so each bad one differs only in what it breaks.
      expect(RequestSchemas[event].safeParse(valid[event]).success, event).toBe(true);
    }
    const before = state(t);
    const wrong: string[] = [];
    let sent = 0;
    for (const event of EVENTS) {
      const sender = senderOf(w, event);
      const acks = await Promise.all(
        badPayloads(event, valid[event]).map(async (payload) => ({
          payload,
          ack: await sendAnything(sender, event, payload),
        })),
      );
      sent += acks.length;
      for (const { payload, ack } of acks) {
        const refused =
          !ack.ok && ack.error.code === 'invalid-request' && ack.error.message.length > 0;
        if (!refused) wrong.push(`${event} ${describeValue(payload)} → ${JSON.stringify(ack)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    expect(state(t)).toBe(before);
    await expectStillServing();
  });

  it('answers invalid-request to events it does not know', async () => {
    const { client: phone } = await connect(t);
    const before = state(t);
    const names = [
      'ticket:delete',
      'admin:drop',
      'db:exec',
      'TICKET:ISSUE',
      'ticket:issue ',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'queue:event',
      'print:job',
    ];
    for (const client of [w.counter, w.console, phone]) {
      for (const name of names) {
        const ack = await sendRaw(client, name, { ticketId: w.called.id });
        expect(ack, name).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      }
    }
    expect(state(t)).toBe(before);
    await expectStillServing();
  });

  it('answers not-found to well-formed requests naming what does not exist, and changes nothing', async () => {
    const { client: phone } = await connect(t);
    const { client: counter3 } = await openCounter(t, 3, 'clerk2'); // free: holds no ticket
    const missingTicket = 999_999;
    const missingCode = 'AAAAAAAAAAAAAAAA';
    const cases: [Client, RequestEvent, unknown][] = [
      [
        w.kiosk,
        'ticket:issue',
        { serviceId: 'no-such-service', lang: 'en', requestId: 'missing-service-1' },
      ],
      [
        w.console,
        'ticket:issue',
        { serviceId: 'no-such-service', lang: 'lo', requestId: 'missing-service-2' },
      ],
      [counter3, 'counter:open', { counterId: 999 }],
      [counter3, 'counter:call-next', { counterId: 999 }],
      [counter3, 'counter:call', { counterId: 999, ticketId: w.waiting.id }],
      [counter3, 'counter:call', { counterId: 3, ticketId: missingTicket }],
      [counter3, 'counter:complete-and-call-next', { counterId: 3, ticketId: missingTicket }],
      [counter3, 'counter:pause', { counterId: 999, reason: 'break' }],
      [counter3, 'counter:resume', { counterId: 999 }],
      [counter3, 'counter:close', { counterId: 999 }],
      ...(
        [
          'ticket:recall',
          'ticket:start',
          'ticket:complete',
          'ticket:no-show',
          'ticket:park',
          'ticket:resume',
          'ticket:cancel',
        ] as const
      ).map((e): [Client, RequestEvent, unknown] => [w.counter, e, { ticketId: missingTicket }]),
      [w.console, 'ticket:cancel', { ticketId: missingTicket }],
      [
        w.counter,
        'ticket:transfer',
        { ticketId: missingTicket, toServiceId: 'certified-copies', position: 'front' },
      ],
      [
        w.counter,
        'ticket:transfer',
        { ticketId: w.called.id, toServiceId: 'no-such-service', position: 'back' },
      ],
      [phone, 'ticket:watch', { code: missingCode }],
      [w.display, 'ticket:watch', { code: missingCode }],
      [phone, 'feedback:submit', { code: missingCode, score: 5 }],
      [
        w.feedbackTablet,
        'feedback:submit',
        { code: missingCode, score: 1, answers: { courtesy: 1 } },
      ],
    ];
    const before = state(t);
    const wrong: string[] = [];
    for (const [client, event, payload] of cases) {
      const ack = await sendRaw(client, event, payload);
      if (ack.ok || ack.error.code !== 'not-found') {
        wrong.push(`${event} ${JSON.stringify(payload)} → ${JSON.stringify(ack)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(state(t)).toBe(before);
    // The transfer to nowhere left the citizen at the counter.
    const ticket = t.db
      .prepare('SELECT status, counter_id FROM tickets WHERE id = ?')
      .get(w.called.id);
    expect(ticket).toEqual({ status: 'called', counter_id: 1 });
    await expectStillServing();
  });

  it('survives a payload over 64 KiB: the sender gets no ticket, everyone else carries on', async () => {
    const seen = recordEvents(w.display);
    const before = state(t);
    const huge = {
      serviceId: 'birth-certificate',
      lang: 'lo',
      requestId: 'huge-request-0001',
      padding: 'x'.repeat(70 * 1024),
    };
    const outcome = await Promise.race([
      sendRaw(w.kiosk, 'ticket:issue', huge).then((ack) => ({ ack })),
      new Promise<{ disconnected: string }>((resolve) =>
        w.kiosk.once('disconnect', (reason) => resolve({ disconnected: reason })),
      ),
    ]);
    if ('ack' in outcome) {
      expect(outcome.ack).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } else {
      expect(w.kiosk.connected).toBe(false);
    }
    // Also a huge string inside a field the schema knows, from a phone.
    const { client: phone } = await connect(t);
    const watched = await Promise.race([
      sendRaw(phone, 'ticket:watch', { code: 'A'.repeat(100 * 1024) }).then((ack) => ack.ok),
      new Promise<'disconnected'>((resolve) =>
        phone.once('disconnect', () => resolve('disconnected')),
      ),
    ]);
    expect(watched).not.toBe(true);
    expect(state(t)).toBe(before);

    // Other clients were not dropped, and a new kiosk is served as usual.
    expect(w.display.connected).toBe(true);
    expect(w.counter.connected).toBe(true);
    const { client: kiosk, snapshot } = await connect(t, { role: 'kiosk' });
    expect(snapshot.services.find((s) => s.id === 'birth-certificate')?.waiting).toBe(0);
    const ticket = await issue(kiosk, 'birth-certificate');
    expect(ticket.label).toBe('B001');
    await seen.waitFor(
      (e) => e.type === 'ticket-issued' && e.tickets.some((x) => x.id === ticket.id),
    );
    await expectStillServing();
  });
});
