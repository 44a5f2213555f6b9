/**
 * Where a waiting ticket stands in its service's call order, from counts
 * alone: the kiosk's ack, the printed slip, the phone and the hall all show
 * this, and it must be the order `counter:call-next` really follows.
 *
 * Within one service the next-ticket policy (next-ticket.ts) never looks at
 * the counter or the clock: the overdue rule and the counters' ranking only
 * choose *which service* is served, and inside it the two classes (normal,
 * priority) are each FIFO and interleaved by the ratio alone. So, while
 * nobody else arrives, the service's order is fixed by how many of each
 * class wait, where the ticket is in its own class, and the ratio's state:
 *
 * - with s normal calls since the last priority one and a ratio of k, the
 *   first priority ticket goes after f = max(0, k − s) normal ones, and each
 *   further one after k more;
 * - a normal ticket with i normals before it is preceded by the priority
 *   tickets due within those i calls; a priority ticket with j before it, by
 *   the normal ones called before the (j+1)th priority call.
 *
 * Each side is capped by how many of the other class wait, since a class that
 * runs dry lets the other go on alone.
 */

export interface QueuePlaceInput {
  /** Is the ticket in the priority class (any priority other than 'none')? */
  priority: boolean;
  /** Tickets of its own class in its service queued before it. */
  aheadInClass: number;
  /** Tickets of the other class waiting in its service. */
  otherClassWaiting: number;
  /** One priority ticket after every this many others when both classes wait. */
  priorityEvery: number;
  /** Normal tickets called in the service since its last priority one. */
  sinceLastPriority: number;
}

/** How many of its service's waiting tickets will be called before this one. */
export function peopleAheadInCallOrder(input: QueuePlaceInput): number {
  const { aheadInClass, otherClassWaiting: other, priorityEvery: k } = input;
  const normalsBeforeFirstPriority = Math.max(0, k - input.sinceLastPriority);
  if (input.priority) {
    const normalsBefore = normalsBeforeFirstPriority + aheadInClass * k;
    return aheadInClass + Math.min(other, normalsBefore);
  }
  if (aheadInClass < normalsBeforeFirstPriority) return aheadInClass;
  // With k = 0 every waiting priority ticket goes before any normal one.
  const prioritiesBefore =
    k === 0 ? other : Math.floor((aheadInClass - normalsBeforeFirstPriority) / k) + 1;
  return aheadInClass + Math.min(other, prioritiesBefore);
}
