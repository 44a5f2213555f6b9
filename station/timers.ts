/** Time as the station's logic sees it: injected, so tests drive it by hand. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const sleep = (timers: Timers, delayMs: number) =>
  new Promise<void>((resolve) => timers.setTimeout(resolve, delayMs));
