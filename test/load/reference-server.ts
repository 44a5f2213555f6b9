/**
 * The comparison's reference (compare.ts): a queue server of Khiu's own
 * design in about a hundred lines. Socket.IO 4 and better-sqlite3 in WAL
 * with synchronous=FULL; each request is one transaction with its audit row,
 * acked once committed, then broadcast to every client. Call-next takes the
 * oldest waiting ticket of the counter's services through an index. Nothing
 * else: no roles, no validation, no priority, no fold of public events. It
 * answers the same events the bench sends the hub, and its calls carry
 * `"type":"ticket-called"` and `"call":{"ticketId":…}` as the hub's do.
 *
 *   tsx test/load/reference-server.ts <data dir> <counter services as JSON>
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';

interface Row {
  id: number;
  label: string;
  service_id: string;
  status: string;
  counter_id: number | null;
}
type Ack = (reply: { ok: true; data: unknown } | { ok: false; error: { code: string } }) => void;

const [dir = '.', servicesJson = '{}'] = process.argv.slice(2);
const counterServices = JSON.parse(servicesJson) as Record<string, string[]>;
const db = new Database(join(dir, 'reference.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`
  CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, label TEXT NOT NULL,
    service_id TEXT NOT NULL, status TEXT NOT NULL, counter_id INTEGER, queued_at INTEGER NOT NULL,
    called_at INTEGER, finished_at INTEGER) STRICT;
  CREATE INDEX IF NOT EXISTS waiting ON tickets (service_id, queued_at, id) WHERE status = 'waiting';
  CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL,
    at INTEGER NOT NULL, type TEXT NOT NULL) STRICT;
`);
const q = {
  insert: db.prepare(
    'INSERT INTO tickets (label, service_id, status, queued_at) VALUES (?, ?, ?, ?)',
  ),
  byId: db.prepare<[number], Row>('SELECT * FROM tickets WHERE id = ?'),
  head: db.prepare<[string], Row>(
    `SELECT * FROM tickets WHERE status = 'waiting' AND service_id = ? ORDER BY queued_at, id LIMIT 1`,
  ),
  move: db.prepare('UPDATE tickets SET status = ?, counter_id = ?, called_at = ? WHERE id = ?'),
  finish: db.prepare("UPDATE tickets SET status = 'done', finished_at = ? WHERE id = ?"),
  event: db.prepare('INSERT INTO events (ticket_id, at, type) VALUES (?, ?, ?)'),
  waiting: db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM tickets WHERE status = 'waiting'",
  ),
};
let issued = 0;

function step(ticketId: number, status: string, type: string): Row {
  q.move.run(status, q.byId.get(ticketId)?.counter_id ?? null, Date.now(), ticketId);
  q.event.run(ticketId, Date.now(), type);
  const row = q.byId.get(ticketId);
  if (!row) throw new Error('no such ticket');
  return row;
}

function callNext(counterId: number): Row | null {
  const heads = (counterServices[counterId] ?? []).map((s) => q.head.get(s));
  const next = heads.filter((h) => h !== undefined).sort((a, b) => a.id - b.id)[0];
  if (!next) return null;
  q.move.run('called', counterId, Date.now(), next.id);
  q.event.run(next.id, Date.now(), 'call');
  return q.byId.get(next.id) ?? null;
}

const http = createServer();
const io = new Server(http, { serveClient: false });
/** One transaction, then the ack, then the broadcast: the hub's own order. */
function handle(work: () => { data: unknown; events: object[] }, ack: Ack) {
  let out;
  try {
    out = db.transaction(work)();
  } catch {
    return ack({ ok: false, error: { code: 'conflict' } });
  }
  ack({ ok: true, data: out.data });
  for (const e of out.events) io.emit('queue:event', e);
}
const called = (t: Row | null) =>
  t
    ? [{ type: 'ticket-called', call: { ticketId: t.id, label: t.label, counterId: t.counter_id } }]
    : [];

io.on('connection', (socket) => {
  socket.on('ticket:issue', (p: { serviceId: string }, ack: Ack) =>
    handle(() => {
      const id = Number(
        q.insert.run(`R${++issued}`, p.serviceId, 'waiting', Date.now()).lastInsertRowid,
      );
      q.event.run(id, Date.now(), 'issue');
      const ticket = q.byId.get(id);
      return {
        data: ticket,
        events: [{ type: 'ticket-issued', ticket, waiting: q.waiting.get()?.n }],
      };
    }, ack),
  );
  socket.on('counter:call-next', (p: { counterId: number }, ack: Ack) =>
    handle(() => {
      const t = callNext(p.counterId);
      return { data: t, events: called(t) };
    }, ack),
  );
  socket.on('ticket:start', (p: { ticketId: number }, ack: Ack) =>
    handle(() => {
      const t = step(p.ticketId, 'serving', 'start');
      return { data: t, events: [{ type: 'ticket-started', ticket: t }] };
    }, ack),
  );
  socket.on('ticket:no-show', (p: { ticketId: number }, ack: Ack) =>
    handle(() => {
      const t = step(p.ticketId, 'no_show', 'no-show');
      return { data: t, events: [{ type: 'ticket-no-show', ticket: t }] };
    }, ack),
  );
  socket.on(
    'counter:complete-and-call-next',
    (p: { counterId: number; ticketId: number }, ack: Ack) =>
      handle(() => {
        q.finish.run(Date.now(), p.ticketId);
        q.event.run(p.ticketId, Date.now(), 'complete');
        const next = callNext(p.counterId);
        const completed = q.byId.get(p.ticketId);
        const events = [{ type: 'ticket-completed', ticket: completed }, ...called(next)];
        return { data: { completed, called: next }, events };
      }, ack),
  );
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`reference server listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => void io.close().then(() => process.exit(0)));
