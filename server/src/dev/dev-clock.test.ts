import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

const DAY = 86_400_000;
const MOVE = 'mutation ($d: Float!) { devMoveClock(days: $d) }';
let t: TestApp;

beforeAll(async () => { t = await startTestApp(); }, 60_000);
afterAll(() => t?.close());

describe('devMoveClock (development server only)', () => {
  it('moves the one clock of the services forward and back; a set time moves with it', async () => {
    t.clock.set('2026-12-04T10:00:00Z');
    expect((await t.gql(MOVE, { d: 11 })).data.devMoveClock).toBe('2026-12-15T10:00:00.000Z');
    expect(t.services.clock().toISOString()).toBe('2026-12-15T10:00:00.000Z');
    expect((await t.gql(MOVE, { d: -11.5 })).data.devMoveClock).toBe('2026-12-03T22:00:00.000Z');
    // Following the real time, a move is an offset: the clock keeps running.
    t.clock.set(null);
    const moved = Date.parse((await t.gql(MOVE, { d: 2 })).data.devMoveClock);
    expect(Math.abs(moved - (Date.now() + 2 * DAY))).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(t.services.clock().getTime()).toBeGreaterThan(moved);
    t.clock.set(null);
  });

  it('refuses a move beyond ten years, localized, with the clock unchanged', async () => {
    t.clock.set('2026-12-04T10:00:00Z');
    const res = await t.gql(MOVE, { d: 4000 }, undefined, { 'accept-language': 'en' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.devClockRange' });
    expect(res.errors?.[0]?.message).toBe('The clock can be moved by at most 3650 days');
    expect(t.services.clock().toISOString()).toBe('2026-12-04T10:00:00.000Z');
    t.clock.set(null);
  });
});
