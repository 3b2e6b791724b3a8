import type { Clock } from './clock.js';

/**
 * A clock that can be set (tests) or moved (the development server's devMoveClock, for browser
 * tests that need a deadline to pass). `set(null)` follows the real time again; `move` shifts a
 * set time, or the real time by an offset that keeps it running.
 */
export type MovableClock = Clock & { set(at: Date | string | null): void; move(ms: number): Date };

export function movableClock(at: Date | string | null = null): MovableClock {
  let fixed = at === null ? null : new Date(at);
  let offset = 0;
  const clock = (() => (fixed ? new Date(fixed) : new Date(Date.now() + offset))) as MovableClock;
  clock.set = (next) => {
    fixed = next === null ? null : new Date(next);
    offset = 0;
  };
  clock.move = (ms) => {
    if (fixed) fixed = new Date(fixed.getTime() + ms);
    else offset += ms;
    return clock();
  };
  return clock;
}

export const isMovable = (clock: Clock): clock is MovableClock => typeof (clock as Partial<MovableClock>).move === 'function';
