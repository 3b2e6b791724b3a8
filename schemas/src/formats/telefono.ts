/**
 * Italian phone numbers a citizen can be reached at (numbering plan of AGCOM, delibera
 * 8/15/CIR): mobiles start with 3 and have 9-10 digits; landlines start with 0 (the area code
 * is part of the number) and have 6-11 digits. An optional +39 or 0039 prefix is allowed.
 *
 * Rejected on purpose: service and non-geographic numbers (1xx, 4xx, 5xx VoIP, 7xx, and the
 * 8xx ones: 800/803 free, 840/848 shared cost, 892/899 premium), because this field collects a
 * contact to call back or text, and those numbers cannot receive calls or SMS, or cost money.
 */

// Digit groups separated by one space, dot or hyphen; an optional +39/0039 prefix which may be
// followed by one separator. No separator at the start or end, none doubled.
const SHAPE = /^(?:\+39[ .-]?)?\d+(?:[ .-]\d+)*$/;
const MOBILE = /^3\d{8,9}$/;
const LANDLINE = /^0[1-9]\d{4,9}$/;

export function isTelefonoItaliano(value: string): boolean {
  if (value.length > 30 || !SHAPE.test(value)) return false;
  const digits = value.replace(/[ .-]/g, '');
  // No national number starts with 00 (the international prefix), so 0039 is always a prefix.
  const national = digits.startsWith('+39') ? digits.slice(3) : digits.startsWith('0039') ? digits.slice(4) : digits;
  return MOBILE.test(national) || LANDLINE.test(national);
}
