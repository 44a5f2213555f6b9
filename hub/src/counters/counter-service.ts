/**
 * A counter's own state: open, paused (with why) or closed, and who works it.
 * Each mutation is one transaction through `Commits`; the checks here are
 * also the ones a ticket action at a counter must pass first.
 */
import type { Clock } from '../clock.js';
import type { Actor } from '../connection.js';
import type { Commits } from '../changes/commits.js';
import { changeOf, type Outcome } from '../changes/change.js';
import type { ConfigSource, CounterConfig } from '../config/config.js';
import { HubError, notFound } from '../hub-error.js';
import type { CounterRow, CounterState, CounterStore } from './counter-store.js';
import type { PauseReason } from '../../../shared/protocol.js';

export type WorkedCounter = CounterConfig & { row: CounterRow };

export interface CounterService {
  /** The counter as configured and as it stands; not-found for an unknown id. */
  get(counterId: number): WorkedCounter;
  /** The counter this clerk opened; conflict when it is another. */
  working(actor: Actor, counterId: number): WorkedCounter;
  /** As `working`, and free to call someone: open, with nobody at it. */
  callable(actor: Actor, counterId: number): WorkedCounter;
  open(actor: Actor, counterId: number): void;
  pause(actor: Actor, counterId: number, reason: PauseReason): void;
  resume(actor: Actor, counterId: number): void;
  close(actor: Actor, counterId: number): void;
  /** Closes a counter from the floor (a supervisor, not the clerk at it); nobody may be at it. */
  shut(actor: Actor, counterId: number): void;
}

export interface CounterServiceDeps {
  clock: Clock;
  commits: Commits;
  config: ConfigSource;
  counters: CounterStore;
}

function lookups({ config, counters }: CounterServiceDeps) {
  function get(id: number): WorkedCounter {
    const c = config.current().counters.get(id);
    const row = counters.byId(id);
    if (!c || !row) throw notFound(`Counter ${id}`);
    return { ...c, row };
  }
  function working(actor: Actor, counterId: number) {
    const c = get(counterId);
    if (actor.counterId !== counterId) {
      throw new HubError('conflict', `Open counter ${c.number} first`, 'counter-not-open');
    }
    return c;
  }
  function notClosed(c: WorkedCounter) {
    if (c.row.status === 'closed') {
      throw new HubError('conflict', `Counter ${c.number} is closed`, 'counter-closed');
    }
  }
  function nobodyAt(c: WorkedCounter) {
    const current = counters.current(c.id);
    if (current) {
      throw new HubError(
        'conflict',
        `Counter ${c.number} still has ${current.label} (${current.status}); finish it first`,
        'status',
      );
    }
  }
  function callable(actor: Actor, counterId: number) {
    const c = working(actor, counterId);
    if (c.row.status === 'paused') {
      throw new HubError('conflict', `Counter ${c.number} is paused`, 'counter-paused');
    }
    notClosed(c);
    nobodyAt(c);
    return c;
  }
  return { get, working, notClosed, nobodyAt, callable };
}

/** Stores the counter's new state with its audit row. */
function step(
  deps: CounterServiceDeps,
  actor: Actor,
  type: string,
  next: CounterState,
): Outcome<void> {
  deps.counters.update(next);
  deps.counters.insertEvent({
    counterId: next.id,
    at: deps.clock.now(),
    type,
    staffId: actor.staffId,
    detail: next.pauseReason,
  });
  const serviceIds = deps.config.current().counters.get(next.id)?.services ?? [];
  return {
    data: undefined,
    changes: [changeOf('counter-updated', { serviceIds, counterIds: [next.id] })],
  };
}

export function createCounterService(deps: CounterServiceDeps): CounterService {
  const { commits } = deps;
  const { get, working, notClosed, nobodyAt, callable } = lookups(deps);
  const write = (actor: Actor, type: string, next: CounterState) => step(deps, actor, type, next);
  return {
    get,
    working,
    callable,
    open: (actor, id) =>
      commits.run(() => {
        const { row } = get(id);
        const status = row.status === 'paused' ? 'paused' : 'open';
        const pauseReason = row.pause_reason;
        return write(actor, 'open', { id, status, pauseReason, staffId: actor.staffId });
      }),
    pause: (actor, id, reason) =>
      commits.run(() => {
        const c = working(actor, id);
        notClosed(c);
        const staffId = c.row.staff_id;
        return write(actor, 'pause', { id, status: 'paused', pauseReason: reason, staffId });
      }),
    resume: (actor, id) =>
      commits.run(() => {
        const c = working(actor, id);
        notClosed(c);
        const staffId = c.row.staff_id;
        return write(actor, 'resume', { id, status: 'open', pauseReason: null, staffId });
      }),
    close: (actor, id) =>
      commits.run(() => {
        nobodyAt(working(actor, id));
        return write(actor, 'close', { id, status: 'closed', pauseReason: null, staffId: null });
      }),
    shut: (actor, id) =>
      commits.run(() => {
        const c = get(id);
        notClosed(c);
        nobodyAt(c);
        return write(actor, 'close', { id, status: 'closed', pauseReason: null, staffId: null });
      }),
  };
}
