/**
 * `GET /api/v1/setup` (is setup needed?) and `POST /api/v1/setup` (the wizard's
 * one request: the code, the centre, the first manager). Wrong codes are slow:
 * a few tries a minute per address. Once a manager exists every POST is 409.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fieldErrors, HubError } from '../hub-error.js';
import { setupDone, type Setup } from '../setup/setup.js';
import { perAddress, readJson, refuse, sendJson } from './json-api.js';
import { API_PREFIX } from './rest.js';
import { SetupInputSchema } from '../../../shared/protocol.js';

export const SETUP_PATH = `${API_PREFIX}/setup`;
/** The wizard's body is a few hundred bytes; anything near this is not the wizard. */
export const MAX_SETUP_BODY_BYTES = 16 * 1024;

export interface SetupRouteOptions {
  /** Tries per minute per address (default 5). */
  triesPerMinute?: number | undefined;
  now: () => number;
  log: Logger;
}

/** Resolves with the new console's token once this request set the centre up. */
async function post(
  setup: Setup,
  req: IncomingMessage,
  allow: () => boolean,
): Promise<{ consoleToken: string }> {
  if (!setup.needed()) throw setupDone();
  if (!allow()) throw new HubError('rate-limited', 'Too many tries: wait a minute');
  const body = await readJson(req, MAX_SETUP_BODY_BYTES);
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
  return setup.complete(parsed.data);
}

/** The route; `onDone` runs after the answer to the request that set the centre up is sent. */
export function createSetupRoute(setup: Setup, opts: SetupRouteOptions, onDone = () => {}) {
  const allow = perAddress(opts.triesPerMinute ?? 5, opts.now);

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url ?? '/', 'http://hub').pathname !== SETUP_PATH) return false;
    if (req.method === 'GET' || req.method === 'HEAD') {
      sendJson(res, 200, { needed: setup.needed() });
    } else if (req.method === 'POST') {
      post(setup, req, () => allow(req.socket.remoteAddress ?? '')).then(
        ({ consoleToken }) => {
          res.once('finish', onDone);
          sendJson(res, 201, { ok: true, consoleToken });
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
