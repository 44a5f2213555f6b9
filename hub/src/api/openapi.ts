/**
 * /api/v1's OpenAPI 3.1 document, built by zod-openapi from the operations'
 * own zod schemas (the ones the hub validates with), so the document cannot
 * drift from what the hub accepts and answers. The errors every operation
 * shares are added here from what its `auth` and `body` say; the webhooks
 * are described from the payload schema the hub signs and sends.
 */
import 'zod-openapi';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { z } from 'zod';
import { API_PREFIX } from './paths.js';
import type { ApiOperation } from './operation.js';
import {
  SIGNATURE_HEADER,
  IDEMPOTENCY_HEADER,
  EVENT_HEADER,
  SIGNATURE_TOLERANCE_MS,
} from '../webhooks/signature.js';
import {
  API_SCOPES,
  ApiErrorSchema,
  WEBHOOK_EVENTS,
  WebhookPayloadSchema,
} from '../../../shared/protocol.js';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ApiErrorSchema) });

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds until this token may send its next request',
    schema: { type: 'integer' as const, minimum: 1 },
  },
};

function documented(op: ApiOperation): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = r.schema
      ? { description: r.description, ...json(r.schema) }
      : error(r.description);
  }
  if (op.body) responses['400'] ??= error('The body is not JSON, too large, or has wrong fields');
  if (op.auth) {
    responses['401'] = error('No token where one is needed, or an unknown or revoked one');
    responses['403'] = error(`The token does not hold the \`${op.auth.scope}\` scope`);
    responses['429'] = {
      ...error('This token sent too many requests: wait `Retry-After` seconds'),
      headers: RETRY_AFTER,
    };
  }
  const security = op.auth ? [...(op.auth.open ? [{}] : []), { apiToken: [op.auth.scope] }] : [];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.params ? { requestParams: { path: op.params } } : {}),
    ...(op.body ? { requestBody: { required: true, ...json(op.body) } } : {}),
    security,
    responses,
  };
}

function webhookDoc(): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  const headers = z.object({
    [SIGNATURE_HEADER]: z.string().meta({
      description:
        '`t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the webhook secret>`; ' +
        `reject it when t is more than ${SIGNATURE_TOLERANCE_MS / 60_000} minutes from your clock`,
    }),
    [IDEMPOTENCY_HEADER]: z
      .string()
      .meta({ description: 'The same on every try of one delivery: act on it once' }),
    [EVENT_HEADER]: z.enum(WEBHOOK_EVENTS),
  });
  for (const event of WEBHOOK_EVENTS) {
    paths[event] = {
      post: {
        summary: event,
        requestParams: { header: headers },
        requestBody: { required: true, ...json(WebhookPayloadSchema) },
        responses: {
          '200': { description: 'Any 2xx: received. Anything else, or no answer in time: retried' },
        },
      },
    };
  }
  return paths;
}

export function openApiDocument(operations: readonly ApiOperation[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    item[op.method] = documented(op);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Khiu hub API',
      version,
      description:
        'The REST API of one centre’s Khiu hub: read the queue, issue tickets, and (with ' +
        'webhooks) hear about calls. Tokens are made in the console (Integrations); see ' +
        'docs/api.md for scopes, rate limits, webhook signatures and retries.',
    },
    servers: [{ url: API_PREFIX }],
    tags: [
      { name: 'hub', description: 'The hub itself' },
      { name: 'queue', description: 'The centre and its queues' },
      { name: 'tickets', description: 'One ticket' },
      { name: 'Appointments', description: 'Slots, bookings and check-in' },
    ],
    paths,
    webhooks: webhookDoc(),
    components: {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: `An API token from the console. Scopes: ${API_SCOPES.join(', ')}.`,
        },
      },
    },
  });
}
