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
import type { WebhookDeliveryView, WebhookInput, WebhookView } from '../../../shared/protocol.js';

const SECRET_PREFIX = 'whsec_';

export interface WebhookAdmin {
  list(): WebhookView[];
  save(
    staffId: number,
    input: WebhookInput,
    version: number | null,
  ): { webhook: WebhookView; secret?: string };
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

function viewOf(store: WebhookStore, id: number): WebhookView {
  const row = store.hook(id);
  strictAssert(row, `webhook ${id} vanished inside its own transaction`);
  return hookView(row, store.counts(id));
}

/** The webhook as it is, checked against the version the edit was made on. */
function editable({ store, audit }: WebhookAdminDeps, id: number, version: number): WebhookRow {
  const row = store.hook(id);
  if (!row) throw notFound(`Webhook ${id}`);
  audit.checkVersion('webhook', String(id), row.version, version);
  return row;
}

function record(
  deps: WebhookAdminDeps,
  staffId: number,
  id: number,
  before: unknown,
  after: unknown,
) {
  deps.audit.record({
    staffId,
    entity: 'webhook',
    entityId: String(id),
    action: before === null ? 'create' : after === null ? 'delete' : 'update',
    before,
    after,
  });
}

/** A new webhook gets its secret here, returned once; the audit row never holds it. */
function create(deps: WebhookAdminDeps, staffId: number, input: WebhookInput) {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const events = JSON.stringify(input.events);
  const id = deps.store.insertHook({ ...input, events, secret }, deps.clock.now());
  record(deps, staffId, id, null, { ...input, id });
  return { webhook: viewOf(deps.store, id), secret };
}

function update(
  deps: WebhookAdminDeps,
  staffId: number,
  input: WebhookInput & { id: number },
  version: number,
) {
  const row = editable(deps, input.id, version);
  const events = JSON.stringify(input.events);
  deps.store.updateHook(row.id, { ...input, events });
  const after = described({ ...input, events, active: input.active ? 1 : 0 });
  record(deps, staffId, row.id, described(row), after);
  return { webhook: viewOf(deps.store, row.id) };
}

/** Due now, whatever it was; the same body and key go again. */
function retry(deps: WebhookAdminDeps, staffId: number, deliveryId: number): WebhookDeliveryView {
  const { store, audit, clock } = deps;
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
}

export function createWebhookAdmin(deps: WebhookAdminDeps): WebhookAdmin {
  const { store } = deps;
  const list = () => store.hooks().map((r) => hookView(r, store.counts(r.id)));
  /** The outbox reads the webhooks again once an edit is committed (or refused). */
  const edit = <T>(work: () => T): T => {
    try {
      return deps.inForce(work);
    } finally {
      deps.outbox.reload();
    }
  };
  return {
    list,
    save: (staffId, input, version) =>
      edit(() =>
        version === null || input.id === undefined
          ? create(deps, staffId, input)
          : update(deps, staffId, { ...input, id: input.id }, version),
      ),
    remove: (staffId, webhookId, version) =>
      edit(() => {
        const row = editable(deps, webhookId, version);
        store.deleteHook(webhookId);
        record(deps, staffId, webhookId, described(row), null);
        return list();
      }),
    deliveries: (webhookId, limit) => store.deliveries(webhookId ?? null, limit ?? 100),
    retry(staffId, deliveryId) {
      const retried = deps.inTransaction(() => retry(deps, staffId, deliveryId));
      deps.dispatcher.wake();
      return retried;
    },
  };
}
