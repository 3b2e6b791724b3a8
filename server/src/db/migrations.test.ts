import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './database-config.js';
import { defaultPaths, readMigrations } from './migration-files.js';
import { applyMigrations, createMigration, diffMigrations } from './migrations.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const committed = async () => (await readMigrations(defaultPaths.migrationsDir)).migrationDirectories.map((m) => m.path);

/** A copy of the committed migrations plus extra ones, in a temporary folder. */
async function migrationsWith(extra: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'sportello-migrations-'));
  await cp(defaultPaths.migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return { ...defaultPaths, migrationsDir: dir };
}

const semicolons = `CREATE TABLE "probe" ("v" TEXT);
INSERT INTO "probe" VALUES ('a;b');
DO $$ BEGIN INSERT INTO "probe" VALUES ('from; a block'); END $$;`;

describe('migrations', () => {
  let db: TestDatabase;
  const temporary: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db?.close();
    await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('apply every committed migration once, then nothing', async () => {
    expect(await applyMigrations(db)).toEqual(await committed());
    expect(await applyMigrations(db)).toEqual([]);
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished: boolean }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations`;
    expect(rows).toEqual((await committed()).map((name) => ({ migration_name: name, finished: true })));
  });

  // Regression: the engine never releases its advisory lock; on the shared pool that stalled every
  // other server instance's start-up.
  it.runIf(readDatabaseConfig().kind === 'postgres')('leaves no advisory lock for the next instance', async () => {
    await applyMigrations(db);
    if (db.config.kind !== 'postgres') return;
    const other = new pg.Client({ connectionString: db.config.url });
    await other.connect();
    try {
      const { rows } = await other.query('SELECT pg_try_advisory_lock(72707369) AS free');
      expect(rows[0].free).toBe(true);
    } finally {
      await other.end();
    }
  });

  it('finds no drift between schema.prisma and the committed migrations', async () => {
    expect(await diffMigrations()).toBe('');
  });

  it('runs a script whole: $$ bodies and quoted semicolons survive', async () => {
    const paths = await migrationsWith({
      '99990101000000_semicolons': semicolons,
    });
    temporary.push(paths.migrationsDir);
    expect(await applyMigrations(db, paths)).toEqual(['99990101000000_semicolons']);
    const rows = await db.prisma.$queryRaw<{ v: string }[]>`SELECT v FROM probe ORDER BY v`;
    expect(rows.map((r) => r.v)).toEqual(['a;b', 'from; a block']);
  });

  it('never half-applies a failing migration, records nothing of it, and the next run tries again', async () => {
    const paths = await migrationsWith({
      '99990101000000_semicolons': semicolons,
      '99990102000000_broken': `CREATE TABLE "half_applied" ("id" INT);
INSERT INTO "probe" VALUES ('should vanish');
SELECT 1 / 0;`,
    });
    temporary.push(paths.migrationsDir);
    await expect(applyMigrations(db, paths)).rejects.toThrow(/99990102000000_broken failed and was rolled back.*division by zero/);
    const [table] = await db.prisma.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('half_applied')::text AS t`;
    expect(table.t).toBeNull();
    const probe = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM probe`;
    expect(probe[0].n).toBe(2);
    const rows = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '99990102000000_broken'`;
    expect(rows[0].n).toBe(0);
    // Not blocked: the same error again, not "failed migrations".
    await expect(applyMigrations(db, paths)).rejects.toThrow(/division by zero/);
  });

  it('creates the next migration from a changed schema, which then shows no drift', async () => {
    const paths = await migrationsWith({});
    temporary.push(paths.migrationsDir);
    const schemaPath = path.join(paths.migrationsDir, 'schema.prisma');
    const schema = await readFile(defaultPaths.schemaPath, 'utf8');
    await writeFile(schemaPath, `${schema}\nmodel Probe {\n  id Int @id\n  @@map("probes")\n}\n`);
    const folder = await createMigration('Add probes!', { ...paths, schemaPath });
    expect(path.basename(folder ?? '')).toMatch(/^\d{14}_add_probes$/);
    expect(await readFile(path.join(folder!, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "probes"');
    expect(await diffMigrations({ ...paths, schemaPath })).toBe('');
  });
});
