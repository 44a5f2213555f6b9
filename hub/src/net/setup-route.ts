/**
 * `GET /api/v1/setup` (is setup needed?) and `POST /api/v1/setup` (the wizard's
 * one request: the code, the centre, the first manager). Wrong codes are slow:
 * a few tries a minute per address. Once a manager exists every POST is 409.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fieldErrors, HubError } from '../hub-error.js';
import { setupDone, type Setup } from '../setup/setup.js';
import { tokenBucket } from './rate-limit.js';
import { API_PREFIX } from './rest.js';
import { SetupInputSchema, type AckError } from '../../../shared/protocol.js';

export const SETUP_PATH = `${API_PREFIX}/setup`;
/** The wizard's body is a few hundred bytes; anything near this is not the wizard. */
export const MAX_SETUP_BODY_BYTES = 16 * 1024;

export interface SetupRouteOptions {
  /** Tries per minute per address (default 5). */
  triesPerMinute?: number | undefined;
  now: () => number;
  log: Logger;
}

const STATUS: Record<string, number> = {
  'invalid-request': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
};

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

const refuse = (res: ServerResponse, error: AckError) =>
  send(res, STATUS[error.code] ?? 500, { error });

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_SETUP_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_SETUP_BODY_BYTES) {
        return reject(new HubError('invalid-request', 'The request is too large'));
      }
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HubError('invalid-request', 'The body must be JSON'));
      }
    });
    req.on('error', reject);
    // Far too large: not the wizard. Answered once the client stops sending, then closed.
    req.on('data', () => {
      if (size > 16 * MAX_SETUP_BODY_BYTES) req.destroy();
    });
  });
}

/** Resolves true once this request set the centre up. */
async function post(setup: Setup, req: IncomingMessage, allow: () => boolean): Promise<boolean> {
  if (!setup.needed()) throw setupDone();
  if (!allow()) throw new HubError('rate-limited', 'Too many tries: wait a minute');
  const body = await readBody(req);
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : null;
  if (!setup.checkCode(code)) {
    throw new HubError('forbidden', 'That is not the setup code the hub shows', 'setup-code');
  }
  const parsed = SetupInputSchema.safeParse(body);
  if (!parsed.success) {
    throw new HubError('invalid-request', 'Some fields need another look', undefined, {
      fields: fieldErrors(parsed.error),
    });
  }
  setup.complete(parsed.data);
  return true;
}

/** The route; `onDone` runs after the answer to the request that set the centre up is sent. */
export function createSetupRoute(setup: Setup, opts: SetupRouteOptions, onDone = () => {}) {
  const perMinute = opts.triesPerMinute ?? 5;
  const buckets = new Map<string, () => boolean>();
  const allow = (address: string) => {
    let bucket = buckets.get(address);
    if (!bucket) buckets.set(address, (bucket = tokenBucket(perMinute, perMinute / 60, opts.now)));
    return bucket();
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url ?? '/', 'http://hub').pathname !== SETUP_PATH) return false;
    if (req.method === 'GET' || req.method === 'HEAD') {
      send(res, 200, { needed: setup.needed() });
    } else if (req.method === 'POST') {
      post(setup, req, () => allow(req.socket.remoteAddress ?? '')).then(
        () => {
          res.once('finish', onDone);
          send(res, 201, { ok: true });
        },
        (err: unknown) => {
          if (err instanceof HubError) return refuse(res, err.toAck());
          opts.log.error({ err }, 'setup failed');
          refuse(res, { code: 'internal', message: 'The hub could not do that' });
        },
      );
    } else {
      refuse(res, { code: 'invalid-request', message: `${req.method} is not supported here` });
    }
    return true;
  };
}
