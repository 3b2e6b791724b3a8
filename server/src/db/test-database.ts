import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { connect, type Connection } from './connection.js';
import { MEMORY, readDatabaseConfig, type DatabaseConfig } from './database-config.js';
import { applyMigrations } from './migrations.js';

// Integration tests run on an in-memory PGlite by default and on PostgreSQL when DATABASE_URL is
// set (DESIGN.md). On PostgreSQL each call gets its own freshly created database, so test files
// running in parallel never see each other's rows.

export interface TestDatabase {
  prisma: PrismaClient;
  /** For `applyMigrations` and the other migration functions (see Connection). */
  migrationSession: Connection['migrationSession'];
  migrationAdapter: Connection['migrationAdapter'];
  /** Where it is, e.g. to connect a second client or start a server process on it. */
  config: DatabaseConfig;
  /** "PGlite" or "PostgreSQL <name>", for test titles. */
  label: string;
  /** Disconnects and, on PostgreSQL, drops the database. */
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply the committed migrations (default true); false gives an empty database. */
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const base = readDatabaseConfig();
  const scratch = base.kind === 'postgres' ? await createScratchDatabase(base.url) : undefined;
  const config: DatabaseConfig = scratch ? { kind: 'postgres', url: scratch.url } : { kind: 'pglite', dataDir: MEMORY };
  const connection = await connect(config);
  const prisma = new PrismaClient({ adapter: connection.adapter });
  const close = async () => {
    await prisma.$disconnect();
    await connection.close();
    await scratch?.drop();
  };
  try {
    if (options.migrate !== false) await applyMigrations(connection);
  } catch (error) {
    await close();
    throw error;
  }
  const label = scratch ? `PostgreSQL ${scratch.name}` : 'PGlite';
  return { prisma, migrationSession: connection.migrationSession, migrationAdapter: connection.migrationAdapter, config, label, close };
}

/** Creates a uniquely named database through the one DATABASE_URL names (e.g. `test`). */
async function createScratchDatabase(adminUrl: string) {
  const name = `sportello_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE (PostgreSQL 13+) ends connections a failed test may have left open.
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
