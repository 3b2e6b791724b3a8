import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MEMORY, type DatabaseConfig } from './database-config.js';

// The driver-adapter factory for a configuration, apart from the Prisma client so that the
// migration CLI works before `prisma generate` has run. We own the pool / PGlite and close them.

export interface Connection {
  /** Pass to `new PrismaClient({ adapter })` and to `applyMigrations`. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export async function connect(config: DatabaseConfig): Promise<Connection> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url });
    // Without a listener, an idle client's error (server restart) would crash the process.
    pool.on('error', (error) => console.error('[db] idle PostgreSQL client error:', error.message));
    return { adapter: new PrismaPg(pool), close: () => pool.end() };
  }
  if (!config.dataDir.startsWith(MEMORY)) await mkdir(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir);
  return { adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
}
