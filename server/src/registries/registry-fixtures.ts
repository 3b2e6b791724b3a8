import { DEMO_FAMILIES, DEMO_PEOPLE } from '../seed/demo-people.js';
import type { Tx } from '../shared/prisma.js';
import { romeYear } from '../shared/clock.js';
import { fixtureRegistryRepository as repo, type AttestationRow, type ResidentRow } from './fixture-registry.repository.js';
import type { Relationship } from './registry.types.js';

/**
 * The INPS ISEE attestations of the demo households, in cents. An attestation is retrievable
 * with the fiscal code of every adult of the household; `minorenni` is the kind for benefits
 * to children (canteen, baby bonus). The Rossi family also has last year's, expired.
 */
const HOUSEHOLD_ISEE: Record<string, Array<{ kind: string; valueCents: number; lastYearCents?: number }>> = {
  'fam-rossi': [{ kind: 'ordinario', valueCents: 1_875_040, lastYearCents: 1_790_000 }, { kind: 'minorenni', valueCents: 1_875_040 }],
  'fam-conti': [{ kind: 'ordinario', valueCents: 648_000 }, { kind: 'minorenni', valueCents: 612_500 }],
  'fam-elamrani': [{ kind: 'ordinario', valueCents: 495_075 }, { kind: 'minorenni', valueCents: 495_075 }],
  'fam-bruno': [{ kind: 'ordinario', valueCents: 1_230_000 }],
};

function age(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
}

function residents(): ResidentRow[] {
  return DEMO_PEOPLE.map((p) => ({
    fiscalCode: p.fiscalCode, givenName: p.givenName, familyName: p.familyName, sex: p.sex,
    birthDate: new Date(`${p.birthDate}T00:00:00Z`), birthPlace: p.birthPlace, citizenship: p.citizenship,
    address: DEMO_FAMILIES[p.familyId]!, familyId: p.familyId, relationship: p.relationship as Relationship,
  }));
}

/** This year's attestations (DSU filed in February, valid to 31 December) and last year's, expired. */
function attestations(year: number): AttestationRow[] {
  const rows: AttestationRow[] = [];
  let serial = 0;
  for (const [familyId, list] of Object.entries(HOUSEHOLD_ISEE)) {
    const adults = DEMO_PEOPLE.filter((p) => p.familyId === familyId && age(p.birthDate, year) >= 18);
    serial++;
    for (const { kind, valueCents, lastYearCents } of list) {
      const issue = (y: number, cents: number, suffix: string): void => {
        for (const p of adults) {
          rows.push({
            fiscalCode: p.fiscalCode, year: y, kind, valueCents: cents,
            dsuProtocol: `INPS-ISEE-${y}-${String(serial * 1000 + 17).padStart(8, '0')}${suffix}-00`,
            issuedAt: new Date(`${y}-02-${String(10 + serial).padStart(2, '0')}T09:30:00Z`),
            validUntil: new Date(`${y}-12-31T00:00:00Z`),
          });
        }
      };
      issue(year, valueCents, kind === 'ordinario' ? 'A' : 'M');
      if (lastYearCents !== undefined) issue(year - 1, lastYearCents, 'A');
    }
  }
  return rows;
}

/**
 * Writes the fixture registries' data for the demo people (server/src/seed/demo-people.ts):
 * every demo person as an ANPR resident on their family sheet, and the households' ISEE
 * attestations for the current year. Idempotent: existing rows are left as they are.
 */
export async function seedRegistryFixtures(tx: Tx, now: Date = new Date()): Promise<{ residents: number; attestations: number }> {
  return {
    residents: await repo.insertResidents(tx, residents()),
    attestations: await repo.insertAttestations(tx, attestations(romeYear(now))),
  };
}
