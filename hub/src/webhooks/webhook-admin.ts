/**
 * The console's side of webhooks: the list, saving one (a new one gets its
 * signing secret, shown once), removing one with its deliveries, the
 * delivery log, and retrying a delivery by hand. Saving and removing are
 * edits of the configuration in force (one transaction, a `config_audit`
 * row, `config-changed`) on the row's version; a retry is audited too. The
 * secret never reaches an audit row or a view.
 */
import { randomBytes } from 'node:crypto';
import type { Audit } from '../config/audit.js';
import type { Clock } from '../clock.js';
import { notFound } from '../hub-error.js';
import { strictAssert } from '../../../shared/assert.js';
import type { Dispatcher } from './webhook-dispatcher.js';
import type { Outbox } from './webhook-outbox.js';
import { hookView, type WebhookRow, type WebhookStore } from './webhook-store.js';
import type {
  WebhookDeliveryView,
  WebhookInput,
  WebhookView,
} from '../../../shared/protocol.js';

const SECRET_PREFIX = 'whsec_';

export interface WebhookAdmin {
  list(): WebhookView[];
  save(staffId: number, input: WebhookInput, version: number | null): { webhook: WebhookView; secret?: string };
  remove(staffId: number, webhookId: number, version: number): WebhookView[];
  deliveries(webhookId: number | undefined, limit: number | undefined): WebhookDeliveryView[];
  retry(staffId: number, deliveryId: number): WebhookDeliveryView;
}

export interface WebhookAdminDeps {
  clock: Clock;
  store: WebhookStore;
  audit: Audit;
  outbox: Outbox;
  dispatcher: Dispatcher;
  /** Runs an edit of the configuration in force (config-editor.ts `editInForce`). */
  inForce: <T>(work: () => T) => T;
  /** Runs work in one transaction. */
  inTransaction: <T>(work: () => T) => T;
}

const described = (r: Pick<WebhookRow, 'name' | 'url' | 'events' | 'active'>) => ({
  name: r.name,
  url: r.url,
  events: JSON.parse(r.events) as unknown,
  active: r.active === 1,
});

export function createWebhookAdmin(deps: WebhookAdminDeps): WebhookAdmin {
  const { store, audit, clock } = deps;
  const viewOf = (id: number) => {
    const row = store.hook(id);
    strictAssert(row, `webhook ${id} vanished inside its own transaction`);
    return hookView(row, store.counts(id));
  };
  const list = () => store.hooks().map((r) => hookView(r, store.counts(r.id)));
  const editable = (id: number, version: number) => {
    const row = store.hook(id);
    if (!row) throw notFound(`Webhook ${id}`);
    audit.checkVersion('webhook', String(id), row.version, version);
    return row;
  };
  const record = (staffId: number, id: number, before: unknown, after: unknown) =>
    audit.record({
      staffId,
      entity: 'webhook',
      entityId: String(id),
      action: before === null ? 'create' : after === null ? 'delete' : 'update',
      before,
      after,
    });

  function create(staffId: number, input: WebhookInput) {
    const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
    const events = JSON.stringify(input.events);
    const id = store.insertHook({ ...input, events, secret }, clock.now());
    record(staffId, id, null, { ...input, id });
    return { webhook: viewOf(id), secret };
  }

  return {
    list,
    save(staffId, input, version) {
      const saved = deps.inForce(() => {
        if (version === null || input.id === undefined) return create(staffId, input);
        const row = editable(input.id, version);
        const events = JSON.stringify(input.events);
        store.updateHook(row.id, { ...input, events });
        record(staffId, row.id, described(row), described({ ...input, events, active: input.active ? 1 : 0 }));
        return { webhook: viewOf(row.id) };
      });
      deps.outbox.reload();
      return saved;
    },
    remove(staffId, webhookId, version) {
      const left = deps.inForce(() => {
        const row = editable(webhookId, version);
        store.deleteHook(webhookId);
        record(staffId, webhookId, described(row), null);
        return list();
      });
      deps.outbox.reload();
      return left;
    },
    deliveries: (webhookId, limit) => store.deliveries(webhookId ?? null, limit ?? 100),
    retry(staffId, deliveryId) {
      const retried = deps.inTransaction(() => {
        const before = store.delivery(deliveryId);
        if (!before) throw notFound(`Delivery ${deliveryId}`);
        store.retry(deliveryId, clock.now());
        audit.record({
          staffId,
          entity: 'webhook-delivery',
          entityId: String(deliveryId),
          action: 'update',
          before: { status: before.status, attempts: before.attempts },
          after: { status: 'pending', retry: true },
        });
        const after = store.delivery(deliveryId);
        strictAssert(after, `delivery ${deliveryId} vanished inside its own transaction`);
        return after;
      });
      deps.dispatcher.wake();
      return retried;
    },
  };
}
