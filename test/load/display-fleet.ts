/**
 * A bench child process holding a share of the thousand displays. Receiving
 * a thousand frames takes a single process longer than the hub takes to send
 * them, so the displays are spread over a few of these and each frame is
 * stamped on arrival with the system-wide monotonic clock; the bench compares
 * the stamps with the moment it sent the call. Driven over the IPC channel:
 *   → { type: 'connect', url, role, count, marker }  ← { type: 'connected' }
 *   → { type: 'collect' }                            ← { type: 'samples', samples }
 *   → { type: 'close' }                              (exits)
 * `marker` is a regular expression whose first group names the broadcast a
 * frame belongs to (e.g. the called ticket's id).
 */
import { connectLight, type LightClient } from './light-client.js';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';

export type FleetCommand =
  | { type: 'connect'; url: string; role: string; count: number; marker: string }
  | { type: 'collect' }
  | { type: 'close' };
export type FleetReply =
  { type: 'connected' } | { type: 'samples'; samples: [key: string, arrivedMs: number][] };

const CONNECT_BATCH = 50;
/** CLOCK_MONOTONIC is one clock for every process on the machine. */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

let sockets: LightClient[] = [];
let samples: [string, number][] = [];

async function connectAll(command: Extract<FleetCommand, { type: 'connect' }>) {
  const marker = new RegExp(command.marker);
  for (let i = 0; i < command.count; i += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, command.count - i);
    const more = await Promise.all(
      Array.from({ length: batch }, () =>
        connectLight(command.url, { protocol: PROTOCOL_VERSION, role: command.role }),
      ),
    );
    for (const socket of more) {
      socket.onFrame((frame) => {
        const key = marker.exec(frame)?.[1];
        if (key !== undefined) samples.push([key, monotonicMs()]);
      });
    }
    sockets.push(...more);
  }
}

const send = (reply: FleetReply) => process.send?.(reply);

if (process.send) {
  process.on('message', (command: FleetCommand) => {
    switch (command.type) {
      case 'connect':
        void connectAll(command).then(() => send({ type: 'connected' }));
        break;
      case 'collect':
        send({ type: 'samples', samples });
        samples = [];
        break;
      case 'close':
        for (const s of sockets) s.close();
        sockets = [];
        process.exit(0);
    }
  });
  // The bench went away without saying goodbye: do not linger.
  process.on('disconnect', () => process.exit(0));
}
