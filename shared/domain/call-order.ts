/**
 * The order in which `counter:call-next` will take the waiting tickets, if
 * nothing else changes: the next-ticket policy applied again and again, each
 * pick counted as a call. A counter lists its queue in this order, so what the
 * clerk sees next is what the hub will call next.
 */
import { pickNextTicket, type NextTicketInput, type WaitingTicket } from './next-ticket.js';

export function callOrder<T extends WaitingTicket>(input: NextTicketInput<T>): T[] {
  const sinceLast = new Map<string, number>();
  const counted = (serviceId: string) =>
    sinceLast.get(serviceId) ?? input.sinceLastPriority(serviceId);
  let left = [...input.waiting];
  const order: T[] = [];
  for (;;) {
    const next = pickNextTicket({ ...input, waiting: left, sinceLastPriority: counted });
    if (next === null) return order;
    order.push(next);
    left = left.filter((t) => t.id !== next.id);
    sinceLast.set(next.serviceId, next.priority === 'none' ? counted(next.serviceId) + 1 : 0);
  }
}
