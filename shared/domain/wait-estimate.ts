/**
 * Estimated wait for a service (DESIGN.md "Ticket lifecycle"): people ahead ÷
 * the recent completion rate of the counters that serve it.
 *
 * The rate is the completions of the last `windowMs` divided by the time from
 * the oldest of them to now. That span is never taken shorter than
 * MIN_RATE_SPAN_MS, so a burst of completions just after opening does not
 * promise an absurdly short wait. With fewer than MIN_COMPLETIONS_FOR_RATE
 * completions there is no rate yet, and each serving counter is assumed to
 * finish one ticket per target service time.
 */

export const DEFAULT_RATE_WINDOW_MS = 60 * 60_000;
export const MIN_RATE_SPAN_MS = 10 * 60_000;
export const MIN_COMPLETIONS_FOR_RATE = 3;
const MS_PER_MINUTE = 60_000;

export interface WaitEstimateInput {
  peopleAhead: number;
  /** Finish times (epoch ms) of recent completions in this service, any order. */
  completedAt: readonly number[];
  /** Epoch ms. */
  now: number;
  /** How far back completions count. */
  windowMs: number;
  /** Open, unpaused counters that serve this service. */
  servingCounters: number;
  /** Minutes one citizen takes at a counter, assumed until there are completions to measure. */
  assumedServiceMinutes: number;
}

/** The completions that count: how many, and the oldest; what a database can sum up for us. */
export interface RecentCompletions {
  count: number;
  oldestMs: number | null;
}

export type WaitEstimateFromRecent = Omit<WaitEstimateInput, 'completedAt' | 'windowMs'> & {
  recent: RecentCompletions;
};

/** How long someone with `peopleAhead` people in front waits, in ms; null when unknown. */
export function estimateWaitMs(input: WaitEstimateInput): number | null {
  const { completedAt, now, windowMs } = input;
  // A completion stamped after `now` (clock skew between machines) is not "recent"; skip it.
  const counted = completedAt.filter((t) => t <= now && now - t <= windowMs);
  const oldestMs = counted.length ? counted.reduce((a, b) => Math.min(a, b)) : null;
  return estimateWaitFromRecentMs({ ...input, recent: { count: counted.length, oldestMs } });
}

/**
 * The same estimate from the recent completions already summed up (the
 * completions after `now` − the window, up to `now`), so a busy service's
 * hour of completions need not be read one by one.
 */
export function estimateWaitFromRecentMs(input: WaitEstimateFromRecent): number | null {
  const perMs = observedRatePerMs(input) ?? assumedRatePerMs(input);
  // With no counter serving and no history, even the next in line cannot be told a time.
  if (perMs === null) return null;
  if (input.peopleAhead <= 0) return 0;
  return Math.max(0, Math.round(input.peopleAhead / perMs));
}

/** Whether the recent completions measure a rate; until they do, the serving counters count. */
export const measuresRate = (
  recent: RecentCompletions,
): recent is { count: number; oldestMs: number } =>
  recent.count >= MIN_COMPLETIONS_FOR_RATE && recent.oldestMs !== null;

function observedRatePerMs({ recent, now }: WaitEstimateFromRecent): number | null {
  if (!measuresRate(recent)) return null;
  const spanMs = Math.max(now - recent.oldestMs, MIN_RATE_SPAN_MS);
  return recent.count / spanMs;
}

function assumedRatePerMs({
  servingCounters,
  assumedServiceMinutes,
}: WaitEstimateFromRecent): number | null {
  if (servingCounters <= 0 || assumedServiceMinutes <= 0) return null;
  return servingCounters / (assumedServiceMinutes * MS_PER_MINUTE);
}
