/**
 * The one reader of ISO dates (YYYY-MM-DD) in the engine: the JSON Schema "date" format, the date
 * operators of rules (days_between, years_between), date bounds and "today". Digit arithmetic,
 * no regular expression, no Date object: forms hold a dozen dates, read on every evaluation.
 */

import { romeDate } from '../rome-date.js';

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * An RFC 3339 full-date read as y * 10000 + m * 100 + d, or -1 when it is not one: exactly the
 * accepted set of ajv-formats' full `date` (4-digit year, month 01-12, a day that exists in that
 * month, leap years included; test/iso-date.test.ts compares both).
 */
export function packIsoDate(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48, m2 = value.charCodeAt(6) - 48, d1 = value.charCodeAt(8) - 48, d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** The JSON Schema "date" format. */
export function isIsoDate(value: string): boolean {
  return packIsoDate(value) >= 0;
}

/** Days from 1970-01-01 to a packed date (proleptic Gregorian, as Date.UTC; H. Hinnant's days_from_civil). */
export function dayNumber(packed: number): number {
  let y = Math.floor(packed / 10000);
  const m = Math.floor(packed / 100) % 100;
  const d = packed % 100;
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The packed date of a day number (H. Hinnant's civil_from_days): dayNumber's inverse. */
export function fromDayNumber(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

/** A packed date written back as YYYY-MM-DD. */
export function formatPacked(packed: number): string {
  const y = Math.floor(packed / 10000), m = Math.floor(packed / 100) % 100, d = packed % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's date in Italy (Europe/Rome), whatever the clock's time zone: a deadline ends at midnight in Rome. */
export function todayInRome(now: Date = new Date()): string {
  return romeDate(now);
}
