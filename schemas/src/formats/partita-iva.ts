/**
 * Partita IVA (and the numeric codice fiscale of legal persons, which uses the same layout):
 * 11 digits = 7 taxpayer digits + 3 office digits + 1 check digit (DPR 633/1972 art. 35,
 * DM 23/12/1976). The check digit is the Agenzia delle Entrate's Luhn variant.
 */

const PARTITA_IVA = /^\d{11}$/;

/**
 * Check digit over the first 10 digits: digits in odd positions (1-based) are summed as they
 * are; digits in even positions are doubled, minus 9 when the double exceeds 9; the check is
 * (10 - sum mod 10) mod 10.
 */
export function partitaIvaCheckDigit(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new RangeError('partitaIvaCheckDigit expects 10 digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isPartitaIva(value: string): boolean {
  if (!PARTITA_IVA.test(value)) return false;
  // "00000000000" passes the checksum but is never assigned.
  if (value === '00000000000') return false;
  return partitaIvaCheckDigit(value.slice(0, 10)) === value[10];
}
