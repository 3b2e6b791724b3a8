import type { Tx } from '../shared/prisma.js';
import { romeDate, type Clock } from '../shared/clock.js';
import type { AnprPort } from './anpr.port.js';
import type { InpsIseePort } from './inps-isee.port.js';
import { fixtureRegistryRepository as repo, type ResidentRow } from './fixture-registry.repository.js';
import { assertPurpose, normalizeFiscalCode } from './purpose.js';
import {
  found, notFound, type AnprResidentRecord, type FamilyMember, type Lookup, type RegistryPurpose,
  type Relationship, type ResidentAddress,
} from './registry.types.js';
import { RELATIONSHIPS, relationshipOf } from './resident-address.js';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function addressOf(stored: unknown): ResidentAddress {
  const a = (stored ?? {}) as Partial<ResidentAddress>;
  return { street: a.street ?? '', cap: a.cap ?? '', comune: a.comune ?? '', provincia: a.provincia ?? '' };
}

const rank = (r: Relationship) => RELATIONSHIPS.indexOf(r);

/** ANPR answered from the fixture tables, the way the national e-service answers. */
export class FixtureAnpr implements AnprPort {
  constructor(private readonly db: Tx) {}

  async resident(fiscalCode: string, purpose: RegistryPurpose): Promise<Lookup<AnprResidentRecord>> {
    assertPurpose(purpose);
    const code = normalizeFiscalCode(fiscalCode);
    const row = code ? await repo.resident(this.db, code) : null;
    if (!row) return notFound();
    return found({
      fiscalCode: row.fiscalCode, givenName: row.givenName, familyName: row.familyName, sex: row.sex,
      birthDate: isoDay(row.birthDate), birthPlace: row.birthPlace, citizenship: row.citizenship,
      address: addressOf(row.address),
    });
  }

  async family(fiscalCode: string, purpose: RegistryPurpose): Promise<Lookup<FamilyMember[]>> {
    assertPurpose(purpose);
    const code = normalizeFiscalCode(fiscalCode);
    const self = code ? await repo.resident(this.db, code) : null;
    if (!self) return notFound();
    const members = (await repo.family(this.db, self.familyId)).map(memberOf);
    // The holder first, then by relationship, then oldest first (the order of a stato di famiglia).
    members.sort((a, b) => rank(a.relationship) - rank(b.relationship) || a.birthDate.localeCompare(b.birthDate));
    return found(members);
  }
}

function memberOf(row: ResidentRow): FamilyMember {
  return {
    fiscalCode: row.fiscalCode, givenName: row.givenName, familyName: row.familyName, sex: row.sex,
    birthDate: isoDay(row.birthDate), relationship: relationshipOf(row.relationship),
  };
}

/** INPS ISEE answered from the fixture table: only attestations still valid today (in Italy). */
export class FixtureInpsIsee implements InpsIseePort {
  constructor(private readonly db: Tx, private readonly clock: Clock) {}

  async attestations(fiscalCode: string, purpose: RegistryPurpose) {
    assertPurpose(purpose);
    const code = normalizeFiscalCode(fiscalCode);
    const rows = code ? await repo.validAttestations(this.db, code, romeDate(this.clock())) : [];
    if (rows.length === 0) return notFound<never>();
    return found(rows.map((r) => ({
      kind: r.kind, year: r.year, valueCents: r.valueCents, dsuProtocol: r.dsuProtocol,
      issuedAt: r.issuedAt.toISOString(), validUntil: isoDay(r.validUntil),
    })));
  }
}
