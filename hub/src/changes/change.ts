/**
 * What a committed mutation touched. Every feature describes its writes this
 * way; the broadcaster turns each into one `queue:event`, and the other
 * listeners of a commit (the print spool, later the outbox and webhooks)
 * read the same record.
 */
import type { CallView, QueueEventType } from '../../../shared/protocol.js';

export interface Change {
  type: QueueEventType;
  ticketIds: number[];
  serviceIds: string[];
  counterIds: number[];
  call: CallView | null;
  /** Printers whose status or backlog changed (`printer-updated`). */
  printerIds?: number[];
  /** The paired device whose request made the change (a kiosk's ticket prints on its printer). */
  deviceId?: number | null;
}

/** A mutation's result and what it changed, before it is committed. */
export interface Outcome<T> {
  data: T;
  changes: Change[];
}

export const unchanged = <T>(data: T): Outcome<T> => ({ data, changes: [] });

/** A change with no tickets: a counter, the configuration, the day. */
export function changeOf(
  type: QueueEventType,
  ids: { serviceIds?: string[]; counterIds?: number[] },
): Change {
  return {
    type,
    ticketIds: [],
    serviceIds: ids.serviceIds ?? [],
    counterIds: ids.counterIds ?? [],
    call: null,
  };
}
