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
 * The SQL that appends a run of events (one or more) of ONE chain, in order, as common table
 * expressions another statement can include, so a change and its audit events are written by
 * ONE statement. The head upsert takes the chain's row lock once and reads the committed
 * previous hash (PostgreSQL re-reads a conflicting row's newest version), so concurrent writers
 * line up without a separate lock; each event's hash = sha256(prev_hash || canonical JSON), as
 * audit.service checks (sportello_chain, migration audit_chain_batch), and ids follow the run's
 * order. The including statement gets `audit_head` (prev_hash: the chain's hash before the run)
 * and `audit_events_added`.
 */
export function appendEventsCtes(rows: Array<{ row: AuditRow; canon: string }>): Prisma.Sql {
  const chain = chainKey(rows[0]!.row.enteId);
  if (rows.some((r) => chainKey(r.row.enteId) !== chain)) throw new Error('appendEventsCtes: one chain per run');
  const canons = rows.map((r) => r.canon);
  const events = JSON.stringify(rows.map(({ row }, i) => ({
    ord: i + 1, ente_id: row.enteId, actor_id: row.actorId, actor_kind: row.actorKind, action: row.action,
    subject_type: row.subjectType, subject_id: row.subjectId, data: row.data, at: row.at.toISOString(),
  })));
  return Prisma.sql`audit_head AS (
    INSERT INTO audit_heads AS h (chain, prev_hash, last_hash)
    VALUES (${chain}, ${GENESIS}, (sportello_chain(${GENESIS}, ${canons}::text[]))[${canons.length}])
    ON CONFLICT (chain) DO UPDATE SET prev_hash = h.last_hash, last_hash = (sportello_chain(h.last_hash, ${canons}::text[]))[${canons.length}]
    RETURNING prev_hash
  ), audit_hashes AS MATERIALIZED (
    -- MATERIALIZED: computed once; inlined, PostgreSQL would hash the whole run again per event.
    SELECT audit_head.prev_hash AS start, sportello_chain(audit_head.prev_hash, ${canons}::text[]) AS h FROM audit_head
  ), audit_events_added AS (
    INSERT INTO audit_events (ente_id, actor_id, actor_kind, action, subject_type, subject_id, data, at, prev_hash, hash)
    SELECT e.ente_id, e.actor_id, e.actor_kind, e.action, e.subject_type, e.subject_id, e.data, e.at,
      CASE WHEN e.ord = 1 THEN audit_hashes.start ELSE audit_hashes.h[e.ord - 1] END, audit_hashes.h[e.ord]
    FROM audit_hashes, jsonb_to_recordset(${events}::jsonb) AS e(ord int, ente_id uuid, actor_id uuid, actor_kind text,
      action text, subject_type text, subject_id text, data jsonb, at timestamptz)
    ORDER BY e.ord
    RETURNING id
  )`;
}

/**
 * As appendEventsCtes, for events the including statement decides on as it runs (e.g. only the
 * transitions whose optimistic check passed): `source` names a relation of the statement with
 * columns `n` (1, 2, ... in chain order, no gaps), `canon` (the event's canonical JSON) and
 * `audit` (jsonb: ente_id, actor_id, actor_kind, action, subject_type, subject_id, data, at).
 * When the source is empty the chain's head is not touched (not even locked) and nothing is
 * appended. Gives the including statement `audit_events_added`.
 */
export function appendSourcedEventsCtes(chain: string, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`audit_canons AS MATERIALIZED (
    SELECT array_agg(s.canon ORDER BY s.n) AS canons, count(*)::int AS k FROM ${source} s
  ), audit_head AS (
    INSERT INTO audit_heads AS h (chain, prev_hash, last_hash)
    SELECT ${chain}, ${GENESIS}, (sportello_chain(${GENESIS}, c.canons))[c.k] FROM audit_canons c WHERE c.k > 0
    ON CONFLICT (chain) DO UPDATE SET prev_hash = h.last_hash,
      last_hash = (SELECT (sportello_chain(h.last_hash, c.canons))[c.k] FROM audit_canons c)
    RETURNING prev_hash
  ), audit_hashes AS MATERIALIZED (
    SELECT audit_head.prev_hash AS start, sportello_chain(audit_head.prev_hash, c.canons) AS h FROM audit_head, audit_canons c
  ), audit_events_added AS (
    INSERT INTO audit_events (ente_id, actor_id, actor_kind, action, subject_type, subject_id, data, at, prev_hash, hash)
    SELECT e.ente_id, e.actor_id, e.actor_kind, e.action, e.subject_type, e.subject_id, e.data, e.at,
      CASE WHEN s.n = 1 THEN audit_hashes.start ELSE audit_hashes.h[s.n - 1] END, audit_hashes.h[s.n]
    FROM audit_hashes, ${source} s, jsonb_to_record(s.audit) AS e(ente_id uuid, actor_id uuid, actor_kind text,
      action text, subject_type text, subject_id text, data jsonb, at timestamptz)
    ORDER BY s.n
    RETURNING id
  )`;
}

/** An event for appendSourcedEventsCtes: its canonical JSON and its fields as the `audit` jsonb column. */
export function sourcedEvent({ row, canon }: { row: AuditRow; canon: string }): { canon: string; audit: object } {
  return {
    canon,
    audit: {
      ente_id: row.enteId, actor_id: row.actorId, actor_kind: row.actorKind, action: row.action,
      subject_type: row.subjectType, subject_id: row.subjectId, data: row.data, at: row.at.toISOString(),
    },
  };
}

/** Only place that touches the audit tables; events are append-only (database trigger). */
export const auditRepository = {
  async append(tx: Tx, row: AuditRow, canon: string): Promise<void> {
    await tx.$queryRaw`WITH ${appendEventsCtes([{ row, canon }])} SELECT id FROM audit_events_added`;
  },

  async appendRun(tx: Tx, rows: Array<{ row: AuditRow; canon: string }>): Promise<void> {
    await tx.$queryRaw`WITH ${appendEventsCtes(rows)} SELECT id FROM audit_events_added`;
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

  /**
   * Every chain that has events or a head row: a chain whose events were all deleted has only
   * its head left, and must still be verified (its head then names events that are gone).
   */
  async chains(tx: Tx): Promise<Array<string | null>> {
    const withEvents = await tx.auditEvent.findMany({ distinct: ['enteId'], select: { enteId: true } });
    const heads = await tx.auditHead.findMany({ select: { chain: true } });
    const keys = new Set([...withEvents.map((r) => chainKey(r.enteId)), ...heads.map((h) => h.chain)]);
    return [...keys].sort().map((k) => (k === chainKey(null) ? null : k));
  },

  async head(tx: Tx, enteId: string | null): Promise<string | null> {
    const row = await tx.auditHead.findUnique({ where: { chain: chainKey(enteId) }, select: { lastHash: true } });
    return row?.lastHash ?? null;
  },
};
