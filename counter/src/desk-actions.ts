/**
 * Every action at the desk, its key, and when the lifecycle allows it. The
 * buttons, the keyboard and the tests all read this one table, so a key
 * shown on a button is the key that works.
 */
import { allowedActions, type TicketAction } from '../../shared/domain/lifecycle.js';
import type { Desk } from './desk.js';
import type { Ticket } from '../../shared/protocol.js';

/** `code` is the physical key (KeyboardEvent.code), so shortcuts work with a Lao layout too. */
export const DESK_ACTIONS = {
  'call-next': { code: 'KeyN', key: 'N' },
  // N while serving: one request completes this citizen and calls the next (never with call-next).
  'complete-next': { code: 'KeyN', key: 'N' },
  recall: { code: 'KeyR', key: 'R' },
  start: { code: 'KeyS', key: 'S' },
  'no-show': { code: 'KeyX', key: 'X' },
  complete: { code: 'KeyC', key: 'C' },
  park: { code: 'KeyP', key: 'P' },
  transfer: { code: 'KeyT', key: 'T' },
  'call-this': { code: 'KeyL', key: 'L' },
  cancel: { code: 'Delete', key: 'Del' },
  resume: { code: 'KeyU', key: 'U' },
  pause: { code: 'F2', key: 'F2' },
  unpause: { code: 'F2', key: 'F2' },
  close: { code: 'F8', key: 'F8' },
  logout: { code: 'F9', key: 'F9' },
} as const;
export type DeskAction = keyof typeof DESK_ACTIONS;

/** Steps on the ticket at the counter, in the order the buttons stand. */
export const CURRENT_STEPS = [
  'start',
  'complete',
  'recall',
  'no-show',
  'park',
  'transfer',
] as const satisfies readonly DeskAction[];
/** Steps on a ticket chosen in a list, and the lifecycle action each one is. */
export const LIST_STEPS = {
  'call-this': 'call',
  cancel: 'cancel',
  resume: 'resume',
} as const satisfies Partial<Record<DeskAction, TicketAction>>;

const lifecycleAllows = (ticket: Ticket | null, action: TicketAction) =>
  ticket !== null && allowedActions(ticket.status).includes(action);

/** What the clerk may do right now; nothing else is shown. */
export function availableActions(desk: Desk, selected: Ticket | null): Set<DeskAction> {
  const { status } = desk.counter;
  const free = desk.current === null;
  const actions = new Set<DeskAction>(['logout']);
  if (status === 'open' && free) actions.add('call-next');
  if (status === 'open' && desk.current?.status === 'serving') actions.add('complete-next');
  for (const step of CURRENT_STEPS) {
    if (lifecycleAllows(desk.current, step)) actions.add(step);
  }
  if (status === 'open' && free && lifecycleAllows(selected, 'call')) actions.add('call-this');
  if (lifecycleAllows(selected, 'cancel')) actions.add('cancel');
  if (lifecycleAllows(selected, 'resume')) actions.add('resume');
  if (status === 'open') actions.add('pause');
  if (status === 'paused') actions.add('unpause');
  if (status !== 'closed' && free) actions.add('close');
  return actions;
}

export function actionForKey(code: string, available: Set<DeskAction>): DeskAction | null {
  for (const action of available) if (DESK_ACTIONS[action].code === code) return action;
  return null;
}
