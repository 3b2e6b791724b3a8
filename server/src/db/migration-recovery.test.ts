import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './connection.js';
import { readDatabaseConfig, type DatabaseConfig } from './database-config.js';
import { checksumOf } from './migration-history.js';
import { defaultPaths, type MigrationPaths } from './migration-files.js';
import { applyMigrations, migrationStatus, resolveMigration } from './migrations.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

// A kill during a migration used to leave its `_prisma_migrations` row unfinished, and every later
// start then refused ("migrate found failed migrations"). Now a migration and its row commit
// together; rows left unfinished by the older runner (or native Prisma) are recovered at start
// when the database shows whether the SQL committed, or resolved with `sportello migrate resolve`.

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A copy of the committed migrations to add test migrations to. */
async function migrationsCopy(): Promise<MigrationPaths & { add(name: string, sql: string): Promise<string> }> {
  const dir = await tempDir('sportello-migrations-');
  await cp(defaultPaths.migrationsDir, dir, { recursive: true });
  return {
    ...defaultPaths, migrationsDir: dir,
    async add(name, sql) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, 'migration.sql'), sql);
      return sql;
    },
  };
}

interface Row { migration_name: string; finished: boolean; rolled_back: boolean }

// On PostgreSQL the schema engine's introspection through PrismaPg cannot read the "char" catalogue
// columns (../shared/STACK.md), so recovery cannot tell whether the SQL committed and start asks for
// `sportello migrate resolve` instead: these cases run on PGlite only (issue 13's note says so).
// Each case applies every committed migration to a fresh database (20-30 s on PGlite, over 60 s
// at a load of 12 on this shared machine, where the default timeout failed them in cascade).
describe.skipIf(!!process.env.DATABASE_URL)('unfinished migration rows (left by a kill under the older runner)', { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let paths: Awaited<ReturnType<typeof migrationsCopy>>;
  const rows = (name: string) => db.prisma.$queryRawUnsafe<Row[]>(`SELECT migration_name, finished_at IS NOT NULL AS finished,
    rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at`, name);
  /** As Prisma's engine leaves it when killed: a row started, never finished, no logs. */
  const unfinishedRow = (name: string, sql: string) => db.prisma.$executeRawUnsafe(`INSERT INTO _prisma_migrations
    (id, checksum, migration_name, started_at, applied_steps_count) VALUES (gen_random_uuid()::text, $1, $2, now(), 0)`, checksumOf(sql), name);
  const recovered: string[] = [];
  const apply = () => applyMigrations(db, paths, { onRecovered: (m) => recovered.push(m) });

  beforeAll(async () => {
    db = await createTestDatabase();
    paths = await migrationsCopy();
  }, 240_000);
  afterAll(() => db?.close());

  it('SQL not committed: the next start applies it and sets the old row aside', async () => {
    const sql = await paths.add('99990101000000_probe_a', 'CREATE TABLE "probe_a" ("v" TEXT);');
    await unfinishedRow('99990101000000_probe_a', sql);
    expect(await apply()).toEqual(['99990101000000_probe_a']);
    expect(await rows('99990101000000_probe_a')).toEqual([
      { migration_name: '99990101000000_probe_a', finished: false, rolled_back: true },
      { migration_name: '99990101000000_probe_a', finished: true, rolled_back: false },
    ]);
    expect(recovered.pop()).toMatch(/probe_a had been interrupted before its SQL committed/);
    await db.prisma.$executeRawUnsafe(`INSERT INTO probe_a VALUES ('ok')`);
  });

  it('SQL committed: the next start records it as applied without running it again', async () => {
    const sql = await paths.add('99990102000000_probe_b', 'CREATE TABLE "probe_b" ("v" TEXT);');
    await db.prisma.$executeRawUnsafe(sql);
    await unfinishedRow('99990102000000_probe_b', sql);
    expect(await apply()).toEqual([]);
    expect(await rows('99990102000000_probe_b')).toEqual([{ migration_name: '99990102000000_probe_b', finished: true, rolled_back: false }]);
    expect(recovered.pop()).toMatch(/probe_b had been interrupted after its SQL committed/);
    expect((await migrationStatus(db, paths)).migrations.every((m) => m.state === 'applied')).toBe(true);
  });

  it('undecidable (data only): start refuses naming the command; resolve --rolled-back lets it run again', async () => {
    const sql = await paths.add('99990103000000_probe_c', `INSERT INTO "probe_a" VALUES ('c');`);
    await unfinishedRow('99990103000000_probe_c', sql);
    await expect(apply()).rejects.toThrow(/sportello migrate resolve --applied 99990103000000_probe_c/);
    const status = await migrationStatus(db, paths);
    expect(status.migrations.at(-1)).toMatchObject({ name: '99990103000000_probe_c', state: 'unfinished' });
    await resolveMigration(db, '99990103000000_probe_c', 'rolled-back', paths);
    expect(await apply()).toEqual(['99990103000000_probe_c']);
    const probe = await db.prisma.$queryRawUnsafe<{ v: string }[]>('SELECT v FROM probe_a ORDER BY v');
    expect(probe.map((r) => r.v)).toEqual(['c', 'ok']);
  });

  it('undecidable, changes in place: resolve --applied records it, and start goes on', async () => {
    const sql = await paths.add('99990104000000_probe_d', `INSERT INTO "probe_a" VALUES ('d');`);
    await db.prisma.$executeRawUnsafe(sql);
    await unfinishedRow('99990104000000_probe_d', sql);
    await expect(apply()).rejects.toThrow(/interrupted and the database does not show/);
    await resolveMigration(db, '99990104000000_probe_d', 'applied', paths);
    expect(await apply()).toEqual([]);
    expect(await rows('99990104000000_probe_d')).toEqual([{ migration_name: '99990104000000_probe_d', finished: true, rolled_back: false }]);
    await expect(resolveMigration(db, '99990104000000_probe_d', 'applied', paths)).rejects.toThrow(/already applied/);
  });
});

