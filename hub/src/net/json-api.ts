/**
 * What a REST route that takes a JSON body needs: read it within a size
 * limit, answer in the protocol's error envelope with the matching HTTP
 * status, and slow down one address that keeps guessing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from '../hub-error.js';
import { tokenBucket } from '../api/rate-limit.js';
import type { AckError } from '../../../shared/protocol.js';

const STATUS: Record<string, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
};

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

export const refuse = (res: ServerResponse, error: AckError) =>
  sendJson(res, STATUS[error.code] ?? 500, { error });

/**
 * The request's JSON body; `invalid-request` when it is larger than `maxBytes`
 * or not JSON. A body a little too large is read to its end and then refused,
 * so the client hears why; one far too large is cut off.
 */
export function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > 16 * maxBytes) req.destroy();
    });
    req.on('end', () => {
      if (size > maxBytes)
        return reject(new HubError('invalid-request', 'The request is too large'));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HubError('invalid-request', 'The body must be JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** `perMinute` tries a minute for each address; true while the address may try again. */
export function perAddress(perMinute: number, now: () => number) {
  const buckets = new Map<string, () => boolean>();
  return (address: string): boolean => {
    let bucket = buckets.get(address);
    if (!bucket) buckets.set(address, (bucket = tokenBucket(perMinute, perMinute / 60, now)));
    return bucket();
  };
}
