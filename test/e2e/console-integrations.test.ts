/**
 * The console's Integrations screen in Chromium, on a hub without --demo: a
 * manager makes an API token (shown once) that then issues a ticket, adds a
 * webhook (its secret shown once) whose receiver first fails, sees the
 * delivery in the log, retries it once the receiver is fixed, sees a
 * citizen's booking delivered to it too, and revokes the token; a wrong
 * address is refused next to its field, changing nothing.
 * Screenshots in Lao and English.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, requireBuiltApp, WEB_ROOT } from './browser.js';
import { ConsolePage } from './console-page.js';
import {
  connect,
  hashAllTables,
  newRequestId,
  ok,
  send,
  startHub,
  type TestHub,
} from '../harness.js';
import { addDevice } from '../../hub/src/devices/devices.js';
import { systemClock } from '../../hub/src/clock.js';
import { verifySignature } from '../../hub/src/webhooks/signature.js';
import { t } from '../../shared/i18n/index.js';
import { addDays } from '../../shared/domain/slots.js';
import { DEFAULT_BOOKING_SETTINGS } from '../../shared/protocol.js';

describe('console: API tokens and webhooks, in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let manager: ConsolePage;
  let receiver: Server;
  let receiverUrl = '';
  let failing = true;
  let secret = '';
  const received: { key: string; signed: boolean }[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    requireBuiltApp('console');
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (failing) return void res.writeHead(503).end();
        const body = Buffer.concat(chunks).toString('utf8');
        const signed = verifySignature(
          secret,
          String(req.headers['khiu-signature']),
          body,
          Date.now(),
        );
        received.push({ key: String(req.headers['khiu-idempotency-key']), signed });
        bodies.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/khiu`;
    // Long waits between tries: the retry the manager presses is what delivers it.
    hub = await startHub({
      webRoot: WEB_ROOT,
      demo: false,
      webhooks: { retryBaseMs: 60_000, timeoutMs: 1000 },
    });
    browser = await launchChromium();
    const own = addDevice(hub.db, systemClock, 'console', 'Manager laptop');
    // Birth certificates take bookings, every day from 08:00 to 16:00, so tomorrow has slots.
    const hours = hub.db.prepare(
      `INSERT INTO opening_hours (service_id, weekday, opens_min, closes_min, lunch_from_min,
         lunch_to_min) VALUES ('birth-certificate', ?, 480, 960, NULL, NULL)`,
    );
    for (let weekday = 0; weekday <= 6; weekday++) hours.run(weekday);
    hub.hub.reloadConfig();
    const { client: settings } = await connect(hub, { token: own.token });
    ok(await send(settings, 'staff:login', { username: 'manager', pin: '9999' }));
    ok(
      await send(settings, 'config:booking-save', {
        serviceId: 'birth-certificate',
        booking: { ...DEFAULT_BOOKING_SETTINGS, bookable: true },
        version: null,
      }),
    );
    settings.disconnect();
    const context = await browser.newContext({ viewport: { width: 1366, height: 1500 } });
    manager = new ConsolePage(await context.newPage(), 'lo');
    manager.page.on('dialog', (d) => void d.accept());
    await manager.page.goto(`${hub.url}/console/?token=${own.token}`);
    await manager.waitReady('login');
    await manager.logIn('manager', '9999');
    await manager.waitReady('app');
    await manager.openSection('integrations');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    receiver?.closeAllConnections();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  const issueWith = (token: string) =>
    fetch(`${hub.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'national-id-card',
        lang: 'lo',
        requestId: newRequestId(),
      }),
    });

  let token = '';

  it('makes a token that is shown once and issues a ticket', async () => {
    await manager.fill({ 'token.name': 'ແອັບລັດຖະບານ e-Gov' });
    await manager.field('token.scope.issue').check();
    await manager.button('console.tokens.create').click();
    token = (await manager.page.getByTestId('shown-once-value').textContent())?.trim() ?? '';
    expect(token).toMatch(/^khiu_t_/);
    await manager.shotBoth('integrations-token');
    await manager.button('console.tokens.done').click();
    expect(await manager.page.getByTestId('shown-once').count()).toBe(0);
    const row = manager.page.getByTestId('token-list').locator('tr[data-state="active"]');
    expect(await row.textContent()).toContain(token.slice(-4));
    expect(await row.textContent()).not.toContain(token);
    expect((await issueWith(token)).status).toBe(201);
  });

  it('refuses a webhook address that is not one, next to the field, changing nothing', async () => {
    const before = hashAllTables(hub.db);
    await manager.fill({ 'webhook.name': 'SMS gateway', 'webhook.url': 'ftp://sms.local/in' });
    await manager.button('console.save').click();
    expect(await manager.fieldError('webhook.url')).toBe(manager.text('field.webhook-url'));
    expect(hashAllTables(hub.db)).toBe(before);
  });

  it('adds a webhook, logs the failed delivery, and delivers it on Retry', async () => {
    await manager.fill({ 'webhook.url': receiverUrl });
    await manager.field('webhook.event.ticket-issued').check();
    await manager.field('webhook.event.booking-made').check();
    await manager.button('console.save').click();
    secret = (await manager.page.getByTestId('shown-once-value').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await manager.button('console.tokens.done').click();

    expect((await issueWith(token)).status).toBe(201);
    const log = manager.page.getByTestId('delivery-log');
    const pending = log.locator('tr[data-state="pending"]');
    await pending.first().waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await pending.first().textContent()) ?? '', { timeout: 10_000 })
      .toContain(t('lo', 'console.deliveries.http', { status: 503 }));
    await manager.shotBoth('integrations-webhook-failed');

    failing = false;
    await pending
      .first()
      .getByRole('button', { name: manager.text('console.deliveries.retry') })
      .click();
    await log.locator('tr[data-state="delivered"]').first().waitFor({ timeout: 10_000 });
    expect(received).toHaveLength(1);
    expect(received[0]?.signed).toBe(true);
    await manager.shotBoth('integrations-webhook-log');
  });

  it("logs a citizen's booking delivered to the webhook, signed, with no name or phone", async () => {
    const snapshot = (await (await fetch(`${hub.url}/api/v1/snapshot`)).json()) as { day: string };
    const res = await fetch(`${hub.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'birth-certificate',
        day: addDays(snapshot.day, 1),
        start: '10:00',
        name: 'Somchai Phommavong',
        phone: '020 5555 1234',
        lang: 'lo',
      }),
    });
    expect(res.status).toBe(201);
    const { code } = ((await res.json()) as { booking: { code: string } }).booking;
    const log = manager.page.getByTestId('delivery-log');
    const booking = log
      .locator('tr[data-state="delivered"]')
      .filter({ hasText: manager.text('console.webhooks.event.booking-made') });
    await booking.first().waitFor({ timeout: 10_000 });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    expect(received[1]?.signed).toBe(true);
    expect(bodies[1]).toContain('booking-made');
    expect(bodies[1]).not.toContain('Somchai');
    expect(bodies[1]).not.toContain('5555');
    // No ticket yet: the log names the delivery by the booking's code.
    expect(await booking.first().locator('td').nth(2).textContent()).toBe(code);
    await manager.shotBoth('integrations-booking-webhook');
  });

  it('revokes the token: the API refuses it at once', async () => {
    const row = manager.page.getByTestId('token-list').locator('tr[data-state="active"]');
    await row.getByRole('button', { name: manager.text('console.tokens.revoke') }).click();
    await manager.page.getByTestId('token-list').locator('tr[data-state="revoked"]').waitFor();
    expect((await issueWith(token)).status).toBe(401);
  });
});
