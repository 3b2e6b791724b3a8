import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import type { Sla } from './sla.js';

/** Which pratiche a caller may move: an Ente's (office staff, API keys, the system) or a citizen's own. */
export type PraticaScope =
  | { enteId: string; operatorId?: string }
  | { citizenId: string };

/** What a transition reads of a pratica. */
export interface WorkflowPratica {
  id: string; enteId: string; code: string; serviceId: string; serviceVersionId: string; citizenId: string;
  state: string; rowVersion: number; answers: unknown; computed: unknown; officeData: unknown; language: string;
  stateEnteredAt: Date; dueAt: Date | null; concludeDueAt: Date | null; suspendedAt: Date | null;
  officeId: string | null; assigneeId: string | null;
}

const select = {
  id: true, enteId: true, code: true, serviceId: true, serviceVersionId: true, citizenId: true, state: true, rowVersion: true,
  answers: true, computed: true, officeData: true, language: true, stateEnteredAt: true, dueAt: true, concludeDueAt: true,
  suspendedAt: true, officeId: true, assigneeId: true,
} as const;

/**
 * The `where` of a scope. An operator (not a supervisor) works on the pratiche of their offices,
 * those assigned to them and those no office received yet.
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

/** Only place that writes a pratica's state and history. */
export const workflowRepository = {
  find(db: Tx, id: string, scope: PraticaScope): Promise<WorkflowPratica | null> {
    return db.pratica.findFirst({ where: { id, ...scopeWhere(scope) }, select });
  },

  current(db: Tx, id: string): Promise<{ state: string; rowVersion: number } | null> {
    return db.pratica.findUnique({ where: { id }, select: { state: true, rowVersion: true } });
  },

  /**
   * Moves the pratica and appends its history row in ONE statement, only if it is still in
   * `from` at the version the caller saw (optimistic concurrency: of two concurrent moves the
   * second finds the row changed and moves nothing). Returns the new row version, or null.
   */
  async move(tx: Tx, w: MoveWrite): Promise<number | null> {
    const e = w.event;
    const rows = await tx.$queryRaw<Array<{ row_version: number }>>`
      WITH moved AS (
        UPDATE pratiche SET state = ${w.to}, row_version = row_version + 1, state_entered_at = ${w.at}::timestamptz,
          due_at = ${w.sla.dueAt}::timestamptz, conclude_due_at = ${w.sla.concludeDueAt}::timestamptz,
          suspended_at = ${w.sla.suspendedAt}::timestamptz, sla_alarm_level = 0
        WHERE id = ${w.id}::uuid AND ente_id = ${w.enteId}::uuid AND row_version = ${w.expectedVersion} AND state = ${w.from}
        RETURNING id, row_version
      ), event AS (
        INSERT INTO pratica_events (ente_id, pratica_id, kind, transition_id, from_state, to_state, actor_id, actor_kind, comment, data, visible_to_citizen, at)
        SELECT ${w.enteId}::uuid, moved.id, ${e.kind}::text, ${e.transitionId}::text, ${w.from}::text, ${w.to}::text, ${e.actorId}::uuid,
          ${e.actorKind}::text, ${e.comment}::text, ${JSON.stringify(e.data)}::jsonb, ${e.visibleToCitizen}::boolean, ${w.at}::timestamptz
        FROM moved
        RETURNING id
      )
      SELECT moved.row_version FROM moved, event`;
    return rows[0]?.row_version ?? null;
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
