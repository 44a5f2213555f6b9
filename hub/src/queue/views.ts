/**
 * Read models: what clients see of services, counters, calls and tickets.
 * Public views (phones, hall displays) carry no personal data.
 */
import type { Clock } from '../clock.js';
import type { CentreConfig } from './config.js';
import type { Store } from './store.js';
import { estimateWaitMs, DEFAULT_RATE_WINDOW_MS } from '../../../shared/domain/wait-estimate.js';
import { RECENT_CALLS_MAX } from '../../../shared/domain/apply-event.js';
import type {
  CallView,
  Centre,
  CounterView,
  PublicTicket,
  ServiceView,
  Snapshot,
  Ticket,
  TicketView,
} from '../../../shared/protocol.js';

/** Until a service has its own completion history, assume this long per citizen. */
export const DEFAULT_SERVICE_MS = 10 * 60_000;

export function toPublicTicket(t: Ticket): PublicTicket {
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    status: t.status,
    counterId: t.counterId,
  };
}

export function createViews(deps: {
  clock: Clock;
  store: Store;
  config: () => CentreConfig;
  publicUrl: string;
  currentDay: () => string;
  /** Normal tickets called today in a service since its last priority one (the policy's input). */
  sinceLastPriority: (serviceId: string) => number;
}) {
  const { clock, store, config } = deps;

  function estimate(serviceId: string, peopleAhead: number): number | null {
    const now = clock.now();
    return estimateWaitMs({
      peopleAhead,
      completedAt: store.completedSince(serviceId, now - DEFAULT_RATE_WINDOW_MS),
      now,
      windowMs: DEFAULT_RATE_WINDOW_MS,
      servingCounters: store.servingCounters(serviceId),
      assumedServiceMinutes: DEFAULT_SERVICE_MS / 60_000,
    });
  }

  function service(id: string): ServiceView | null {
    const s = config().services.get(id);
    if (!s) return null;
    const waiting = store.waitingCount(id);
    return {
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      ministry: s.ministry,
      feeLak: s.feeLak,
      feeIsSample: s.feeIsSample,
      documents: s.documents,
      targetMinutes: s.targetMinutes,
      dailyCap: s.dailyCap,
      open: s.open,
      waiting,
      issuedToday: store.issuedToday(deps.currentDay(), id),
      estimatedWaitMs: estimate(id, waiting),
    };
  }

  function counter(id: number, forPublic: boolean): CounterView | null {
    const c = config().counters.get(id);
    const row = store.counterById(id);
    if (!c || !row) return null;
    const current = store.counterCurrent(id);
    const staff = row.staff_id === null || forPublic ? null : store.staffName(row.staff_id);
    return {
      id,
      number: c.number,
      name: c.name,
      services: c.services,
      status: row.status,
      pauseReason: row.pause_reason,
      current:
        current && (current.status === 'called' || current.status === 'serving')
          ? {
              ticketId: current.id,
              label: current.label,
              serviceId: current.serviceId,
              status: current.status,
              calledAt: current.calledAt ?? current.issuedAt,
            }
          : null,
      staff: staff ? { id: row.staff_id ?? 0, name: staff } : null,
    };
  }

  function recentCalls(): CallView[] {
    const calls: CallView[] = [];
    // By label: a transferred citizen keeps theirs on a new ticket, and is one person called.
    const seen = new Set<string>();
    for (const r of store.recentCalls(deps.currentDay(), RECENT_CALLS_MAX * 20)) {
      if (seen.has(r.label)) continue;
      seen.add(r.label);
      const c = config().counters.get(r.counter_id);
      const t = store.ticketById(r.ticket_id);
      if (!c || !t) continue;
      calls.push({
        ticketId: r.ticket_id,
        label: r.label,
        serviceId: r.service_id,
        counterId: c.id,
        counterNumber: c.number,
        // The ticket's calledAt is what this call's event carried (this row is its newest
        // call), so a client keying calls on `at` sees the same call in both.
        at: t.calledAt ?? r.at,
        recalls: t.recalls,
      });
      if (calls.length === RECENT_CALLS_MAX) break;
    }
    return calls;
  }

  function centre(): Centre {
    const c = config();
    return {
      name: c.name,
      timeZone: c.timeZone,
      publicUrl: deps.publicUrl,
      notices: c.settings.notices,
    };
  }

  const present = <T>(x: T | null): x is T => x !== null;

  return {
    service,
    counter,
    centre,
    services: (ids: Iterable<string>) => [...ids].map(service).filter(present),
    counters: (ids: Iterable<number>, forPublic: boolean) =>
      [...ids].map((id) => counter(id, forPublic)).filter(present),

    snapshot(seq: number, withWaiting: boolean): Snapshot {
      const c = config();
      const snap: Snapshot = {
        seq,
        day: deps.currentDay(),
        centre: centre(),
        services: [...c.services.keys()].map(service).filter(present),
        counters: [...c.counters.keys()].map((id) => counter(id, !withWaiting)).filter(present),
        recentCalls: recentCalls(),
      };
      if (withWaiting) {
        snap.waiting = store.allWaiting();
        snap.held = store.held();
        snap.callPolicy = {
          priorityEvery: c.settings.priorityEvery,
          sinceLastPriority: Object.fromEntries(
            [...c.services.keys()].map((id) => [id, deps.sinceLastPriority(id)]),
          ),
        };
      }
      return snap;
    },

    /** What the phone that holds `code` may see; follows transfers to the newest ticket. */
    ticket(code: string): TicketView | null {
      const root = store.ticketByCode(code);
      if (!root) return null;
      const t = store.latestOf(root);
      const s = config().services.get(t.serviceId);
      const c = t.counterId === null ? undefined : config().counters.get(t.counterId);
      const ahead = t.status === 'waiting' ? store.peopleAhead(t) : null;
      const showCounter = c && (t.status === 'called' || t.status === 'serving');
      return {
        code,
        label: t.label,
        status: t.status,
        day: t.day,
        lang: t.lang,
        service: {
          id: t.serviceId,
          name: s?.name ?? { lo: t.serviceId, en: t.serviceId },
          feeLak: s?.feeLak ?? 0,
          feeIsSample: s?.feeIsSample ?? false,
        },
        peopleAhead: ahead,
        estimatedWaitMs: ahead === null ? null : estimate(t.serviceId, ahead),
        counter: showCounter ? { id: c.id, number: c.number, name: c.name } : null,
        issuedAt: t.issuedAt,
        calledAt: t.calledAt,
        finishedAt: t.finishedAt,
        feedbackGiven: store.hasFeedback(t.id),
      };
    },
  };
}

export type Views = ReturnType<typeof createViews>;
