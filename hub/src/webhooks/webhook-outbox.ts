/**
 * Writes the webhook deliveries of a change in the transaction that makes
 * it (a commit listener's `committing`), so a committed call always has its
 * deliveries and a rolled-back one never does; the dispatcher is woken once
 * the commit is on disk. The body is drawn now, as the ticket stands at the
 * change, and never again: every try sends the same bytes.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Change } from '../changes/change.js';
import type { CommitListener } from '../changes/commits.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { Dispatcher } from './webhook-dispatcher.js';
import type { WebhookRow, WebhookStore } from './webhook-store.js';
import type {
  QueueEventType,
  Ticket,
  WebhookBooking,
  WebhookEvent,
  WebhookPayload,
  WebhookTicket,
} from '../../../shared/protocol.js';

/** The queue's changes a webhook hears; the booking events come from `booking` below. */
const EVENT_OF: Partial<Record<QueueEventType, WebhookEvent>> = {
  'ticket-issued': 'ticket-issued',
  'ticket-called': 'ticket-called',
  'ticket-completed': 'ticket-completed',
  'ticket-no-show': 'ticket-no-show',
};

/** The ticket as the receiver hears of it, with the number of the counter it was called to. */
function ticketOf(t: Ticket, counterNumber: (id: number) => number | undefined): WebhookTicket {
  const number = t.counterId === null ? undefined : counterNumber(t.counterId);
  return {
    id: t.id,
    code: t.code,
    label: t.label,
    day: t.day,
    serviceId: t.serviceId,
    status: t.status,
    source: t.source,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    finishedAt: t.finishedAt,
    counter: t.counterId !== null && number !== undefined ? { id: t.counterId, number } : null,
  };
}

export type BookingEvent = Extract<WebhookEvent, `booking-${string}`>;

export interface Outbox extends CommitListener {
  /** The webhooks changed in the console: read them again before the next change. */
  reload(): void;
  /**
   * A booking's change, inside the transaction that makes it (appointments/); the sender is
   * woken by the `committed` of that transaction, or by `wake` when it made no queue change.
   */
  booking(event: BookingEvent, booking: WebhookBooking, ticketId: number | null): void;
  wake(): void;
}

type OutboxDeps = {
  db: Db;
  clock: Clock;
  store: WebhookStore;
  tickets: TicketStore;
  dispatcher: Dispatcher;
};

/**
 * One delivery per webhook that hears the event, its body drawn now; `wake` tells the
 * dispatcher once something was written.
 */
function deliveryWriter({ store, clock, dispatcher }: OutboxDeps) {
  let active: WebhookRow[] | null = null;
  let written = false;
  const listening = (event: WebhookEvent) => {
    active ??= store.hooks().filter((h) => h.active === 1);
    return active.filter((h) => (JSON.parse(h.events) as string[]).includes(event));
  };
  return {
    reload: () => void (active = null),
    hears: (event: WebhookEvent) => listening(event).length > 0,
    write(event: WebhookEvent, ticketId: number | null, data: WebhookPayload['data']) {
      const at = clock.now();
      for (const hook of listening(event)) {
        const key = `whd_${randomBytes(16).toString('base64url')}`;
        const body = JSON.stringify({ id: key, type: event, at, data } satisfies WebhookPayload);
        store.insertDelivery({ webhookId: hook.id, event, key, ticketId, body, at });
        written = true;
      }
    },
    wake() {
      if (!written) return;
      written = false;
      dispatcher.wake();
    },
  };
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const counterRow = deps.db.prepare<[number], { number: number }>(
    'SELECT number FROM counters WHERE id = ?',
  );
  const counterNumber = (id: number) => counterRow.get(id)?.number;
  const deliveries = deliveryWriter(deps);
  const ticketById = (ticketId: number | null) => {
    const t = ticketId === null ? undefined : deps.tickets.byId(ticketId);
    return t ? ticketOf(t, counterNumber) : null;
  };

  return {
    reload: deliveries.reload,
    booking(event, booking, ticketId) {
      if (!deliveries.hears(event)) return;
      deliveries.write(event, ticketId, { ticket: ticketById(ticketId), booking });
    },
    wake: deliveries.wake,
    committing(change: Change) {
      const event = EVENT_OF[change.type];
      if (!event || !deliveries.hears(event)) return;
      for (const ticketId of change.ticketIds) {
        const ticket = ticketById(ticketId);
        if (ticket) deliveries.write(event, ticketId, { ticket });
      }
    },
    committed: deliveries.wake,
  };
}
