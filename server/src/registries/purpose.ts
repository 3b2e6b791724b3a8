import { isCodiceFiscale } from '@sportello/schemas';
import type { RegistryPurpose } from './registry.types.js';

/**
 * Every implementation refuses a lookup without a purpose, as PDND does: a caller that forgets
 * it is a bug to find in tests, not a registry outage.
 */
export function assertPurpose(purpose: RegistryPurpose | undefined): void {
  if (!purpose || !purpose.procedure || !purpose.enteId) {
    throw new TypeError('A registry lookup needs a purpose: { procedure, enteId, protocolNumber? }');
  }
}

/** The person's code as registries store it, or null for something that is not a person's code. */
export function normalizeFiscalCode(fiscalCode: string): string | null {
  const code = fiscalCode.trim().toUpperCase();
  return code.length === 16 && isCodiceFiscale(code) ? code : null;
}
