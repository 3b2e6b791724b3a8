/**
 * What the national registries answer, in the registries' own terms (no Prisma types: STYLE.md
 * "a port typed with persistence types" is a regret). Dates are ISO `YYYY-MM-DD` strings.
 */

/**
 * Why a lookup is made. A PDND e-service (ANPR, INPS ISEE) requires the purpose of each call:
 * the procedure (our service's slug), the Ente acting, and for some e-services the pratica's
 * protocol number once it has one.
 */
export interface RegistryPurpose {
  procedure: string;
  enteId: string;
  protocolNumber?: string;
}

/**
 * The relationship to the family sheet's holder, as ANPR states it; the templates use these
 * codes as an enum (contributo-affitto's `nucleo[].relazione`).
 */
export type Relationship =
  | 'intestatario' | 'coniuge' | 'unito_civilmente' | 'convivente' | 'figlio' | 'genitore'
  | 'fratello_sorella' | 'nipote' | 'suocero' | 'genero_nuora' | 'altro_parente' | 'altro';

export interface ResidentAddress { street: string; cap: string; comune: string; provincia: string }

export interface AnprResidentRecord {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  sex: string;
  birthDate: string;
  birthPlace: string;
  citizenship: string;
  address: ResidentAddress;
}

export interface FamilyMember {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  sex: string;
  birthDate: string;
  relationship: Relationship;
}

export interface IseeAttestationRecord {
  /** "ordinario", "minorenni", "universitario", ... */
  kind: string;
  year: number;
  valueCents: number;
  dsuProtocol: string;
  issuedAt: string;
  validUntil: string;
}

/** A lookup either finds something or says, as a value, that there is nothing: never an exception. */
export type Lookup<T> = { found: true; value: T } | { found: false };

export const notFound = <T>(): Lookup<T> => ({ found: false });
export const found = <T>(value: T): Lookup<T> => ({ found: true, value });

/**
 * The registry could not answer (down, timeout, refused): the one error a port may throw.
 * Callers degrade (prefill reports the source as unavailable) instead of failing the request.
 */
export class RegistryUnavailableError extends Error {
  constructor(readonly registry: 'anpr' | 'inps-isee', reason: string) {
    super(`${registry} unavailable: ${reason}`);
    this.name = 'RegistryUnavailableError';
  }
}
