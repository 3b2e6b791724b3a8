/**
 * CAP (codice di avviamento postale, Poste Italiane): 5 digits. Assigned codes run from
 * 00010 (Lazio, province of Rome) to 98168 (Messina); 00000-00009 are never assigned.
 */
const CAP = /^\d{5}$/;

export function isCap(value: string): boolean {
  if (!CAP.test(value)) return false;
  const n = Number(value);
  return n >= 10 && n <= 98168;
}
