/**
 * IBAN (ISO 13616): country code, 2 check digits, national BBAN; valid when the string moved
 * 4 characters left, letters read as 10..35, is 1 mod 97 (ISO 7064 MOD 97-10).
 */
import { checkCharMod26 } from './codice-fiscale.js';

/**
 * IBAN lengths from the SWIFT IBAN Registry (all SEPA countries and the other registered ones).
 * Countries not listed (national IBANs outside the registry, new entries) get the generic
 * checks only: length 15-34 and mod 97.
 */
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29,
  BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29,
  ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20,
  LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19,
  MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29,
  PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24,
  SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
  YE: 30,
};

// Electronic format (no spaces) or the paper format: groups of 4, the last one 1-4 long.
const ELECTRONIC = /^[A-Za-z0-9]+$/;
const PAPER = /^[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4})*(?: [A-Za-z0-9]{1,3})?$/;
const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

// Italy (and San Marino, which uses the Italian layout): CIN letter + ABI (5 digits) +
// CAB (5 digits) + account (12 alphanumerics) = 23 characters after "IT" and the check digits.
const ITALIAN_BBAN = /^[A-Z]\d{10}[A-Z0-9]{12}$/;

/** Remainder mod 97 of the rearranged IBAN, one character at a time so no number overflows. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    rest = code <= 57 ? (rest * 10 + code - 48) % 97 : (rest * 100 + code - 55) % 97;
  }
  return rest;
}

export function isIban(value: string): boolean {
  // Test the raw string first: toUpperCase can change the length ("ß" -> "SS").
  if (value.length > 42 || !(ELECTRONIC.test(value) || PAPER.test(value))) return false;
  const iban = value.replaceAll(' ', '').toUpperCase();
  if (!SHAPE.test(iban)) return false;
  const country = iban.slice(0, 2);
  const expected = LENGTHS[country];
  if (expected === undefined ? iban.length < 15 || iban.length > 34 : iban.length !== expected) return false;
  // ISO 13616 check digits are 02-98; 00, 01 and 99 can satisfy mod 97 but are never issued.
  const check = iban.slice(2, 4);
  if (check === '00' || check === '01' || check === '99') return false;
  if (country === 'IT' || country === 'SM') {
    const bban = iban.slice(4);
    // The CIN is the odd/even mod-26 check character of ABI + CAB + account (Banca d'Italia).
    if (!ITALIAN_BBAN.test(bban) || checkCharMod26(bban.slice(1)) !== bban[0]) return false;
  }
  return mod97(iban) === 1;
}
