import { describe, expect, it } from 'vitest';
import { romeDate, romeYear } from './clock.js';

describe('romeDate', () => {
  it('turns the date at midnight in Rome, winter (UTC+1) and summer (UTC+2), in any call order', () => {
    const cases: Array<[string, string]> = [
      ['2026-11-24T22:59:59.999Z', '2026-11-24'], ['2026-11-24T23:00:00.000Z', '2026-11-25'],
      ['2026-07-01T21:59:59.999Z', '2026-07-01'], ['2026-07-01T22:00:00.000Z', '2026-07-02'],
      ['2026-03-29T00:59:59.999Z', '2026-03-29'], ['2026-03-29T01:00:00.000Z', '2026-03-29'],
      ['2026-12-31T22:59:59.999Z', '2026-12-31'], ['2026-12-31T23:00:00.000Z', '2027-01-01'],
    ];
    for (const [utc, rome] of [...cases, ...[...cases].reverse()]) expect(romeDate(new Date(utc))).toBe(rome);
    expect(romeYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });
});
