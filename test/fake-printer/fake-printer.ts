/**
 * A thermal printer for tests: a TCP endpoint on 127.0.0.1 port 0, a serial
 * endpoint (a real port such as one end of a socat pty pair, or the
 * serialport mock binding), each feeding a decoder that turns the ESC/POS
 * stream into one PNG per cut, and answering DLE EOT and ASB from a state
 * the test sets (paper out, near end, cover open, offline). Over TCP it can
 * also fail as real printers do mid-job: close the connection, or stop
 * reading, part way into the bytes it is sent.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort, SerialPortMock } from 'serialport';
import type { SerialPortFactory } from '../../shared/printer/transports.js';
import { EscPosDecoder, type DecodedTicket } from './escpos-decoder.js';
import {
  asbFor,
  READY_FLAGS,
  replyFor,
  STATUS_QUERIES,
  transmitReplyFor,
  type PrinterFlags,
} from '../../shared/printer/status.js';

/**
 * How a TCP connection fails: `close` ends it, `stop-reading` stops taking bytes (the rest
 * stay in the kernel's buffers), each once it has taken `afterBytes`.
 */
export interface TcpFault {
  kind: 'close' | 'stop-reading';
  afterBytes: number;
}

interface Endpoint {
  send(bytes: Uint8Array): void;
  asb: boolean;
}

export interface FakePrinter {
  readonly tcpUri: string;
  readonly tickets: DecodedTicket[];
  readonly decoders: EscPosDecoder[];
  flags: PrinterFlags;
  setFlags(change: Partial<PrinterFlags>): void;
  /** Every TCP connection from now on (and those open) fails so; null: none does. */
  setTcpFault(fault: TcpFault | null): void;
  /** The TCP connections that met the fault. */
  readonly faults: number;
  /** Resolves when `count` tickets in all have been cut. */
  waitForTickets(count: number, timeoutMs?: number): Promise<DecodedTicket[]>;
  /** Opens a real serial device (e.g. one end of a pty pair) as this printer's serial port. */
  attachSerial(path: string, baudRate: number): Promise<void>;
  /**
   * Makes serialport mock ports (@serialport/binding-mock) wired to this printer: what
   * the hub writes is decoded here, and the answers come back as the port's data.
   */
  mockSerialPort(): SerialPortFactory;
  close(): Promise<void>;
}

export async function startFakePrinter(
  opts: {
    paperDots?: number;
    port?: number;
    /** Called with each ticket as it is cut (`npm run fake-printer` saves it). */
    onTicket?: (ticket: DecodedTicket) => void;
  } = {},
): Promise<FakePrinter> {
  const paperDots = opts.paperDots ?? 576;
  const tickets: DecodedTicket[] = [];
  const decoders: EscPosDecoder[] = [];
  const endpoints = new Set<Endpoint>();
  const closers: (() => Promise<void>)[] = [];
  let flags: PrinterFlags = { ...READY_FLAGS };
  const ready = () => !flags.offline && !flags.coverOpen && !flags.paperOut && !flags.error;

  /** A decoder per connection, as a printer starts each connection afresh. */
  function endpoint(send: (bytes: Uint8Array) => void): EscPosDecoder {
    const ep: Endpoint = { send, asb: false };
    endpoints.add(ep);
    const decoder = new EscPosDecoder(paperDots, {
      status: (n) => {
        const query = STATUS_QUERIES.find((q) => q === n);
        if (query) send(Uint8Array.of(replyFor(query, flags)));
      },
      autoStatus: (on) => {
        ep.asb = on;
        if (on) send(asbFor(flags));
      },
      transmitStatus: (n) => {
        if (n === 1) send(Uint8Array.of(transmitReplyFor(flags)));
      },
      ready,
      ticket: (t) => {
        tickets.push(t);
        opts.onTicket?.(t);
      },
    });
    decoders.push(decoder);
    return decoder;
  }

  let tcpFault: TcpFault | null = null;
  let faults = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const decoder = endpoint((bytes) => socket.write(bytes));
    let taken = 0;
    socket.on('data', (chunk) => {
      const fault = tcpFault;
      if (!fault || taken + chunk.length <= fault.afterBytes) {
        taken += chunk.length;
        decoder.push(chunk);
        return;
      }
      decoder.push(chunk.subarray(0, Math.max(0, fault.afterBytes - taken)));
      taken = fault.afterBytes;
      faults += 1;
      if (fault.kind === 'close') socket.destroy();
      else socket.pause();
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  return {
    tcpUri: `tcp://127.0.0.1:${port}`,
    tickets,
    decoders,
    get flags() {
      return flags;
    },
    set flags(next: PrinterFlags) {
      flags = next;
    },
    setTcpFault(fault) {
      tcpFault = fault;
    },
    get faults() {
      return faults;
    },
    setFlags(change) {
      flags = { ...flags, ...change };
      for (const ep of endpoints) if (ep.asb) ep.send(asbFor(flags));
    },
    waitForTickets(count, timeoutMs = 5_000) {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const poll = () => {
          if (tickets.length >= count) return resolve(tickets.slice(0, count));
          if (Date.now() - started > timeoutMs) {
            return reject(new Error(`${tickets.length} of ${count} tickets printed in time`));
          }
          setTimeout(poll, 10);
        };
        poll();
      });
    },
    async attachSerial(path, baudRate) {
      const serial = new SerialPort({ path, baudRate, autoOpen: false });
      await new Promise<void>((resolve, reject) =>
        serial.open((err) => (err ? reject(err) : resolve())),
      );
      const decoder = endpoint((bytes) => serial.write(Buffer.from(bytes)));
      serial.on('data', (chunk: Buffer) => decoder.push(chunk));
      serial.on('error', () => {});
      closers.push(
        () =>
          new Promise<void>((resolve) =>
            serial.isOpen ? serial.close(() => resolve()) : resolve(),
          ),
      );
    },
    mockSerialPort() {
      return (options) => {
        SerialPortMock.binding.createPort(options.path, { echo: false, record: false });
        const port = new SerialPortMock(options);
        port.once('open', () => {
          const binding = port.port;
          if (!binding) return;
          const decoder = endpoint((bytes) => binding.emitData(Buffer.from(bytes)));
          const write = binding.write.bind(binding);
          binding.write = async (buffer: Buffer) => {
            await write(buffer);
            decoder.push(buffer);
          };
        });
        return port;
      };
    },
    async close() {
      for (const close of closers.splice(0)) await close();
    },
  };
}
