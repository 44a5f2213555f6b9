/**
 * The bench's memory figure: one server in a process of its own, run with
 * --expose-gc, so its memory can be read after a full collection rather
 * than with whatever garbage the last second left. The bench starts two,
 * the hub (demo centre, in a temporary data directory) and a bare Socket.IO
 * server (raw-broadcast-server.ts's, with nothing to broadcast), connects the
 * same displays to each in turns, and reads memory per connection as the
 * growth over those displays. Driven over the IPC channel:
 *   → { type: 'start', kind: 'hub' | 'bare' }  ← { type: 'listening', url }
 *   → { type: 'measure' }                       ← { type: 'memory', rss, heapUsed, external }
 *   → { type: 'close' }                         (exits)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { createHub } from '../../hub/src/app.js';
import { openDatabase } from '../../hub/src/db/open.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { seedCentre } from '../../hub/src/demo/seed.js';

export type ProbeCommand =
  { type: 'start'; kind: 'hub' | 'bare' } | { type: 'measure' } | { type: 'close' };
export type ProbeReply =
  | { type: 'listening'; url: string }
  | { type: 'memory'; rss: number; heapUsed: number; external: number };

const gc = (globalThis as { gc?: () => void }).gc;
const dir = mkdtempSync(join(tmpdir(), 'khiu-memory-probe-'));
let close = async () => {};

async function startHub(): Promise<string> {
  const db = openDatabase(join(dir, 'khiu.sqlite'));
  seedCentre(db, DEMO_CENTRE, { sampleFees: true });
  const hub = createHub({ db, demo: true });
  close = () => hub.close();
  return hub.listen(0, '127.0.0.1');
}

async function startBare(): Promise<string> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  close = () => io.close();
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** After two full collections and a moment for the sockets' own buffers to settle. */
async function measure(): Promise<ProbeReply> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc?.();
  gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { type: 'memory', rss, heapUsed, external };
}

const send = (reply: ProbeReply) => process.send?.(reply);

if (process.send) {
  if (!gc) throw new Error('memory-probe.ts needs --expose-gc');
  process.on('message', (command: ProbeCommand) => {
    switch (command.type) {
      case 'start':
        void (command.kind === 'hub' ? startHub() : startBare()).then((url) =>
          send({ type: 'listening', url }),
        );
        break;
      case 'measure':
        void measure().then(send);
        break;
      case 'close':
        void close().then(() => {
          rmSync(dir, { recursive: true, force: true });
          process.exit(0);
        });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
