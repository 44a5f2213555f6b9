/**
 * Each API token's own budget: `burst` requests at once, refilled at
 * `perSecond`. Over it, the request is refused with how long until the next
 * one would pass, for the `Retry-After` header. Tokens are few (a manager
 * makes each one), so one bucket per token is kept for the hub's life.
 */
export interface TokenRate {
  burst: number;
  perSecond: number;
}

export const DEFAULT_TOKEN_RATE: TokenRate = { burst: 60, perSecond: 2 };

/** Null while the token may go on; else the milliseconds until it may. */
export function perTokenRate(rate: TokenRate, now: () => number) {
  const buckets = new Map<number, { tokens: number; last: number }>();
  return (tokenId: number): number | null => {
    const t = now();
    const b = buckets.get(tokenId) ?? { tokens: rate.burst, last: t };
    b.tokens = Math.min(rate.burst, b.tokens + ((t - b.last) / 1000) * rate.perSecond);
    b.last = t;
    buckets.set(tokenId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return Math.ceil(((1 - b.tokens) / rate.perSecond) * 1000);
  };
}
