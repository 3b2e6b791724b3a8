import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { dayNumber, formatPacked, fromDayNumber, isIsoDate, packIsoDate, todayInRome } from '../src/formats/iso-date.js';

const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isIsoDate', () => {
  it('accepts exactly what ajv-formats accepts as "date"', () => {
    const candidates = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2026-04-31', '2026-11-25', '2026-11-25\n', ' 2026-11-25', '2026-1-25', '２０２６-11-25', '2026/11/25', '20261125', ''),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(...'0123456789-/ x'), minLength: 8, maxLength: 11 }),
    );
    fc.assert(fc.property(candidates, (s) => {
      expect(isIsoDate(s)).toBe(ajvDate(s));
    }), { numRuns: 20000 });
  });
});

describe('the one date reader', () => {
  it('fromDayNumber inverts dayNumber, and both agree with Date.UTC', () => {
    fc.assert(fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (days) => {
      const packed = fromDayNumber(days);
      expect(dayNumber(packed)).toBe(days);
      expect(new Date(days * 86_400_000).toISOString().slice(0, 10)).toBe(formatPacked(packed));
      expect(packIsoDate(formatPacked(packed))).toBe(packed);
    }), { numRuns: 5000 });
  });

  it("today is Rome's date: at 23:30 UTC on 31 December it is already the new year in Italy", () => {
    expect(todayInRome(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInRome(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15'); // CEST: 23:59 in Rome
    expect(todayInRome(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });
});
