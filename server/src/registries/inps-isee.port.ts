import type { IseeAttestationRecord, Lookup, RegistryPurpose } from './registry.types.js';

/**
 * INPS ISEE attestations through PDND. Only attestations still valid today are returned, newest
 * year first; none: `{ found: false }`; outage: RegistryUnavailableError.
 */
export interface InpsIseePort {
  attestations(fiscalCode: string, purpose: RegistryPurpose): Promise<Lookup<IseeAttestationRecord[]>>;
}
