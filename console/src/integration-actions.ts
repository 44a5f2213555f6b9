/**
 * The Integrations screen's requests: API tokens (make, revoke), webhooks
 * (save, remove) and the delivery log (read, retry). A new token and a new
 * webhook's secret come back once and are shown until the manager closes
 * them; the lists are read again after every change, and the log refreshes
 * by itself while it is on screen.
 */
import { create } from 'zustand';
import {
  RequestSchemas,
  type ApiScope,
  type ApiTokenView,
  type WebhookDeliveryView,
  type WebhookInput,
  type WebhookView,
} from '../../shared/protocol.js';
import { checkLocally, refused, request } from './config-actions.js';
import { ask } from './connection.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

/** Something the hub shows once: a token or a webhook's signing secret, and whose. */
export interface ShownOnce {
  kind: 'token' | 'secret';
  name: string;
  value: string;
}

interface IntegrationsState {
  tokens: ApiTokenView[] | null;
  webhooks: WebhookView[] | null;
  deliveries: WebhookDeliveryView[] | null;
  shown: ShownOnce | null;
  /** The webhook in the form: null for a new one. */
  editing: WebhookView | null;
  /** One more after each save, so the form starts empty again. */
  saves: number;
}

export const useIntegrationsStore = create<IntegrationsState>()(() => ({
  tokens: null,
  webhooks: null,
  deliveries: null,
  shown: null,
  editing: null,
  saves: 0,
}));

async function load<T>(
  send: Parameters<typeof ask<T>>[0],
  into: (data: T) => Partial<IntegrationsState>,
): Promise<void> {
  const ack = await ask(send);
  if (ack?.ok) useIntegrationsStore.setState(into(ack.data));
  else useConsoleStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
}

export const loadTokens = () =>
  load(
    (h) => h.request('api-token:list', {}),
    (tokens) => ({ tokens }),
  );
export const loadWebhooks = () =>
  load(
    (h) => h.request('webhook:list', {}),
    (webhooks) => ({ webhooks }),
  );
export const loadDeliveries = () =>
  load(
    (h) => h.request('webhook:deliveries', { limit: 50 }),
    (deliveries) => ({ deliveries }),
  );

export async function makeToken(name: string, scopes: ApiScope[]): Promise<boolean> {
  const payload = { token: { name: name.trim(), scopes } };
  if (!checkLocally(RequestSchemas['api-token:create'], payload)) return false;
  const made = await request('tokens', (h) => h.request('api-token:create', payload));
  if (!made) return false;
  useIntegrationsStore.setState({
    shown: { kind: 'token', name: made.token.name, value: made.secret },
  });
  await loadTokens();
  return true;
}

export async function revokeToken(token: ApiTokenView): Promise<void> {
  const ack = await ask((h) =>
    h.request('api-token:revoke', { tokenId: token.id, version: token.version }),
  );
  if (ack && !ack.ok) await refused(ack.error);
  else if (!ack) useConsoleStore.setState({ notice: UNREACHABLE });
  await loadTokens();
}

export async function saveWebhook(input: WebhookInput, version: number | null): Promise<boolean> {
  const payload = {
    webhook: { ...input, name: input.name.trim(), url: input.url.trim() },
    version,
  };
  if (!checkLocally(RequestSchemas['webhook:save'], payload)) return false;
  useConsoleStore.setState({ notice: null, fieldErrors: [] });
  const ack = await ask((h) => h.request('webhook:save', payload));
  if (!ack) {
    useConsoleStore.setState({ notice: UNREACHABLE });
    return false;
  }
  if (!ack.ok) {
    await refused(ack.error);
    if (ack.error.reason === 'stale-version') await loadWebhooks();
    return false;
  }
  const { webhook, secret } = ack.data;
  if (secret)
    useIntegrationsStore.setState({ shown: { kind: 'secret', name: webhook.name, value: secret } });
  useIntegrationsStore.setState((s) => ({ editing: null, saves: s.saves + 1 }));
  useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  await loadWebhooks();
  return true;
}

export async function removeWebhook(webhook: WebhookView): Promise<void> {
  const left = await request('webhooks', (h) =>
    h.request('webhook:delete', { webhookId: webhook.id, version: webhook.version }),
  );
  if (left) useIntegrationsStore.setState({ webhooks: left, editing: null });
  await loadDeliveries();
}

export async function retryDelivery(delivery: WebhookDeliveryView): Promise<void> {
  const done = await request('deliveries', (h) =>
    h.request('webhook:retry', { deliveryId: delivery.id }),
  );
  if (done) {
    useConsoleStore.setState({ notice: { key: 'console.deliveries.retried', tone: 'info' } });
  }
  await Promise.all([loadDeliveries(), loadWebhooks()]);
}
