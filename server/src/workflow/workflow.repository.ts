import { Prisma } from '../generated/prisma/client.js';
import { prepared, type Tx } from '../shared/prisma.js';
import { appendSourcedEventsCtes, chainKey } from '../audit/audit.repository.js';
import type { PraticaScope } from '../pratiche/pratica-context.repository.js';
import type { Sla } from './sla.js';
import type { TransitionOutboxRow } from './transition-hooks.js';

/** Which pratiche a caller may move (pratiche/pratica-context.repository.ts). */
export type { PraticaScope };

/** What a transition reads of a pratica. */
export interface WorkflowPratica {
  id: string; enteId: string; code: string; serviceId: string; serviceVersionId: string; citizenId: string;
  state: string; rowVersion: number; answers: unknown; computed: unknown; officeData: unknown; feeCents: bigint | number | null; language: string;
  stateEnteredAt: Date; dueAt: Date | null; concludeDueAt: Date | null; suspendedAt: Date | null;
  officeId: string | null; assigneeId: string | null;
}

const select = {
  id: true, enteId: true, code: true, serviceId: true, serviceVersionId: true, citizenId: true, state: true, rowVersion: true,
  answers: true, computed: true, officeData: true, feeCents: true, language: true, stateEnteredAt: true, dueAt: true, concludeDueAt: true,
  suspendedAt: true, officeId: true, assigneeId: true,
} as const;

/**
 * The `where` of a scope. An operator (not a supervisor) works on the pratiche of their offices,
 * those assigned to them and those no office received yet (as pratica-context.repository's SQL).
 */
export function scopeWhere(scope: PraticaScope): Prisma.PraticaWhereInput {
  if ('citizenId' in scope) return { citizenId: scope.citizenId };
  if (!scope.operatorId) return { enteId: scope.enteId };
  return {
    enteId: scope.enteId,
    OR: [{ officeId: null }, { assigneeId: scope.operatorId }, { office: { members: { some: { userId: scope.operatorId } } } }],
  };
}

export interface MoveWrite {
  id: string; enteId: string; from: string; to: string; expectedVersion: number; at: Date; sla: Sla;
  event: { kind: string; transitionId: string | null; actorId: string | null; actorKind: string; comment: string | null; data: object; visibleToCitizen: boolean };
}

/** A transition as one statement writes it: the move and its history row, its outbox rows, its audit event. */
export interface TransitionWrite extends MoveWrite {
  outbox: TransitionOutboxRow[];
  /** From audit.repository's sourcedEvent. */
  audit: { canon: string; audit: object };
}

