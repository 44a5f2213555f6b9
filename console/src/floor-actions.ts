/**
 * The live floor's requests: the view (read again on every queue event, at
 * most twice a second, and every few seconds so waits grow on screen), ticket
 * search, and the floor's actions. Alerts come pushed (`floor:alerts`,
 * connection.ts) and are shown at once, before the next read.
 */
import { create } from 'zustand';
import {
  RequestSchemas,
  type Alert,
  type FloorView,
  type RequestEvent,
  type RequestPayload,
  type ResponseData,
  type TicketHistory,
} from '../../shared/protocol.js';
import { checkLocally, refused, sendChecked } from './config-actions.js';
import { ask } from './connection.js';
import { UNREACHABLE, useConsoleStore, type Notice } from './store.js';

/** Reads follow changes no faster than this; a busy morning is hundreds of events a minute. */
export const FLOOR_READ_GAP_MS = 500;
/** And at least this often, so the waits and "serving for" times on screen move on. */
export const FLOOR_REFRESH_MS = 5_000;

interface FloorState {
  view: FloorView | null;
  /** Pushed by the hub; newer than `view.alerts` between reads. */
  alerts: Alert[];
  /** Hub clock minus this machine's, from the last read. */
  offsetMs: number;
  search: { query: string; day: string; found: TicketHistory } | null;
}

export const useFloorStore = create<FloorState>()(() => ({
  view: null,
  alerts: [],
  offsetMs: 0,
  search: null,
}));

let reading = false;
let again = false;
let lastReadAt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export async function loadFloor(): Promise<void> {
  if (reading) {
    again = true;
    return;
  }
  reading = true;
  lastReadAt = Date.now();
  const ack = await ask((h) => h.request('floor:get', {}));
  reading = false;
  if (ack?.ok) {
    useFloorStore.setState({
      view: ack.data,
      alerts: ack.data.alerts,
      offsetMs: ack.data.at - Date.now(),
    });
  }
  if (again) {
    again = false;
    floorChanged();
  }
}

/** Something changed on the floor: read it again soon, never more than twice a second. */
export function floorChanged(): void {
  if (useConsoleStore.getState().section !== 'floor' || timer) return;
  const wait = Math.max(0, lastReadAt + FLOOR_READ_GAP_MS - Date.now());
  timer = setTimeout(() => {
    timer = undefined;
    void loadFloor();
  }, wait);
}

/** One floor action: the hub's data, or null with the refusal shown (next to its field). */
async function act<E extends RequestEvent>(
  event: E,
  payload: RequestPayload<E>,
  done: (data: ResponseData[E]) => Notice,
): Promise<ResponseData[E] | null> {
  const data = await sendChecked(event, payload);
  if (data === null) return null;
  useConsoleStore.setState({ notice: done(data) });
  await loadFloor();
  const s = useFloorStore.getState().search;
  if (s) await searchTickets(s.query, s.day);
  return data;
}

export async function searchTickets(query: string, day: string): Promise<void> {
  const payload = { query: query.trim(), day };
  if (!checkLocally(RequestSchemas['floor:ticket-search'], payload)) return;
  useConsoleStore.setState({ fieldErrors: [] });
  const ack = await ask((h) => h.request('floor:ticket-search', payload));
  if (!ack) return useConsoleStore.setState({ notice: UNREACHABLE });
  if (!ack.ok) return refused(ack.error);
  useFloorStore.setState({ search: { query: payload.query, day, found: ack.data } });
}

export const transferTicket = (p: RequestPayload<'floor:transfer'>, label: string) =>
  act('floor:transfer', p, () => ({
    key: 'console.floor.transferred',
    params: { label },
    tone: 'info',
  }));

export const cancelTicket = (ticketId: number, label: string) =>
  act('floor:cancel', { ticketId }, () => ({
    key: 'console.floor.cancelled',
    params: { label },
    tone: 'info',
  }));

export const reprintTicket = (ticketId: number, label: string) =>
  act('floor:reprint', { ticketId }, () => ({
    key: 'console.spool.reprinted',
    params: { label },
    tone: 'info',
  }));

export const closeCounter = (counterId: number, number: number) =>
  act('floor:close-counter', { counterId }, () => ({
    key: 'console.floor.closed',
    params: { number },
    tone: 'info',
  }));

export const signOut = (staffId: number, name: string) =>
  act('floor:sign-out', { staffId }, () => ({
    key: 'console.floor.signedOut',
    params: { name },
    tone: 'info',
  }));

export const unlockStaff = (staffId: number, name: string) =>
  act('staff:unlock', { staffId }, () => ({
    key: 'console.floor.unlocked',
    params: { name },
    tone: 'info',
  }));
