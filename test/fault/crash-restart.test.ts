/**
 * A hub killed with SIGKILL mid-stream keeps every ticket it acknowledged
 * (DESIGN.md "Reliability": nothing is acknowledged before it is committed)
 * and, restarted on the same data directory, never reuses a number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect, newRequestId, ok, send, tempDir, type Client } from '../harness.js';
import { noonZone, running, startCli, START_TIMEOUT_MS } from './hub-process.js';
import type { Ticket } from '../../shared/protocol.js';

const ACK_TIMEOUT_MS = 1500;
/** Kill the hub once this many tickets have been acknowledged, while more are in flight. */
const KILL_AFTER_ACKS = 200;
const KIOSKS = 4;
/** Requests each kiosk keeps in flight, so some are always mid-way when the hub dies. */
const IN_FLIGHT_PER_KIOSK = 3;
// Demo centre prefixes: F and ID.
const SERVICES = ['family-book-entry', 'national-id-card'] as const;

/** One kiosk issuing tickets as fast as the hub answers, until told to stop or the hub dies. */
async function kioskLoop(
  kiosk: Client,
  index: number,
  acked: Map<string, Ticket>,
  unanswered: Map<string, string>,
  stop: () => boolean,
) {
  for (let n = 0; !stop(); n++) {
    const serviceId = SERVICES[(index + n) % SERVICES.length] ?? SERVICES[0];
    const requestId = newRequestId();
    unanswered.set(requestId, serviceId);
    let res;
    try {
      res = await kiosk
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('ticket:issue', { serviceId, lang: 'lo', requestId });
    } catch {
      return; // no answer: the hub is gone
    }
    if (!res.ok) throw new Error(`hub refused a ticket: ${res.error.message}`);
    acked.set(requestId, res.data);
    unanswered.delete(requestId);
  }
}

describe('crash and restart', () => {
  const dirs: string[] = [];
  const clients: Client[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const child of running) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged ticket after kill -9 and continues numbering', async () => {
    const dataDir = tempDir('khiu-crash-');
    dirs.push(dataDir);
    const tz = noonZone();
    const first = await startCli(dataDir, tz);
    const t1 = { url: first.url, clients };

    const kiosks = await Promise.all(
      Array.from({ length: KIOSKS }, async () => (await connect(t1, { role: 'kiosk' })).client),
    );
    const acked = new Map<string, Ticket>();
    const unanswered = new Map<string, string>();
    let killed = false;
    const loops = kiosks.flatMap((kiosk, i) =>
      Array.from({ length: IN_FLIGHT_PER_KIOSK }, (_, j) =>
        kioskLoop(kiosk, i + j, acked, unanswered, () => killed),
      ),
    );

    const deadline = Date.now() + START_TIMEOUT_MS;
    while (acked.size < KILL_AFTER_ACKS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
    first.child.kill('SIGKILL');
    killed = true;
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    await Promise.all(loops);
    for (const k of kiosks) k.disconnect();
    // Every ticket a kiosk got an ack for was printed and promised to a citizen.
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The kill landed mid-stream: requests were still waiting for their answer.
    expect(unanswered.size).toBeGreaterThan(0);

    const second = await startCli(dataDir, tz);
    const t2 = { url: second.url, clients };

    // Every acknowledged ticket is there, as the phone would see it and as stored.
    const db = new Database(join(dataDir, 'khiu.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const byRequest = db.prepare<
        [string],
        { id: number; code: string; number: number; label: string; day: string; status: string }
      >('SELECT id, code, number, label, day, status FROM tickets WHERE request_id = ?');
      for (const [requestId, ticket] of acked) {
        expect(byRequest.get(requestId)).toEqual({
          id: ticket.id,
          code: ticket.code,
          number: ticket.number,
          label: ticket.label,
          day: ticket.day,
          status: 'waiting',
        });
      }
      const sample = [...acked.values()].filter((_, i) => i % 10 === 0);
      for (const ticket of sample) {
        const res = await fetch(`${second.url}/api/v1/tickets/${ticket.code}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ label: ticket.label, status: 'waiting' });
      }

      // Numbers per prefix: no duplicates among stored tickets, and the next one follows on.
      const { client: kiosk } = await connect(t2, { role: 'kiosk' });
      for (const serviceId of SERVICES) {
        const ours = [...acked.values()].filter((x) => x.serviceId === serviceId);
        const highestAcked = Math.max(...ours.map((x) => x.number));
        const stored = db
          .prepare<[string], { number: number }>(
            'SELECT number FROM tickets WHERE service_id = ? ORDER BY number',
          )
          .all(serviceId)
          .map((r) => r.number);
        expect(new Set(stored).size).toBe(stored.length);
        const next = ok(
          await send(kiosk, 'ticket:issue', { serviceId, lang: 'lo', requestId: newRequestId() }),
        );
        expect(next.number).toBeGreaterThan(highestAcked);
        expect(next.number).toBe(Math.max(...stored) + 1);
        expect(next.day).toBe(ours[0]?.day);
      }

      // A kiosk that retries a request acknowledged before the crash gets the same ticket.
      const [retriedId, original] = [...acked.entries()][Math.floor(acked.size / 2)] ?? [];
      if (!retriedId || !original) throw new Error('no acknowledged ticket to retry');
      const retried = ok(
        await send(kiosk, 'ticket:issue', {
          serviceId: original.serviceId,
          lang: 'lo',
          requestId: retriedId,
        }),
      );
      expect(retried).toEqual(original);

      // A request cut off by the crash, retried, yields one ticket, never two.
      for (const [requestId, serviceId] of [...unanswered].slice(0, 3)) {
        const res = ok(await send(kiosk, 'ticket:issue', { serviceId, lang: 'lo', requestId }));
        const rows = db
          .prepare<[string], { id: number }>('SELECT id FROM tickets WHERE request_id = ?')
          .all(requestId);
        expect(rows).toEqual([{ id: res.id }]);
      }
    } finally {
      db.close();
    }

    second.child.kill('SIGTERM');
    expect(await second.exited).toMatchObject({ code: 0 });
  });
});
