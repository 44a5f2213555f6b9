/**
 * Read models: what clients see of services, counters, calls and tickets,
 * and the snapshot that holds them all. Public views (phones, hall
 * displays) carry no personal data.
 */
import type { BookingStore } from '../appointments/booking-store.js';
import type { ConfigSource } from '../config/config.js';
import type { CounterStore } from '../counters/counter-store.js';
import type { ServiceDay } from '../day/service-day.js';
import type { FeedbackStore } from '../feedback/feedback.js';
import type { CallPolicy } from '../tickets/call-policy.js';
import type { Standings } from '../tickets/standing.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { createCounterViews } from './counter-view.js';
import { createRecentCalls } from './recent-calls.js';
import { createServiceViews } from './service-view.js';
import { createTicketViews } from './ticket-view.js';
import { noticesOn } from '../../../shared/domain/notices.js';
import { callOrder } from '../../../shared/domain/call-order.js';
import { WAITING_WINDOW, windowed } from '../../../shared/domain/waiting-window.js';
import type {
  Centre,
  CounterView,
  PublicTicket,
  ServiceView,
  Snapshot,
  Ticket,
  TicketView,
} from '../../../shared/protocol.js';

export interface Views {
  service(id: string): ServiceView | null;
  counter(id: number, forPublic: boolean): CounterView | null;
  centre(): Centre;
  services(ids: Iterable<string>): ServiceView[];
  counters(ids: Iterable<number>, forPublic: boolean): CounterView[];
  /** Everything a client starts from; `withWaiting` adds what only staff see. */
  snapshot(seq: number, withWaiting: boolean): Snapshot;
  /** A service's waiting tickets in call order from `offset`, and the window they come from. */
  waitingPage(serviceId: string, offset: number): { tickets: Ticket[]; window: Ticket[] };
  ticket(code: string): TicketView | null;
}

export interface ViewDeps {
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  counters: CounterStore;
  feedback: FeedbackStore;
  standings: Standings;
  policy: CallPolicy;
  /** Whether a service takes bookings (the kiosk's check-in). */
  bookingStore: Pick<BookingStore, 'settings'>;
}

export function toPublicTicket(t: Ticket): PublicTicket {
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    status: t.status,
    counterId: t.counterId,
  };
}

const present = <T>(x: T | null): x is T => x !== null;

/** A service's waiting tickets in call order from `offset`, from the front of each class. */
function waitingPages(deps: ViewDeps) {
  return function waitingPage(serviceId: string, offset: number) {
    const window = deps.tickets.classFronts(serviceId, offset + WAITING_WINDOW);
    const order = callOrder({
      services: [serviceId],
      waiting: window,
      // With one service the overdue rule never changes the order within it.
      now: 0,
      targetWaitMs: () => Number.POSITIVE_INFINITY,
      priorityEvery: deps.policy.priorityEvery(),
      sinceLastPriority: deps.policy.sinceLastPriority,
    });
    return { tickets: order.slice(offset, offset + WAITING_WINDOW), window };
  };
}

export function createViews(deps: ViewDeps): Views {
  const { config } = deps;
  const service = createServiceViews(deps);
  const counter = createCounterViews(deps);
  const recentCalls = createRecentCalls(deps);
  const services = (ids: Iterable<string>) => [...ids].map(service).filter(present);
  const counters = (ids: Iterable<number>, forPublic: boolean) =>
    [...ids].map((id) => counter(id, forPublic)).filter(present);
  const centre = (): Centre => {
    const c = config.current();
    return {
      name: c.name,
      timeZone: c.timeZone,
      holidays: c.holidays,
      publicUrl: config.publicUrl(),
      notices: noticesOn(c.notices, deps.day.current()),
      displays: c.displays,
      voiceClips: c.voiceClips,
      logo: c.logo?.info ?? null,
      priorityEvery: c.settings.priorityEvery,
    };
  };

  const frontOf = (serviceId: string) => deps.tickets.classFronts(serviceId, WAITING_WINDOW);

  function snapshot(seq: number, withWaiting: boolean): Snapshot {
    const c = config.current();
    const snap: Snapshot = {
      seq,
      day: deps.day.current(),
      centre: centre(),
      services: services(c.services.keys()),
      counters: counters(c.counters.keys(), !withWaiting),
      recentCalls: recentCalls(),
    };
    if (!withWaiting) return snap;
    const sinceLastPriority = [...c.services.keys()].map((id) => [
      id,
      deps.policy.sinceLastPriority(id),
    ]);
    return {
      ...snap,
      waiting: windowed([...c.services.keys()].flatMap(frontOf)),
      held: deps.tickets.held(),
      callPolicy: {
        priorityEvery: deps.policy.priorityEvery(),
        sinceLastPriority: Object.fromEntries(sinceLastPriority),
      },
    };
  }

  return {
    service,
    counter,
    centre,
    services,
    counters,
    snapshot,
    waitingPage: waitingPages(deps),
    ticket: createTicketViews(deps),
  };
}
