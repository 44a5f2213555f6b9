import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import {
  createLoginThrottle,
  FORGET_MS,
  FREE_PER_NAME,
  MAX_REMEMBERED,
  MAX_WAIT_MS,
} from './login-throttle.js';

const START = Date.UTC(2025, 4, 14, 2, 0);

function fail(throttle: ReturnType<typeof createLoginThrottle>, n: number, name = 'clerk1') {
  for (let i = 0; i < n; i += 1) throttle.failed(name, 'device 1');
}

describe('login throttle', () => {
  it('lets the first wrong PINs through, then doubles the wait up to its ceiling', () => {
    const clock = manualClock(START);
    const throttle = createLoginThrottle(clock);
    fail(throttle, FREE_PER_NAME - 1);
    expect(throttle.waitMs('clerk1', 'device 1')).toBe(0);
    const waits = [];
    for (let i = 0; i < 14; i += 1) {
      fail(throttle, 1);
      waits.push(throttle.waitMs('clerk1', 'device 1'));
    }
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(MAX_WAIT_MS);
    expect(throttle.slowedUntil('clerk1')).toBe(START + MAX_WAIT_MS);
  });

  it('counts names as one whatever their case', () => {
    const throttle = createLoginThrottle(manualClock(START));
    fail(throttle, 2, 'Clerk1');
    fail(throttle, 1, 'CLERK1');
    expect(throttle.waitMs('clerk1', 'device 1')).toBe(1000);
  });

  it('forgets a name that has had no wrong PIN for an hour', () => {
    const clock = manualClock(START);
    const throttle = createLoginThrottle(clock);
    fail(throttle, 8);
    clock.advance(FORGET_MS + 1);
    expect(throttle.waitMs('clerk1', 'device 1')).toBe(0);
    expect(throttle.slowedUntil('clerk1')).toBeNull();
    fail(throttle, FREE_PER_NAME);
    expect(throttle.waitMs('clerk1', 'device 1')).toBe(1000);
  });

  it('a right PIN clears only its own desk, and clear() lets every desk try', () => {
    const throttle = createLoginThrottle(manualClock(START));
    for (const source of ['device 1', 'device 2']) {
      for (let i = 0; i < FREE_PER_NAME; i += 1) throttle.failed('clerk1', source);
    }
    throttle.succeeded('clerk1', 'device 1');
    expect(throttle.waitMs('clerk1', 'device 1')).toBe(0);
    expect(throttle.waitMs('clerk1', 'device 2')).toBe(1000);
    throttle.clear('clerk1');
    expect(throttle.waitMs('clerk1', 'device 2')).toBe(0);
    expect(throttle.slowedUntil('clerk1')).toBeNull();
  });

  it('remembers a bounded number of names, forgetting the oldest first', () => {
    const throttle = createLoginThrottle(manualClock(START));
    fail(throttle, FREE_PER_NAME, 'first');
    // Each new name at a new address adds three counts, so 'first' is long gone by the end.
    for (let i = 0; i < MAX_REMEMBERED; i += 1) throttle.failed(`name-${i}`, `address ${i}`);
    expect(throttle.waitMs('first', 'device 1')).toBe(0);
    expect(throttle.waitMs(`name-${MAX_REMEMBERED - 1}`, `address ${MAX_REMEMBERED - 1}`)).toBe(0);
  });
});
