/**
 * Printing, wired: which printer a kiosk's ticket goes to, the job committed
 * with the ticket, the spooler that sends it, and the printers as clients
 * see them.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { CentreConfig } from '../queue/config.js';
import type { Store } from '../queue/store.js';
import type { Views } from '../queue/views.js';
import type { PrinterView, Ticket } from '../../../shared/protocol.js';
import { createPrintStore, type JobRow, type PrinterRow } from './print-store.js';
import { connectPrinter, type AgentSender } from './printer-connection.js';
import { createSpooler, DEFAULT_SPOOL_TIMING, type SpoolTiming } from './spooler.js';
import { encodeTicket } from './ticket-layout.js';
import type { SerialPortFactory } from '../../../shared/printer/transports.js';

export interface PrintingDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  store: Store;
  views: () => Views;
  config: () => CentreConfig;
  publicUrl: () => string;
  /** Tells clients that these printers changed (a `printer-updated` event). */
  publish: (printerIds: number[]) => void;
  sendToAgent: AgentSender;
  timing?: Partial<SpoolTiming>;
  serialPort?: SerialPortFactory;
}

export function createPrinting(deps: PrintingDeps) {
  const { clock, log } = deps;
  const printStore = createPrintStore(deps.db);

  function render(job: JobRow, printer: PrinterRow): Uint8Array {
    const ticket = deps.store.ticketById(job.ticket_id);
    if (!ticket) throw new Error(`print job ${job.id}: ticket ${job.ticket_id} is gone`);
    const config = deps.config();
    const service = config.services.get(ticket.serviceId);
    return encodeTicket({
      paperDots: printer.paper_dots,
      lang: ticket.lang,
      centre: config.name,
      label: ticket.label,
      service: service?.name ?? { lo: ticket.serviceId, en: ticket.serviceId },
      feeLak: service?.feeLak ?? 0,
      feeIsSample: service?.feeIsSample ?? false,
      peopleAhead: job.people_ahead,
      estimatedWaitMs: job.estimated_wait_ms,
      issuedAt: ticket.issuedAt,
      timeZone: config.timeZone,
      url: `${deps.publicUrl().replace(/\/+$/, '')}/t/${ticket.code}`,
    });
  }

  const spooler = createSpooler({
    store: printStore,
    clock,
    log,
    timing: { ...DEFAULT_SPOOL_TIMING, ...deps.timing },
    render,
    stale(job) {
      const ticket = deps.store.ticketById(job.ticket_id);
      if (!ticket) return 'the ticket is gone';
      if (ticket.day !== (deps.store.currentDay() ?? ticket.day))
        return 'the ticket is from another day';
      return ticket.status === 'waiting' ? null : `the ticket is ${ticket.status}`;
    },
    changed: (id) => deps.publish([id]),
    connect: (printer, onStatus) =>
      connectPrinter(printer, {
        onStatus,
        sendToAgent: deps.sendToAgent,
        ...(deps.serialPort ? { serialPort: deps.serialPort } : {}),
      }),
  });

  const allViews = () => printStore.printers().map(printStore.view);

  return {
    printStore,
    spooler,

    /**
     * Runs inside the transaction that issues a kiosk ticket, so the ticket
     * and its print job commit together: an acknowledged ticket always has
     * its job, and a restart finds it. Sending waits for the commit.
     */
    onIssued(ticket: Ticket, deviceId: number | null) {
      if (ticket.source !== 'kiosk') return;
      const printer = printStore.printerForKiosk(deviceId);
      if (!printer) return;
      const view = deps.views().ticket(ticket.code);
      printStore.insertJob(
        printer.id,
        ticket.id,
        clock.now(),
        view?.peopleAhead ?? null,
        view?.estimatedWaitMs ?? null,
      );
      setImmediate(() => spooler.kick(printer.id));
    },

    views: {
      all: allViews,
      byIds: (ids: readonly number[]) =>
        ids.map((id) => printStore.printerById(id)).flatMap((r) => (r ? [printStore.view(r)] : [])),
      /** The one printer this kiosk's tickets go to (its own, else the shared one), as a list. */
      forKiosk: (deviceId: number | null): PrinterView[] => {
        const row = printStore.printerForKiosk(deviceId);
        return row ? [printStore.view(row)] : [];
      },
    },
  };
}

export type Printing = ReturnType<typeof createPrinting>;
export type PrinterViews = Printing['views'];
