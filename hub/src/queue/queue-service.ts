/**
 * Every transition of the ticket lifecycle. Each public method is one
 * synchronous transaction that either commits and returns what changed, or
 * throws a HubError and changes nothing. The caller acks, then broadcasts.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Store } from './store.js';
import type { CentreConfig } from './config.js';
import { HubError, notFound } from './hub-error.js';
import { createGroupCommit } from './group-commit.js';
import { nextStatus, type TicketAction } from '../../../shared/domain/lifecycle.js';
import { formatLabel, serviceDay } from '../../../shared/domain/numbering.js';
import { pickNextTicket } from '../../../shared/domain/next-ticket.js';
import type {
  CallView,
  FeedbackAnswers,
  PauseReason,
  QueueEventType,
  RequestPayload,
  Ticket,
  TicketSource,
} from '../../../shared/protocol.js';

/** Who asks: the device, the logged-in clerk, and the counter that clerk has open. */
export interface Actor {
  deviceId: number | null;
  staffId: number | null;
  counterId: number | null;
}

/** What a committed mutation touched; the broadcaster turns it into one `queue:event`. */
export interface Change {
  type: QueueEventType;
  ticketIds: number[];
  serviceIds: string[];
  counterIds: number[];
  call: CallView | null;
  /** Printers whose status or backlog changed (`printer-updated`). */
  printerIds?: number[];
}

export interface Outcome<T> {
  data: T;
  changes: Change[];
}

const TICKET_CODE_BYTES = 10; // 80 bits: unguessable, short enough for a QR code

