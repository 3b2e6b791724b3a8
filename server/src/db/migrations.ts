import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import path from 'node:path';
import { defaultPaths, readMigrations, readSchema, writeMigration, type MigrationPaths } from './migration-files.js';
import { checksumOf, history, HISTORY_TABLE_DDL, readHistory, type HistoryRow } from './migration-history.js';
import type { SqlSession } from './sql-session.js';
import { openSchemaEngine, type SchemaEngine } from './schema-engine.js';

// Migrations are plain SQL files under prisma/migrations, recorded in `_prisma_migrations` as
// `prisma migrate deploy` records them: the same files and history work with the native Prisma CLI
// wherever it can run. We apply them ourselves, each in one transaction with its row (Prisma's
// engine records before and after the script, so a kill in between blocked every later start);
// Prisma's schema engine (wasm) computes the diffs: new migrations, drift, recovery.

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

/** Where migrations run: a session for the runner, an adapter factory for the schema engine's diffs. */
export interface MigrationTarget {
  migrationSession(): Promise<SqlSession>;
  migrationAdapter(): SqlDriverAdapterFactory;
}

export interface ApplyOptions {
  /** Called as each migration starts (progress, and tests that kill the process mid-way). */
  onStart?(name: string): void;
  /** What start-up recovered, for the log. */
  onRecovered?(message: string): void;
}

/**
 * Applies the committed migrations not yet applied and returns their names. Each migration and
 * its `_prisma_migrations` row commit in one transaction (PostgreSQL and PGlite have
 * transactional DDL): a failure or a kill leaves neither, and the next start simply tries again.
 * An unfinished row left by an older runner or by the native `prisma migrate deploy` (which
 * record before and after the script) is recovered here when the database shows whether its SQL
 * committed; otherwise this throws, naming the `sportello migrate resolve` to run.
 */
export async function applyMigrations(target: MigrationTarget, paths: MigrationPaths = defaultPaths, options: ApplyOptions = {}): Promise<string[]> {
  const local = await localMigrations(paths);
  return underLock(target, local, async (session, status) => {
    const stuck = status.unknown.filter((r) => !r.finished);
    if (stuck.length > 0) throw new MigrationError(unknownUnfinished(stuck[0]!.migration_name));
    const applied: string[] = [];
    for (const [index, entry] of status.migrations.entries()) {
      if (entry.state === 'applied') continue;
      options.onStart?.(entry.name);
      if (entry.state === 'unfinished') {
        const committed = await recoverUnfinished(target, paths, local, index);
        const { sql, checksum } = local[index]!;
        if (committed) {
          await inTransaction(session, () => history.markFinished(session, entry.rowId, 'Recorded at start: the database already held its changes (interrupted after its SQL committed)'));
          options.onRecovered?.(`Migration ${entry.name} had been interrupted after its SQL committed: recorded as applied.`);
        } else {
          await inTransaction(session, async () => {
            await history.markRolledBack(session, entry.rowId, 'Interrupted before its SQL committed: applied again at start');
            await session.exec(sql);
            await history.recordApplied(session, entry.name, checksum);
          }, entry.name);
          options.onRecovered?.(`Migration ${entry.name} had been interrupted before its SQL committed: applied again.`);
          applied.push(entry.name);
        }
        continue;
      }
      const { sql, checksum } = local[index]!;
      await inTransaction(session, async () => {
        await session.exec(sql);
        await history.recordApplied(session, entry.name, checksum);
      }, entry.name);
      applied.push(entry.name);
    }
    return applied;
  });
}

/** Each migration against the database's history; history rows no committed migration names. */
export async function migrationStatus(target: MigrationTarget, paths: MigrationPaths = defaultPaths): Promise<MigrationStatus> {
  const local = await localMigrations(paths);
  const session = await target.migrationSession();
  try {
    return statusOf(local, await readHistory(session));
  } finally {
    await session.close();
  }
}

/**
 * `sportello migrate resolve`, as `prisma migrate resolve`: `applied` records a migration whose
 * changes are in place (finishing its unfinished row, or adding one); `rolled-back` sets an
 * unfinished row aside, so the next start applies the migration again.
 */
export async function resolveMigration(target: MigrationTarget, name: string, as: 'applied' | 'rolled-back', paths: MigrationPaths = defaultPaths): Promise<void> {
  const local = await localMigrations(paths);
  await underLock(target, local, async (session, status) => {
    const entry = status.migrations.find((m) => m.name === name);
    const unknown = status.unknown.find((r) => r.migration_name === name && !r.finished);
    if (!entry && !unknown) throw new MigrationError(`No migration named ${name} in prisma/migrations nor unfinished in the database.`);
    if (entry?.state === 'applied') throw new MigrationError(`Migration ${name} is already applied: nothing to resolve.`);
    const rowId = entry?.state === 'unfinished' ? entry.rowId : unknown?.id;
    if (as === 'rolled-back') {
      if (!rowId) throw new MigrationError(`Migration ${name} is not unfinished: only an unfinished migration can be marked rolled back.`);
      await history.markRolledBack(session, rowId, 'Marked rolled back by `sportello migrate resolve --rolled-back`');
    } else if (rowId) {
      await history.markFinished(session, rowId, 'Marked applied by `sportello migrate resolve --applied`');
    } else {
      await history.recordApplied(session, name, local.find((m) => m.name === name)!.checksum, 'Marked applied by `sportello migrate resolve --applied`');
    }
  });
}

