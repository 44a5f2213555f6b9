/** HTTP requests no browser sends but anyone on the LAN can: answered plainly, never as a crash. */
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../harness.js';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Sends `path` exactly as given (fetch would normalise it). */
function get(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP edges', () => {
  it('answers a path that is not a URL (GET //) with 400 and logs no error', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startHub({ log: pino({ level: 'info' }, sink) });
    for (const path of ['//', '//x/api/v1/health']) {
      const res = await get(t.url, path);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'invalid-request' } });
    }
    expect(lines.filter((l) => /"level":50|stack/.test(l))).toEqual([]);
    // The hub still serves proper requests afterwards.
    expect((await get(t.url, '/api/v1/health')).status).toBe(200);
  });
});
