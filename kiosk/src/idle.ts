/** Returns the kiosk to its start when nobody has touched it for a while. */
import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'scroll'] as const;

export function useIdleTimeout(timeoutMs: number, onIdle: () => void): void {
  useEffect(() => {
    let timer = setTimeout(onIdle, timeoutMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, timeoutMs);
    };
    // Capture, so a touch that a component stops from propagating still counts.
    const options = { capture: true, passive: true };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, options);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, options);
    };
  }, [timeoutMs, onIdle]);
}
