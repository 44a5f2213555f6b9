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

/** How long someone with `peopleAhead` people in front waits, in ms; null when unknown. */
export function estimateWaitMs(input: WaitEstimateInput): number | null {
  const perMs = observedRatePerMs(input) ?? assumedRatePerMs(input);
  // With no counter serving and no history, even the next in line cannot be told a time.
  if (perMs === null) return null;
  if (input.peopleAhead <= 0) return 0;
  return Math.max(0, Math.round(input.peopleAhead / perMs));
}

function observedRatePerMs({ completedAt, now, windowMs }: WaitEstimateInput): number | null {
  // A completion stamped after `now` (clock skew between machines) is not "recent"; skip it.
  const counted = completedAt.filter((t) => t <= now && now - t <= windowMs);
  if (counted.length < MIN_COMPLETIONS_FOR_RATE) return null;
  const oldestMs = counted.reduce((a, b) => Math.min(a, b));
  const spanMs = Math.max(now - oldestMs, MIN_RATE_SPAN_MS);
  return counted.length / spanMs;
}

function assumedRatePerMs({
  servingCounters,
  assumedServiceMinutes,
}: WaitEstimateInput): number | null {
  if (servingCounters <= 0 || assumedServiceMinutes <= 0) return null;
  return servingCounters / (assumedServiceMinutes * MS_PER_MINUTE);
}
