/**
 * Token buckets, for anyone who must slow a caller down: the transport
 * (net/: sockets, pairing, JSON routes) and the features that limit
 * citizens (appointments/). They live here, beside the API tokens' own
 * budget (token-rate.ts), because a feature may never import net/.
 */

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export function tokenBucket(burst: number, perSecond: number, now: () => number) {
  let tokens = burst;
  let last = now();
  return (): boolean => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * One token bucket per key (a remote address), shared by all that key's
 * connections, so reconnecting does not refill it. At most `maxKeys` are kept:
 * past that, buckets idle long enough to be full again are dropped (forgetting
 * them changes nothing), and then the oldest, so memory stays bounded.
 */
export function keyedTokenBuckets(
  burst: number,
  perSecond: number,
  now: () => number,
  maxKeys: number,
) {
  const buckets = new Map<string, { tokens: number; last: number }>();
  const refillMs = (burst / perSecond) * 1000;
  const evict = (t: number) => {
    for (const [key, b] of buckets) if (t - b.last >= refillMs) buckets.delete(key);
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };
  return (key: string): boolean => {
    const t = now();
    let b = buckets.get(key);
    if (b)
      buckets.delete(key); // re-inserted below, so the Map stays oldest-first
    else {
      if (buckets.size >= maxKeys) evict(t);
      b = { tokens: burst, last: t };
    }
    b.tokens = Math.min(burst, b.tokens + ((t - b.last) / 1000) * perSecond);
    b.last = t;
    buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
}
