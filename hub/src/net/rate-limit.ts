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
