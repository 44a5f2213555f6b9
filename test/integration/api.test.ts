/**
 * The integration API (docs/api.md): real answers checked against the
 * OpenAPI document the hub serves, with a JSON Schema validator (Ajv, draft
 * 2020-12 as OpenAPI 3.1 uses); tickets issued with a token, refused
 * without the right scope or once the token is revoked; each token's rate
 * limit; and the console's edits of tokens, refused without a trace when wrong.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  connect,
  hashAllTables,
  newRequestId,
  ok,
  recordEvents,
  send,
  startHub,
  type Client,
  type TestHub,
} from '../harness.js';
import {
  DEFAULT_BOOKING_SETTINGS,
  type ApiScope,
  type IssuedTicket,
} from '../../shared/protocol.js';
import { addDays } from '../../shared/domain/slots.js';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function managerConsole(hub: TestHub): Promise<Client> {
  const { client } = await connect(hub, { role: 'console' });
  ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
  return client;
}

async function makeToken(manager: Client, scopes: ApiScope[], name = 'e-Government app') {
  return ok(await send(manager, 'api-token:create', { token: { name, scopes } }));
}

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

async function call(
  hub: TestHub,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const res = await fetch(`${hub.url}/api/v1${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(opts.body === undefined
      ? {}
      : { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

/** Validates answers against the served document, by its path template, method and status. */
async function contract(hub: TestHub) {
  const res = await fetch(`${hub.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe('3.1.0');
  // OpenAPI's own words (paths, info, …) are not JSON Schema keywords: not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  return {
    doc,
    check(template: string, method: string, answer: Answer) {
      const ref = `openapi.json#/paths/${pointer(template)}/${method}/responses/${answer.status}/content/${pointer('application/json')}/schema`;
      const validate = ajv.compile({ $ref: ref });
      const valid = validate(answer.json);
      expect(validate.errors ?? [], `${method} ${template} ${answer.status}`).toEqual([]);
      expect(valid).toBe(true);
    },
  };
}

