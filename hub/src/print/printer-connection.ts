/**
 * How the spooler reaches one printer: directly (TCP, serial, usblp, through
 * shared/printer) or through the print agent of the kiosk station it sits in.
 * Either way: ask the status, send a job.
 */
import {
  createPrinterLink,
  ENABLE_ASB,
  PrintError,
  type PrinterLink,
} from '../../../shared/printer/printer-link.js';
import { parsePrinterUri, type PrinterUri } from '../../../shared/printer/printer-uri.js';
import { openChannel, type SerialPortFactory } from '../../../shared/printer/transports.js';
import { PrintJobAckSchema, type PrinterStatus } from '../../../shared/protocol.js';
import { STATION_ACK_MARGIN_MS, type PrintAgents } from './agents.js';

export interface PrinterConnection {
  status(): Promise<PrinterStatus>;
  /**
   * Resolves once the printer (or its station's) has confirmed, within
   * `withinMs`, that it processed the job; rejects otherwise with a PrintError
   * saying whether any byte may have reached it.
   */
  print(jobId: number, data: Uint8Array, withinMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  serialPort?: SerialPortFactory;
  /** The printer told us, unasked, that its state changed (ASB). */
  onStatus?: (status: PrinterStatus) => void;
  /** The kiosk stations' print agents, for printers inside a kiosk. */
  agents?: PrintAgents;
}

/** One channel, opened when first needed and again after it breaks. */
function directConnection(uri: string, opts: ConnectionOptions): PrinterConnection {
  const parsed = parsePrinterUri(uri);
  if (parsed.kind === 'station') throw new Error('a station printer has no direct connection');
  const target: Exclude<PrinterUri, { kind: 'station' }> = parsed;
  let link: Promise<PrinterLink> | null = null;

  function open(): Promise<PrinterLink> {
    const current = link;
    if (current) {
      return current.then((l) => {
        if (!l.closed) return l;
        link = null;
        return open();
      });
    }
    const opening = openChannel(target, {
      ...(opts.serialPort ? { serialPort: opts.serialPort } : {}),
    }).then(async (channel) => {
      const l = createPrinterLink(channel, opts.onStatus ? { onStatus: opts.onStatus } : {});
      await l.write(ENABLE_ASB);
      return l;
    });
    link = opening;
    opening.catch(() => {
      if (link === opening) link = null;
    });
    return opening;
  }

  return {
    async status() {
      try {
        return await (await open()).status();
      } catch {
        return 'offline';
      }
    },
    async print(_jobId, data, withinMs) {
      let link: PrinterLink;
      try {
        link = await open();
      } catch (err) {
        throw new PrintError(`cannot reach the printer: ${String(err)}`, false);
      }
      await link.print(data, withinMs);
    },
    async close() {
      const current = link;
      link = null;
      if (current) await current.then((l) => l.close()).catch(() => {});
    },
  };
}

function stationConnection(
  printerId: number,
  deviceId: number,
  agents: PrintAgents | undefined,
): PrinterConnection {
  /** Asks the station; `sent` is what a failure means, once the job was handed over. */
  async function ask(jobId: number, data: string, withinMs: number) {
    const reply = agents?.send(deviceId, { jobId, printerId, data }, withinMs);
    if (!reply) {
      throw new PrintError(`the station of kiosk device ${deviceId} is not connected`, false);
    }
    let answer: unknown;
    try {
      answer = await reply;
    } catch (err) {
      throw new PrintError(`the station did not answer: ${String(err)}`, data !== '');
    }
    const parsed = PrintJobAckSchema.safeParse(answer);
    if (!parsed.success) {
      throw new PrintError('the station answered print:job with something else', data !== '');
    }
    return parsed.data;
  }
  return {
    async status() {
      try {
        return (await ask(0, '', STATION_ACK_MARGIN_MS)).status;
      } catch {
        return 'offline';
      }
    },
    async print(jobId, data, withinMs) {
      const base64 = Buffer.from(data).toString('base64');
      const ack = await ask(jobId, base64, withinMs + STATION_ACK_MARGIN_MS);
      if (!ack.printed) {
        throw new PrintError(ack.error ?? `station printer is ${ack.status}`, ack.sent ?? true);
      }
    },
    async close() {},
  };
}

export function connectPrinter(
  printer: { id: number; uri: string; kiosk_device_id: number | null },
  opts: ConnectionOptions,
): PrinterConnection {
  if (printer.uri.trim() === 'station') {
    if (printer.kiosk_device_id === null) throw new Error('a station printer needs its kiosk');
    return stationConnection(printer.id, printer.kiosk_device_id, opts.agents);
  }
  return directConnection(printer.uri, opts);
}
