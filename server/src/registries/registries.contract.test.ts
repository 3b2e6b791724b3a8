import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { romeDate, systemClock } from '../shared/clock.js';
import { createRegistries, type Registries } from './registry-factory.js';
import type { RegistryKind } from '../settings/registries.js';
import { seedRegistryFixtures } from './registry-fixtures.js';
import { RegistryUnavailableError, type Lookup, type RegistryPurpose } from './registry.types.js';
import { RELATIONSHIPS } from './resident-address.js';

/**
 * One suite for every implementation of the registry ports (STYLE.md 10): each lookup either
 * answers with a well-formed value, says "not found" as a value, or throws
 * RegistryUnavailableError, and never anything else; a lookup without a purpose is refused.
 * `answers` says which of the first two or the third the implementation must give.
 */
const MARIO = 'RSSMRA84D09H501Z';
const UNKNOWN = 'VRDGPP80A01H501K'; // well formed, nobody in the fixtures
const purpose: RegistryPurpose = { procedure: 'contributo-affitto', enteId: '00000000-0000-4000-8000-000000000001' };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedRegistryFixtures(db.prisma);
});
afterAll(() => db?.close());

async function outcome<T>(call: () => Promise<Lookup<T>>): Promise<Lookup<T> | 'unavailable'> {
  try {
    return await call();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryUnavailableError);
    return 'unavailable';
  }
}

function registryContract(kind: RegistryKind, answers: boolean) {
  describe(`registry contract: ${kind}`, () => {
    let r: Registries;
    beforeAll(() => {
      r = createRegistries(kind, db.prisma, systemClock);
    });
    const expectAnswered = (o: unknown) => (answers ? expect(o).not.toBe('unavailable') : expect(o).toBe('unavailable'));
    /**
     * The value of a lookup of someone the fixtures hold: an answering implementation must find
     * them (a "not found" fails the contract instead of skipping its checks); null for the failing one.
     */
    const valueOf = <T>(o: Lookup<T> | 'unavailable'): T | null => {
      expectAnswered(o);
      if (o === 'unavailable') return null;
      if (!o.found) throw new Error(`${kind} registry did not find ${MARIO}, whom its fixtures hold`);
      return o.value;
    };

    it('refuses a lookup without a purpose', async () => {
      await expect(r.anpr.resident(MARIO, undefined as never)).rejects.toBeInstanceOf(TypeError);
      await expect(r.anpr.family(MARIO, { procedure: '', enteId: purpose.enteId })).rejects.toBeInstanceOf(TypeError);
      await expect(r.isee.attestations(MARIO, { procedure: 'x', enteId: '' })).rejects.toBeInstanceOf(TypeError);
    });

    it('a resident: a complete record, or unavailable', async () => {
      const value = valueOf(await outcome(() => r.anpr.resident(MARIO, purpose)));
      if (!value) return;
      expect(value.fiscalCode).toBe(MARIO);
      expect(value.birthDate).toMatch(ISO_DAY);
      for (const k of ['street', 'cap', 'comune', 'provincia'] as const) expect(value.address[k]).toBeTruthy();
    });

    it('a family: the person included, the holder first, known relationship codes', async () => {
      const value = valueOf(await outcome(() => r.anpr.family(MARIO, purpose)));
      if (!value) return;
      expect(value.map((m) => m.fiscalCode)).toContain(MARIO);
      expect(value[0]!.relationship).toBe('intestatario');
      for (const m of value) expect(RELATIONSHIPS).toContain(m.relationship);
    });

    it('ISEE attestations: only those still valid, newest year first', async () => {
      const value = valueOf(await outcome(() => r.isee.attestations(MARIO, purpose)));
      if (!value) return;
      const today = romeDate(new Date());
      for (const a of value) expect(a.validUntil >= today).toBe(true);
      expect(value.map((a) => a.year)).toEqual([...value.map((a) => a.year)].sort((a, b) => b - a));
    });

    it('someone unknown, or not a fiscal code at all: not found as a value, never an exception', async () => {
      for (const code of [UNKNOWN, 'not-a-code', '']) {
        for (const call of [() => r.anpr.resident(code, purpose), () => r.anpr.family(code, purpose), () => r.isee.attestations(code, purpose)]) {
          const o = await outcome<unknown>(call);
          expectAnswered(o);
          if (o !== 'unavailable') expect(o).toEqual({ found: false });
        }
      }
    });
  });
}

registryContract('fixture', true);
registryContract('failing', false);
