/**
 * Every action the clerk can take at the desk, from a button or its key
 * (desk-actions.ts says which are allowed when), and what the clerk sees
 * after: the screen waits until the hub's own events show the change
 * (until-shown.ts), and a refusal says in plain words what happened. Logging
 * in and out and opening a counter are in clerk-session.ts.
 */
import { missingCaseError } from '../../shared/assert.js';
import type { Ack, AckError, PauseReason, Ticket } from '../../shared/protocol.js';
import type { HubConnection } from '../../shared/ui/hub-connection.js';
import { logOut } from './clerk-session.js';
import { ask, resync } from './connection.js';
import { deskOf, selectableTickets, selectedTicket, type Desk } from './desk.js';
import { availableActions, type DeskAction } from './desk-actions.js';
import { saveCounter } from './saved-session.js';
import { genericNotice, hubNow, UNREACHABLE, useCounterStore, type Notice } from './store.js';
import { refreshStats } from './today-stats.js';
import { counterShown, ticketShown, untilShown, type Shown } from './until-shown.js';

/**
 * A key pressed while the previous action is still on its way (a clerk types
 * R then S without waiting): it runs once that one has landed, if the new
 * state still allows it. Only the latest such key is kept.
 */
let typedAhead: DeskAction | null = null;

// Whatever made the desk busy (an action, re-opening the counter after a reconnect), the key waits.
useCounterStore.subscribe((s, prev) => {
  if (prev.busy === null || s.busy !== null || typedAhead === null) return;
  const next = typedAhead;
  typedAhead = null;
  void runAction(next);
});

/** Says what went wrong in the clerk's terms: which ticket, and that the screen now shows the truth. */
function noticeFor(error: AckError, action: string, label: string | null): Notice {
  if (error.code === 'conflict' && label !== null) {
    if (error.reason === 'wrong-counter') {
      return { key: 'counter.notice.elsewhere', params: { label }, tone: 'error' };
    }
    if (error.reason === 'status') {
      const key = action === 'call-this' ? 'counter.notice.taken' : 'counter.notice.changed';
      return { key, params: { label }, tone: 'error' };
    }
  }
  return genericNotice(error);
}

async function perform<T>(
  action: string,
  label: string | null,
  send: (h: HubConnection) => Promise<Ack<T>>,
  shown: (data: T) => Shown | null,
): Promise<T | null> {
  useCounterStore.setState({ busy: action, notice: null, dialog: null });
  try {
    const ack = await ask(send);
    if (!ack) {
      useCounterStore.setState({ notice: UNREACHABLE });
      return null;
    }
    if (!ack.ok) {
      onRefused(ack.error, action, label);
      return null;
    }
    const wait = shown(ack.data);
    if (wait) await untilShown(wait);
    void refreshStats();
    return ack.data;
  } finally {
    useCounterStore.setState({ busy: null });
  }
}

function onRefused(error: AckError, action: string, label: string | null) {
  const { snapshot, counterId } = useCounterStore.getState();
  if (error.reason === 'counter-not-open') {
    // Another screen opened this counter: this one steps back to the choice.
    saveCounter(null);
    const number = snapshot?.counters.find((c) => c.id === counterId)?.number ?? '';
    useCounterStore.setState({
      phase: 'choose',
      counterId: null,
      notice: { key: 'counter.notice.takenOver', params: { number }, tone: 'error' },
    });
    return;
  }
  useCounterStore.setState({ notice: noticeFor(error, action, label) });
  // The hub's events are on their way; a fresh snapshot makes sure the screen shows the truth now.
  resync();
}

function currentDesk(): { desk: Desk; selected: Ticket | null } | null {
  const s = useCounterStore.getState();
  const desk = deskOf(s.snapshot, s.counterId, hubNow());
  return desk ? { desk, selected: selectedTicket(desk, s.selectedId) } : null;
}

type Step = 'recall' | 'start' | 'complete' | 'no-show' | 'park';

function step(action: Step, ticket: Ticket) {
  return perform(
    action,
    ticket.label,
    (h) => h.request(`ticket:${action}`, { ticketId: ticket.id }),
    ticketShown,
  );
}

/** The actions that ask something first (a dialog) or leave the desk; true when `action` was one. */
function beforeAsking(action: DeskAction, desk: Desk, selected: Ticket | null): boolean {
  const { openDialog } = useCounterStore.getState();
  if (action === 'transfer' && desk.current)
    openDialog({ kind: 'transfer', ticketId: desk.current.id });
  else if (action === 'cancel' && selected)
    openDialog({ kind: 'cancel', ticketId: selected.id, label: selected.label });
  else if (action === 'pause') openDialog({ kind: 'pause' });
  else if (action === 'close') openDialog({ kind: 'close' });
  else if (action === 'logout') void logOut();
  else return false;
  return true;
}

