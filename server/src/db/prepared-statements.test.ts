import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.js';
import { prepared } from '../shared/prisma.js';
import { preparedName } from './prepared-statements.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

describe('preparedName', () => {
  it('names marked statements by their text, and leaves the others unnamed', () => {
    const a = prepared(Prisma.sql`SELECT ${1}::int AS x`).text;
    const b = prepared(Prisma.sql`SELECT ${1}::int AS y`).text;
    expect(preparedName({ sql: a })).toMatch(/^p_[0-9a-f]{20}$/);
    expect(preparedName({ sql: a })).toBe(preparedName({ sql: a }));
    expect(preparedName({ sql: b })).not.toBe(preparedName({ sql: a }));
    expect(preparedName({ sql: 'SELECT 1' })).toBe('');
  });
});

describe('a prepared statement', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(); }, 60_000);
  afterAll(() => db.close());

  it('gives the same answers run again, and stays prepared on its connection on PostgreSQL', async () => {
    const names = await db.prisma.$transaction(async (tx) => {
      for (const n of [1, 2, 3, 4, 5, 6, 7]) {
        expect(await tx.$queryRaw(prepared(Prisma.sql`SELECT ${n}::int + 1 AS next`))).toEqual([{ next: n + 1 }]);
      }
      return tx.$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_prepared_statements`;
    });
    const name = preparedName({ sql: prepared(Prisma.sql`SELECT ${0}::int + 1 AS next`).text });
    // PGlite's adapter prepares nothing by name: there the mark is only a comment.
    expect(names.map((r) => r.name)).toEqual(db.label === 'PGlite' ? [] : [name]);
  });
});