/** Only place that writes a pratica's state and history. */
export const workflowRepository = {
  find(db: Tx, id: string, scope: PraticaScope): Promise<WorkflowPratica | null> {
    return db.pratica.findFirst({ where: { id, ...scopeWhere(scope) }, select });
  },

  current(db: Tx, id: string): Promise<{ state: string; rowVersion: number } | null> {
    return db.pratica.findUnique({ where: { id }, select: { state: true, rowVersion: true } });
  },

  /**
   * Writes a run of transitions of ONE Ente in ONE statement (autocommit: atomic, and every row
   * lock it takes is released as it ends): each pratica moves only if it is still in `from` at
   * the version its caller saw (optimistic concurrency: of two concurrent moves the second finds
   * the row changed and moves nothing; of two in one run, one), and only the transitions that
   * moved get their history row, their outbox rows (ON CONFLICT DO NOTHING on the Ente's
   * idempotency keys) and their audit events, chained in the run's order; the chain's head is
   * locked once, last, and not at all when nothing moved. Returns each item's new row version,
   * or null where it did not move.
   */
  async moveRun(db: Tx, enteId: string, items: TransitionWrite[]): Promise<Array<number | null>> {
    const input = JSON.stringify(items.map((w, i) => {
      const e = w.event;
      return {
        ord: i + 1, id: w.id, from_state: w.from, to_state: w.to, expected: w.expectedVersion, at: w.at.toISOString(),
        due_at: w.sla.dueAt?.toISOString() ?? null, conclude_due_at: w.sla.concludeDueAt?.toISOString() ?? null, suspended_at: w.sla.suspendedAt?.toISOString() ?? null,
        kind: e.kind, transition_id: e.transitionId, actor_id: e.actorId, actor_kind: e.actorKind, comment: e.comment, data: e.data,
        visible: e.visibleToCitizen, canon: w.audit.canon, audit: w.audit.audit,
      };
    }));
    const outbox = JSON.stringify(items.flatMap((w, i) => w.outbox.map((o) => ({
      ord: i + 1, id: o.id, kind: o.kind, idempotency_key: o.idempotencyKey, payload: o.payload, max_attempts: o.maxAttempts,
    }))));
    const rows = await db.$queryRaw<Array<{ ord: number; row_version: number }>>(prepared(Prisma.sql`
      WITH input AS MATERIALIZED (
        SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS i(ord int, id uuid, from_state text, to_state text, expected int, at timestamptz,
          due_at timestamptz, conclude_due_at timestamptz, suspended_at timestamptz, kind text, transition_id text, actor_id uuid,
          actor_kind text, comment text, data jsonb, visible boolean, canon text, audit jsonb)
      ), moved AS (
        UPDATE pratiche p SET state = i.to_state, row_version = p.row_version + 1, state_entered_at = i.at,
          due_at = i.due_at, conclude_due_at = i.conclude_due_at, suspended_at = i.suspended_at, sla_alarm_level = 0
        FROM input i
        WHERE p.id = i.id AND p.ente_id = ${enteId}::uuid AND p.row_version = i.expected AND p.state = i.from_state
        RETURNING i.ord, p.row_version
      ), ok AS MATERIALIZED (
        SELECT i.*, row_number() OVER (ORDER BY i.ord)::int AS n FROM input i JOIN moved m ON m.ord = i.ord
      ), event AS (
        INSERT INTO pratica_events (ente_id, pratica_id, kind, transition_id, from_state, to_state, actor_id, actor_kind, comment, data, visible_to_citizen, at)
        SELECT ${enteId}::uuid, ok.id, ok.kind, ok.transition_id, ok.from_state, ok.to_state, ok.actor_id, ok.actor_kind, ok.comment, ok.data, ok.visible, ok.at
        FROM ok ORDER BY ok.n
        RETURNING id
      ), actions AS (
        INSERT INTO outbox_actions (id, ente_id, pratica_id, kind, idempotency_key, payload, status, attempts, max_attempts, run_after, created_at)
        SELECT o.id, ${enteId}::uuid, ok.id, o.kind, o.idempotency_key, o.payload, 'pending', 0, o.max_attempts, ok.at, ok.at
        FROM ok JOIN jsonb_to_recordset(${outbox}::jsonb) AS o(ord int, id uuid, kind text, idempotency_key text, payload jsonb, max_attempts int) ON o.ord = ok.ord
        ON CONFLICT (ente_id, idempotency_key) DO NOTHING
        RETURNING id
      ), ${appendSourcedEventsCtes(chainKey(enteId), Prisma.sql`ok`)}
      SELECT moved.ord, moved.row_version FROM moved`));
    const byOrd = new Map(rows.map((r) => [Number(r.ord), Number(r.row_version)]));
    return items.map((_, i) => byOrd.get(i + 1) ?? null);
  },

  /** A history row that does not move the pratica (office fields, assignment, a reply's text). */
  async addEvent(tx: Tx, praticaId: string, enteId: string, at: Date, e: MoveWrite['event'] & { fromState?: string | null; toState?: string | null }): Promise<void> {
    await tx.praticaEvent.create({
      data: {
        enteId, praticaId, kind: e.kind, transitionId: e.transitionId, fromState: e.fromState ?? null, toState: e.toState ?? null,
        actorId: e.actorId, actorKind: e.actorKind, comment: e.comment, data: e.data as Prisma.InputJsonValue, visibleToCitizen: e.visibleToCitizen, at,
      },
    });
  },

  /** A pratica's history, oldest first; `citizen`: only what the citizen is shown. */
  history(db: Tx, praticaId: string, citizen: boolean) {
    return db.praticaEvent.findMany({
      where: { praticaId, ...(citizen ? { visibleToCitizen: true } : {}) }, orderBy: { id: 'asc' }, take: 1000,
    });
  },
};
