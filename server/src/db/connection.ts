import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MEMORY, type DatabaseConfig } from './database-config.js';
import { preparedName } from './prepared-statements.js';
import { pgliteSession, postgresSession, type SqlSession } from './sql-session.js';
import { logger } from '../shared/logger.js';

// The driver-adapter factories for a configuration, apart from the Prisma client so that the
// migration CLI works before `prisma generate` has run. We own the pool / PGlite and close them.

export interface Connection {
  /** For `new PrismaClient({ adapter })`. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** For the migration runner (migrations.ts): a session of its own, see sql-session.ts. */
  migrationSession(): Promise<SqlSession>;
  /**
   * For the schema engine (diffs against the database, migrations.ts). The schema engine takes `pg_advisory_lock(72707369)` and never unlocks
   * it (the native engine closes its connection instead). Through the shared pool, the locked
   * connection would go back to the pool and stall every other instance's start-up until it idles
   * out (measured: 10 s; forever under load). So on PostgreSQL the engine gets its own
   * one-connection pool, which it ends when done. PGlite has a single session: the same factory.
   */
  migrationAdapter(): SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export async function connect(config: DatabaseConfig): Promise<Connection> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url });
    // Without a listener, an idle client's error (server restart) would crash the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL client error'));
    return {
      adapter: new PrismaPg(pool, { statementNameGenerator: preparedName }),
      // A config (not a pool): the factory creates the pool and its adapter's dispose ends it.
      migrationAdapter: () => new PrismaPg({ connectionString: config.url, max: 1 }),
      migrationSession: () => postgresSession(config.url),
      close: () => pool.end(),
    };
  }
  if (!config.dataDir.startsWith(MEMORY)) await mkdir(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir);
  const adapter = new PrismaPGlite(pglite);
  return { adapter, migrationAdapter: () => adapter, migrationSession: async () => pgliteSession(pglite), close: () => pglite.close() };
}
