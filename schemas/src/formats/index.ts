/**
 * Italian formats for Ajv (`ajv.addFormat(name, validator)`), keyed by the names a service
 * definition uses in `"format"`. Each validator is pure and takes the string as typed.
 */
import { isCap } from './cap.js';
import { isCodiceFiscale } from './codice-fiscale.js';
import { isIban } from './iban.js';
import { isPartitaIva } from './partita-iva.js';
import { isTelefonoItaliano } from './telefono.js';

export { isCap } from './cap.js';
export { codiceFiscaleCheckChar, decodeCodiceFiscale, isCodiceFiscale } from './codice-fiscale.js';
export type { CodiceFiscaleData } from './codice-fiscale.js';
export { isIban } from './iban.js';
export { isPartitaIva, partitaIvaCheckDigit } from './partita-iva.js';
export { isTelefonoItaliano } from './telefono.js';

export const italianFormats = {
  'codice-fiscale': isCodiceFiscale,
  'partita-iva': isPartitaIva,
  iban: isIban,
  cap: isCap,
  telefono: isTelefonoItaliano,
} as const satisfies Record<string, (value: string) => boolean>;