export function createQueueService(deps: {
  db: Db;
  clock: Clock;
  store: Store;
  config: () => CentreConfig;
  /** Runs inside the transaction of each new ticket (printing adds the ticket's job there). */
  onIssued?: (ticket: Ticket, actor: Actor) => void;
}) {
  const { db, clock, store, config } = deps;
  const groupCommit = createGroupCommit(db);

  const change = (type: QueueEventType, ticket: Ticket, extra: Partial<Change> = {}): Change => ({
    type,
    ticketIds: [ticket.id],
    serviceIds: [ticket.serviceId],
    counterIds: ticket.counterId === null ? [] : [ticket.counterId],
    call: null,
    ...extra,
  });

  function service(id: string) {
    const s = config().services.get(id);
    if (!s) throw notFound(`Service ${id}`);
    return s;
  }

  function counter(id: number) {
    const c = config().counters.get(id);
    const row = store.counterById(id);
    if (!c || !row) throw notFound(`Counter ${id}`);
    return { ...c, row };
  }

  function ticket(id: number): Ticket {
    const t = store.ticketById(id);
    if (!t) throw notFound(`Ticket ${id}`);
    return t;
  }

  /** Moves a ticket along the lifecycle and writes the audit row; refuses what the lifecycle does not allow. */
  function move(
    t: Ticket,
    action: TicketAction,
    actor: Actor,
    patch: Partial<Ticket> = {},
    detail: string | null = null,
  ): Ticket {
    const to = nextStatus(t.status, action);
    if (!to) {
      throw new HubError(
        'conflict',
        `Ticket ${t.label} is ${t.status}; it cannot ${action}`,
        'status',
      );
    }
    const updated: Ticket = { ...t, ...patch, status: to };
    store.updateTicket(updated);
    store.insertEvent({
      ticketId: t.id,
      at: clock.now(),
      type: action,
      fromStatus: t.status,
      toStatus: to,
      counterId: patch.counterId ?? t.counterId,
      staffId: actor.staffId,
      deviceId: actor.deviceId,
      detail,
    });
    return updated;
  }

  /** The counter must be the one this clerk opened, and open for calls. */
  function workingCounter(actor: Actor, counterId: number) {
    const c = counter(counterId);
    if (actor.counterId !== counterId) {
      throw new HubError('conflict', `Open counter ${c.number} first`, 'counter-not-open');
    }
    return c;
  }

  function callableCounter(actor: Actor, counterId: number) {
    const c = workingCounter(actor, counterId);
    if (c.row.status === 'paused') {
      throw new HubError('conflict', `Counter ${c.number} is paused`, 'counter-paused');
    }
    if (c.row.status === 'closed') {
      throw new HubError('conflict', `Counter ${c.number} is closed`, 'counter-closed');
    }
    const current = store.counterCurrent(counterId);
    if (current) {
      throw new HubError(
        'conflict',
        `Counter ${c.number} still has ${current.label} (${current.status}); finish it first`,
        'status',
      );
    }
    return c;
  }

  /** A ticket this clerk's counter holds right now. */
  function ownTicket(actor: Actor, ticketId: number): Ticket {
    const t = ticket(ticketId);
    if (actor.counterId === null) {
      throw new HubError('conflict', 'Open a counter first', 'counter-not-open');
    }
    if (t.counterId !== actor.counterId) {
      throw new HubError('conflict', `Ticket ${t.label} is not at your counter`, 'wrong-counter');
    }
    return t;
  }

  function callView(t: Ticket): CallView {
    const c = counter(t.counterId ?? 0);
    const at = t.calledAt ?? clock.now();
    return {
      ticketId: t.id,
      label: t.label,
      serviceId: t.serviceId,
      counterId: c.id,
      counterNumber: c.number,
      at,
      recalls: t.recalls,
    };
  }

  function callTicket(actor: Actor, counterId: number, t: Ticket): Outcome<Ticket> {
    const now = clock.now();
    const called = move(t, 'call', actor, {
      calledAt: now,
      counterId,
      staffId: actor.staffId,
      recalls: 0,
    });
    return {
      data: called,
      changes: [change('ticket-called', called, { call: callView(called) })],
    };
  }

  function sinceLastPriority(serviceId: string): number {
    const window = config().settings.priorityEvery + 1;
    const priorities = store.recentCallPriorities(serviceId, currentDay(), window);
    const firstPriority = priorities.findIndex((p) => p !== 'none');
    return firstPriority === -1 ? priorities.length : firstPriority;
  }

  function currentDay(): string {
    return store.currentDay() ?? serviceDay(clock.now(), config().timeZone);
  }

  /** A simple lifecycle step on a ticket at the clerk's own counter. */
  function step(
    action: TicketAction,
    type: QueueEventType,
    patch: (t: Ticket, now: number) => Partial<Ticket>,
  ) {
    return (actor: Actor, { ticketId }: RequestPayload<'ticket:start'>): Outcome<Ticket> =>
      db.transaction(() => {
        const t = ownTicket(actor, ticketId);
        const moved = move(t, action, actor, patch(t, clock.now()));
        const call = action === 'recall' ? callView(moved) : null;
        return {
          data: moved,
          changes: [change(type, { ...moved, counterId: t.counterId }, { call })],
        };
      })();
  }

  function counterStep(
    actor: Actor,
    counterId: number,
    type: string,
    next: {
      status: 'open' | 'paused' | 'closed';
      pauseReason: PauseReason | null;
      staffId: number | null;
    },
  ): Outcome<number> {
    store.updateCounter({ id: counterId, ...next });
    store.insertCounterEvent(counterId, clock.now(), type, actor.staffId, next.pauseReason);
    return {
      data: counterId,
      changes: [
        {
          type: 'counter-updated',
          ticketIds: [],
          serviceIds: counter(counterId).services,
          counterIds: [counterId],
          call: null,
        },
      ],
    };
  }

  function issue(
    actor: Actor,
    input: RequestPayload<'ticket:issue'>,
    source: TicketSource,
  ): Outcome<Ticket> {
    return db.transaction(() => {
      const existing = store.ticketByRequest(input.requestId);
      if (existing) return { data: existing, changes: [] };
      const svc = service(input.serviceId);
      if (!svc.open) {
        throw new HubError('closed', `${svc.name.en} is not issuing tickets now`, 'service-closed');
      }
      const day = currentDay();
      if (svc.dailyCap !== null && store.issuedToday(day, svc.id) >= svc.dailyCap) {
        throw new HubError(
          'closed',
          `${svc.name.en} has reached today's limit`,
          'daily-cap-reached',
        );
      }
      const now = clock.now();
      const number = store.nextNumber(day, svc.prefix);
      const t = store.insertTicket({
        code: randomBytes(TICKET_CODE_BYTES).toString('base64url'),
        day,
        number,
        label: formatLabel(svc.prefix, number),
        serviceId: svc.id,
        priority: input.priority ?? 'none',
        lang: input.lang,
        source,
        issuedAt: now,
        queuedAt: now,
        parentId: null,
        requestId: input.requestId,
      });
      store.insertEvent({
        ticketId: t.id,
        at: now,
        type: 'issue',
        fromStatus: null,
        toStatus: 'waiting',
        counterId: null,
        staffId: actor.staffId,
        deviceId: actor.deviceId,
        detail: null,
      });
      deps.onIssued?.(t, actor);
      return { data: t, changes: [change('ticket-issued', t)] };
    })();
  }

  return {
    currentDay,
    sinceLastPriority,

    issue,

    /**
     * `issue` for the kiosks' hot path: tickets asked for in the same turn of
     * the event loop are committed together, one fsync for the lot.
     */
    issueGrouped(
      actor: Actor,
      input: RequestPayload<'ticket:issue'>,
      source: TicketSource,
    ): Promise<Outcome<Ticket>> {
      return groupCommit(() => issue(actor, input, source));
    },

    callNext(actor: Actor, counterId: number): Outcome<Ticket | null> {
      return db.transaction(() => {
        const c = callableCounter(actor, counterId);
        const now = clock.now();
        const pick = pickNextTicket({
          services: c.services,
          waiting: c.services.flatMap((s) => store.waitingIn(s)),
          now,
          targetWaitMs: (s) => service(s).targetMinutes * 60_000,
          priorityEvery: config().settings.priorityEvery,
          sinceLastPriority,
        });
        return pick ? callTicket(actor, counterId, pick) : { data: null, changes: [] };
      })();
    },

    call(actor: Actor, { counterId, ticketId }: RequestPayload<'counter:call'>): Outcome<Ticket> {
      return db.transaction(() => {
        callableCounter(actor, counterId);
        return callTicket(actor, counterId, ticket(ticketId));
      })();
    },

    recall: step('recall', 'ticket-recalled', (t, now) => ({
      calledAt: now,
      recalls: t.recalls + 1,
    })),
    start: step('start', 'ticket-started', (_t, now) => ({ startedAt: now })),
    complete: step('complete', 'ticket-completed', (_t, now) => ({ finishedAt: now })),
    noShow: step('no-show', 'ticket-no-show', (_t, now) => ({ finishedAt: now })),
    park: step('park', 'ticket-parked', () => ({})),

    /** A parked citizen is back: they wait again at the front, since they already waited once. */
    resume(actor: Actor, { ticketId }: RequestPayload<'ticket:resume'>): Outcome<Ticket> {
      return db.transaction(() => {
        if (actor.counterId === null) {
          throw new HubError('conflict', 'Open a counter first', 'counter-not-open');
        }
        const t = ticket(ticketId);
        const front = Math.min(store.frontOfQueue(t.serviceId) ?? clock.now(), clock.now()) - 1;
        const resumed = move(t, 'resume', actor, {
          queuedAt: front,
          counterId: null,
          staffId: null,
          calledAt: null,
          startedAt: null,
        });
        return {
          data: resumed,
          changes: [change('ticket-resumed', { ...resumed, counterId: t.counterId })],
        };
      })();
    },

    cancel(actor: Actor, { ticketId }: RequestPayload<'ticket:cancel'>): Outcome<Ticket> {
      return db.transaction(() => {
        const cancelled = move(ticket(ticketId), 'cancel', actor, { finishedAt: clock.now() });
        return { data: cancelled, changes: [change('ticket-cancelled', cancelled)] };
      })();
    },

    /** Ends the ticket at this counter and queues a new one, same number, in the target service. */
    transfer(actor: Actor, input: RequestPayload<'ticket:transfer'>): Outcome<Ticket> {
      return db.transaction(() => {
        const t = ownTicket(actor, input.ticketId);
        const target = service(input.toServiceId);
        const now = clock.now();
        const done = move(t, 'transfer', actor, { finishedAt: now }, input.reason ?? null);
        const queuedAt =
          input.position === 'front'
            ? Math.min(store.frontOfQueue(target.id) ?? now, now) - 1
            : now;
        const next = store.insertTicket({
          code: randomBytes(TICKET_CODE_BYTES).toString('base64url'),
          day: t.day,
          number: t.number,
          label: t.label,
          serviceId: target.id,
          priority: t.priority,
          lang: t.lang,
          source: 'counter',
          issuedAt: now,
          queuedAt,
          parentId: t.id,
          requestId: null,
        });
        store.insertEvent({
          ticketId: next.id,
          at: now,
          type: 'issue',
          fromStatus: null,
          toStatus: 'waiting',
          counterId: t.counterId,
          staffId: actor.staffId,
          deviceId: actor.deviceId,
          detail: `transfer from ${t.id} (${input.position})`,
        });
        return {
          data: next,
          changes: [
            change('ticket-transferred', done, {
              ticketIds: [done.id, next.id],
              serviceIds: [...new Set([done.serviceId, next.serviceId])],
            }),
          ],
        };
      })();
    },

    openCounter(actor: Actor, counterId: number): Outcome<number> {
      return db.transaction(() => {
        const c = counter(counterId);
        const status = c.row.status === 'paused' ? 'paused' : 'open';
        return counterStep(actor, counterId, 'open', {
          status,
          pauseReason: c.row.pause_reason,
          staffId: actor.staffId,
        });
      })();
    },

    pauseCounter(actor: Actor, counterId: number, reason: PauseReason): Outcome<number> {
      return db.transaction(() => {
        const c = workingCounter(actor, counterId);
        if (c.row.status === 'closed') {
          throw new HubError('conflict', `Counter ${c.number} is closed`, 'counter-closed');
        }
        return counterStep(actor, counterId, 'pause', {
          status: 'paused',
          pauseReason: reason,
          staffId: c.row.staff_id,
        });
      })();
    },

    resumeCounter(actor: Actor, counterId: number): Outcome<number> {
      return db.transaction(() => {
        const c = workingCounter(actor, counterId);
        if (c.row.status === 'closed') {
          throw new HubError('conflict', `Counter ${c.number} is closed`, 'counter-closed');
        }
        return counterStep(actor, counterId, 'resume', {
          status: 'open',
          pauseReason: null,
          staffId: c.row.staff_id,
        });
      })();
    },

    closeCounter(actor: Actor, counterId: number): Outcome<number> {
      return db.transaction(() => {
        const c = workingCounter(actor, counterId);
        const current = store.counterCurrent(counterId);
        if (current) {
          throw new HubError(
            'conflict',
            `Counter ${c.number} still has ${current.label}; finish it first`,
            'status',
          );
        }
        return counterStep(actor, counterId, 'close', {
          status: 'closed',
          pauseReason: null,
          staffId: null,
        });
      })();
    },

    /**
     * Starts a new service day when the clock has passed midnight in the
     * centre's time zone: the old day's open tickets expire, numbering
     * restarts (series are per day). Null when the day has not changed.
     */
    rollover(): Change | null {
      const day = serviceDay(clock.now(), config().timeZone);
      const previous = store.currentDay();
      if (previous === day) return null;
      if (previous === null) {
        store.setCurrentDay(day); // a new centre's first day: nothing to expire or announce
        return null;
      }
      return db.transaction(() => {
        const hub: Actor = { deviceId: null, staffId: null, counterId: null };
        const expired = store
          .openFromOtherDays(day)
          .map((t) => move(t, 'expire', hub, { finishedAt: clock.now() }));
        store.setCurrentDay(day);
        return {
          type: 'day-rolled' as const,
          ticketIds: expired.map((t) => t.id),
          serviceIds: [...config().services.keys()],
          counterIds: [...config().counters.keys()],
          call: null,
        };
      })();
    },

    /** One rating per finished ticket, from the phone that holds its code. */
    submitFeedback(code: string, score: number, answers: FeedbackAnswers): void {
      db.transaction(() => {
        const root = store.ticketByCode(code);
        if (!root) throw notFound('Ticket');
        const t = store.latestOf(root);
        if (t.status !== 'done') {
          throw new HubError('conflict', `Ticket ${t.label} is not finished yet`, 'not-finished');
        }
        if (store.hasFeedback(t.id)) {
          throw new HubError(
            'conflict',
            'Feedback for this ticket was already given',
            'feedback-given',
          );
        }
        store.insertFeedback(t.id, clock.now(), score, JSON.stringify(answers));
      })();
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
