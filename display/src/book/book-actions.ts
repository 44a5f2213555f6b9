/**
 * What the booking pages ask the hub, and how each answer lands in the store:
 * the first load, a day's slots, booking, and on /book/<code> looking the
 * booking up, cancelling, moving and checking in. A refusal becomes words
 * for the citizen (next to the field it concerns when there is one); nothing
 * here throws.
 */
import type { MessageKey } from '../../../shared/i18n/index.js';
import {
  BookingNameSchema,
  PhoneSchema,
  type Booking,
  type FieldError,
} from '../../../shared/protocol.js';
import { api, type Reply } from './api.js';
import { EMPTY_FORM, pageLang, slotsKey, useBookStore, type FieldName } from './store.js';

const { getState, setState } = useBookStore;

/** The centre and, on /book, what can be booked. */
export async function loadCentre(withBookable: boolean): Promise<void> {
  setState({ loadFailed: false });
  const [snapshot, bookable] = await Promise.all([
    api.snapshot(),
    withBookable ? api.bookable() : Promise.resolve(null),
  ]);
  if (snapshot.ok) setState({ snapshot: snapshot.data });
  if (bookable?.ok) setState({ bookable: bookable.data.services });
  if (!snapshot.ok || (bookable && !bookable.ok)) setState({ loadFailed: true });
}

/** The slots of one day, fetched afresh each time the day is looked at (others book too). */
export async function loadSlots(serviceId: string, day: string): Promise<void> {
  const key = slotsKey(serviceId, day);
  setState((s) => ({ slots: { ...s.slots, [key]: 'loading' } }));
  const reply = await api.slots(serviceId, day);
  setState((s) => ({ slots: { ...s.slots, [key]: reply.ok ? reply.data : 'failed' } }));
}

/** A refusal the citizen can act on, in words; `fields` are said next to their field instead. */
function refusal(reply: Reply<unknown> & { ok: false }): MessageKey {
  if (reply.status === 0 || !reply.error) return 'book.failed';
  if (reply.status === 429) return 'book.rateLimited';
  if (reply.error.reason === 'slot-full') return 'book.slotTaken';
  return reply.error.reason ? `reason.${reply.error.reason}` : `error.${reply.error.code}`;
}

function fieldMessage(field: FieldName, issue: string): MessageKey {
  if (field === 'name') {
    if (issue === 'too_big') return 'book.field.nameLong';
    return issue === 'too_small' ? 'book.field.name' : 'book.field.namePlain';
  }
  return 'book.field.phone';
}

/** The form's own check, with the hub's schemas: the same words whether the hub or we refuse. */
function checkForm(name: string, phone: string): Partial<Record<FieldName, MessageKey>> {
  const errors: Partial<Record<FieldName, MessageKey>> = {};
  const n = BookingNameSchema.safeParse(name);
  if (!n.success) errors.name = fieldMessage('name', n.error.issues[0]?.code ?? 'invalid');
  if (!PhoneSchema.safeParse(phone).success) errors.phone = 'book.field.phone';
  return errors;
}

function fieldErrors(fields: readonly FieldError[]): Partial<Record<FieldName, MessageKey>> {
  const errors: Partial<Record<FieldName, MessageKey>> = {};
  for (const { path, issue } of fields) {
    if (path === 'name' || path === 'phone') errors[path] = fieldMessage(path, issue);
  }
  return errors;
}

/** The booking page's address, without reloading: a reload or a bookmark opens the booking. */
function showBookingAddress(code: string) {
  window.history.replaceState(null, '', `/book/${encodeURIComponent(code)}`);
}

function showBooking(booking: Booking) {
  setState({ booking, code: booking.code, lookup: 'found' });
}

export async function submitBooking(): Promise<void> {
  const state = getState();
  const { step, form } = state;
  if (step.name !== 'details' || form.sending) return;
  const errors = checkForm(form.name, form.phone);
  if (Object.keys(errors).length > 0) {
    setState({ form: { ...form, errors, error: null } });
    return;
  }
  setState({ form: { ...form, errors: {}, error: null, sending: true } });
  const reply = await api.book({
    serviceId: step.serviceId,
    day: step.day,
    start: step.start,
    name: form.name.trim(),
    phone: form.phone.trim(),
    lang: pageLang(state),
  });
  if (reply.ok) {
    showBooking(reply.data.booking);
    setState({ justBooked: true, form: EMPTY_FORM, mode: { name: 'view' } });
    showBookingAddress(reply.data.booking.code);
    return;
  }
  const fields = reply.error?.fields ? fieldErrors(reply.error.fields) : {};
  if (Object.keys(fields).length > 0) {
    setState({ form: { ...getState().form, sending: false, errors: fields } });
    return;
  }
  const error = refusal(reply);
  if (error === 'book.slotTaken') {
    // Back to the times of that day, as they are now, with the reason above them.
    void loadSlots(step.serviceId, step.day);
    setState({
      step: { name: 'slot', serviceId: step.serviceId, day: step.day },
      form: { ...getState().form, sending: false, error },
    });
    return;
  }
  setState({ form: { ...getState().form, sending: false, error } });
}

export async function loadBooking(code: string): Promise<void> {
  setState({ code, lookup: 'loading' });
  const reply = await api.booking(code);
  if (reply.ok) showBooking(reply.data.booking);
  else setState({ lookup: reply.status === 404 || reply.status === 400 ? 'unknown' : 'failed' });
}

/** Runs one change of the booking; a refusal is said above the actions. */
async function change(
  send: (code: string) => Promise<Reply<{ booking: Booking }>>,
  notice: MessageKey | null,
): Promise<void> {
  const { code, pending } = getState();
  if (!code || pending) return;
  setState({ pending: true, actionError: null, notice: null });
  const reply = await send(code);
  if (reply.ok) {
    showBooking(reply.data.booking);
    setState({ pending: false, mode: { name: 'view' }, notice, justBooked: false });
    return;
  }
  const conflict = reply.status === 409 && reply.error?.reason !== 'slot-full';
  setState({ pending: false, actionError: conflict ? 'booking.notChangeable' : refusal(reply) });
  // What changed meanwhile (a check-in at the kiosk, a cancel on another phone) is shown.
  if (conflict) await loadBooking(code);
}

export const cancelBooking = () => change((code) => api.cancel(code), null);

export async function moveBooking(): Promise<void> {
  const { mode } = getState();
  if (mode.name !== 'move' || !mode.day || !mode.start) return;
  const { day, start } = mode;
  await change((code) => api.move(code, { day, start }), 'booking.moved');
}

/** From the centre's Wi-Fi only: elsewhere the hub asks for a token, and the page says why. */
export async function checkInNow(): Promise<void> {
  const { code, pending } = getState();
  if (!code || pending) return;
  setState({ pending: true, actionError: null, notice: null });
  const reply = await api.checkIn(code);
  if (reply.ok) {
    setState({ pending: false, checkIn: reply.data.checkIn });
    await loadBooking(code);
    return;
  }
  const offNetwork = reply.status === 401 || reply.status === 403;
  setState({
    pending: false,
    actionError: offNetwork ? 'booking.checkInOffNetwork' : refusal(reply),
  });
}
