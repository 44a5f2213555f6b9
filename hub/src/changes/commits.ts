/**
 * The one way into and out of a commit. A feature's mutation runs through
 * `run` (one transaction) or `grouped` (the hot paths, kiosks' and clerks':
 * one shared transaction per turn of the event loop). Each listener then
 * sees every change twice:
 *
 * - `committing`, inside the transaction, for work that must be durable with
 *   the change or not at all (a kiosk ticket's print job);
 * - `committed`, once the transaction is on disk, for work that follows it
 *   (broadcasting, waking the print spool).
 *
 * Nothing a caller acknowledges is seen by `committed` before it is durable,
 * and a rolled-back change is seen by no `committed` listener. A run nested
 * in another (one feature's mutation calling another's) commits with the
 * outer one and is published with it. A `run` of its own first commits the
 * shared transaction waiting for this turn, so mutations commit, and are
 * published, in the order they were asked for.
 */
import type { Db } from '../db/open.js';
import { unchanged, type Change, type Outcome } from './change.js';
import { createGroupCommit } from './group-commit.js';

export interface CommitListener {
  committing?(change: Change): void;
  committed?(changes: readonly Change[]): void;
}

export interface Commits {
  /** Runs `work` in one transaction and returns its data once committed. */
  run<T>(work: () => Outcome<T>): T;
  /** As `run`, sharing one transaction (one fsync) with the others asked for in this turn. */
  grouped<T>(work: () => Outcome<T>): Promise<T>;
  /**
   * Runs `step`, a mutation made of `run`s, in the shared transaction of this
   * turn: its runs nest there, and commit and publish with the others.
   */
  shared<T>(step: () => T): Promise<T>;
  /** Changes made durable elsewhere (a printer's status), for the `committed` listeners. */
  announce(changes: readonly Change[]): void;
  listen(listener: CommitListener): void;
}

export function createCommits(db: Db): Commits {
  const listeners: CommitListener[] = [];
  /** Changes of nested runs, published when the outermost one commits. */
  let pending: Change[] = [];

  /**
   * One savepoint (or the transaction itself): on a throw, its changes go with its writes.
   * Made once: better-sqlite3 builds four wrapper functions for every `db.transaction`,
   * which on the hot paths cost more than the savepoint.
   */
  const savepoint = db.transaction((work: () => Outcome<unknown>): unknown => {
    const mark = pending.length;
    try {
      const outcome = work();
      for (const change of outcome.changes) {
        for (const l of listeners) l.committing?.(change);
      }
      pending.push(...outcome.changes);
      return outcome.data;
    } catch (err) {
      pending.length = mark;
      throw err;
    }
  });
  const inTransaction = <T>(work: () => Outcome<T>): T => savepoint(work) as T;

  function announce(changes: readonly Change[]) {
    if (changes.length === 0) return;
    for (const l of listeners) l.committed?.(changes);
  }

  /** The outermost transaction ended: publish what it committed, or forget what it rolled back. */
  function settle(committed: boolean) {
    const changes = pending;
    pending = [];
    if (committed) announce(changes);
  }

  // The group's transaction is the outermost: it settles once for the whole batch.
  const groupCommit = createGroupCommit(db, settle);

  return {
    run(work) {
      if (db.inTransaction) return inTransaction(work);
      groupCommit.flush();
      let data;
      try {
        data = inTransaction(work);
      } catch (err) {
        settle(false);
        throw err;
      }
      settle(true);
      return data;
    },
    grouped: (work) => groupCommit(() => inTransaction(work)),
    // Its own savepoint, as `grouped` has: a step refused after one of its runs takes that run's
    // writes and changes with it.
    shared: (step) => groupCommit(() => inTransaction(() => unchanged(step()))),
    announce,
    listen: (listener) => void listeners.push(listener),
  };
}
