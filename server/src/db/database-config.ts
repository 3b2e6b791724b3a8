import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the data lives: a PostgreSQL server, or embedded PGlite in a folder (or in memory). */
export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string };

// Zero setup by default: PGlite under <repo>/.pgdata, whatever the current directory.
const defaultDataDir = fileURLToPath(new URL('../../../.pgdata', import.meta.url));

export const MEMORY = 'memory://';

/**
 * Reads the database settings from the environment:
 * - DATABASE_URL (postgres:// or postgresql://) selects a PostgreSQL server;
 * - otherwise SPORTELLO_DATA_DIR names PGlite's folder (`memory://` keeps it in memory).
 */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (unset it to use embedded PGlite)');
    }
    return { kind: 'postgres', url };
  }
  const dir = env.SPORTELLO_DATA_DIR?.trim();
  if (!dir) return { kind: 'pglite', dataDir: defaultDataDir };
  return { kind: 'pglite', dataDir: dir.startsWith(MEMORY) ? dir : path.resolve(dir) };
}

/** For logs: where the data is, without credentials. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'pglite') return `PGlite (${config.dataDir})`;
  const url = new URL(config.url);
  return `PostgreSQL (${url.host}${url.pathname})`;
}
