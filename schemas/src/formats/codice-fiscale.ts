/**
 * Codice fiscale (DM 23/12/1976, DPR 605/1973).
 * Persons: 16 characters, SSSNNN YY M DD LNNN C
 *   surname (3 letters) + name (3 letters), year (2), month letter, day (+40 for women),
 *   Belfiore code of the place of birth (letter + 3 digits), check character.
 * Legal persons: 11 digits, the same number and check as the partita IVA.
 */
import { isPartitaIva } from './partita-iva.js';

// Odd-position values (1-based) from the DM 23/12/1976 table; digits 0-9 count as A-J.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

// Month letters: A=January ... T=December (the table skips letters easily misread).
const MONTHS = 'ABCDEHLMPRST';

// Omocodia: when two people would get the same code, the Agenzia replaces digits, from the
// rightmost, with these letters (L=0 ... V=9). Any subset of positions is accepted here.
const OMOCODIA = 'LMNPQRSTUV';
const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14]; // 0-based: 7, 8, 10, 11, 13, 14, 15

const D = '[0-9LMNPQRSTUV]';
const PERSON = new RegExp(`^[A-Z]{6}${D}{2}[${MONTHS}]${D}{2}[A-Z]${D}{3}[A-Z]$`);

/**
 * Check character of the odd/even tables mod 26 (DM 23/12/1976): characters in odd positions
 * (1-based) take ODD_VALUES, in even positions their ordinal (A=0, 0=0). The CIN of an Italian
 * IBAN is computed the same way over ABI + CAB + account number.
 */
export function checkCharMod26(chars: string): string {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    const ordinal = code <= 57 ? code - 48 : code - 65;
    sum += i % 2 === 0 ? ODD_VALUES[ordinal] : ordinal;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The 16th character for the first 15 of a person's codice fiscale (letters as written). */
export function codiceFiscaleCheckChar(first15: string): string {
  const upper = first15.toUpperCase();
  if (!/^[A-Z0-9]{15}$/.test(upper)) throw new RangeError('codiceFiscaleCheckChar expects 15 letters or digits');
  return checkCharMod26(upper);
}

export interface CodiceFiscaleData {
  birthYear2: number;
  month: number;
  day: number;
  female: boolean;
  belfiore: string;
}

/** Birth data of a valid person's codice fiscale, omocodia undone; null when not valid. */
export function decodeCodiceFiscale(value: string): CodiceFiscaleData | null {
  // Test the raw string first: toUpperCase can change the length ("ß" -> "SS").
  if (!/^[A-Za-z0-9]{16}$/.test(value)) return null;
  const cf = value.toUpperCase();
  if (!PERSON.test(cf) || checkCharMod26(cf.slice(0, 15)) !== cf[15]) return null;
  const plain = cf.split('');
  for (const i of OMOCODIA_POSITIONS) {
    const k = OMOCODIA.indexOf(plain[i]);
    if (k >= 0) plain[i] = String(k);
  }
  const text = plain.join('');
  const dayCode = Number(text.slice(9, 11));
  // Day 1-31 for men, 41-71 for women (day + 40).
  const female = dayCode > 40;
  const day = female ? dayCode - 40 : dayCode;
  if (day < 1 || day > 31) return null;
  return {
    birthYear2: Number(text.slice(6, 8)),
    month: MONTHS.indexOf(text[8]) + 1,
    day,
    female,
    belfiore: text.slice(11, 15),
  };
}

/**
 * A person's 16-character code (lowercase accepted, no spaces) or a legal person's 11 digits.
 * The day is checked against 1-31 only, not against the month's length: the Agenzia's own
 * codes are the authority, and the century of the year is unknown.
 */
export function isCodiceFiscale(value: string): boolean {
  if (value.length === 11) return isPartitaIva(value);
  return decodeCodiceFiscale(value) !== null;
}
