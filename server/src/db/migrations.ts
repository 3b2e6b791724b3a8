import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { defaultPaths, readMigrations, readSchema, writeMigration, type MigrationPaths } from './migration-files.js';
import { openSchemaEngine, type SchemaEngine } from './schema-engine.js';

// Migrations are plain SQL files under prisma/migrations, applied by Prisma's schema engine (wasm)
// and recorded in `_prisma_migrations`, exactly as `prisma migrate deploy` would: the same files
// work with the native Prisma CLI wherever it can run.

const filters: SchemaFilter = { externalTables: [], externalEnums: [] };

async function withEngine<T>(
  paths: MigrationPaths,
  target: SqlDriverAdapterFactory | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const session = await openSchemaEngine(await readSchema(paths.schemaPath), target);
  try {
    return await work(session.engine);
  } finally {
    await session.close();
  }
}

/**
 * Applies the committed migrations not yet applied to `target` and returns their names. On
 * PostgreSQL pass a factory that owns its connection (`Connection.migrationAdapter()`), never one
 * over the application's pool: the engine leaves an advisory lock on the connection it used. Each migration runs as one transaction: a failing one leaves no trace
 * but its failed row in `_prisma_migrations`, which blocks later runs (P3009) until resolved.
 */
export async function applyMigrations(
  target: SqlDriverAdapterFactory,
  paths: MigrationPaths = defaultPaths,
): Promise<string[]> {
  const migrationsList = await readMigrations(paths.migrationsDir);
  return withEngine(paths, target, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built from the committed migrations to schema.prisma.
 * Empty means no drift. Replays the migrations on an in-memory shadow PGlite.
 */
export async function diffMigrations(paths: MigrationPaths = defaultPaths): Promise<string> {
  const migrationsList = await readMigrations(paths.migrationsDir);
  const schema = await readSchema(paths.schemaPath);
  const from: DiffTarget = migrationsList.migrationDirectories.length
    ? { tag: 'migrations', ...migrationsList }
    : { tag: 'empty' };
  return withEngine(paths, undefined, async (engine) => {
    const { stdout } = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters,
    });
    return isEmptyDiff(stdout) ? '' : (stdout ?? '');
  });
}

function isEmptyDiff(sql: string | null): boolean {
  const body = (sql ?? '').trim();
  return body === '' || body === '-- This is an empty migration.';
}

/**
 * Writes the next migration (`prisma/migrations/<UTC timestamp>_<name>/migration.sql`) from the
 * difference between the committed migrations and schema.prisma. Returns its folder, or null when
 * there is nothing to migrate. (`engine.createMigration` wants a native shadow database: we diff.)
 */
export async function createMigration(name: string, paths: MigrationPaths = defaultPaths): Promise<string | null> {
  const sql = await diffMigrations(paths);
  if (!sql) return null;
  return writeMigration(paths.migrationsDir, name, sql);
}
