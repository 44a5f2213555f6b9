/**
 * The booking pages' calls to the hub: the open appointment operations of
 * /api/v1 (docs/api.md), without a token, and the public snapshot for the
 * centre's day, clock, holidays and address. Every answer is one `Reply`:
 * the data, or why not (the hub's error envelope, or no answer at all).
 */
import type {
  AckError,
  BookableAnswer,
  Booking,
  BookingMove,
  BookingRequest,
  CheckInAnswer,
  SlotsAnswer,
  Snapshot,
} from '../../../shared/protocol.js';

export type Reply<T> =
  | { ok: true; data: T }
  /** `status` 0: no answer (offline, the hub down). */
  | { ok: false; status: number; error: AckError | null };

const API = '/api/v1';

async function call<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: null };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as { error?: AckError } | null)?.error ?? null;
  return { ok: false, status: res.status, error };
}

const bookingPath = (code: string) => `/bookings/${encodeURIComponent(code)}`;

export const api = {
  snapshot: () => call<Snapshot>('GET', '/snapshot'),
  bookable: () => call<BookableAnswer>('GET', '/bookable'),
  slots: (serviceId: string, day: string) =>
    call<SlotsAnswer>(
      'GET',
      `/slots?${new URLSearchParams({ service: serviceId, day }).toString()}`,
    ),
  book: (request: BookingRequest) => call<{ booking: Booking }>('POST', '/bookings', request),
  booking: (code: string) => call<{ booking: Booking }>('GET', bookingPath(code)),
  move: (code: string, move: BookingMove) =>
    call<{ booking: Booking }>('PUT', bookingPath(code), move),
  cancel: (code: string) => call<{ booking: Booking }>('DELETE', bookingPath(code)),
  checkIn: (code: string) =>
    call<{ checkIn: CheckInAnswer }>('POST', `${bookingPath(code)}/check-in`),
};
