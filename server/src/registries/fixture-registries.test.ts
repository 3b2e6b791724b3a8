import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { DEMO_PEOPLE } from '../seed/demo-people.js';
import { romeYear, systemClock } from '../shared/clock.js';
import { createRegistries, type Registries } from './registry-factory.js';
import { registryKindFrom } from '../settings/registries.js';
import { seedRegistryFixtures } from './registry-fixtures.js';

const purpose = { procedure: 'iscrizione-mensa-scolastica', enteId: '00000000-0000-4000-8000-000000000001' };
const MARIO = 'RSSMRA84D09H501Z';
const LAURA = 'FRRLRA86R63G224V';
const SOFIA = 'RSSSFO16E57H501K';
const BRUNO = 'BRNGPP50L04G273I';
const year = romeYear(new Date());

let db: TestDatabase;
let r: Registries;
let seeded: { residents: number; attestations: number };
beforeAll(async () => {
  db = await createTestDatabase();
  r = createRegistries('fixture', db.prisma, systemClock);
  seeded = await seedRegistryFixtures(db.prisma);
});
afterAll(() => db?.close());

describe('registry fixtures', () => {
  it('seeds every demo person once, and seeding again adds nothing', async () => {
    expect(seeded.residents).toBe(DEMO_PEOPLE.length);
    expect(seeded.attestations).toBeGreaterThan(0);
    expect(await seedRegistryFixtures(db.prisma)).toEqual({ residents: 0, attestations: 0 });
  });

  it('has at least four families of one to five people, with children of several ages', async () => {
    const families = new Map<string, number>();
    for (const p of DEMO_PEOPLE) families.set(p.familyId, (families.get(p.familyId) ?? 0) + 1);
    const withChildren = [...families.keys()].filter((f) => DEMO_PEOPLE.some((p) => p.familyId === f && p.relationship === 'figlio'));
    expect(withChildren.length).toBeGreaterThanOrEqual(3);
    expect([...families.values()].every((n) => n >= 1 && n <= 5)).toBe(true);
    const childYears = new Set(DEMO_PEOPLE.filter((p) => p.relationship === 'figlio').map((p) => p.birthDate.slice(0, 4)));
    expect(childYears.size).toBeGreaterThanOrEqual(4);
  });
});

describe('fixture ANPR', () => {
  it('answers with the resident record, in upper or lower case', async () => {
    const o = await r.anpr.resident(MARIO.toLowerCase(), purpose);
    expect(o).toEqual({
      found: true,
      value: {
        fiscalCode: MARIO, givenName: 'Mario', familyName: 'Rossi', sex: 'M', birthDate: '1984-04-09', birthPlace: 'Roma',
        citizenship: 'italiana', address: { street: 'Via Roma 12', cap: '00010', comune: 'Esempio', provincia: 'RM' },
      },
    });
  });

  it('gives the same family sheet from any member: holder, spouse, then children oldest first', async () => {
    const fromChild = await r.anpr.family(SOFIA, purpose);
    const fromHolder = await r.anpr.family(MARIO, purpose);
    expect(fromChild).toEqual(fromHolder);
    if (!fromHolder.found) throw new Error('not found');
    expect(fromHolder.value.map((m) => [m.givenName, m.relationship, m.birthDate])).toEqual([
      ['Mario', 'intestatario', '1984-04-09'],
      ['Laura', 'coniuge', '1986-10-23'],
      ['Sofia', 'figlio', '2016-05-17'],
      ['Leonardo', 'figlio', '2019-09-03'],
      ['Giorgia', 'figlio', '2026-06-21'],
    ]);
  });

  it('a person living alone is a family of one', async () => {
    const o = await r.anpr.family(BRUNO, purpose);
    expect(o.found && o.value.map((m) => m.relationship)).toEqual(['intestatario']);
  });
});

describe('fixture INPS ISEE', () => {
  it('returns this year\'s attestations to each adult of the household, never last year\'s expired one', async () => {
    for (const code of [MARIO, LAURA]) {
      const o = await r.isee.attestations(code, purpose);
      if (!o.found) throw new Error('not found');
      expect(o.value.map((a) => [a.kind, a.year, a.valueCents, a.validUntil])).toEqual([
        ['minorenni', year, 1_875_040, `${year}-12-31`],
        ['ordinario', year, 1_875_040, `${year}-12-31`],
      ]);
      expect(o.value[0]!.dsuProtocol).toMatch(new RegExp(`^INPS-ISEE-${year}-\\d{8}[A-Z]-00$`));
    }
  });

  it('an attestation past its validity is not returned', async () => {
    await db.prisma.iseeAttestation.create({
      data: { fiscalCode: BRUNO, year: year - 2, kind: 'minorenni', valueCents: 1, dsuProtocol: 'x', issuedAt: new Date(), validUntil: new Date(Date.now() - 86_400_000) },
    });
    const o = await r.isee.attestations(BRUNO, purpose);
    expect(o.found && o.value.map((a) => a.kind)).toEqual(['ordinario']);
  });

  it('a child has no attestation of their own: not found', async () => {
    expect(await r.isee.attestations(SOFIA, purpose)).toEqual({ found: false });
  });
});

describe('registry factory', () => {
  it('reads SPORTELLO_REGISTRIES: fixture by default, failing on request, anything else refused at start', () => {
    expect(registryKindFrom({})).toBe('fixture');
    expect(registryKindFrom({ SPORTELLO_REGISTRIES: 'failing' })).toBe('failing');
    expect(() => registryKindFrom({ SPORTELLO_REGISTRIES: 'pdnd' })).toThrow(/fixture, failing/);
  });
});
