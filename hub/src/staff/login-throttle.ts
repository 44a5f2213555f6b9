/**
 * Wrong PINs slow the guesser down; they never lock the account. A hard
 * lock-out is a lock the attacker holds: 35 guesses once shut every clerk
 * and the manager out, across a restart. Instead each wrong PIN grows a
 * wait, counted three ways:
 *
 * - per username and source (a paired device, else an address): the
 *   guesser at one desk waits longer and longer for the next try at that
 *   name;
 * - per source, across every name: one desk spraying usernames waits too;
 * - per username, across every source: many desks guessing one name make
 *   each of them wait, but only those that have got that name wrong
 *   themselves. A desk that has not (the clerk's own) is never held back,
 *   so no one can keep a clerk with the right PIN out.
 *
 * Names are counted as typed, whether or not they exist, so an unknown
 * name is answered exactly as a known one. The counts live in memory: a
 * restart forgets them (it cannot be driven by a guesser), and a name a
 * source has not got wrong for an hour starts again from nothing.
 */
import type { Clock } from '../clock.js';

/** Wrong PINs at one name from one source before it must wait. */
export const FREE_PER_NAME = 3;
/** Wrong PINs from one source, at any names, before it must wait. */
export const FREE_PER_SOURCE = 10;
/** Wrong PINs at one name, from all sources, before every source that failed it waits. */
export const FREE_PER_ACCOUNT = 10;
/** The first wait; each further wrong PIN doubles it, up to MAX_WAIT_MS. */
export const FIRST_WAIT_MS = 1_000;
export const MAX_WAIT_MS = 15 * 60_000;
/** A count with no wrong PIN for this long is forgotten. */
export const FORGET_MS = 60 * 60_000;
/** Names and sources remembered at most; the oldest is forgotten first. */
export const MAX_REMEMBERED = 10_000;

export interface LoginThrottle {
  /** How long `source` must still wait before a PIN for `username` is checked; 0 for now. */
  waitMs(username: string, source: string): number;
  failed(username: string, source: string): void;
  /** The right PIN: the source's count for this name starts again (the others stay). */
  succeeded(username: string, source: string): void;
  /** A supervisor or manager lets the name, and every desk that got it wrong, try at once. */
  clear(username: string): void;
  /** Until when some desk must wait to try this name again, or null. */
  slowedUntil(username: string): number | null;
}

interface Count {
  failures: number;
  /** When the next PIN may be checked. */
  nextAt: number;
  lastAt: number;
}

const waitAfter = (failures: number, free: number) =>
  failures < free ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - free), MAX_WAIT_MS);

const nameKey = (username: string) => `name\u0000${username.toLowerCase()}`;
const sourceKey = (source: string) => `source\u0000${source}`;
const pairKey = (username: string, source: string) =>
  `pair\u0000${username.toLowerCase()}\u0000${source}`;

export function createLoginThrottle(clock: Clock): LoginThrottle {
  /** In order of last change, so the first is the one to forget. */
  const counts = new Map<string, Count>();

  function get(key: string): Count | undefined {
    const count = counts.get(key);
    if (count && clock.now() - count.lastAt > FORGET_MS) {
      counts.delete(key);
      return undefined;
    }
    return count;
  }

  function bump(key: string, free: number) {
    const now = clock.now();
    const failures = (get(key)?.failures ?? 0) + 1;
    counts.delete(key);
    counts.set(key, { failures, nextAt: now + waitAfter(failures, free), lastAt: now });
    while (counts.size > MAX_REMEMBERED) {
      const oldest = counts.keys().next().value;
      if (oldest === undefined) break;
      counts.delete(oldest);
    }
  }

  const until = (key: string) => get(key)?.nextAt ?? 0;

  return {
    waitMs(username, source) {
      const pair = get(pairKey(username, source));
      const accountWait = pair ? until(nameKey(username)) : 0;
      const next = Math.max(pair?.nextAt ?? 0, until(sourceKey(source)), accountWait);
      return Math.max(0, next - clock.now());
    },
    failed(username, source) {
      bump(pairKey(username, source), FREE_PER_NAME);
      bump(sourceKey(source), FREE_PER_SOURCE);
      bump(nameKey(username), FREE_PER_ACCOUNT);
    },
    succeeded(username, source) {
      counts.delete(pairKey(username, source));
    },
    clear(username) {
      const prefix = pairKey(username, '');
      for (const key of [...counts.keys()]) {
        if (!key.startsWith(prefix)) continue;
        counts.delete(key);
        counts.delete(sourceKey(key.slice(prefix.length)));
      }
      counts.delete(nameKey(username));
    },
    slowedUntil(username) {
      const prefix = pairKey(username, '');
      let next = until(nameKey(username));
      for (const key of [...counts.keys()]) {
        if (key.startsWith(prefix)) next = Math.max(next, until(key));
      }
      return next > clock.now() ? next : null;
    },
  };
}
