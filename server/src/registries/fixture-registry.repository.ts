import type { Tx } from '../shared/prisma.js';
import { centsOf } from '../shared/amounts.js';

const residentSelect = {
  fiscalCode: true, givenName: true, familyName: true, sex: true, birthDate: true,
  birthPlace: true, citizenship: true, address: true, familyId: true, relationship: true,
} as const;

export interface ResidentRow {
  fiscalCode: string; givenName: string; familyName: string; sex: string; birthDate: Date;
  birthPlace: string; citizenship: string; address: unknown; familyId: string; relationship: string;
}

export interface AttestationRow {
  fiscalCode: string; year: number; kind: string; valueCents: number; dsuProtocol: string; issuedAt: Date; validUntil: Date;
}

/**
 * The fixture tables behind the local registries (AnprResident, IseeAttestation). They are
 * national data, not an Ente's: no tenant scope applies.
 */
export const fixtureRegistryRepository = {
  resident(db: Tx, fiscalCode: string): Promise<ResidentRow | null> {
    return db.anprResident.findUnique({ where: { fiscalCode }, select: residentSelect });
  },

  family(db: Tx, familyId: string): Promise<ResidentRow[]> {
    return db.anprResident.findMany({ where: { familyId }, select: residentSelect, orderBy: { birthDate: 'asc' } });
  },

  /** Attestations valid on `day` (validUntil is a date: compared at midnight UTC), newest year first. */
  async validAttestations(db: Tx, fiscalCode: string, day: string): Promise<AttestationRow[]> {
    const rows = await db.iseeAttestation.findMany({
      where: { fiscalCode, validUntil: { gte: new Date(`${day}T00:00:00Z`) } },
      select: { fiscalCode: true, year: true, kind: true, valueCents: true, dsuProtocol: true, issuedAt: true, validUntil: true },
      orderBy: [{ year: 'desc' }, { kind: 'asc' }],
    });
    return rows.map((r) => ({ ...r, valueCents: centsOf(r.valueCents)! }));
  },

  async insertResidents(db: Tx, rows: ResidentRow[]): Promise<number> {
    const result = await db.anprResident.createMany({ data: rows.map((r) => ({ ...r, address: r.address as object })), skipDuplicates: true });
    return result.count;
  },

  async insertAttestations(db: Tx, rows: AttestationRow[]): Promise<number> {
    const result = await db.iseeAttestation.createMany({ data: rows, skipDuplicates: true });
    return result.count;
  },
};
