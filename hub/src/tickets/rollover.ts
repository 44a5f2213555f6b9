/**
 * The service-day rollover, a scheduled job. At local midnight (and at
 * start-up, for a hub that was off overnight) the old day's open tickets
 * expire and numbering restarts, since number series are per day.
 *
 * A timer fires just after midnight, but a timer can be late (a busy or
 * sleeping machine), so every request also passes `catchUp` first: a
 * comparison with the next midnight, which rolls the day itself when the
 * timer has not yet. No request is served on a stale day.
 *
 * The roll also writes the finished days' daily records (reports/daily-records.ts),
 * in the same transaction: a day is never rolled without its record.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { HUB_ACTOR } from '../connection.js';
import type { Commits } from '../changes/commits.js';
import { changeOf } from '../changes/change.js';
import type { ConfigSource } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import type { Lifecycle } from './lifecycle.js';
import type { TicketStore } from './ticket-store.js';
import { msUntilNextServiceDay } from '../../../shared/domain/numbering.js';

/** The timer re-checks at least this often, in case the machine slept through midnight. */
const ROLLOVER_CHECK_MAX_MS = 60 * 60_000;
/** Fire a little after midnight, never a little before. */
const AFTER_MIDNIGHT_MS = 50;

export interface Rollover {
  /** Starts a new service day if the clock has passed midnight in the centre's time zone. */
  run(): void;
  /** `run`, but only once the next midnight has passed: costs a comparison otherwise. */
  catchUp(): void;
  /** Schedules the job (after a first `run`); `stop` cancels it. */
  start(): void;
  stop(): void;
}

export interface RolloverDeps {
  clock: Clock;
  commits: Commits;
  config: ConfigSource;
  day: ServiceDay;
  tickets: TicketStore;
  lifecycle: Lifecycle;
  /** Writes the record of every finished day before `today` that has none yet. */
  records: { writeBefore(today: string): string[] };
  /** Other features' end of day, in the roll's transaction (appointments' no-shows). */
  dayEnds: ((today: string) => void)[];
  log: Logger;
}

/**
 * The clock or the time zone says an earlier day than the one being served (a clock set
 * back, a zone moved west): the day never runs backwards. Rolling back would expire every
 * waiting ticket and number a second F001 while the first is served; the hub keeps the day
 * until the clock catches up, and says so once for each earlier day it is shown.
 */
function dayKeeper(log: Logger) {
  let warnedFor = '';
  return (serving: string, byClock: string) => {
    if (warnedFor === byClock) return;
    warnedFor = byClock;
    log.error(
      { day: serving, byClock },
      'the clock or time zone says an earlier service day: keeping the day until the clock catches up',
    );
  };
}

/**
 * The day's end, as one transaction: the old days' open tickets expire, the other
 * features close their day (appointments' no-shows), the finished days are recorded,
 * and the new day starts with the configuration in force on it.
 */
function rollTo(deps: RolloverDeps, today: string) {
  const { clock, config } = deps;
  deps.commits.run(() => {
    const expired = deps.tickets
      .openFromOtherDays(today)
      .map((t) => deps.lifecycle.move(t, 'expire', HUB_ACTOR, { finishedAt: clock.now() }));
    for (const end of deps.dayEnds) end(today);
    const recorded = deps.records.writeBefore(today);
    deps.day.set(today);
    // A national fee whose effective date is today starts with the day (config/national-fees.ts).
    config.reload();
    const change = changeOf('day-rolled', {
      serviceIds: [...config.current().services.keys()],
      counterIds: [...config.current().counters.keys()],
    });
    deps.log.info({ day: today, expired: expired.length, recorded }, 'service day rolled');
    return { data: undefined, changes: [{ ...change, ticketIds: expired.map((t) => t.id) }] };
  });
}

export function createRollover(deps: RolloverDeps): Rollover {
  const { clock, day, log } = deps;
  let nextCheckAt = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  const keepDay = dayKeeper(log);

  function run() {
    const now = clock.now();
    const today = day.byClock();
    const previous = day.stored();
    if (previous === null)
      day.set(today); // a new centre's first day: nothing to expire or announce
    else if (today < previous) keepDay(previous, today);
    else if (previous !== today) rollTo(deps, today);
    // Only once the day is right: a failed rollover is tried again by the next request.
    nextCheckAt = now + msUntilNextServiceDay(now, deps.config.current().timeZone);
  }

  function schedule() {
    const delay = Math.min(nextCheckAt - clock.now(), ROLLOVER_CHECK_MAX_MS);
    timer = setTimeout(
      () => {
        try {
          run();
        } catch (err) {
          log.error({ err }, 'rollover failed; trying again');
        } finally {
          schedule();
        }
      },
      Math.max(0, delay) + AFTER_MIDNIGHT_MS,
    );
    timer.unref();
  }

  return {
    run,
    catchUp() {
      if (clock.now() >= nextCheckAt) run();
    },
    start() {
      clearTimeout(timer);
      schedule();
    },
    stop: () => clearTimeout(timer),
  };
}
