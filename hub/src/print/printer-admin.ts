/**
 * The printers as the console sets them up, and their spool as staff work
 * it. A save or a removal checks what it can first, then changes the row in
 * one transaction (with its `config_audit` row and one `config-changed`
 * carrying every printer in use) while that printer's worker is stopped, and
 * starts it again on the new settings (spooler.ts `reconfigure`). A printer
 * has no version column: its version is how many console edits it has had.
 *
 * Nothing queued is lost without a word: removing a printer that tickets
 * still wait on is refused unless the manager says to drop those slips, and
 * then each says why in its `last_error`.
 */
import type { Clock } from '../clock.js';
import type { Change } from '../changes/change.js';
import type { Commits } from '../changes/commits.js';
import type { Audit } from '../config/audit.js';
import type { ConfigSource } from '../config/config.js';
import { configChanged } from '../config/config-editor.js';
import type { ServiceDay } from '../day/service-day.js';
import { duplicate, HubError, notFound } from '../hub-error.js';
import type { PrinterRow, PrintStore, SpoolRow } from './print-store.js';
import type { Spooler } from './spooler.js';
import { encodeTestSlip } from './test-slip.js';
import { PAPER_WIDTHS } from './ticket-layout.js';
import type {
  PaperMm,
  PrinterConfig,
  PrinterInput,
  PrintJobView,
  Staff,
  TestPrintResult,
} from '../../../shared/protocol.js';

export interface PrinterAdmin {
  list(): PrinterConfig[];
  save(by: Staff, input: PrinterInput, version: number | null): Promise<PrinterConfig>;
  remove(
    by: Staff,
    printerId: number,
    version: number,
    dropWaiting: boolean,
  ): Promise<PrinterConfig[]>;
  test(printerId: number): Promise<TestPrintResult>;
  jobs(printerId: number): PrintJobView[];
  reprint(by: Staff, jobId: number): PrintJobView;
  drop(by: Staff, jobId: number): PrintJobView;
}

export interface PrinterAdminDeps {
  commits: Commits;
  clock: Clock;
  audit: Audit;
  config: ConfigSource;
  day: ServiceDay;
  store: PrintStore;
  spooler: Spooler;
}

const paperMm = (row: PrinterRow): PaperMm => (row.paper_dots === PAPER_WIDTHS[58] ? 58 : 80);

/** What a manager set, as the audit keeps it. */
const settings = (row: PrinterRow) => ({
  name: row.name,
  uri: row.uri,
  paperMm: paperMm(row),
  kioskDeviceId: row.kiosk_device_id,
});

function jobView(row: SpoolRow): PrintJobView {
  return {
    id: row.id,
    printerId: row.printer_id,
    ticketId: row.ticket_id,
    label: row.label,
    ticketStatus: row.ticket_status,
    createdAt: row.created_at,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    reachedPrinter: row.reached_printer === 1,
    printedAt: row.printed_at,
  };
}

const printerUpdated = (printerId: number): Change => ({
  type: 'printer-updated',
  ticketIds: [],
  serviceIds: [],
  counterIds: [],
  call: null,
  printerIds: [printerId],
});

/** A printer's settings changed: the whole list in use, replacing what every client had. */
const printersChanged = (deps: PrinterAdminDeps): Change => ({
  ...configChanged(deps.config.current()),
  printerIds: deps.store.printers().map((p) => p.id),
});

function inUse(store: PrintStore, printerId: number): PrinterRow {
  const row = store.printerById(printerId);
  if (!row || row.enabled === 0) throw notFound(`Printer ${printerId}`);
  return row;
}

/** The rules a save must keep that the schema cannot see; throws, writing nothing. */
function checkSave(deps: PrinterAdminDeps, p: PrinterInput, version: number | null) {
  const { store, audit } = deps;
  const before = p.id === undefined ? null : inUse(store, p.id);
  if (before)
    audit.checkVersion('printer', String(before.id), store.printerVersion(before.id), version ?? 0);
  const nameHolder = store.nameHolder(p.name);
  if (nameHolder !== null && nameHolder !== p.id)
    throw duplicate('printer.name', 'That printer name');
  if (p.kioskDeviceId !== null && !store.isKiosk(p.kioskDeviceId)) {
    throw new HubError('not-found', 'That kiosk is not a paired kiosk', undefined, {
      fields: [{ path: 'printer.kioskDeviceId', issue: 'kiosk-not-found' }],
    });
  }
  // Every kiosk prints in one place: its own printer, else the one shared printer.
  const holder = store.kioskHolder(p.kioskDeviceId);
  if (holder !== null && holder !== p.id) {
    const issue = p.kioskDeviceId === null ? 'shared-printer-taken' : 'kiosk-printer-taken';
    throw new HubError('conflict', `Printer ${holder} already prints there`, 'duplicate', {
      fields: [{ path: 'printer.kioskDeviceId', issue }],
    });
  }
  return before;
}

