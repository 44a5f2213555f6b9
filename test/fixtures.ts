/**
 * Protocol entities with every field filled in, for tests: each test names
 * only what it is about and takes the rest from here.
 */
import type { ServiceView, Ticket } from '../shared/protocol.js';

/** 2026-11-27 10:00 in Vientiane. */
export const FIXTURE_T0 = Date.UTC(2026, 10, 27, 3, 0);

/** A waiting kiosk ticket `F<id>` of service `f`, issued `id` ms after FIXTURE_T0. */
export function ticketFixture(id: number, patch: Partial<Ticket> = {}): Ticket {
  return {
    id,
    code: `code-${id}-xxxxxxxx`,
    day: '2026-11-27',
    number: id,
    label: `F${String(id).padStart(3, '0')}`,
    serviceId: 'f',
    priority: 'none',
    status: 'waiting',
    lang: 'lo',
    source: 'kiosk',
    issuedAt: FIXTURE_T0 + id,
    queuedAt: FIXTURE_T0 + id,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    staffId: null,
    recalls: 0,
    parentId: null,
    booking: null,
    ...patch,
  };
}

/** An open service with nobody waiting, prefix `id` in capitals. */
export function serviceFixture(id: string, patch: Partial<ServiceView> = {}): ServiceView {
  return {
    id,
    prefix: id.toUpperCase(),
    name: { lo: `ບໍລິການ ${id}`, en: `Service ${id}` },
    ministry: { id: 'moha', name: { lo: 'ກະຊວງພາຍໃນ', en: 'Ministry of Home Affairs' } },
    feeLak: 10_000,
    feeIsSample: true,
    feeRef: null,
    hours: [],
    documents: { lo: [], en: [] },
    targetMinutes: 10,
    dailyCap: null,
    asksPriority: true,
    open: true,
    waiting: 0,
    priorityWaiting: 0,
    issuedToday: 0,
    estimatedWaitMs: null,
    bookable: false,
    ...patch,
  };
}

/** `hh:mm` on Wednesday 2 December 2026 in Vientiane, as epoch ms. */
export const wednesdayAt = (hhmm: string) => Date.parse(`2026-12-02T${hhmm}:00+07:00`);

/** Monday to Friday, 08:00–16:00 with lunch 12:00–13:00. */
export const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensMin: 8 * 60,
  closesMin: 16 * 60,
  lunchFromMin: 12 * 60,
  lunchToMin: 13 * 60,
}));
