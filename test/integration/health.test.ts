/**
 * /health tells the truth: it answers 200 only when the hub can really read
 * the day's tickets and write, and 503 with the reason when it cannot (it
 * said 200 with a read-only data directory while every issue failed).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, send, startHub, type TestHub } from '../harness.js';

describe('GET /api/v1/health', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startHub();
  });
  afterEach(() => t.close());
  const health = async () => {
    const res = await fetch(`${t.url}/api/v1/health`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('is 200 while the hub can read and write', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('is 503 with the reason when the database cannot be written, and 200 again after', async () => {
    t.db.pragma('query_only = ON'); // as a read-only data directory: every write fails
    expect(await health()).toMatchObject({
      status: 503,
      body: { ok: false, problem: { code: 'SQLITE_READONLY' } },
    });
    t.db.pragma('query_only = OFF');
    expect((await health()).status).toBe(200);
  });

  it("is 503 when the day's tickets cannot be read", async () => {
    t.db.exec('ALTER TABLE tickets RENAME TO tickets_lost');
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/tickets/) },
    });
    t.db.exec('ALTER TABLE tickets_lost RENAME TO tickets');
  });

  it('a full disk answers storage-full, which apps say in words, not internal', async () => {
    const { client: kiosk } = await connect(t, { role: 'kiosk' });
    const pages = t.db.pragma('page_count', { simple: true }) as number;
    t.db.pragma(`max_page_count = ${pages}`); // no page more: as a full disk
    const codes = new Set<string>();
    for (let i = 0; i < 300 && !codes.has('storage-full'); i++) {
      const ack = await send(kiosk, 'ticket:issue', {
        serviceId: 'family-book-entry',
        lang: 'lo',
        priority: 'none',
        requestId: `full-${i}`,
      });
      codes.add(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes).toContain('storage-full');
    expect(codes).not.toContain('internal');
  });
});
