/** The integration API's part of the hub: tokens, and webhooks with their outbox and sender. */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import { editInForce } from '../config/config-editor.js';
import type { Db } from '../db/open.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { createWebhookAdmin } from '../webhooks/webhook-admin.js';
import {
  createDispatcher,
  DEFAULT_WEBHOOK_TIMING,
  type WebhookTiming,
} from '../webhooks/webhook-dispatcher.js';
import { createOutbox } from '../webhooks/webhook-outbox.js';
import { createWebhookStore } from '../webhooks/webhook-store.js';
import { createApiTokens } from './api-tokens.js';
import { integrationHandlers } from './integration-handlers.js';

interface IntegrationOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  webhooks?: Partial<WebhookTiming>;
}

/** The integration API: tokens, and webhooks with their outbox and sender. */
export function integrationFeatures(
  { db, clock, log, webhooks: timing }: IntegrationOptions,
  queue: Parameters<typeof editInForce>[0] & { tickets: TicketStore },
  audit: Audit,
) {
  const tokens = createApiTokens(db, clock, audit);
  const store = createWebhookStore(db);
  const dispatcher = createDispatcher({
    store,
    clock,
    log,
    timing: { ...DEFAULT_WEBHOOK_TIMING, ...timing },
  });
  const outbox = createOutbox({ db, clock, store, tickets: queue.tickets, dispatcher });
  queue.commits.listen(outbox);
  const inForce = <T>(work: () => T): T => editInForce(queue, work);
  const webhooks = createWebhookAdmin({
    clock,
    store,
    audit,
    outbox,
    dispatcher,
    inForce,
    inTransaction: (work) => db.transaction(work)(),
  });
  return {
    apiTokens: tokens,
    dispatcher,
    outbox,
    handlers: integrationHandlers({ tokens, webhooks, inForce }),
  };
}
