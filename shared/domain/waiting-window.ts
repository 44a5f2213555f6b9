/**
 * How much of the queue a counter (or the console) holds: the first
 * WAITING_WINDOW tickets of each class (no priority, priority) of each
 * service, whatever the queue's length, so its snapshot and the work of
 * folding each event stay small with ten thousand waiting.
 *
 * Within a service the policy takes each class first in, first out
 * (next-ticket.ts), so the first WAITING_WINDOW of a service's call order
 * never needs more than that many of either class: the order a counter
 * shows from its window is exact as far as it shows. That holds while each
 * class's window is the true front of its class; when calls have emptied
 * part of a window while more wait behind it, `shortServices` names the
 * service and the client asks `queue:waiting` for its front again.
 */
import type { ServiceView, Ticket } from '../protocol.js';

export const WAITING_WINDOW = 50;

const byQueueOrder = (a: Ticket, b: Ticket) => a.queuedAt - b.queuedAt || a.id - b.id;
const classKey = (t: Ticket) => `${t.priority === 'none' ? 'n' : 'p'}:${t.serviceId}`;

/** The first `size` of each class of each service, in queue order. */
export function windowed(waiting: readonly Ticket[], size = WAITING_WINDOW): Ticket[] {
  const taken = new Map<string, number>();
  return [...waiting].sort(byQueueOrder).filter((t) => {
    const n = taken.get(classKey(t)) ?? 0;
    taken.set(classKey(t), n + 1);
    return n < size;
  });
}

/** Services where a class holds fewer than it should: fewer than the window, yet more wait. */
export function shortServices(
  services: readonly ServiceView[],
  waiting: readonly Ticket[],
): string[] {
  const held = new Map<string, number>();
  for (const t of waiting) held.set(classKey(t), (held.get(classKey(t)) ?? 0) + 1);
  return services
    .filter((s) => {
      const normal = s.waiting - s.priorityWaiting;
      const short = (key: string, total: number) =>
        (held.get(key) ?? 0) < Math.min(WAITING_WINDOW, total);
      return short(`n:${s.id}`, normal) || short(`p:${s.id}`, s.priorityWaiting);
    })
    .map((s) => s.id);
}
