/** The REST API (`/api/v1`): health, the public snapshot, one ticket by code. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Views } from '../views/views.js';
import { sendJson } from './json-api.js';
import type { AckError, Snapshot } from '../../../shared/protocol.js';

export const API_PREFIX = '/api/v1';

export interface RestDeps {
  views: Views;
  /** The public snapshot, at the public stream's seq. */
  snapshot: () => Snapshot;
  /** `ok: false` (storage cannot be read or written) answers 503. */
  health: () => Record<string, unknown> & { ok: boolean };
}

const fail = (res: ServerResponse, status: number, error: AckError) =>
  sendJson(res, status, { error });

/** Answers requests under /api/v1; returns false for any other path. */
export function createRestHandler(deps: RestDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return false;
    const path = url.pathname.slice(API_PREFIX.length);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(res, 405, { code: 'invalid-request', message: `${req.method} is not supported here` });
      return true;
    }
    if (path === '/health') {
      const health = deps.health();
      sendJson(res, health.ok === false ? 503 : 200, health);
    } else if (path === '/snapshot') {
      sendJson(res, 200, deps.snapshot());
    } else if (path.startsWith('/tickets/')) {
      // Codes are plain ASCII; anything needing decoding is not a code (and may not decode).
      const code = path.slice('/tickets/'.length);
      const view = /^[A-Za-z0-9_-]{8,32}$/.test(code) ? deps.views.ticket(code) : null;
      if (view) sendJson(res, 200, view);
      else fail(res, 404, { code: 'not-found', message: 'No ticket has that code' });
    } else {
      fail(res, 404, { code: 'not-found', message: `No route ${url.pathname}` });
    }
    return true;
  };
}
