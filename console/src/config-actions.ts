/**
 * Reading and saving the configuration. Every save names the version it was
 * made on; a stale one is refused by the hub, and then the manager is told
 * who changed it and when, and the form starts again from the latest instead
 * of overwriting it.
 */
import type { z } from 'zod';
import { formatTime, localDate } from '../../shared/i18n/calendar.js';
import {
  RequestSchemas,
  type Ack,
  type AckError,
  type RequestEvent,
  type RequestPayload,
  type ResponseData,
} from '../../shared/protocol.js';
import type { HubConnection } from '../../shared/ui/hub-connection.js';
import { ask } from './connection.js';
import { issuesToFields } from './field-errors.js';
import { genericNotice, UNREACHABLE, useConsoleStore, type Notice } from './store.js';

export type SaveEvent =
  | 'config:centre-save'
  | 'config:ministry-save'
  | 'config:service-save'
  | 'config:counter-save'
  | 'staff:save';

export async function loadConfig(): Promise<void> {
  const ack = await ask((h) => h.request('config:get', {}));
  if (ack?.ok) useConsoleStore.setState({ config: ack.data });
  else useConsoleStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
}

/** "02/12/2026", as Lao and English notices in Laos both write a date. */
function dayMonthYear(epochMs: number, timeZone: string): string {
  const d = localDate(epochMs, timeZone);
  return [d.day, d.month].map((n) => String(n).padStart(2, '0')).join('/') + `/${d.year}`;
}

function staleNotice(error: AckError): Notice {
  const timeZone = useConsoleStore.getState().config?.centre.timeZone ?? 'Asia/Vientiane';
  const at = Number(error.params?.['at']);
  // Digits only, so the words around it can switch language while the notice is shown.
  const time = Number.isFinite(at)
    ? `${formatTime(at, timeZone)}, ${dayMonthYear(at, timeZone)}`
    : '—';
  return {
    key: 'console.notice.stale',
    params: { by: String(error.params?.['by'] ?? '—'), time },
    tone: 'error',
  };
}

/** What a refusal changes on screen: a stale edit reloads; others point at their fields. */
export async function refused(error: AckError): Promise<void> {
  if (error.reason === 'stale-version') {
    useConsoleStore.setState({ notice: staleNotice(error), fieldErrors: [] });
    await loadConfig();
    useConsoleStore.setState((s) => ({ formGen: s.formGen + 1 }));
    return;
  }
  useConsoleStore.setState({ notice: genericNotice(error), fieldErrors: error.fields ?? [] });
}

/** Checks `payload` as the hub will; false (with the fields marked) when it would be refused. */
export function checkLocally(schema: z.ZodType, payload: unknown): boolean {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return true;
  useConsoleStore.setState({
    fieldErrors: issuesToFields(parsed.error),
    notice: { key: 'console.notice.fixFields', tone: 'error' },
  });
  return false;
}

/**
 * Sends one checked request, one at a time: checked here first, then by the
 * hub; its data when the hub took it, else null with the refusal shown next
 * to its field (or that the hub cannot be reached).
 */
export async function sendChecked<E extends RequestEvent>(
  event: E,
  payload: RequestPayload<E>,
): Promise<ResponseData[E] | null> {
  if (useConsoleStore.getState().busy) return null;
  if (!checkLocally(RequestSchemas[event], payload)) return null;
  useConsoleStore.setState({ busy: event, notice: null, fieldErrors: [] });
  const ack = (await ask((h) => h.request(event, payload))) as Ack<ResponseData[E]> | null;
  useConsoleStore.setState({ busy: null });
  if (!ack) {
    useConsoleStore.setState({ notice: UNREACHABLE });
    return null;
  }
  if (!ack.ok) {
    await refused(ack.error);
    return null;
  }
  return ack.data;
}

/** Saves one row; its data when the hub took it, else null (and the screen says why). */
export async function save<E extends SaveEvent>(
  event: E,
  payload: RequestPayload<E>,
): Promise<ResponseData[E] | null> {
  const data = await sendChecked(event, payload);
  if (data === null) return null;
  useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  await loadConfig();
  return data;
}

export async function loadFeeHistory(serviceId: string): Promise<void> {
  const ack = await ask((h) => h.request('config:fee-history', { serviceId }));
  if (ack?.ok) useConsoleStore.setState({ feeHistory: { serviceId, changes: ack.data } });
}

/** Sends one change; its data, or null with the refusal shown (its words, and its fields). */
export async function request<T>(
  busy: string,
  send: (h: HubConnection) => Promise<Ack<T>>,
): Promise<T | null> {
  useConsoleStore.setState({ busy, notice: null, fieldErrors: [] });
  const ack = await ask(send);
  useConsoleStore.setState({ busy: null });
  if (ack?.ok) return ack.data;
  useConsoleStore.setState({
    notice: ack ? genericNotice(ack.error) : UNREACHABLE,
    fieldErrors: ack ? (ack.error.fields ?? []) : [],
  });
  return null;
}