async function callNext(counterId: number) {
  const called = await perform(
    'call-next',
    null,
    (h) => h.request('counter:call-next', { counterId }),
    (t) => (t ? ticketShown(t) : null),
  );
  if (called === null && useCounterStore.getState().notice === null) {
    useCounterStore.setState({ notice: { key: 'counter.notice.nobody', tone: 'info' } });
  }
}

/** One request, one transaction: the citizen served is done and the next is called. */
async function completeAndCallNext(counterId: number, serving: Ticket) {
  const both = await perform(
    'complete-next',
    serving.label,
    (h) => h.request('counter:complete-and-call-next', { counterId, ticketId: serving.id }),
    ({ completed, called }) => ticketShown(called ?? completed),
  );
  if (both?.called === null && useCounterStore.getState().notice === null) {
    useCounterStore.setState({ notice: { key: 'counter.notice.nobody', tone: 'info' } });
  }
}

/** Runs an action from a button or its key, if the lifecycle allows it right now. */
export async function runAction(action: DeskAction): Promise<void> {
  const s = useCounterStore.getState();
  if (s.busy !== null) {
    typedAhead = action;
    return;
  }
  const at = currentDesk();
  if (s.dialog !== null || s.phase !== 'desk' || !at) return;
  const { desk, selected } = at;
  if (!availableActions(desk, selected).has(action) || beforeAsking(action, desk, selected)) return;
  const counterId = desk.counter.id;
  switch (action) {
    case 'call-next':
      return callNext(counterId);
    case 'complete-next':
      if (desk.current) await completeAndCallNext(counterId, desk.current);
      return;
    case 'recall':
    case 'start':
    case 'complete':
    case 'no-show':
    case 'park':
      if (desk.current) await step(action, desk.current);
      return;
    case 'call-this':
    case 'resume': {
      if (!selected) return;
      const send = (h: HubConnection) =>
        action === 'resume'
          ? h.request('ticket:resume', { ticketId: selected.id })
          : h.request('counter:call', { counterId, ticketId: selected.id });
      await perform(action, selected.label, send, ticketShown);
      return;
    }
    case 'unpause':
      await perform(action, null, (h) => h.request('counter:resume', { counterId }), counterShown);
      return;
    case 'transfer':
    case 'cancel':
    case 'pause':
    case 'close':
    case 'logout':
      return; // handled by beforeAsking
    default:
      throw missingCaseError(action);
  }
}

function labelOf(ticketId: number): string {
  const snap = useCounterStore.getState().snapshot;
  const all = [...(snap?.held ?? []), ...(snap?.waiting ?? [])];
  return all.find((t) => t.id === ticketId)?.label ?? String(ticketId);
}

export async function confirmTransfer(
  ticketId: number,
  toServiceId: string,
  position: 'front' | 'back',
  reason: string,
): Promise<void> {
  const trimmed = reason.trim();
  await perform(
    'transfer',
    labelOf(ticketId),
    (h) =>
      h.request('ticket:transfer', {
        ticketId,
        toServiceId,
        position,
        ...(trimmed ? { reason: trimmed } : {}),
      }),
    (moved) => (snap) =>
      (snap.waiting?.some((x) => x.id === moved.id) ?? false) &&
      !(snap.held ?? []).some((x) => x.id === ticketId),
  );
}

export async function confirmCancel(ticketId: number): Promise<void> {
  await perform(
    'cancel',
    labelOf(ticketId),
    (h) => h.request('ticket:cancel', { ticketId }),
    ticketShown,
  );
}

export async function pauseCounter(reason: PauseReason): Promise<void> {
  const counterId = useCounterStore.getState().counterId;
  if (counterId === null) return;
  await perform(
    'pause',
    null,
    (h) => h.request('counter:pause', { counterId, reason }),
    counterShown,
  );
}

export async function confirmClose(): Promise<void> {
  const counterId = useCounterStore.getState().counterId;
  if (counterId === null) return;
  const closed = await perform(
    'close',
    null,
    (h) => h.request('counter:close', { counterId }),
    counterShown,
  );
  if (!closed) return;
  saveCounter(null);
  useCounterStore.setState({
    phase: 'choose',
    counterId: null,
    stats: null,
    notice: { key: 'counter.notice.closed', params: { number: closed.number }, tone: 'info' },
  });
}

/** ↑ ↓ through the on-hold and waiting lists, as they stand on screen. */
export function moveSelection(delta: 1 | -1): void {
  const at = currentDesk();
  if (!at) return;
  const list = selectableTickets(at.desk);
  if (list.length === 0) return;
  const index = list.findIndex((t) => t.id === at.selected?.id);
  const next = index === -1 ? (delta === 1 ? 0 : list.length - 1) : index + delta;
  const clamped = Math.min(list.length - 1, Math.max(0, next));
  useCounterStore.setState({ selectedId: list[clamped]?.id ?? null });
}
