/**
 * The bench's baseline: a bare Socket.IO server on 127.0.0.1 that acks an
 * `echo` at once, reports its memory, and, when asked, broadcasts one small
 * message to every client. Nothing else, so the hub's ack and delivery times can be read as
 * ratios to what Socket.IO itself costs on this machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('echo', (_payload: unknown, ack: () => void) => ack());
  // The bench reads memory per connection from here as it does from the hub's /api/v1/health.
  socket.on('memory', (_payload: unknown, ack: (m: NodeJS.MemoryUsage) => void) =>
    ack(process.memoryUsage()),
  );
  socket.on('broadcast', (payload: unknown, ack: () => void) => {
    ack();
    setImmediate(() => io.emit('tick', payload));
  });
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`raw broadcast server listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => void io.close().then(() => process.exit(0)));
