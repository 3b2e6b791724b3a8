/**
 * The JSON Schema "date" format (RFC 3339 full-date) with exactly the accepted set of
 * ajv-formats' full `date` (4-digit year, month 01-12, a day that exists in that month, leap
 * years included), read by digit arithmetic: no regular expression, no match array. Forms hold
 * a dozen dates, checked on every evaluation; test/iso-date.test.ts compares both.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    y = y * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48, m2 = value.charCodeAt(6) - 48, d1 = value.charCodeAt(8) - 48, d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}