describe('the OpenAPI document and the answers', () => {
  it('describes every answer the hub really gives, errors included', async () => {
    t = await startHub({ apiRate: { burst: 8, perSecond: 0.5 } });
    const { doc, check } = await contract(t);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/bookable',
      '/bookings',
      '/bookings/{code}',
      '/bookings/{code}/check-in',
      '/health',
      '/slots',
      '/snapshot',
      '/tickets',
      '/tickets/{code}',
    ]);
    const manager = await managerConsole(t);
    const { secret } = await makeToken(manager, ['read', 'issue']);
    const { secret: readOnly } = await makeToken(manager, ['read'], 'Dashboard');

    check('/health', 'get', await call(t, 'GET', '/health'));
    check('/snapshot', 'get', await call(t, 'GET', '/snapshot'));
    const issued = await call(t, 'POST', '/tickets', {
      token: secret,
      body: { serviceId: 'birth-certificate', lang: 'en', requestId: newRequestId() },
    });
    expect(issued.status).toBe(201);
    check('/tickets', 'post', issued);
    const code = (issued.json as IssuedTicket).code;
    const status = await call(t, 'GET', `/tickets/${code}`, { token: secret });
    expect(status.status).toBe(200);
    check('/tickets/{code}', 'get', status);

    const errors: [string, string, Answer][] = [
      ['/tickets/{code}', 'get', await call(t, 'GET', '/tickets/AAAAAAAAAAAA')],
      ['/tickets', 'post', await call(t, 'POST', '/tickets', { body: {} })],
      ['/tickets', 'post', await call(t, 'POST', '/tickets', { token: readOnly, body: {} })],
      ['/tickets', 'post', await call(t, 'POST', '/tickets', { token: secret, body: '{' })],
      [
        '/tickets',
        'post',
        await call(t, 'POST', '/tickets', { token: secret, body: { lang: 'th' } }),
      ],
      [
        '/tickets',
        'post',
        await call(t, 'POST', '/tickets', {
          token: secret,
          body: { serviceId: 'no-such-service', lang: 'lo', requestId: newRequestId() },
        }),
      ],
    ];
    expect(errors.map(([, , a]) => a.status)).toEqual([404, 401, 403, 400, 400, 404]);
    for (const [path, method, answer] of errors) check(path, method, answer);
    // The token had 8 at once and spent 5 (requests without a token do not count).
    let limited: Answer | undefined;
    for (let i = 0; i < 4 && !limited; i++) {
      const a = await call(t, 'GET', '/snapshot', { token: secret });
      if (a.status === 429) limited = a;
    }
    expect(limited?.status).toBe(429);
    check('/snapshot', 'get', limited as Answer);
  });

  it("describes the appointments' answers, errors included", async () => {
    t = await startHub();
    const { check } = await contract(t);
    const hours = t.db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min) VALUES (?, ?, 0, 1440)`,
    );
    for (let weekday = 0; weekday <= 6; weekday++) hours.run('birth-certificate', weekday);
    t.hub.reloadConfig();
    const manager = await managerConsole(t);
    ok(
      await send(manager, 'config:booking-save', {
        serviceId: 'birth-certificate',
        booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true },
        version: null,
      }),
    );
    const bookable = await call(t, 'GET', '/bookable');
    check('/bookable', 'get', bookable);
    // Tomorrow on the centre's clock (UTC+7), not UTC's: after 17:00 UTC they differ.
    const { day } = (await call(t, 'GET', '/snapshot')).json as { day: string };
    const tomorrow = addDays(day, 1);
    const slots = await call(t, 'GET', `/slots?service=birth-certificate&day=${tomorrow}`);
    check('/slots', 'get', slots);
    const start = (slots.json as { slots: { start: string }[] }).slots[20]?.start ?? '10:00';
    const body = {
      serviceId: 'birth-certificate',
      day: tomorrow,
      start,
      name: 'Noy',
      phone: '02055551234',
      lang: 'lo',
    };
    const made = await call(t, 'POST', '/bookings', { body });
    expect(made.status).toBe(201);
    check('/bookings', 'post', made);
    const code = (made.json as { booking: { code: string } }).booking.code;
    check('/bookings/{code}', 'get', await call(t, 'GET', `/bookings/${code}`));
    const checkIn = await call(t, 'POST', `/bookings/${code}/check-in`);
    expect((checkIn.json as { checkIn: { outcome: string } }).checkIn.outcome).toBe('not-today');
    check('/bookings/{code}/check-in', 'post', checkIn);
    check('/bookings/{code}', 'delete', await call(t, 'DELETE', `/bookings/${code}`));
    const errors: [string, string, Answer][] = [
      ['/bookings', 'post', await call(t, 'POST', '/bookings', { body })],
      ['/bookings', 'post', await call(t, 'POST', '/bookings', { body: { ...body, phone: 'x' } })],
      ['/bookings/{code}', 'get', await call(t, 'GET', '/bookings/ZZZZ-ZZZZ')],
      ['/bookings/{code}', 'delete', await call(t, 'DELETE', `/bookings/${code}`)],
    ];
    expect(errors.map(([, , a]) => a.status)).toEqual([201, 400, 404, 409]);
    for (const [path, method, answer] of errors.slice(1)) check(path, method, answer);
  });

  it('is served as a page in Lao and in English, drawn by the hub itself', async () => {
    t = await startHub();
    for (const [lang, title] of [
      ['lo', 'API ຂອງເຄື່ອງແມ່ຂ່າຍ Khiu'],
      ['en', 'Khiu hub API'],
    ] as const) {
      const res = await fetch(`${t.url}/api/v1/docs?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(title);
      expect(html).toContain('/api/v1/tickets/{code}');
      expect(html).toContain('ticket-called');
      expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1|192\.168)/);
    }
  });
});

