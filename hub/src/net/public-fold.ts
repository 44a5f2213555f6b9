/**
 * Changes not yet sent to public clients. One public event carries them
 * all, built from the state as it is when it goes out.
 */
import type { Change } from '../changes/change.js';
import type { CallView, QueueEventType } from '../../../shared/protocol.js';

export interface Fold {
  type: QueueEventType;
  at: number;
  /**
   * The last change's tickets only. Public clients keep no ticket list (their
   * tickets come in acks and `ticket:update`), and a fold of a rush would
   * otherwise write hundreds of them to every screen.
   */
  ticketIds: readonly number[];
  serviceIds: Set<string>;
  counterIds: Set<number>;
  printerIds: Set<number>;
  call: CallView | null;
  /** A change that replaces the client's lists (and the centre) is in the fold. */
  centre: boolean;
}

/** These replace the client's lists (and the day-rolled one its calls), so they go alone. */
export const standsAlone = (c: Change) => c.type === 'day-rolled' || c.type === 'config-changed';

/** Adds a change to the fold (a new one when there is none) and returns it. */
export function addToFold(fold: Fold | null, c: Change, at: number): Fold {
  const f = fold ?? {
    type: c.type,
    at,
    ticketIds: [],
    serviceIds: new Set<string>(),
    counterIds: new Set<number>(),
    printerIds: new Set<number>(),
    call: null,
    centre: false,
  };
  f.type = c.type;
  f.at = at;
  f.ticketIds = c.ticketIds;
  for (const id of c.serviceIds) f.serviceIds.add(id);
  for (const id of c.counterIds) f.counterIds.add(id);
  for (const id of c.printerIds ?? []) f.printerIds.add(id);
  f.call = c.call ?? f.call;
  f.centre ||= standsAlone(c);
  return f;
}
