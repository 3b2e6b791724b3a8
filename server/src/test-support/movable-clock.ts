import type { Clock } from '../shared/clock.js';

/** A clock a test can set (and let follow the real time again with `set(null)`). */
export type MovableClock = Clock & { set(at: Date | string | null): void };

export function movableClock(at: Date | string | null = null): MovableClock {
  let fixed = at === null ? null : new Date(at);
  const clock = (() => (fixed ? new Date(fixed) : new Date())) as MovableClock;
  clock.set = (next) => {
    fixed = next === null ? null : new Date(next);
  };
  return clock;
}
