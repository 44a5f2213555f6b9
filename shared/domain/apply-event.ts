/**
 * The one fold from hub events into client state. Every app keeps a
 * `Snapshot` and feeds each `queue:event` through here; a `null` result means
 * the client missed an event and must ask for a fresh snapshot.
 */
import type {
  CallView,
  PublicQueueEvent,
  PublicTicket,
  QueueEvent,
  Snapshot,
  Ticket,
  TicketStatus,
} from '../protocol.js';
import { windowed } from './waiting-window.js';

export const RECENT_CALLS_MAX = 10;

function mergeById<T extends { id: number | string }>(list: readonly T[], updates: readonly T[]) {
  if (updates.length === 0) return list as T[];
  const byId = new Map(updates.map((u) => [u.id, u]));
  const merged = list.map((item) => byId.get(item.id) ?? item);
  const known = new Set(list.map((item) => item.id));
  return [...merged, ...updates.filter((u) => !known.has(u.id))];
}

/**
 * Calls newest first; a recall moves the ticket's call back to the top, and so
 * does the call of a transferred citizen's new ticket, which keeps the label.
 */
export function addCall(calls: readonly CallView[], call: CallView): CallView[] {
  return [call, ...calls.filter((c) => c.label !== call.label)].slice(0, RECENT_CALLS_MAX);
}

export function byQueueOrder(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.id - b.id;
}

function isFullTicket(ticket: Ticket | PublicTicket): ticket is Ticket {
  return 'code' in ticket;
}

/** Staff hold only the front of each class (waiting-window.ts): a ticket queued behind it drops out. */
function foldWaiting(waiting: readonly Ticket[], tickets: readonly (Ticket | PublicTicket)[]) {
  const full = tickets.filter(isFullTicket);
  if (full.length === 0) return waiting as Ticket[];
  const changed = new Set(full.map((t) => t.id));
  return windowed([
    ...waiting.filter((t) => !changed.has(t.id)),
    ...full.filter((t) => t.status === 'waiting'),
  ]);
}

const HELD_STATUSES: readonly TicketStatus[] = ['called', 'serving', 'parked'];

function foldHeld(held: readonly Ticket[], tickets: readonly (Ticket | PublicTicket)[]) {
  const full = tickets.filter(isFullTicket);
  if (full.length === 0) return held as Ticket[];
  const changed = new Set(full.map((t) => t.id));
  return [
    ...held.filter((t) => !changed.has(t.id)),
    ...full.filter((t) => HELD_STATUSES.includes(t.status)),
  ].sort((a, b) => a.id - b.id);
}

/** A call moves its service's count of normal calls since the last priority one, as the hub does. */
function foldPolicy(
  policy: NonNullable<Snapshot['callPolicy']>,
  event: QueueEvent | PublicQueueEvent,
): NonNullable<Snapshot['callPolicy']> {
  if (event.type === 'day-rolled') return { ...policy, sinceLastPriority: {} };
  if (event.type !== 'ticket-called') return policy;
  const tickets: readonly (Ticket | PublicTicket)[] = event.tickets;
  const called = tickets.filter(isFullTicket);
  if (called.length === 0) return policy;
  const sinceLastPriority = { ...policy.sinceLastPriority };
  for (const t of called) {
    sinceLastPriority[t.serviceId] =
      t.priority === 'none' ? (sinceLastPriority[t.serviceId] ?? 0) + 1 : 0;
  }
  return { ...policy, sinceLastPriority };
}

export function applyEvent(state: Snapshot, event: QueueEvent | PublicQueueEvent): Snapshot | null {
  if (event.seq <= state.seq) return state; // already folded in (e.g. arrived with a snapshot)
  if (event.seq !== state.seq + 1) return null;
  // The call policy's settings come only in snapshots: after a configuration change a counter
  // must fetch one, or it would list the queue in an order call-next no longer follows.
  if (event.type === 'config-changed' && state.callPolicy) return null;

  const replaces = event.type === 'day-rolled' || event.type === 'config-changed';
  const next: Snapshot = {
    ...state,
    seq: event.seq,
    day: event.day,
    centre: event.centre ?? state.centre,
    services: replaces ? event.services : mergeById(state.services, event.services),
    counters: replaces ? event.counters : mergeById(state.counters, event.counters),
    recentCalls: event.call ? addCall(state.recentCalls, event.call) : state.recentCalls,
  };
  if (event.type === 'day-rolled') next.recentCalls = [];
  // Only the clients that see printers get them in events (the hub picks a kiosk's own); a
  // config-changed that carries them carries them all (one was added or removed).
  if (event.printers) {
    next.printers =
      event.type === 'config-changed'
        ? event.printers
        : mergeById(state.printers ?? [], event.printers);
  }
  if (state.waiting) {
    next.waiting = event.type === 'day-rolled' ? [] : foldWaiting(state.waiting, event.tickets);
  }
  // A serving ticket outlives midnight (the expired ones arrive in the event), so no reset here.
  if (state.held) next.held = foldHeld(state.held, event.tickets);
  if (state.callPolicy) next.callPolicy = foldPolicy(state.callPolicy, event);
  return next;
}
