/**
 * The kiosk station's local print agent. The hub renders every ticket; the
 * agent only carries the bytes the last metre: it keeps its own Socket.IO
 * connection to the hub (as a print agent of this kiosk's device token),
 * writes each `print:job` to the printer inside the kiosk (USB or serial,
 * through shared/printer) and answers with that printer's status. A job with
 * no data only asks the status. Plain Node: tested without Electron.
 */
import { io as connectSocket } from 'socket.io-client';
import { z } from 'zod';
import { PROTOCOL_VERSION, type PrintJobAck, type PrintJobPayload } from '../shared/protocol.js';
import {
  confirmWithinMs,
  createPrinterLink,
  ENABLE_ASB,
  PrintError,
  type PrinterLink,
} from '../shared/printer/printer-link.js';
import { parsePrinterUri, type PrinterUri } from '../shared/printer/printer-uri.js';
import { canPrint } from '../shared/printer/status.js';
import { openChannel, type SerialPortFactory } from '../shared/printer/transports.js';
import type { StationConfig } from './config.js';

/** A ticket is about 10 KB; a job far larger than this is not one of ours. */
const MAX_JOB_BASE64_CHARS = 256 * 1024;

const JobSchema = z.object({
  jobId: z.number().int().nonnegative(),
  printerId: z.number().int().positive(),
  data: z
    .string()
    .max(MAX_JOB_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

export interface AgentLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Opens the printer when first needed, and again after the link breaks (cable pulled, power cycled). */
export function printerOpener(
  uri: Exclude<PrinterUri, { kind: 'station' }>,
  serialPort?: SerialPortFactory,
): () => Promise<PrinterLink> {
  let link: PrinterLink | null = null;
  return async () => {
    if (link && !link.closed) return link;
    const channel = await openChannel(uri, serialPort ? { serialPort } : {});
    link = createPrinterLink(channel);
    await link.write(ENABLE_ASB);
    return link;
  };
}

/**
 * Carries out one job: status first, then only to a printer that can print,
 * the job and the printer's confirmation that it took it (GS r), status after.
 * `sent` tells the hub whether a slip may have come out even though the job
 * did not print for sure, so that its retry is marked as a reprint.
 */
export async function handlePrintJob(
  raw: unknown,
  openPrinter: () => Promise<PrinterLink>,
): Promise<PrintJobAck> {
  const job = JobSchema.safeParse(raw);
  if (!job.success)
    return { printed: false, sent: false, status: 'offline', error: 'not a print job' };
  let printer: PrinterLink;
  try {
    printer = await openPrinter();
  } catch (err) {
    return { printed: false, sent: false, status: 'offline', error: `printer: ${String(err)}` };
  }
  const before = await printer.status();
  if (job.data.data === '' || !canPrint(before))
    return { printed: false, sent: false, status: before };
  const data = Buffer.from(job.data.data, 'base64');
  try {
    await printer.print(data, confirmWithinMs(data.length));
  } catch (err) {
    const sent = err instanceof PrintError ? err.sent : true;
    const message = err instanceof Error ? err.message : String(err);
    return { printed: false, sent, status: await printer.status(), error: `print: ${message}` };
  }
  return { printed: true, sent: true, status: await printer.status() };
}

export interface PrintAgentOptions {
  hubUrl: string;
  token: string;
  /** Where the kiosk's printer is: serial:…, usblp:… or tcp://…. */
  printer: string;
  log: AgentLog;
  serialPort?: SerialPortFactory;
}

/** Connects to the hub and serves its print jobs until stopped. */
export function startPrintAgent(opts: PrintAgentOptions): { stop(): void } {
  const uri = parsePrinterUri(opts.printer);
  if (uri.kind === 'station')
    throw new Error('the station agent needs the printer it drives itself');
  const openPrinter = printerOpener(uri, opts.serialPort);
  const socket = connectSocket(opts.hubUrl, {
    transports: ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, token: opts.token, printAgent: true },
  });
  socket.on('connect', () => opts.log.info(`Print agent connected to ${opts.hubUrl}`));
  socket.on('connect_error', (err) => opts.log.warn(`Print agent: ${err.message}`));
  socket.on('print:job', (job: PrintJobPayload, ack: (result: PrintJobAck) => void) => {
    void handlePrintJob(job, openPrinter).then(ack);
  });
  return {
    stop() {
      socket.disconnect();
      void openPrinter()
        .then((l) => l.close())
        .catch(() => {});
    },
  };
}

export interface KioskAgentLog extends AgentLog {
  error(message: string): void;
}

/** A kiosk with a printer of its own prints the hub's jobs through its agent; no other station runs one. */
export function startKioskAgent(
  config: StationConfig,
  log: KioskAgentLog,
): { stop(): void } | null {
  if (config.role !== 'kiosk' || !config.printer || !config.token) return null;
  try {
    return startPrintAgent({
      hubUrl: config.hubUrl,
      token: config.token,
      printer: config.printer,
      log,
    });
  } catch (error) {
    log.error(`The kiosk's printer cannot be used: ${String(error)}`);
    return null;
  }
}
