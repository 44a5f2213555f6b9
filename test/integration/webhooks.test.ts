/**
 * Webhooks (docs/api.md): a receiver on loopback checks every signature;
 * while it is down the deliveries wait in the outbox, through a hub
 * restart, and once it is up it gets each one exactly once by its key; a
 * manager sees the log and retries a delivery; and a receiver that hangs
 * does not slow the counters' calls (measured).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { verifySignature } from '../../hub/src/webhooks/signature.js';
import {
  connect,
  hashAllTables,
  issue,
  ok,
  openCounter,
  send,
  startHub,
  tempDir,
  type Client,
  type TestHub,
} from '../harness.js';
import {
  WebhookPayloadSchema,
  type WebhookDeliveryView,
  type WebhookEvent,
  type WebhookPayload,
} from '../../shared/protocol.js';

const FAST = {
  retryBaseMs: 100,
  retryMaxMs: 300,
  timeoutMs: 1000,
  idlePollMs: 200,
  concurrency: 4,
};

type Mode = 'up' | 'hang' | 'error';

/** A webhook receiver: checks each signature, answers as its mode says, records what it took. */
function receiver(secret: () => string) {
  let mode: Mode = 'up';
  const taken: WebhookPayload[] = [];
  const keys = new Map<string, number>();
  const badSignatures: string[] = [];
  let server: Server | null = null;
  let port = 0;
  const handle = (req: IncomingMessage, body: string) => {
    const sig = String(req.headers['khiu-signature'] ?? '');
    const key = String(req.headers['khiu-idempotency-key'] ?? '');
    if (!verifySignature(secret(), sig, body, Date.now())) badSignatures.push(key);
    const payload = WebhookPayloadSchema.parse(JSON.parse(body));
    expect(payload.id).toBe(key);
    expect(req.headers['khiu-event']).toBe(payload.type);
    if (!keys.has(key)) taken.push(payload);
    keys.set(key, (keys.get(key) ?? 0) + 1);
  };
  return {
    taken,
    keys,
    badSignatures,
    get url() {
      return `http://127.0.0.1:${port}/khiu`;
    },
    setMode: (m: Mode) => void (mode = m),
    async up() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (mode === 'hang') return; // never answers: the hub's timeout must cut it off
          if (mode === 'error') return void res.writeHead(500).end();
          handle(req, Buffer.concat(chunks).toString('utf8'));
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    },
    async down() {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
  };
}

let t: TestHub | undefined;
let rx: ReturnType<typeof receiver> | undefined;
afterEach(async () => {
  await t?.close();
  await rx?.down();
  t = undefined;
  rx = undefined;
});

async function managerConsole(hub: TestHub): Promise<Client> {
  const { client } = await connect(hub, { role: 'console' });
  ok(await send(client, 'staff:login', { username: 'manager', pin: '9999' }));
  return client;
}

async function addWebhook(manager: Client, url: string, events: WebhookEvent[]) {
  const saved = ok(
    await send(manager, 'webhook:save', {
      webhook: { name: 'SMS gateway', url, events, active: true },
      version: null,
    }),
  );
  expect(saved.secret).toMatch(/^whsec_/);
  return { webhook: saved.webhook, secret: saved.secret ?? '' };
}

