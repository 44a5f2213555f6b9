import { useEffect, useState } from 'react';
import { hubNow } from './store.js';

const TICK_MS = 1_000;

/** The hub's time, re-read every second, for waits and the service clock. */
export function useHubNow(): number {
  const [now, setNow] = useState(hubNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(hubNow()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
