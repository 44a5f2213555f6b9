/**
 * The console's part of the integration API: API tokens (made and revoked by
 * managers) and webhooks with their delivery log. Supervisors and managers
 * read them; a supervisor may also retry a delivery, as they reprint a slip.
 */
import type { Handlers } from '../handler.js';
import type { WebhookAdmin } from '../webhooks/webhook-admin.js';
import type { ApiTokens } from './api-tokens.js';

type IntegrationEvent =
  | 'api-token:list'
  | 'api-token:create'
  | 'api-token:revoke'
  | 'webhook:list'
  | 'webhook:save'
  | 'webhook:delete'
  | 'webhook:deliveries'
  | 'webhook:retry';

export function integrationHandlers(deps: {
  tokens: ApiTokens;
  webhooks: WebhookAdmin;
  /** Runs an edit of the configuration in force (config-editor.ts `editInForce`). */
  inForce: <T>(work: () => T) => T;
}): Handlers<IntegrationEvent> {
  const { tokens, webhooks, inForce } = deps;
  return {
    'api-token:list': (ctx) => (ctx.staff(), tokens.list()),
    'api-token:create': (ctx, { token }) => {
      const by = ctx.manager().id;
      return inForce(() => tokens.create(by, token));
    },
    'api-token:revoke': (ctx, { tokenId, version }) => {
      const by = ctx.manager().id;
      return inForce(() => tokens.revoke(by, tokenId, version));
    },
    'webhook:list': (ctx) => (ctx.staff(), webhooks.list()),
    'webhook:save': (ctx, { webhook, version }) =>
      webhooks.save(ctx.manager().id, webhook, version),
    'webhook:delete': (ctx, { webhookId, version }) =>
      webhooks.remove(ctx.manager().id, webhookId, version),
    'webhook:deliveries': (ctx, { webhookId, limit }) => (
      ctx.staff(),
      webhooks.deliveries(webhookId, limit)
    ),
    'webhook:retry': (ctx, { deliveryId }) => webhooks.retry(ctx.staff().id, deliveryId),
  };
}
