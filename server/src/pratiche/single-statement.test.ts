import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { isAssertion } from '../shared/prisma.js';

// The submission's write is one statement that checks its own outcome with sportello_assert
// (see pratiche.repository.ts): a failed check must undo every data-modifying part of it.
describe('sportello_assert in a single statement', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(); });
  afterAll(async () => { await db.close(); });

  it('fails the whole statement, writing nothing, and is recognized by its message', async () => {
    const ente = await db.prisma.ente.create({ data: { slug: 'x', name: 'X', ipaCode: 'c_x001', fiscalCode: '00000000001' } });
    const attempt = db.prisma.$queryRaw`
      WITH counter AS (
        INSERT INTO pratica_counters (ente_id, year, last) VALUES (${ente.id}::uuid, 2026, 1)
        ON CONFLICT (ente_id, year) DO UPDATE SET last = pratica_counters.last + 1 RETURNING last
      )
      SELECT last FROM counter WHERE sportello_assert(false, 'pratiche.attachmentsChanged')`;
    const error = await attempt.catch((e: unknown) => e);
    expect(isAssertion(error, 'pratiche.attachmentsChanged')).toBe(true);
    expect(await db.prisma.praticaCounter.count()).toBe(0);
    const ok = await db.prisma.$queryRaw<Array<{ ok: boolean }>>`SELECT sportello_assert(true, 'never') AS ok`;
    expect(ok).toEqual([{ ok: true }]);
  });
});
