/**
 * The byte channels to a printer the hub and the station can open
 * themselves: TCP (port 9100), serial (serialport) and Linux usblp. The
 * `station` kind is not here: the hub reaches it over Socket.IO.
 */
import { Socket } from 'node:net';
import { open } from 'node:fs/promises';
import type { SerialPort, SerialPortMock } from 'serialport';
import type { ByteChannel } from './printer-link.js';
import type { PrinterUri } from './printer-uri.js';

export const CONNECT_TIMEOUT_MS = 3_000;
/** usblp answers reads only when the printer has something to say; poll that often. */
const USBLP_READ_INTERVAL_MS = 50;

function channelEvents() {
  const dataListeners: ((chunk: Uint8Array) => void)[] = [];
  const closeListeners: ((reason: Error) => void)[] = [];
  let ended = false;
  return {
    onData: (l: (chunk: Uint8Array) => void) => void dataListeners.push(l),
    onClose: (l: (reason: Error) => void) => void closeListeners.push(l),
    data: (chunk: Uint8Array) => dataListeners.forEach((l) => l(chunk)),
    close(reason: Error) {
      if (ended) return;
      ended = true;
      closeListeners.forEach((l) => l(reason));
    },
  };
}

export function openTcp(host: string, port: number): Promise<ByteChannel> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const events = channelEvents();
    socket.setNoDelay(true);
    socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
      socket.destroy(new Error(`no connection to ${host}:${port}`)),
    );
    socket.once('error', reject);
    socket.connect(port, host, () => {
      socket.setTimeout(0);
      socket.off('error', reject);
      socket.on('error', (err) => events.close(err));
      socket.on('close', () => events.close(new Error(`${host}:${port} closed the connection`)));
      socket.on('data', events.data);
      resolve({
        write: (data) =>
          new Promise((done, fail) => socket.write(data, (err) => (err ? fail(err) : done()))),
        onData: events.onData,
        onClose: events.onClose,
        close: () => new Promise<void>((done) => socket.end(done)),
      });
    });
  });
}

/** Makes the serial port object; tests pass one that makes serialport's mock ports. */
export type SerialPortFactory = (options: {
  path: string;
  baudRate: number;
  autoOpen: false;
}) => SerialPort | SerialPortMock;

/**
 * serialport (and its native binding) is loaded only when a serial printer is
 * opened: a station without one must start even where the binding is absent.
 */
async function realSerialPort(): Promise<SerialPortFactory> {
  const { SerialPort: Port } = await import('serialport');
  return (options) => new Port(options);
}

export async function openSerial(
  path: string,
  baudRate: number,
  factory?: SerialPortFactory,
): Promise<ByteChannel> {
  const makePort = factory ?? (await realSerialPort());
  return new Promise((resolve, reject) => {
    const events = channelEvents();
    const port = makePort({ path, baudRate, autoOpen: false });
    port.open((err) => {
      if (err) return reject(err);
      port.on('data', (chunk: Buffer) => events.data(chunk));
      port.on('error', (e: Error) => events.close(e));
      port.on('close', () => events.close(new Error(`${path} closed`)));
      resolve({
        // drain: the callback of write only means the bytes reached Node's buffer.
        write: (data) =>
          new Promise((done, fail) => {
            port.write(Buffer.from(data), (e) => {
              if (e) return fail(e);
              port.drain((d) => (d ? fail(d) : done()));
            });
          }),
        onData: events.onData,
        onClose: events.onClose,
        close: () => new Promise<void>((done) => (port.isOpen ? port.close(() => done()) : done())),
      });
    });
  });
}

/** Linux's usblp device: writes are the job, reads are the printer's replies (bidirectional mode). */
export async function openUsblp(path: string): Promise<ByteChannel> {
  const file = await open(path, 'r+');
  const events = channelEvents();
  let closed = false;
  const buffer = Buffer.alloc(64);
  let reading = false;
  const poll = setInterval(() => {
    if (reading) return;
    reading = true;
    file.read(buffer, 0, buffer.length, null).then(
      ({ bytesRead }) => {
        reading = false;
        if (bytesRead > 0) events.data(Uint8Array.from(buffer.subarray(0, bytesRead)));
      },
      (err: Error) => {
        // Unplugged or powered off: let go of the handle, or each reconnect would leak one.
        if (closed) return;
        closed = true;
        clearInterval(poll);
        void file.close().catch(() => undefined);
        events.close(err);
      },
    );
  }, USBLP_READ_INTERVAL_MS);
  return {
    write: async (data) => {
      await file.write(data);
    },
    onData: events.onData,
    onClose: events.onClose,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      await file.close();
      events.close(new Error(`${path} closed`));
    },
  };
}

/** Opens the channel for a URI the hub or station drives directly. */
export function openChannel(
  uri: Exclude<PrinterUri, { kind: 'station' }>,
  opts: { serialPort?: SerialPortFactory } = {},
): Promise<ByteChannel> {
  switch (uri.kind) {
    case 'tcp':
      return openTcp(uri.host, uri.port);
    case 'serial':
      return openSerial(uri.path, uri.baudRate, opts.serialPort);
    case 'usblp':
      return openUsblp(uri.path);
  }
}
