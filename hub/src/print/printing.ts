/**
 * Printing, wired: which printer a kiosk's ticket goes to, the job committed
 * with the ticket, the spooler that sends it, and the printers as clients
 * see them.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Change } from '../changes/change.js';
import type { CommitListener, Commits } from '../changes/commits.js';
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Standings } from '../tickets/standing.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { PrintAgents } from './agents.js';
import { createJobRender } from './job-render.js';
import { createPrintStore, type PrintStore } from './print-store.js';
import { connectPrinter } from './printer-connection.js';
import { createSpooler, DEFAULT_SPOOL_TIMING, type Spooler, type SpoolTiming } from './spooler.js';
import type { SerialPortFactory } from '../../../shared/printer/transports.js';
import type { PrinterView } from '../../../shared/protocol.js';

export interface PrintingDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  commits: Commits;
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  standings: Standings;
  agents: PrintAgents;
  timing?: Partial<SpoolTiming>;
  serialPort?: SerialPortFactory;
}

/** The printers as staff and kiosks see them. */
export interface PrinterViews {
  all(): PrinterView[];
  byIds(ids: readonly number[]): PrinterView[];
  /** The one printer this kiosk's tickets go to (its own, else the shared one), as a list. */
  forKiosk(deviceId: number | null): PrinterView[];
}

export interface Printing {
  printStore: PrintStore;
  spooler: Spooler;
  views: PrinterViews;
}

function printerViews(printStore: PrintStore): PrinterViews {
  return {
    all: () => printStore.printers().map(printStore.view),
    byIds: (ids) =>
      ids.map((id) => printStore.printerById(id)).flatMap((r) => (r ? [printStore.view(r)] : [])),
    forKiosk(deviceId) {
      const row = printStore.printerForKiosk(deviceId);
      return row ? [printStore.view(row)] : [];
    },
  };
}

/**
 * A kiosk's new ticket gets its print job in the same transaction, so an
 * acknowledged ticket always has its job and a restart finds it; the spooler
 * is woken once the commit is on disk.
 */
function printOnIssue(
  deps: PrintingDeps,
  printStore: PrintStore,
  spooler: Spooler,
): CommitListener {
  const woken = new Set<number>();
  return {
    committing(change: Change) {
      if (change.type !== 'ticket-issued') return;
      const ticket = deps.tickets.byId(change.ticketIds[0] ?? 0);
      if (ticket?.source !== 'kiosk') return;
      const printer = printStore.printerForKiosk(change.deviceId ?? null);
      if (!printer) return;
      const { peopleAhead, estimatedWaitMs } = deps.standings.of(ticket);
      printStore.insertJob(printer.id, ticket.id, deps.clock.now(), peopleAhead, estimatedWaitMs);
      woken.add(printer.id);
    },
    committed() {
      for (const id of woken) setImmediate(() => spooler.kick(id));
      woken.clear();
    },
  };
}

export function createPrinting(deps: PrintingDeps): Printing {
  const printStore = createPrintStore(deps.db);
  const spooler = createSpooler({
    store: printStore,
    clock: deps.clock,
    log: deps.log,
    timing: { ...DEFAULT_SPOOL_TIMING, ...deps.timing },
    ...createJobRender(deps),
    changed: (id) =>
      deps.commits.announce([
        {
          type: 'printer-updated',
          ticketIds: [],
          serviceIds: [],
          counterIds: [],
          call: null,
          printerIds: [id],
        },
      ]),
    connect: (printer, onStatus) =>
      connectPrinter(printer, {
        onStatus,
        agents: deps.agents,
        ...(deps.serialPort ? { serialPort: deps.serialPort } : {}),
      }),
  });
  deps.commits.listen(printOnIssue(deps, printStore, spooler));
  return { printStore, spooler, views: printerViews(printStore) };
}
