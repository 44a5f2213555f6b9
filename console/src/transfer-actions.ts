/**
 * The Export and import screen's requests. Export downloads the hub's file;
 * import reads a file the manager picks, sends it gzip-compressed (the hub
 * takes small messages only, shared/schemas/config-file.ts), shows what it
 * would change, and applies exactly that preview — or, when the centre's
 * configuration changed meanwhile, says so and shows the new differences.
 */
import { create } from 'zustand';
import {
  MAX_CONFIG_FILE_BYTES,
  MAX_CONFIG_UPLOAD_CHARS,
  type AckError,
  type ConfigImportResult,
  type ConfigPreview,
  type ConfigUpload,
} from '../../shared/protocol.js';
import { loadConfig } from './config-actions.js';
import { ask } from './connection.js';
import { UNREACHABLE, useConsoleStore, type Notice } from './store.js';

export type TransferStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; fileName: string; upload: ConfigUpload; preview: ConfigPreview }
  | { step: 'done'; fileName: string; result: ConfigImportResult };

export const useTransferStore = create<{ transfer: TransferStep }>()(() => ({
  transfer: { step: 'idle' },
}));

const setStep = (transfer: TransferStep) => useTransferStore.setState({ transfer });
const say = (notice: Notice) => useConsoleStore.setState({ notice });

/** The hub's refusal in words, with its params (a file's version) and the entries it names. */
function refused(error: AckError | null) {
  if (!error) return useConsoleStore.setState({ notice: UNREACHABLE, fieldErrors: [] });
  useConsoleStore.setState({
    notice: {
      key: error.reason ? `reason.${error.reason}` : `error.${error.code}`,
      ...(error.params ? { params: error.params } : {}),
      tone: 'error',
    },
    fieldErrors: error.fields ?? [],
  });
}

export async function exportConfig(): Promise<void> {
  useConsoleStore.setState({ busy: 'transfer', notice: null, fieldErrors: [] });
  const ack = await ask((h) => h.request('config:export', {}));
  useConsoleStore.setState({ busy: null });
  if (!ack?.ok) return refused(ack ? ack.error : null);
  const { fileName, file } = ack.data;
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say({ key: 'console.transfer.exported', params: { name: fileName }, tone: 'info' });
}

async function gzipBase64(bytes: ArrayBuffer): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < packed.length; i += CHUNK) {
    binary += String.fromCharCode(...packed.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const tooLarge = () =>
  refused({ code: 'invalid-request', message: '', reason: 'config-file-too-large' });

async function preview(fileName: string, upload: ConfigUpload): Promise<void> {
  useConsoleStore.setState({ busy: 'transfer' });
  const ack = await ask((h) => h.request('config:import-preview', { file: upload }));
  useConsoleStore.setState({ busy: null });
  if (!ack?.ok) {
    setStep({ step: 'idle' });
    return refused(ack ? ack.error : null);
  }
  setStep({ step: 'preview', fileName, upload, preview: ack.data });
}

/** Reads the chosen file and asks the hub what it would change; nothing changes yet. */
export async function pickFile(file: File): Promise<void> {
  useConsoleStore.setState({ notice: null, fieldErrors: [] });
  // Checked here too, so a wrong file is refused before it is read or sent.
  if (file.size > MAX_CONFIG_FILE_BYTES) return tooLarge();
  setStep({ step: 'reading', fileName: file.name });
  const upload = { gzipBase64: await gzipBase64(await file.arrayBuffer()) };
  if (upload.gzipBase64.length > MAX_CONFIG_UPLOAD_CHARS) {
    setStep({ step: 'idle' });
    return tooLarge();
  }
  await preview(file.name, upload);
}

export function cancelImport(): void {
  setStep({ step: 'idle' });
  useConsoleStore.setState({ notice: null, fieldErrors: [] });
}

export async function applyImport(): Promise<void> {
  const current = useTransferStore.getState().transfer;
  if (current.step !== 'preview' || useConsoleStore.getState().busy) return;
  const { fileName, upload, preview: shown } = current;
  useConsoleStore.setState({ busy: 'transfer', notice: null, fieldErrors: [] });
  const ack = await ask((h) =>
    h.request('config:import-apply', { file: upload, basisHash: shown.basisHash }),
  );
  useConsoleStore.setState({ busy: null });
  if (!ack?.ok) {
    const error = ack ? ack.error : null;
    // Someone changed the configuration since the preview: show what the file changes now.
    if (error?.reason === 'config-changed-since-preview') await preview(fileName, upload);
    return refused(error);
  }
  setStep({ step: 'done', fileName, result: ack.data });
  say({ key: 'console.transfer.applied', params: { ...ack.data }, tone: 'info' });
  await loadConfig();
}
