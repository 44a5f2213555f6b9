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

export function createOutbox(deps: {
  db: Db;
  clock: Clock;
  store: WebhookStore;
  tickets: TicketStore;
  dispatcher: Dispatcher;
}): Outbox {
  const { store, clock, dispatcher } = deps;
  const counterRow = deps.db.prepare<[number], { number: number }>(
    'SELECT number FROM counters WHERE id = ?',
  );
  const counterNumber = (id: number) => counterRow.get(id)?.number;
  let active: WebhookRow[] | null = null;
  let written = false;

  const listening = (event: WebhookEvent) => {
    active ??= store.hooks().filter((h) => h.active === 1);
    return active.filter((h) => (JSON.parse(h.events) as string[]).includes(event));
  };

  const counterTicket = (ticketId: number | null) => {
    const t = ticketId === null ? undefined : deps.tickets.byId(ticketId);
    return t ? ticketOf(t, counterNumber) : null;
  };
  const wake = () => {
    if (!written) return;
    written = false;
    dispatcher.wake();
  };

  return {
    reload: () => void (active = null),
    booking(event, booking, ticketId) {
      const hooks = listening(event);
      if (hooks.length === 0) return;
      const at = clock.now();
      const ticket = counterTicket(ticketId);
      for (const hook of hooks) {
        const key = `whd_${randomBytes(16).toString('base64url')}`;
        const payload: WebhookPayload = { id: key, type: event, at, data: { ticket, booking } };
        const body = JSON.stringify(payload);
        store.insertDelivery({ webhookId: hook.id, event, key, ticketId, body, at });
        written = true;
      }
    },
    wake,
    committing(change: Change) {
      const event = EVENT_OF[change.type];
      if (!event) return;
      const hooks = listening(event);
      if (hooks.length === 0) return;
      const at = clock.now();
      for (const ticketId of change.ticketIds) {
        const t = deps.tickets.byId(ticketId);
        if (!t) continue;
        const ticket = ticketOf(t, counterNumber);
        for (const hook of hooks) {
          const key = `whd_${randomBytes(16).toString('base64url')}`;
          const payload: WebhookPayload = { id: key, type: event, at, data: { ticket } };
          const body = JSON.stringify(payload);
          store.insertDelivery({ webhookId: hook.id, event, key, ticketId, body, at });
          written = true;
        }
      }
    },
    committed: wake,
  };
}
