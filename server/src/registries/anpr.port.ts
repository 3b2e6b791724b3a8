import type { AnprResidentRecord, FamilyMember, Lookup, RegistryPurpose } from './registry.types.js';

/**
 * ANPR (Anagrafe Nazionale della Popolazione Residente) through PDND: the resident's record and
 * their family sheet. Unknown fiscal code: `{ found: false }`; outage: RegistryUnavailableError.
 */
export interface AnprPort {
  resident(fiscalCode: string, purpose: RegistryPurpose): Promise<Lookup<AnprResidentRecord>>;
  /** Everyone on the person's family sheet, the person included, the holder first. */
  family(fiscalCode: string, purpose: RegistryPurpose): Promise<Lookup<FamilyMember[]>>;
}
