import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './database-config.js';
import { openDatabase } from './database.js';

describe('readDatabaseConfig', () => {
  it('defaults to PGlite in <repo>/.pgdata', () => {
    const config = readDatabaseConfig({});
    expect(config).toEqual({ kind: 'pglite', dataDir: path.resolve(import.meta.dirname, '../../../.pgdata') });
  });

  it('takes the folder from SPORTELLO_DATA_DIR, or keeps it in memory', () => {
    expect(readDatabaseConfig({ SPORTELLO_DATA_DIR: 'var/db' })).toEqual({ kind: 'pglite', dataDir: path.resolve('var/db') });
    expect(readDatabaseConfig({ SPORTELLO_DATA_DIR: 'memory://' })).toEqual({ kind: 'pglite', dataDir: 'memory://' });
  });

  it('selects PostgreSQL with DATABASE_URL, and refuses other URLs', () => {
    const url = 'postgresql://user@db.example:5432/sportello';
    expect(readDatabaseConfig({ DATABASE_URL: url, SPORTELLO_DATA_DIR: 'x' })).toEqual({ kind: 'postgres', url });
    expect(() => readDatabaseConfig({ DATABASE_URL: 'file:./dev.db' })).toThrow(/postgres/);
  });
});

// The zero-setup path: a PGlite folder that is created, migrated and kept between runs.
describe('openDatabase on a PGlite folder', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates and migrates the folder, and keeps the data across restarts', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sportello-pgdata-'));
    const dataDir = path.join(dir, 'nested', 'pgdata');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await first.prisma.ente.create({
      data: { slug: 'esempio', name: 'Comune di Esempio', ipaCode: 'c_x000', fiscalCode: '00000000000' },
    });
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await second.prisma.ente.findMany({ select: { slug: true, languages: true } })).toEqual([
        { slug: 'esempio', languages: ['it'] },
      ]);
      const applied = await second.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
      expect(applied[0].n).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
