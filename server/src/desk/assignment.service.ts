import { auditService } from '../audit/audit.service.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../shared/clock.js';
import { badInput, forbidden, notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import type { WorkflowActor } from '../workflow/workflow.service.js';
import { staleVersion } from '../workflow/workflow-refusals.js';
import { deskRepository as repo } from './desk.repository.js';

export interface AssignRequest {
  praticaId: string;
  rowVersion: number;
  /** The new assignee; null: nobody. */
  assigneeId: string | null;
  /** The new office; undefined: unchanged. */
  officeId?: string | null;
  comment?: string | null;
}

const MAX_COMMENT = 4000;

/**
 * Who handles a pratica: taking it (assigning it to oneself), assigning and reassigning it, moving
 * it to another office. Checked here, in order: the pratica is in the caller's scope, the office
 * is the Ente's (moving it: supervisors and API keys only), the assignee is an operator or
 * supervisor of the Ente and, when the pratica has an office, a member of it (supervisors may
 * take any); an operator may assign only to themselves or within the pratica's office. Then one
 * statement sets it at the version the caller saw (else CONFLICT with the current state) and
 * appends the history row, and the audit event follows in the same transaction.
 */
export class AssignmentService {
  constructor(private readonly db: PrismaClient, private readonly clock: Clock) {}

  async assign(actor: WorkflowActor, req: AssignRequest): Promise<void> {
    if (!Number.isInteger(req.rowVersion) || req.rowVersion < 1) throw badInput('workflow.badVersion');
    if (req.comment && req.comment.length > MAX_COMMENT) throw badInput('workflow.commentTooLong', { max: MAX_COMMENT });
    const scope = 'enteId' in actor.scope ? actor.scope : null;
    if (!scope) throw forbidden();
    const desk = { enteId: scope.enteId, ...(scope.operatorId ? { operatorId: scope.operatorId } : {}) };
    const pratica = isUuid(req.praticaId) ? await repo.one(this.db, desk, req.praticaId) : null;
    if (!pratica) throw notFound('pratica', req.praticaId);
    const officeId = req.officeId === undefined ? pratica.officeId : req.officeId;
    if (officeId !== pratica.officeId) {
      if (officeId !== null && !(isUuid(officeId) && (await repo.office(this.db, scope.enteId, officeId)))) throw notFound('office', officeId);
      if (actor.role === 'operator' && !actor.apiKeyId) throw forbidden('desk.officeChangeForbidden');
    }
    if (req.assigneeId !== null) await this.checkAssignee(actor, scope.enteId, req.assigneeId, officeId);
    if (req.rowVersion !== pratica.rowVersion) throw staleVersion(req.rowVersion, pratica.rowVersion, pratica.state);
    if (req.assigneeId === pratica.assigneeId && officeId === pratica.officeId) return; // nothing changes: no history, no new version
    const now = this.clock();
    const actorId = actor.userId ?? actor.apiKeyId;
    const actorKind = actor.apiKeyId ? 'apiKey' : actor.role;
    const comment = req.comment?.trim() || null;
    const data = { from: { assigneeId: pratica.assigneeId, officeId: pratica.officeId }, to: { assigneeId: req.assigneeId, officeId } };
    await this.db.$transaction(async (tx) => {
      const rowVersion = await repo.assign(tx, {
        id: pratica.id, enteId: scope.enteId, expectedVersion: req.rowVersion, assigneeId: req.assigneeId, officeId, at: now, actorId, actorKind, comment, data,
      });
      if (rowVersion === null) {
        const current = await repo.one(tx, { enteId: scope.enteId }, pratica.id);
        throw staleVersion(req.rowVersion, current?.rowVersion ?? req.rowVersion, current?.state ?? pratica.state);
      }
      await auditService.record(tx, {
        enteId: scope.enteId, actorId, actorKind, action: req.assigneeId === actor.userId && actor.userId ? 'pratica.taken' : 'pratica.assigned',
        subjectType: 'pratica', subjectId: pratica.id, data: { ...data, rowVersion, comment },
      }, now);
    });
  }

  private async checkAssignee(actor: WorkflowActor, enteId: string, assigneeId: string, officeId: string | null): Promise<void> {
    const person = isUuid(assigneeId) ? await repo.operator(this.db, enteId, assigneeId) : null;
    if (!person) throw notFound('user', assigneeId);
    const supervisor = person.roles.includes('SUPERVISOR');
    if (officeId !== null && !supervisor && !person.offices.includes(officeId)) throw badInput('desk.assigneeNotInOffice', { assigneeId, officeId });
    // An operator hands a pratica only to themselves, or to a colleague of the pratica's office.
    if (actor.role === 'operator' && !actor.apiKeyId && assigneeId !== actor.userId && (officeId === null || supervisor)) {
      throw forbidden('desk.assignForbidden');
    }
  }
}
