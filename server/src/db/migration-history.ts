import { createHash, randomUUID } from 'node:crypto';
import type { SqlSession } from './sql-session.js';

// `_prisma_migrations`, exactly as Prisma creates and fills it, so the native `prisma migrate`
// commands read our history and we read theirs.

export const HISTORY_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back: boolean;
  logs: string | null;
}

/** Prisma's checksum of a migration: SHA-256 of the file, hex. */
export const checksumOf = (sql: string) => createHash('sha256').update(sql).digest('hex');

export async function readHistory(session: SqlSession): Promise<HistoryRow[]> {
  const [table] = await session.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
  if (!table?.t) return [];
  return session.query<HistoryRow>(`SELECT id, migration_name, checksum, finished_at IS NOT NULL AS finished,
    rolled_back_at IS NOT NULL AS rolled_back, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
}

export const history = {
  /** A migration applied now: one finished row (inside the migration's own transaction). */
  recordApplied: (session: SqlSession, name: string, checksum: string, logs: string | null = null) =>
    session.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
      VALUES ($1, $2, now(), $3, $4, now(), 1)`, [randomUUID(), checksum, name, logs]),
  /** An unfinished row whose SQL did commit: finished now, with why in its logs. */
  markFinished: (session: SqlSession, id: string, logs: string) =>
    session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1, logs = $2 WHERE id = $1`, [id, logs]),
  /** An unfinished row whose SQL did not commit: kept as a trail, ignored from now on (as `prisma migrate resolve --rolled-back`). */
  markRolledBack: (session: SqlSession, id: string, logs: string) =>
    session.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now(), logs = coalesce(logs || E'\\n', '') || $2 WHERE id = $1`, [id, logs]),
};