async function until(what: string, done: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const deliveries = (hub: TestHub) =>
  hub.db
    .prepare('SELECT idempotency_key AS key, status, attempts, event FROM webhook_deliveries')
    .all() as { key: string; status: string; attempts: number; event: string }[];

/** One citizen served and one not come, at counter 1: 2 issued, 2 called, 1 done, 1 no-show. */
async function morning(hub: TestHub) {
  const { client: kiosk } = await connect(hub, { role: 'kiosk' });
  const a = await issue(kiosk, 'national-id-card');
  const b = await issue(kiosk, 'national-id-card');
  const { client: counter } = await openCounter(hub, 1);
  ok(await send(counter, 'counter:call-next', { counterId: 1 }));
  ok(await send(counter, 'ticket:start', { ticketId: a.id }));
  ok(await send(counter, 'ticket:complete', { ticketId: a.id }));
  ok(await send(counter, 'counter:call-next', { counterId: 1 }));
  ok(await send(counter, 'ticket:no-show', { ticketId: b.id }));
  return [a, b];
}

describe('webhook deliveries', () => {
  it('wait while the receiver is down, survive a restart, then arrive once each, signed', async () => {
    const dataDir = tempDir();
    let secret = '';
    rx = receiver(() => secret);
    await rx.up();
    const url = rx.url;
    await rx.down();
    t = await startHub({ dataDir, webhooks: FAST });
    const manager = await managerConsole(t);
    const events: WebhookEvent[] = [
      'ticket-issued',
      'ticket-called',
      'ticket-completed',
      'ticket-no-show',
    ];
    ({ secret } = await addWebhook(manager, url, events));
    const [a, b] = await morning(t);
    const hub1 = t;
    await until('two failed tries each', () => deliveries(hub1).every((d) => d.attempts >= 2));
    expect(deliveries(t)).toHaveLength(6);
    expect(deliveries(t).every((d) => d.status === 'pending')).toBe(true);

    await t.close();
    t = await startHub({ dataDir, seed: false, webhooks: FAST });
    await rx.up();
    const hub2 = t;
    await until('every delivery', () => deliveries(hub2).every((d) => d.status === 'delivered'));
    expect(rx.badSignatures).toEqual([]);
    expect([...rx.keys.values()].every((n) => n === 1)).toBe(true);
    expect(rx.taken.map((p) => p.id).sort()).toEqual(
      deliveries(t)
        .map((d) => d.key)
        .sort(),
    );
    const seen = rx.taken.map((p) => `${p.type} ${p.data.ticket?.label}`).sort();
    expect(seen).toEqual(
      [
        `ticket-issued ${a?.label}`,
        `ticket-issued ${b?.label}`,
        `ticket-called ${a?.label}`,
        `ticket-called ${b?.label}`,
        `ticket-completed ${a?.label}`,
        `ticket-no-show ${b?.label}`,
      ].sort(),
    );
    // Each body is what the served OpenAPI document says that webhook sends.
    const doc = (await (await fetch(`${t.url}/api/v1/openapi.json`)).json()) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ ...doc, $id: 'openapi.json' });
    for (const payload of rx.taken) {
      const validate = ajv.compile({
        $ref: `openapi.json#/webhooks/${payload.type}/post/requestBody/content/application~1json/schema`,
      });
      expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    }
    const called = rx.taken.find((p) => p.type === 'ticket-called');
    expect(called?.data.ticket?.counter).toEqual({ id: 1, number: 1 });
    expect(JSON.stringify(rx.taken)).not.toContain('priority');
  });

  it('are logged for the console, given up after their window, and retried by hand', async () => {
    let secret = '';
    rx = receiver(() => secret);
    await rx.up();
    rx.setMode('error');
    t = await startHub({ webhooks: { ...FAST, giveUpAfterMs: 600 } });
    const manager = await managerConsole(t);
    const added = await addWebhook(manager, rx.url, ['ticket-issued']);
    const { webhook } = added;
    secret = added.secret;
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const ticket = await issue(kiosk, 'birth-certificate');
    const hub = t;
    await until('the delivery given up', () => deliveries(hub)[0]?.status === 'failed');
    const [logged] = ok(await send(manager, 'webhook:deliveries', {})) as WebhookDeliveryView[];
    expect(logged).toMatchObject({
      webhookId: webhook.id,
      webhookName: 'SMS gateway',
      event: 'ticket-issued',
      label: ticket.label,
      status: 'failed',
      lastStatus: 500,
      lastError: 'HTTP 500',
      nextAt: null,
    });
    expect(logged?.attempts).toBeGreaterThanOrEqual(2);
    const [listed] = ok(await send(manager, 'webhook:list', {}));
    expect(listed).toMatchObject({ failed: 1, pending: 0 });
    expect(JSON.stringify(listed)).not.toContain(secret);

    rx.setMode('up');
    const retried = ok(await send(manager, 'webhook:retry', { deliveryId: logged?.id ?? 0 }));
    expect(retried.status).toBe('pending');
    await until('the retried delivery', () => deliveries(hub)[0]?.status === 'delivered');
    expect([...rx.keys.entries()]).toEqual([[logged?.idempotencyKey, 1]]);
    expect(rx.badSignatures).toEqual([]);
    const audit = ok(await send(manager, 'config:audit', { entity: 'webhook-delivery' }));
    expect(audit).toHaveLength(1);
  });

  it('are set up in the console with a version, and a wrong edit leaves no trace', async () => {
    t = await startHub({ webhooks: FAST });
    const manager = await managerConsole(t);
    const { webhook } = await addWebhook(manager, 'http://127.0.0.1:9/hook', ['ticket-called']);
    const input = {
      id: webhook.id,
      name: 'SMS',
      url: webhook.url,
      events: webhook.events,
      active: false,
    };
    const saved = ok(
      await send(manager, 'webhook:save', { webhook: input, version: webhook.version }),
    );
    expect(saved.webhook).toMatchObject({ name: 'SMS', active: false, version: 2 });
    expect(saved.secret).toBeUndefined();
    const before = hashAllTables(t.db);
    const stale = await send(manager, 'webhook:save', { webhook: input, version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { reason: 'stale-version' } });
    const bad = await send(manager, 'webhook:save', {
      webhook: { ...input, url: 'ftp://x', events: [] },
      version: 2,
    });
    expect(bad.ok ? [] : bad.error.fields).toEqual([
      { path: 'webhook.url', issue: 'webhook-url' },
      { path: 'webhook.events', issue: 'too_small' },
    ]);
    expect(hashAllTables(t.db)).toBe(before);
    // Not sending: a call writes no delivery.
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    await issue(kiosk, 'birth-certificate');
    const { client: counter } = await openCounter(t, 1);
    ok(await send(counter, 'counter:call-next', { counterId: 1 }));
    expect(deliveries(t)).toEqual([]);
    expect(
      ok(await send(manager, 'webhook:delete', { webhookId: webhook.id, version: 2 })),
    ).toEqual([]);
  });
});

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] ?? 0;
};