const ADVISORY_LOCK = 72707369;

/**
 * Runs `work` on a migration session holding the migrations' advisory lock (concurrent starts of
 * several instances on one PostgreSQL take turns; the same key as Prisma's), with the status read
 * under that lock; releases and closes whatever happens.
 */
async function underLock<T>(target: MigrationTarget, local: LocalMigration[], work: (session: SqlSession, status: MigrationStatus) => Promise<T>): Promise<T> {
  const session = await target.migrationSession();
  try {
    await session.exec(HISTORY_TABLE_DDL);
    await session.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    return await work(session, statusOf(local, await readHistory(session)));
  } finally {
    await session.query('SELECT pg_advisory_unlock_all()').catch(() => {});
    await session.close();
  }
}

export class MigrationError extends Error {}

export type MigrationEntry =
  | { name: string; state: 'applied'; edited: boolean }
  | { name: string; state: 'pending' }
  | { name: string; state: 'unfinished'; rowId: string; logs: string | null };

export interface MigrationStatus {
  migrations: MigrationEntry[];
  /** Rows (not rolled back) of migrations that prisma/migrations does not have. */
  unknown: HistoryRow[];
}

interface LocalMigration { name: string; sql: string; checksum: string }

async function localMigrations(paths: MigrationPaths): Promise<LocalMigration[]> {
  const list = await readMigrations(paths.migrationsDir);
  return list.migrationDirectories.map((m) => {
    const content = m.migrationFile.content;
    if (content.tag !== 'ok') throw new MigrationError(`Cannot read migration ${m.path}: ${content.value}`);
    return { name: m.path, sql: content.value, checksum: checksumOf(content.value) };
  });
}

function statusOf(local: LocalMigration[], rows: HistoryRow[]): MigrationStatus {
  const live = rows.filter((r) => !r.rolled_back);
  const names = new Set(local.map((m) => m.name));
  const migrations = local.map((m): MigrationEntry => {
    const row = live.find((r) => r.migration_name === m.name && r.finished) ?? live.find((r) => r.migration_name === m.name);
    if (!row) return { name: m.name, state: 'pending' };
    if (!row.finished) return { name: m.name, state: 'unfinished', rowId: row.id, logs: row.logs };
    return { name: m.name, state: 'applied', edited: row.checksum !== m.checksum };
  });
  return { migrations, unknown: live.filter((r) => !names.has(r.migration_name)) };
}

async function inTransaction(session: SqlSession, work: () => Promise<unknown>, migration?: string): Promise<void> {
  await session.exec('BEGIN');
  try {
    await work();
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK').catch(() => {});
    if (!migration) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration} failed and was rolled back (nothing of it applied, nothing recorded): ${reason}`, { cause: error });
  }
}

/**
 * Did the SQL of the unfinished migration `index` commit? The schema engine compares the database
 * with the schema the migrations build up to it and up to the one before: exactly one of the two
 * matches when the answer is certain. Otherwise (the migration changes nothing Prisma models, or
 * the database drifted) only a person can tell: throw with what to run.
 */
async function recoverUnfinished(target: MigrationTarget, paths: MigrationPaths, local: LocalMigration[], index: number): Promise<boolean> {
  const name = local[index]!.name;
  const list = await readMigrations(paths.migrationsDir);
  const schema = await readSchema(paths.schemaPath);
  // The engine introspects the real database; through PrismaPg it cannot read PostgreSQL's "char"
  // catalogue columns (../shared/STACK.md) and throws: then, as when the answer is uncertain, a
  // person decides with the commands below instead of the start failing with the engine's error.
  const [before, after] = await withEngine(paths, target.migrationAdapter(), async (engine) => {
    const against = async (count: number) => {
      const from: DiffTarget = count === 0 ? { tag: 'empty' } : { tag: 'migrations', ...list, migrationDirectories: list.migrationDirectories.slice(0, count) };
      const to: DiffTarget = { tag: 'schemaDatasource', files: [schema], configDir: path.dirname(paths.schemaPath) };
      return isEmptyDiff((await engine.diff({ from, to, script: true, exitCode: null, filters })).stdout);
    };
    return [await against(index), await against(index + 1)];
  }).catch(() => [false, false]);
  if (after && !before) return true;
  if (before && !after) return false;
  throw new MigrationError([
    `Migration ${name} was interrupted and the database does not show whether its SQL committed.`,
    'Look at the database, then run one of:',
    `  npx sportello migrate resolve --applied ${name}      # its changes are in place`,
    `  npx sportello migrate resolve --rolled-back ${name}  # they are not: the next start applies it`,
    '(`npx sportello migrate status` shows the state of every migration.)',
  ].join('\n'));
}

function unknownUnfinished(name: string): string {
  return `The database has an unfinished migration ${name} that prisma/migrations does not have (a newer version's?). `
    + `Run this version's \`npx sportello migrate resolve --rolled-back ${name}\` only if its changes are not in place.`;
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
