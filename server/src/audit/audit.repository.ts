import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import { GENESIS } from './audit.types.js';

export const chainKey = (enteId: string | null | undefined) => enteId ?? 'platform';

/** An event ready to append: its fields, and its canonical JSON (what the hash covers). */
export interface AuditRow {
  enteId: string | null; actorId: string | null; actorKind: string; action: string;
  subjectType: string; subjectId: string | null; data: object; at: Date;
}

/**
 * The SQL that appends one event to its chain, as common table expressions (`audit_head`,
 * `audit_event`) another statement can include, so a change and its audit event are written
 * by ONE statement. The head upsert takes the chain's row lock and reads the committed previous
 * hash (PostgreSQL re-reads a conflicting row's newest version), so concurrent writers line up
 * without a separate lock; hash = sha256(prev_hash || canonical JSON), as audit.service checks.
 */
export function appendEventCtes(row: AuditRow, canon: string, firstHash: string): Prisma.Sql {
  return Prisma.sql`audit_head AS (
    INSERT INTO audit_heads AS h (chain, prev_hash, last_hash) VALUES (${chainKey(row.enteId)}, ${GENESIS}, ${firstHash})
    ON CONFLICT (chain) DO UPDATE SET prev_hash = h.last_hash,
      last_hash = encode(sha256(convert_to(h.last_hash || ${canon}, 'UTF8')), 'hex')
    RETURNING prev_hash, last_hash
  ), audit_event AS (
    INSERT INTO audit_events (ente_id, actor_id, actor_kind, action, subject_type, subject_id, data, at, prev_hash, hash)
    SELECT ${row.enteId}::uuid, ${row.actorId}::uuid, ${row.actorKind}, ${row.action}, ${row.subjectType}, ${row.subjectId},
      ${JSON.stringify(row.data)}::jsonb, ${row.at}::timestamptz, audit_head.prev_hash, audit_head.last_hash
    FROM audit_head RETURNING id
  )`;
}

/** Only place that touches the audit tables; events are append-only (database trigger). */
export const auditRepository = {
  async append(tx: Tx, row: AuditRow, canon: string, firstHash: string): Promise<void> {
    await tx.$queryRaw`WITH ${appendEventCtes(row, canon, firstHash)} SELECT id FROM audit_event`;
  },

  /** The chain in order, in batches, for verification. */
  async *chain(tx: Tx, enteId: string | null, batch = 1000) {
    let after = -1n;
    for (;;) {
      const rows = await tx.auditEvent.findMany({ where: { enteId, id: { gt: after } }, orderBy: { id: 'asc' }, take: batch });
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.id;
    }
  },

  async chains(tx: Tx): Promise<Array<string | null>> {
    const rows = await tx.auditEvent.findMany({ distinct: ['enteId'], select: { enteId: true } });
    return rows.map((r) => r.enteId);
  },

  async head(tx: Tx, enteId: string | null): Promise<string | null> {
    const row = await tx.auditHead.findUnique({ where: { chain: chainKey(enteId) }, select: { lastHash: true } });
    return row?.lastHash ?? null;
  },
};
