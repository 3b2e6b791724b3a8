import { randomUUID } from 'node:crypto';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';
import type { ClaimedAction, OutboxActionRow, OutboxItem, OutboxKind, OutboxStatus } from './outbox.types.js';

const rowSelect = {
  id: true, enteId: true, praticaId: true, kind: true, idempotencyKey: true, payload: true, status: true,
  attempts: true, maxAttempts: true, runAfter: true, lastError: true, result: true, createdAt: true, doneAt: true,
} as const;

interface ClaimedSql {
  id: string; ente_id: string; pratica_id: string | null; kind: string; idempotency_key: string;
  payload: Record<string, unknown>; attempts: number; max_attempts: number;
}

/** The only code that touches outbox_actions. Statements are single SQL statements: no lock outlives them. */
export const outboxRepository = {
  /**
   * Inserts an action unless the Ente already has one with this key. ON CONFLICT DO NOTHING
   * (not a caught unique violation) keeps the caller's transaction usable on PostgreSQL.
   */
  async insert(tx: Tx, item: OutboxItem, at: Date, maxAttempts: number): Promise<boolean> {
    const n = await tx.$executeRaw`
      INSERT INTO outbox_actions (id, ente_id, pratica_id, kind, idempotency_key, payload, status, attempts, max_attempts, run_after, created_at)
      VALUES (${randomUUID()}::uuid, ${item.enteId}::uuid, ${item.praticaId}::uuid, ${item.kind}, ${item.idempotencyKey},
        ${JSON.stringify(item.payload)}::jsonb, 'pending', 0, ${maxAttempts}, ${at}, ${at})
      ON CONFLICT (ente_id, idempotency_key) DO NOTHING`;
    return n === 1;
  },

  /**
   * Leases up to `limit` due actions to `owner` until `leaseUntil`. SKIP LOCKED lets several
   * workers (processes, machines) claim at once without waiting for, or taking, each other's
   * rows; the lease makes a crashed worker's rows due again once it expires.
   */
  async claim(db: Tx, owner: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedAction[]> {
    const rows = await db.$queryRaw<ClaimedSql[]>`
      UPDATE outbox_actions o SET lease_owner = ${owner}, lease_until = ${leaseUntil}, attempts = o.attempts + 1
      WHERE o.id IN (
        SELECT id FROM outbox_actions
        WHERE status = 'pending' AND run_after <= ${now} AND attempts < max_attempts
          AND (lease_until IS NULL OR lease_until <= ${now})
        ORDER BY run_after, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.ente_id, o.pratica_id, o.kind, o.idempotency_key, o.payload, o.attempts, o.max_attempts`;
    return rows.map((r) => ({
      id: r.id, enteId: r.ente_id, praticaId: r.pratica_id, kind: r.kind as OutboxKind, idempotencyKey: r.idempotency_key,
      payload: r.payload, attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts),
    }));
  },

  /** Actions whose worker died during their last attempt: failed, so a supervisor sees them. */
  async failAbandoned(db: Tx, now: Date): Promise<number> {
    return db.$executeRaw`
      UPDATE outbox_actions SET status = 'failed', lease_owner = NULL, lease_until = NULL,
        last_error = COALESCE(last_error, 'the worker stopped during the last attempt')
      WHERE status = 'pending' AND attempts >= max_attempts AND lease_until <= ${now}`;
  },

  /** Done, if this worker still holds the lease (a lease taken over by another worker is not overwritten). */
  async complete(db: Tx, id: string, owner: string, result: object, at: Date): Promise<boolean> {
    const n = await db.$executeRaw`
      UPDATE outbox_actions SET status = 'done', result = ${JSON.stringify(result)}::jsonb, done_at = ${at},
        lease_owner = NULL, lease_until = NULL, last_error = NULL
      WHERE id = ${id}::uuid AND lease_owner = ${owner} AND status = 'pending'`;
    return n === 1;
  },

  /** Another attempt at `runAfter`, or failed when `final`. */
  async reschedule(db: Tx, id: string, owner: string, error: string, runAfter: Date, final: boolean): Promise<boolean> {
    const n = await db.$executeRaw`
      UPDATE outbox_actions SET status = ${final ? 'failed' : 'pending'}, run_after = ${runAfter}, last_error = ${error.slice(0, 2000)},
        lease_owner = NULL, lease_until = NULL
      WHERE id = ${id}::uuid AND lease_owner = ${owner} AND status = 'pending'`;
    return n === 1;
  },

  /** A failed action of the Ente back in the queue with a fresh count of attempts. */
  async retry(db: Tx, id: string, enteId: string, now: Date): Promise<boolean> {
    const n = await db.$executeRaw`
      UPDATE outbox_actions SET status = 'pending', attempts = 0, run_after = ${now}, lease_owner = NULL, lease_until = NULL
      WHERE id = ${id}::uuid AND ente_id = ${enteId}::uuid AND status = 'failed'`;
    return n === 1;
  },

  find(db: Tx, id: string, enteId: string): Promise<OutboxActionRow | null> {
    return db.outboxAction.findFirst({ where: { id, enteId }, select: rowSelect });
  },

  async page(db: Tx, enteId: string, filter: { status?: OutboxStatus; praticaId?: string }, page: Page): Promise<{ rows: OutboxActionRow[]; total: number }> {
    const where = { enteId, ...(filter.status ? { status: filter.status } : {}), ...(filter.praticaId ? { praticaId: filter.praticaId } : {}) };
    const [rows, total] = await Promise.all([
      db.outboxAction.findMany({ where: { ...where, ...afterPosition(page.after) }, orderBy: newestFirst(), take: page.take + 1, select: rowSelect }),
      db.outboxAction.count({ where }),
    ]);
    return { rows, total };
  },
};
