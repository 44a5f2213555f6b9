/**
 * Which connection works each counter: a counter is worked from one place at
 * a time. Opening it elsewhere takes it over: the first screen is told at
 * once (`onTakenOver`, which net/ turns into `counter:taken-over`), and its
 * next action is refused with `counter-not-open`. A clerk who leaves closes
 * it, unless a citizen is still at it.
 */
import type { Actor, Connection } from '../connection.js';
import { actorOf } from '../connection.js';
import type { CounterService } from './counter-service.js';
import type { CounterStore } from './counter-store.js';
import type { CounterTakenOver } from '../../../shared/protocol.js';

export interface Desks {
  /**
   * The connection's clerk now works the counter (and no longer any other); a connection that
   * worked it before is told `notice`.
   */
  take(conn: Connection, counterId: number, notice: CounterTakenOver): void;
  /** The clerk is leaving (logout, another login): their counter closes unless someone is at it. */
  leave(conn: Connection): void;
  /** The connection is gone: it no longer holds its counter, which stays as it is. */
  drop(conn: Connection): void;
  /** The counter was closed from the floor: whoever worked it no longer holds it. */
  vacate(counterId: number): void;
  /** net/ registers what tells a connection that its counter was taken over. */
  onTakenOver(listener: (conn: Connection, notice: CounterTakenOver) => void): void;
}

export function createDesks(deps: { counters: CounterService; store: CounterStore }): Desks {
  const owners = new Map<number, Connection>();
  const listeners: ((conn: Connection, notice: CounterTakenOver) => void)[] = [];

  function release(conn: Connection) {
    const counterId = conn.counterId;
    if (counterId !== null && owners.get(counterId) === conn) owners.delete(counterId);
    conn.counterId = null;
  }

  return {
    take(conn, counterId, notice) {
      const previous = owners.get(counterId);
      release(conn);
      owners.set(counterId, conn);
      conn.counterId = counterId;
      if (!previous || previous === conn) return;
      previous.counterId = null;
      for (const listener of listeners) listener(previous, notice);
    },
    leave(conn) {
      const counterId = conn.counterId;
      if (counterId === null) return;
      const actor: Actor = actorOf(conn);
      if (!deps.store.current(counterId)) deps.counters.close(actor, counterId);
      release(conn);
    },
    drop: release,
    vacate(counterId) {
      const owner = owners.get(counterId);
      if (owner) release(owner);
    },
    onTakenOver: (listener) => void listeners.push(listener),
  };
}
