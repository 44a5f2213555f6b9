/**
 * Which ticket a counter calls next (DESIGN.md "Ticket lifecycle").
 *
 * The candidates are the waiting tickets of the counter's services.
 * 1. Choose the service. If any candidate is overdue (waited longer than its
 *    service's target), take the service of the oldest overdue candidate, so a
 *    late ticket jumps ahead; otherwise take the best-ranked service that has
 *    candidates.
 * 2. Choose within that service. Tickets with a priority other than 'none'
 *    form the priority class. When both classes wait, the oldest priority
 *    ticket is called once `priorityEvery` normal tickets have been called in
 *    that service since its last priority ticket, else the oldest normal one.
 *    When only one class waits, its oldest ticket is called.
 * "Oldest" is the smallest queuedAt, ties by the smaller id, so each class is
 * FIFO. No candidates, no ticket.
 */
import type { Priority } from '../protocol.js';

/** One priority ticket after every two others when both wait. */
export const DEFAULT_PRIORITY_EVERY = 2;

export interface WaitingTicket {
  id: number;
  serviceId: string;
  priority: Priority;
  queuedAt: number;
}

export interface NextTicketInput<T extends WaitingTicket> {
  /** The counter's service ids, best-ranked first. */
  services: readonly string[];
  /** Waiting tickets of the whole centre, any order. */
  waiting: readonly T[];
  /** Epoch ms. */
  now: number;
  /** A ticket that has waited longer than this is overdue. */
  targetWaitMs: (serviceId: string) => number;
  /** One priority ticket after every this many others when both classes wait. */
  priorityEvery: number;
  /** Normal tickets called in that service since its last priority ticket (today). */
  sinceLastPriority: (serviceId: string) => number;
}

export function pickNextTicket<T extends WaitingTicket>(input: NextTicketInput<T>): T | null {
  const candidates = input.waiting.filter((t) => input.services.includes(t.serviceId));
  const serviceId = chooseService(input, candidates);
  if (serviceId === null) return null;
  const inService = candidates.filter((t) => t.serviceId === serviceId);
  return chooseWithinService(input, serviceId, inService);
}

function chooseService<T extends WaitingTicket>(
  input: NextTicketInput<T>,
  candidates: readonly T[],
): string | null {
  const overdue = candidates.filter(
    (t) => input.now - t.queuedAt > input.targetWaitMs(t.serviceId),
  );
  const oldestOverdue = oldest(overdue);
  if (oldestOverdue !== null) return oldestOverdue.serviceId;
  return input.services.find((s) => candidates.some((t) => t.serviceId === s)) ?? null;
}

function chooseWithinService<T extends WaitingTicket>(
  input: NextTicketInput<T>,
  serviceId: string,
  inService: readonly T[],
): T | null {
  const priority = oldest(inService.filter((t) => t.priority !== 'none'));
  const normal = oldest(inService.filter((t) => t.priority === 'none'));
  if (priority === null) return normal;
  if (normal === null) return priority;
  return input.sinceLastPriority(serviceId) >= input.priorityEvery ? priority : normal;
}

/** The ticket queued first, ties broken by the smaller id; null for none. */
function oldest<T extends WaitingTicket>(tickets: readonly T[]): T | null {
  let best: T | null = null;
  for (const t of tickets) {
    if (
      best === null ||
      t.queuedAt < best.queuedAt ||
      (t.queuedAt === best.queuedAt && t.id < best.id)
    ) {
      best = t;
    }
  }
  return best;
}
