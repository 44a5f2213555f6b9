/**
 * The REST API (`/api/v1`): one router over the operations table
 * (hub/src/api/operation.ts), plus the OpenAPI document built from the same
 * table and its readable page. Per request: match the path, check the token
 * (live, holding the operation's scope, within its rate), read and check
 * the body, answer; every refusal in the protocol's error envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ApiTokens, TokenHolder } from '../api/api-tokens.js';
import type { ApiOperation } from '../api/operation.js';
import type { TokenRate } from '../api/token-rate.js';
import { perTokenRate } from '../api/token-rate.js';
import { API_DOCS_PATH, API_PREFIX, OPENAPI_PATH } from '../api/paths.js';
import { fieldErrors, HubError } from '../hub-error.js';
import { readJson, sendJson } from './json-api.js';
import type { AckError, ErrorCode, Lang } from '../../../shared/protocol.js';

export { API_PREFIX } from '../api/paths.js';
const MAX_BODY_BYTES = 16 * 1024;

export interface RestDeps {
  operations: readonly ApiOperation[];
  tokens: ApiTokens;
  rate: TokenRate;
  now: () => number;
  log: Logger;
  /** The OpenAPI document (built once). */
  document: () => unknown;
  /** The document as a page a person reads. */
  docsPage: (lang: Lang) => string;
}

const STATUS: Record<ErrorCode, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  closed: 409,
  'rate-limited': 429,
  'storage-full': 507,
  internal: 500,
};

function fail(res: ServerResponse, error: AckError, headers: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, STATUS[error.code], { error });
}

interface Route {
  op: ApiOperation;
  pattern: RegExp;
  names: string[];
}

function routeOf(op: ApiOperation): Route {
  const names: string[] = [];
  const source = op.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { op, pattern: new RegExp(`^${source}$`), names };
}

type OverRate = (tokenId: number) => number | null;

const bearerOf = (req: IncomingMessage) =>
  /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;

/** The token's holder when the operation may go on with it; a HubError (or 429) otherwise. */
function authorise(
  req: IncomingMessage,
  op: ApiOperation,
  deps: RestDeps,
  overRate: OverRate,
): TokenHolder | null {
  if (!op.auth) return null;
  const bearer = bearerOf(req);
  if (bearer === null) {
    if (op.auth.open) return null;
    throw new HubError(
      'unauthorized',
      'This needs an API token (Authorization: Bearer …)',
      'token-invalid',
    );
  }
  const holder = deps.tokens.check(bearer);
  if (!holder)
    throw new HubError('unauthorized', 'This API token is unknown or was revoked', 'token-invalid');
  if (!holder.scopes.includes(op.auth.scope)) {
    throw new HubError(
      'forbidden',
      `This API token does not hold the ${op.auth.scope} scope`,
      'scope-missing',
      {
        params: { scope: op.auth.scope },
      },
    );
  }
  const waitMs = overRate(holder.id);
  if (waitMs !== null) {
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    throw new HubError('rate-limited', 'Too many requests with this token', undefined, {
      params: { retryAfter },
    });
  }
  deps.tokens.used(holder.id);
  return holder;
}

interface Asked {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  op: ApiOperation;
  params: Record<string, string>;
}

async function answer({ req, res, url, op, params }: Asked, deps: RestDeps, overRate: OverRate) {
  const token = authorise(req, op, deps, overRate);
  let body: unknown = undefined;
  if (op.body) {
    const parsed = op.body.safeParse(await readJson(req, MAX_BODY_BYTES));
    if (!parsed.success) {
      throw new HubError('invalid-request', 'Some fields are wrong', undefined, {
        fields: fieldErrors(parsed.error),
      });
    }
    body = parsed.data;
  }
  const address = req.socket.remoteAddress ?? '';
  const result = await op.handle({ params, query: url.searchParams, body, token, address });
  sendJson(res, result.status, result.body);
}

/** The refusal in the error envelope: 401 names the scheme, 429 says when to come back. */
function refused(res: ServerResponse, err: unknown, log: Logger, url: string | undefined) {
  if (res.headersSent) return;
  if (!(err instanceof HubError)) {
    log.error({ err, url }, 'API request failed');
    return fail(res, { code: 'internal', message: 'The hub could not do that' });
  }
  const headers: Record<string, string> = {};
  if (err.code === 'unauthorized') headers['www-authenticate'] = 'Bearer';
  if (err.code === 'rate-limited')
    headers['retry-after'] = String(err.detail.params?.['retryAfter']);
  fail(res, err.toAck(), headers);
}

/** `GET /api/v1/openapi.json` and its page; false for any other request. */
function documentRoute(req: IncomingMessage, res: ServerResponse, url: URL, deps: RestDeps) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (url.pathname === OPENAPI_PATH) {
    sendJson(res, 200, deps.document());
    return true;
  }
  if (url.pathname !== API_DOCS_PATH) return false;
  const page = deps.docsPage(url.searchParams.get('lang') === 'en' ? 'en' : 'lo');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'content-length': Buffer.byteLength(page),
  });
  res.end(page);
  return true;
}

/** Answers requests under /api/v1; returns false for any other path. */
export function createRestHandler(deps: RestDeps) {
  const routes = deps.operations.map(routeOf);
  const overRate = perTokenRate(deps.rate, deps.now);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return false;
    const method = req.method === 'HEAD' ? 'get' : (req.method ?? '').toLowerCase();
    if (documentRoute(req, res, url, deps)) return true;
    const path = url.pathname.slice(API_PREFIX.length);
    const matches = routes.flatMap((r) => {
      const m = r.pattern.exec(path);
      return m ? [{ route: r, values: m.slice(1) }] : [];
    });
    const hit = matches.find((m) => m.route.op.method === method);
    if (!hit) {
      if (method !== 'get') {
        const error = { code: 'invalid-request', message: `${req.method} is not supported here` };
        sendJson(res, 405, { error });
      } else {
        fail(res, { code: 'not-found', message: `No route ${url.pathname}` });
      }
      return true;
    }
    const params = Object.fromEntries(hit.route.names.map((n, i) => [n, hit.values[i] ?? '']));
    const asked = { req, res, url, op: hit.route.op, params };
    answer(asked, deps, overRate).catch((err: unknown) => refused(res, err, deps.log, req.url));
    return true;
  };
}
