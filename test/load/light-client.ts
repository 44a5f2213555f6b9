/**
 * A bare Engine.IO/Socket.IO v4 client over one WebSocket, for the bench's
 * thousand displays. A full socket.io-client parses every message into
 * objects; a thousand of them in one process measure the load generator,
 * not the hub. This one only answers pings and hands each raw frame to a
 * callback, so delivery times are the hub's.
 */
import WebSocket from 'ws';

export interface LightClient {
  onFrame(listener: (frame: string) => void): void;
  /** Sends an event with an ack and resolves with the ack's argument, parsed. */
  request(event: string, payload: unknown): Promise<unknown>;
  close(): void;
}

export function connectLight(httpUrl: string, auth: object): Promise<LightClient> {
  const ws = new WebSocket(
    `${httpUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`,
    // The hub's frames are trusted here, and this is the load generator's hot path.
    { skipUTF8Validation: true },
  );
  const listeners: ((frame: string) => void)[] = [];
  const acks = new Map<number, (value: unknown) => void>();
  let nextAck = 0;
  const client: LightClient = {
    onFrame: (listener) => listeners.push(listener),
    request(event, payload) {
      const id = nextAck++;
      ws.send(`42${id}${JSON.stringify([event, payload])}`);
      return new Promise((resolve) => acks.set(id, resolve));
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const frame = data.toString();
      if (frame === '2') return ws.send('3'); // Engine.IO ping → pong
      if (frame.startsWith('0')) return ws.send(`40${JSON.stringify(auth)}`); // open → connect
      if (frame.startsWith('40')) return resolve(client);
      if (frame.startsWith('43')) {
        const [, id = '', body = '[]'] = /^43(\d+)(.*)$/s.exec(frame) ?? [];
        const ack = acks.get(Number(id));
        acks.delete(Number(id));
        return ack?.((JSON.parse(body) as unknown[])[0]);
      }
      if (frame.startsWith('44')) return reject(new Error(`refused: ${frame.slice(2)}`));
      for (const listener of listeners) listener(frame);
    });
  });
}
