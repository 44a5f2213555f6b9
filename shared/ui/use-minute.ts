/**
 * Now, to the minute, for screens whose words depend on the clock (a
 * service's opening hours end and begin with no event from the hub).
 */
import { useEffect, useState } from 'react';
import { nextMinute } from '../domain/opening-hours.js';

/** Re-renders the caller when the minute changes. */
export function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), nextMinute(now) - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