function checkRemove(deps: PrinterAdminDeps, printerId: number, version: number, drop: boolean) {
  const row = inUse(deps.store, printerId);
  deps.audit.checkVersion(
    'printer',
    String(printerId),
    deps.store.printerVersion(printerId),
    version,
  );
  const waiting = deps.store.pending(printerId);
  if (waiting > 0 && !drop) {
    throw new HubError(
      'conflict',
      `${waiting} ticket(s) still wait to print on it: drop their slips, or keep the printer`,
      'printer-has-jobs',
      { params: { count: waiting } },
    );
  }
  return { row, waiting };
}

function configView(store: PrintStore, row: PrinterRow): PrinterConfig {
  return {
    ...settings(row),
    id: row.id,
    status: row.status,
    statusAt: row.status_at,
    queuedJobs: store.pending(row.id),
    version: store.printerVersion(row.id),
  };
}

const listOf = (store: PrintStore) => store.printers().map((row) => configView(store, row));

async function testSlip(deps: PrinterAdminDeps, printerId: number): Promise<TestPrintResult> {
  const { store, config, clock, spooler } = deps;
  const printer = inUse(store, printerId);
  const centre = config.current();
  const data = encodeTestSlip({
    centre: centre.name,
    printerName: printer.name,
    paperDots: printer.paper_dots,
    at: clock.now(),
    timeZone: centre.timeZone,
  });
  const result = spooler.testPrint(printerId, data);
  if (!result) throw notFound(`Printer ${printerId}`);
  return result;
}

function setUp(deps: PrinterAdminDeps): Pick<PrinterAdmin, 'save' | 'remove'> {
  const { commits, store, audit, spooler } = deps;
  return {
    async save(by, p, version) {
      checkSave(deps, p, version);
      return spooler.reconfigure(p.id ?? null, () =>
        commits.run(() => {
          const before = checkSave(deps, p, version);
          const row = {
            name: p.name,
            uri: p.uri,
            paperDots: PAPER_WIDTHS[p.paperMm],
            kioskDeviceId: p.kioskDeviceId,
          };
          let id: number;
          if (before) {
            store.editPrinter(before.id, row);
            id = before.id;
          } else {
            id = store.savePrinter(row); // takes back a removed printer of that name
          }
          const after = inUse(store, id);
          audit.record({
            staffId: by.id,
            entity: 'printer',
            entityId: String(id),
            action: before ? 'update' : 'create',
            before: before ? settings(before) : null,
            after: settings(after),
          });
          return { data: configView(store, after), changes: [printersChanged(deps)] };
        }),
      );
    },
    async remove(by, printerId, version, drop) {
      checkRemove(deps, printerId, version, drop);
      return spooler.reconfigure(printerId, () =>
        commits.run(() => {
          const { row, waiting } = checkRemove(deps, printerId, version, drop);
          if (waiting > 0)
            store.dropWaitingJobs(printerId, `the printer was removed by ${by.name}`);
          store.disablePrinter(printerId);
          audit.record({
            staffId: by.id,
            entity: 'printer',
            entityId: String(printerId),
            action: 'delete',
            before: { ...settings(row), droppedSlips: waiting },
            after: null,
          });
          return { data: listOf(store), changes: [printersChanged(deps)] };
        }),
      );
    },
  };
}

function spoolWork(deps: PrinterAdminDeps): Pick<PrinterAdmin, 'jobs' | 'reprint' | 'drop'> {
  const { commits, store, audit, day, spooler } = deps;
  const job = (jobId: number) => {
    const row = store.spoolJob(jobId);
    if (!row) throw notFound(`Print job ${jobId}`);
    inUse(store, row.printer_id);
    return row;
  };
  const changed = (by: Staff, row: SpoolRow, after: object) => {
    audit.record({
      staffId: by.id,
      entity: 'print-job',
      entityId: String(row.id),
      action: 'update',
      before: { state: row.state, label: row.label },
      after,
    });
    const now = store.spoolJob(row.id) ?? row;
    return { data: jobView(now), changes: [printerUpdated(row.printer_id)] };
  };
  return {
    jobs(printerId) {
      inUse(store, printerId);
      return store.spool(printerId, day.current()).map(jobView);
    },
    reprint(by, jobId) {
      const printed = commits.run(() => {
        const row = job(jobId);
        if (row.state === 'queued' || row.state === 'sending')
          return { data: jobView(row), changes: [] };
        if (row.ticket_status !== 'waiting') {
          throw new HubError('conflict', `Ticket ${row.label} is ${row.ticket_status}`, 'status');
        }
        store.requeueJob(row.id);
        return changed(by, row, { state: 'queued', reprint: true });
      });
      setImmediate(() => spooler.kick(printed.printerId));
      return printed;
    },
    drop: (by, jobId) =>
      commits.run(() => {
        const row = job(jobId);
        if (row.state === 'sending') {
          throw new HubError(
            'conflict',
            'That slip is being sent to the printer',
            'print-job-sending',
          );
        }
        if (row.state !== 'queued') return { data: jobView(row), changes: [] };
        store.markDropped(row.id, `dropped in the console by ${by.name}`);
        return changed(by, row, { state: 'dropped' });
      }),
  };
}

export function createPrinterAdmin(deps: PrinterAdminDeps): PrinterAdmin {
  return {
    list: () => listOf(deps.store),
    test: (printerId) => testSlip(deps, printerId),
    ...setUp(deps),
    ...spoolWork(deps),
  };
}
