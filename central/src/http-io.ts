/** Reading and answering HTTP requests: bounded bodies, JSON envelopes, cookies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CentralError, ERROR_STATUS } from './central-error.js';

/** A hub's push is at most a few weeks of records (and the fee CSV a few hundred rows). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new CentralError('too-large', `The request is over ${limit} bytes: send fewer records`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CentralError('invalid-request', 'The body is not JSON');
  }
}

/** Form posts from the national page (application/x-www-form-urlencoded). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, err: CentralError) {
  sendJson(res, ERROR_STATUS[err.code], {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
    },
  });
}

export function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,})$/.exec(req.headers.authorization ?? '');
  return m?.[1] ?? null;
}

export function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}) {
  res.writeHead(303, { location: to, ...headers });
  res.end();
}
