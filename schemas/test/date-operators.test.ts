import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customDirectMethods, customEagerMethods, parseIsoDate } from '../src/logic/operators.js';

/** The reference: a date is what Date.UTC reads back unchanged (the engine's earlier implementation). */
function reference(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = [+value.slice(0, 4), +value.slice(5, 7), +value.slice(8, 10)];
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t;
}

const parsed = (value: unknown) => {
  try {
    return parseIsoDate(value);
  } catch {
    return null;
  }
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateLike = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-12-31', '0100-01-01', '1970-01-01', '1969-12-31', '2026-11-25', '2026-11-25\n', ' 2026-11-25', '2026-1-25', '２０２６-11-25'),
  fc.string({ maxLength: 12 }),
  fc.anything(),
);

describe('date operators', () => {
  it('read a date exactly as Date.UTC reads it back (valid dates, time) and refuse the rest', () => {
    fc.assert(fc.property(dateLike, (value) => {
      expect(parsed(value)).toBe(reference(value));
    }), { numRuns: 5000 });
  });

  it('count days and whole years as the calendar does', () => {
    fc.assert(fc.property(dateLike, dateLike, (a, b) => {
      const ta = reference(a);
      const tb = reference(b);
      const days = () => customDirectMethods.days_between!(a, b);
      const years = () => customEagerMethods.years_between!([a, b]);
      if (ta === null || tb === null) {
        expect(days).toThrow();
        expect(years).toThrow();
        return;
      }
      expect(days()).toBe(Math.round((tb - ta) / 86_400_000));
      const from = new Date(ta);
      const to = new Date(tb);
      let y = to.getUTCFullYear() - from.getUTCFullYear();
      if (to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate())) y -= 1;
      expect(years()).toBe(y);
    }), { numRuns: 5000 });
    expect(customDirectMethods.years_between!('2000-02-29', '2026-02-28')).toBe(25);
    expect(customDirectMethods.years_between!('2000-02-29', '2026-03-01')).toBe(26);
    expect(customDirectMethods.days_between!('2026-12-31', '2027-01-01')).toBe(1);
  });
});