describe('issuing through the API', () => {
  it('issues with an issue token, once per requestId, and says so in the audit trail', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const { token, secret } = await makeToken(manager, ['issue']);
    expect(secret).toMatch(/^khiu_t_[A-Za-z0-9_-]{43}$/);
    expect(token.hint).toBe(secret.slice(-4));
    expect(JSON.stringify(t.db.prepare('SELECT * FROM integration_tokens').all())).not.toContain(
      secret.slice(7),
    );

    const body = { serviceId: 'national-id-card', lang: 'lo', requestId: newRequestId() };
    const first = await call(t, 'POST', '/tickets', { token: secret, body });
    const again = await call(t, 'POST', '/tickets', { token: secret, body });
    expect(first.status).toBe(201);
    const ticket = first.json as IssuedTicket;
    expect(ticket).toMatchObject({
      source: 'api',
      serviceId: 'national-id-card',
      status: 'waiting',
    });
    expect((again.json as IssuedTicket).id).toBe(ticket.id);
    expect(t.db.prepare("SELECT count(*) AS n FROM tickets WHERE source = 'api'").get()).toEqual({
      n: 1,
    });
    expect(
      t.db
        .prepare("SELECT detail FROM ticket_events WHERE ticket_id = ? AND type = 'issue'")
        .get(ticket.id),
    ).toEqual({ detail: `api token ${token.id}` });

    // The same requestId from another token is that token's own request: a new ticket.
    const { secret: other } = await makeToken(manager, ['issue'], 'SMS gateway');
    const theirs = await call(t, 'POST', '/tickets', { token: other, body });
    expect((theirs.json as IssuedTicket).id).not.toBe(ticket.id);
  });

  it('refuses without a token, without the scope, and with a revoked token, changing nothing', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const { secret: reader } = await makeToken(manager, ['read', 'book', 'reports'], 'Dashboard');
    const { token, secret } = await makeToken(manager, ['issue']);
    const body = () => ({ serviceId: 'national-id-card', lang: 'en', requestId: newRequestId() });
    const before = hashAllTables(t.db);

    const none = await call(t, 'POST', '/tickets', { body: body() });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.json).toMatchObject({ error: { code: 'unauthorized', reason: 'token-invalid' } });
    const wrongScope = await call(t, 'POST', '/tickets', { token: reader, body: body() });
    expect(wrongScope).toMatchObject({
      status: 403,
      json: { error: { code: 'forbidden', reason: 'scope-missing', params: { scope: 'issue' } } },
    });
    const made = await call(t, 'GET', '/snapshot', { token: 'khiu_t_made-up-token' });
    expect(made.status).toBe(401);
    // A refused request is not a use of the token: nothing was written.
    expect(hashAllTables(t.db)).toBe(before);

    expect((await call(t, 'POST', '/tickets', { token: secret, body: body() })).status).toBe(201);
    const revoked = ok(
      await send(manager, 'api-token:revoke', { tokenId: token.id, version: token.version }),
    );
    expect(revoked.revokedAt).not.toBeNull();
    const afterRevoke = hashAllTables(t.db);
    const refused = await call(t, 'POST', '/tickets', { token: secret, body: body() });
    expect(refused).toMatchObject({ status: 401, json: { error: { reason: 'token-invalid' } } });
    expect(hashAllTables(t.db)).toBe(afterRevoke);
    const audit = ok(await send(manager, 'config:audit', { entity: 'api-token' }));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'delete']);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('holds each token to its own budget, with Retry-After', async () => {
    t = await startHub({ apiRate: { burst: 3, perSecond: 0.5 } });
    const manager = await managerConsole(t);
    const { secret: a } = await makeToken(manager, ['read'], 'A');
    const { secret: b } = await makeToken(manager, ['read'], 'B');
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(t, 'GET', '/snapshot', { token: a })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(t, 'GET', '/snapshot', { token: a });
    expect(limited.json).toMatchObject({ error: { code: 'rate-limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    // Another token, and anyone without one, are not held back by A.
    expect((await call(t, 'GET', '/snapshot', { token: b })).status).toBe(200);
    expect((await call(t, 'GET', '/snapshot')).status).toBe(200);
  });
});

describe('API tokens in the console', () => {
  it('shows a token once, announces the change, and refuses a stale revoke without a trace', async () => {
    t = await startHub();
    const manager = await managerConsole(t);
    const { client: display } = await connect(t, { role: 'display' });
    const events = recordEvents(display);
    const { token } = await makeToken(manager, ['read']);
    await events.waitFor((e) => e.type === 'config-changed');
    const listed = ok(await send(manager, 'api-token:list', {}));
    expect(listed).toEqual([token]);
    expect(JSON.stringify(listed)).not.toMatch(/khiu_t_/);

    ok(await send(manager, 'api-token:revoke', { tokenId: token.id, version: token.version }));
    const before = hashAllTables(t.db);
    const stale = await send(manager, 'api-token:revoke', {
      tokenId: token.id,
      version: token.version,
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'stale-version' },
    });
    const bad = await send(manager, 'api-token:create', { token: { name: ' ', scopes: [] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(bad.ok ? [] : bad.error.fields?.map((f) => f.path).sort()).toEqual([
      'token.name',
      'token.scopes',
    ]);
    expect(hashAllTables(t.db)).toBe(before);
  });
});
