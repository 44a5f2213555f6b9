/**
 * Same-origin really holds: the two tricks that opened a socket from another
 * origin are refused — a JSONP polling handshake (no `Origin` at all) and DNS
 * rebinding (`Host` and `Origin` both another name) — while the hub's own
 * names go on working.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../harness.js';

let t: TestHub;
let port: number;

beforeAll(async () => {
  t = await startHub();
  port = Number(new URL(t.url).port);
});
afterAll(() => t.close());

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const HANDSHAKE = '/socket.io/?EIO=4&transport=polling';

describe('same origin', () => {
  it('opens a polling handshake by its own address and by localhost', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const res = await get(HANDSHAKE, { host });
      expect(res.status, host).toBe(200);
      expect(res.body).toContain('"sid"');
    }
  });

  it('refuses a JSONP polling handshake, so no session exists for a WebSocket to upgrade', async () => {
    const sessions = t.hub.io.engine.clientsCount;
    const res = await get(`${HANDSHAKE}&j=0`, { host: `127.0.0.1:${port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('sid');
    expect(t.hub.io.engine.clientsCount).toBe(sessions);
  });

  it('refuses DNS rebinding: Host and Origin both another name, for sockets and for REST', async () => {
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const socket = await get(HANDSHAKE, evil);
    expect(socket.status).toBe(403);
    expect(socket.body).not.toContain('sid');
    const rest = await get('/api/v1/health', evil);
    expect(rest.status).toBe(421);
    expect(JSON.parse(rest.body)).toMatchObject({ error: { code: 'forbidden' } });
    const app = await get('/kiosk/', { host: `evil.example:${port}` });
    expect(app.status).toBe(421);
    expect((await get('/api/v1/health', { host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses a request with no Host at all (Node answers 400 before the hub sees it)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/v1/health', setHost: false },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res).toBe(400);
  });
});