// The real thing: a process killed (SIGKILL) in the middle of a migration, then a fresh start.
describe('a migration process killed mid-way', () => {
  const serverDir = fileURLToPath(new URL('../../', import.meta.url));
  let config: DatabaseConfig;
  let cleanup: () => Promise<void> = async () => {};
  afterAll(() => cleanup());

  beforeAll(async () => {
    const base = readDatabaseConfig();
    if (base.kind === 'postgres') {
      // A database of its own (the child process connects to it by URL); dropped at the end.
      const db = await createTestDatabase({ migrate: false });
      config = db.config;
      await db.prisma.$disconnect();
      cleanup = db.close;
    } else {
      config = { kind: 'pglite', dataDir: path.join(await tempDir('sportello-killed-'), 'pgdata') };
    }
  });

  it('leaves nothing behind: the next start applies the migration', async () => {
    const paths = await migrationsCopy();
    await paths.add('99990101000000_slow', `CREATE TABLE "slow_probe" ("v" TEXT);
SELECT pg_sleep(CASE WHEN to_regclass('sleep_gate') IS NULL THEN 0 ELSE 60 END);`);
    const env = { ...process.env, MIGRATIONS_DIR: paths.migrationsDir, SLEEP_GATE: 'on', DATABASE_URL: '', SPORTELLO_DATA_DIR: '' };
    if (config.kind === 'postgres') env.DATABASE_URL = config.url;
    else env.SPORTELLO_DATA_DIR = config.dataDir;
    const child = spawn(process.execPath, [path.join(serverDir, '../node_modules/vite-node/dist/cli.mjs'), 'src/test-support/apply-migrations-child.ts'],
      { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('start 99990101000000_slow')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child exited before the slow migration: ${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // inside pg_sleep
    child.kill('SIGKILL');
    await exited;

    const connection = await connect(config);
    try {
      const session = await connection.migrationSession();
      await session.exec('DROP TABLE "sleep_gate"');
      const before = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '99990101000000_slow'`);
      expect(before[0]!.n).toBe(0);
      expect(await applyMigrations(connection, paths)).toEqual(['99990101000000_slow']);
      const [table] = await session.query<{ t: string | null }>(`SELECT to_regclass('slow_probe')::text AS t`);
      expect(table!.t).toBe('slow_probe');
      await session.close();
    } finally {
      await connection.close();
    }
  }, 120_000);
});