describe('a receiver that hangs', () => {
  it('does not raise the time a counter waits for its call', async () => {
    const ROUNDS = 30;
    let secret = '';
    rx = receiver(() => secret);
    await rx.up();
    t = await startHub({ webhooks: { ...FAST, timeoutMs: 200, retryBaseMs: 50, retryMaxMs: 100 } });
    const manager = await managerConsole(t);
    ({ secret } = await addWebhook(manager, rx.url, [
      'ticket-issued',
      'ticket-called',
      'ticket-no-show',
    ]));
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    for (let i = 0; i < 3 * ROUNDS; i++) await issue(kiosk, 'national-id-card');
    const { client: counter } = await openCounter(t, 1);
    const calls = async () => {
      const ms: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        const called = ok(await send(counter, 'counter:call-next', { counterId: 1 }));
        ms.push(performance.now() - started);
        ok(await send(counter, 'ticket:no-show', { ticketId: called?.id ?? 0 }));
      }
      return ms;
    };
    await calls(); // warm up: the first calls pay for compiling and caching
    const hub = t;
    await until('the warm-up delivered', () =>
      deliveries(hub).every((d) => d.status === 'delivered'),
    );

    const up = await calls();
    rx.setMode('hang');
    const down = await calls();
    // The receiver really was being tried, and timing out, while the counter called.
    const timedOut = t.db.prepare(
      "SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'pending' AND attempts > 0",
    );
    await until('a try timed out', () => (timedOut.get() as { n: number }).n > 0);
    const [upMs, downMs] = [median(up), median(down)];
    expect(
      downMs,
      `median call ${upMs.toFixed(1)} ms up, ${downMs.toFixed(1)} ms down`,
    ).toBeLessThan(upMs * 3 + 5);
  }, 60_000);
});
