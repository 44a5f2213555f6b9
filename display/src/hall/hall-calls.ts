/**
 * Which calls the hall shows, and how: the big panel only ever holds a call
 * that is still true (its counter open, the citizen still called or served
 * there). A counter that pauses or closes, or whose ticket is completed,
 * parked, transferred or marked a no-show, takes its call off the big panel;
 * the last-calls list keeps it, dimmed, for whoever missed their number.
 */
import type { CallView, CounterView, Snapshot } from '../../../shared/protocol.js';

/** The calls listed below the big one. */
export const LAST_CALLS_SHOWN = 5;

export interface ListedCall {
  call: CallView;
  /** Still true: its counter is open and still has this citizen. */
  live: boolean;
}

export interface HallCalls {
  /** The newest call that is still true; null when none is. */
  now: CallView | null;
  /** The other recent calls, newest first. */
  earlier: ListedCall[];
}

export function isStillTrue(call: CallView, counters: readonly CounterView[]): boolean {
  const counter = counters.find((c) => c.id === call.counterId);
  return counter?.status === 'open' && counter.current?.ticketId === call.ticketId;
}

export function hallCalls(snapshot: Pick<Snapshot, 'recentCalls' | 'counters'>): HallCalls {
  const listed = snapshot.recentCalls.map((call) => ({
    call,
    live: isStillTrue(call, snapshot.counters),
  }));
  const now = listed.find((c) => c.live)?.call ?? null;
  return {
    now,
    earlier: listed.filter((c) => c.call !== now).slice(0, LAST_CALLS_SHOWN),
  };
}
