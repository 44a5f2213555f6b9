/** Small clocks the hall display's panels tick by. */
import { useEffect, useState } from 'react';

/** The time now, refreshed every `intervalMs`. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Which of `count` pages is up, moving on every `intervalMs`; always in range. */
export function useRotation(count: number, intervalMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [count, intervalMs]);
  return count === 0 ? 0 : tick % count;
}
