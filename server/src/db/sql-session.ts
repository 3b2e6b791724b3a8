import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * One database session for the migration runner, below Prisma: scripts run whole with the simple
 * protocol (several statements, `$$` bodies), and BEGIN/COMMIT span calls. On PostgreSQL it is
 * a connection of its own (its advisory lock and transaction are not the pool's); PGlite has one
 * session, so nothing else may use it while migrations run (they run before the server serves).
 */
export interface SqlSession {
  /** A script of one or more statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** One statement with parameters ($1, ...). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function postgresSession(url: string): Promise<SqlSession> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A dropped connection must fail the running query, not crash the process.
  client.on('error', () => {});
  return {
    exec: async (sql) => { await client.query(sql); },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

export function pgliteSession(pglite: PGlite): SqlSession {
  return {
    exec: async (sql) => { await pglite.exec(sql); },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    close: async () => {},
  };
}
