/**
 * The ticket lifecycle (DESIGN.md "Ticket lifecycle") as one table: which
 * action may move a ticket from which status, and where it lands. The hub
 * refuses anything not in the table with `conflict`; the counter app shows
 * only the actions the table allows.
 */
import type { TicketStatus } from '../protocol.js';

export const TICKET_ACTIONS = [
  'call',
  'recall',
  'start',
  'complete',
  'no-show',
  'park',
  'resume',
  'transfer',
  'reassign',
  'cancel',
  'expire',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const TRANSITIONS: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  complete: { from: ['serving'], to: 'done' },
  'no-show': { from: ['called'], to: 'no_show' },
  park: { from: ['serving'], to: 'parked' },
  resume: { from: ['parked'], to: 'waiting' },
  // The original ends here; a new waiting ticket carries the citizen on in the target queue.
  transfer: { from: ['serving'], to: 'transferred' },
  // A supervisor moves a citizen who is not at a counter (the floor's transfer).
  reassign: { from: ['waiting', 'parked'], to: 'transferred' },
  cancel: { from: ['waiting'], to: 'cancelled' },
  expire: { from: ['waiting', 'called', 'parked'], to: 'expired' },
};

/** The status after `action`, or null when the lifecycle does not allow it from `status`. */
export function nextStatus(status: TicketStatus, action: TicketAction): TicketStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** Actions a clerk never takes: expiry is the hub's, a reassignment the floor's. */
const NOT_AT_COUNTERS: readonly TicketAction[] = ['expire', 'reassign'];

/** Every action a clerk may take on a ticket in this status. */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter(
    (a) => !NOT_AT_COUNTERS.includes(a) && nextStatus(status, a) !== null,
  );
}

/** Statuses from which a ticket never moves again. */
export function isFinal(status: TicketStatus): boolean {
  return TICKET_ACTIONS.every((a) => nextStatus(status, a) === null);
}
