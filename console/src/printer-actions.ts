/**
 * The Printers screen's requests: the printers with their settings, the
 * kiosks they can print for, one printer's spool, and the changes a manager
 * (add, edit, remove, test slip) or a supervisor (reprint, drop) makes. The
 * live status comes with the snapshot (`printer-updated`), not from here.
 */
import { create } from 'zustand';
import {
  RequestSchemas,
  type Ack,
  type DeviceView,
  type PrinterConfig,
  type PrinterInput,
  type PrintJobView,
  type TestPrintResult,
} from '../../shared/protocol.js';
import type { HubConnection } from '../../shared/ui/hub-connection.js';
import { checkLocally, refused } from './config-actions.js';
import { ask } from './connection.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

/**
 * Saving or removing restarts the printer's worker, which first lets a job being sent
 * finish; a test slip waits for the printer's confirmation. Both may take more than the
 * usual request time.
 */
const PRINTER_REQUEST_MS = 40_000;

interface PrintersState {
  printers: PrinterConfig[] | null;
  kiosks: DeviceView[];
  jobs: { printerId: number; list: PrintJobView[] } | null;
  /** The last test slip asked for: on its way (null result) or what came of it. */
  test: { printerId: number; result: TestPrintResult | null; at: number } | null;
}

export const usePrintersStore = create<PrintersState>()(() => ({
  printers: null,
  kiosks: [],
  jobs: null,
  test: null,
}));

const showRefusal = (ack: Ack<unknown> | null) =>
  useConsoleStore.setState({ notice: ack && !ack.ok ? genericNotice(ack.error) : UNREACHABLE });

export async function loadPrinters(): Promise<void> {
  const [printers, devices] = await Promise.all([
    ask((h) => h.request('printer:list', {})),
    ask((h) => h.request('device:list', {})),
  ]);
  if (!printers?.ok) return showRefusal(printers);
  const kiosks = devices?.ok
    ? devices.data.filter((d) => d.role === 'kiosk' && d.revokedAt === null)
    : [];
  usePrintersStore.setState({ printers: printers.data, kiosks });
}

export async function loadJobs(printerId: number): Promise<void> {
  const ack = await ask((h) => h.request('printer:jobs', { printerId }));
  if (ack?.ok) usePrintersStore.setState({ jobs: { printerId, list: ack.data } });
}

/** One change; its data, or null with the refusal shown (a stale edit reloads the form). */
async function change<T>(
  busy: string,
  send: (h: HubConnection) => Promise<Ack<T>>,
): Promise<T | null> {
  if (useConsoleStore.getState().busy) return null;
  useConsoleStore.setState({ busy, notice: null, fieldErrors: [] });
  const ack = await ask(send);
  useConsoleStore.setState({ busy: null });
  if (!ack) {
    useConsoleStore.setState({ notice: UNREACHABLE });
    return null;
  }
  if (ack.ok) return ack.data;
  if (ack.error.reason === 'stale-version') await loadPrinters();
  await refused(ack.error);
  return null;
}

export async function savePrinter(
  printer: PrinterInput,
  version: number | null,
): Promise<PrinterConfig | null> {
  const payload = { printer, version };
  if (!checkLocally(RequestSchemas['printer:save'], payload)) return null;
  const saved = await change('printer:save', (h) =>
    h.request('printer:save', payload, PRINTER_REQUEST_MS),
  );
  if (!saved) return null;
  useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  await loadPrinters();
  return saved;
}

export async function removePrinter(
  printer: PrinterConfig,
  dropWaiting: boolean,
): Promise<'removed' | { waiting: number } | null> {
  useConsoleStore.setState({ busy: 'printer:remove', notice: null, fieldErrors: [] });
  const ack = await ask((h) =>
    h.request(
      'printer:remove',
      { printerId: printer.id, version: printer.version, dropWaiting },
      PRINTER_REQUEST_MS,
    ),
  );
  useConsoleStore.setState({ busy: null });
  // Tickets wait on it: the screen asks whether to drop them (removeAsk below).
  if (ack && !ack.ok && ack.error.reason === 'printer-has-jobs') {
    return { waiting: Number(ack.error.params?.['count'] ?? 0) };
  }
  if (!ack?.ok) {
    if (ack?.error.reason === 'stale-version') await loadPrinters();
    if (ack) await refused(ack.error);
    else showRefusal(ack);
    return null;
  }
  usePrintersStore.setState({ printers: ack.data, jobs: null, test: null });
  useConsoleStore.setState({
    selection: null,
    notice: { key: 'console.printer.removed', tone: 'info' },
  });
  return 'removed';
}

export async function testPrint(printerId: number): Promise<void> {
  usePrintersStore.setState({ test: { printerId, result: null, at: Date.now() } });
  const ack = await ask((h) => h.request('printer:test', { printerId }, PRINTER_REQUEST_MS));
  if (!ack?.ok) {
    usePrintersStore.setState({ test: null });
    return showRefusal(ack);
  }
  usePrintersStore.setState({ test: { printerId, result: ack.data, at: Date.now() } });
}

export async function reprintJob(job: PrintJobView): Promise<void> {
  const done = await change('printer:reprint', (h) =>
    h.request('printer:reprint', { jobId: job.id }),
  );
  if (!done) return;
  useConsoleStore.setState({
    notice: { key: 'console.spool.reprinted', params: { label: job.label }, tone: 'info' },
  });
  await loadJobs(job.printerId);
}

export async function dropJob(job: PrintJobView): Promise<void> {
  const done = await change('printer:drop', (h) => h.request('printer:drop', { jobId: job.id }));
  if (!done) return;
  useConsoleStore.setState({
    notice: { key: 'console.spool.dropped', params: { label: job.label }, tone: 'info' },
  });
  await loadJobs(job.printerId);
}
