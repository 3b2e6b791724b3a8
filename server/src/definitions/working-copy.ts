import { auditService } from '../audit/audit.service.js';
import { DomainError, fieldProblem, notFound, throwProblems } from '../shared/domain-error.js';
import { isUniqueViolation, type Tx } from '../shared/prisma.js';
import type { Actor } from './actor.js';
import { definitionsRepository as repo, type ServiceRow } from './definitions.repository.js';
import type { DesignerService } from './definitions.types.js';
import { isPlainObject, isSlug, isUuid } from './ids.js';

export function toDesignerService(row: ServiceRow): DesignerService {
  return {
    id: row.id, enteId: row.enteId, slug: row.slug, revision: row.revision, enabled: row.enabled,
    currentVersion: row.currentVersion?.number ?? null, currentVersionId: row.currentVersionId,
    templateId: row.templateId, workingCopy: row.workingCopy, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function checkSlug(slug: string): void {
  if (!isSlug(slug)) {
    throwProblems([fieldProblem('/slug', 'slug.invalid', 'definitions.invalidSlug', { slug })]);
  }
}

export function checkDefinitionObject(definition: unknown): asserts definition is Record<string, unknown> {
  if (!isPlainObject(definition)) {
    throwProblems([fieldProblem('/definition', 'definition.notObject', 'definitions.notObject')]);
  }
}

/** The Ente's service, or NOT_FOUND: also for another Ente's id (the Ente is part of the query). */
export async function serviceOf(tx: Tx, actor: Actor, id: string): Promise<ServiceRow> {
  const row = isUuid(id) ? await repo.service(tx, actor.enteId, id) : null;
  if (!row) throw notFound('Service', id);
  return row;
}

export interface NewService { slug: string; workingCopy: Record<string, unknown>; templateId?: string; action: string }

/** Creates a service with its working copy; the definition's `id` becomes the slug it lives under. */
export async function createServiceIn(tx: Tx, actor: Actor, input: NewService): Promise<ServiceRow> {
  checkSlug(input.slug);
  let row: ServiceRow;
  try {
    row = await repo.createService(tx, { enteId: actor.enteId, slug: input.slug, templateId: input.templateId, workingCopy: { ...input.workingCopy, id: input.slug } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new DomainError('CONFLICT', 'definitions.slugTaken', { slug: input.slug }, [{ pointer: '/slug', code: 'slug.taken', message: `The Ente already has a service "${input.slug}"` }]);
  }
  await auditService.record(tx, { enteId: actor.enteId, ...actor.audit, action: input.action, subjectType: 'Service', subjectId: row.id, data: { slug: input.slug, templateId: input.templateId ?? null } });
  return row;
}

/** Saves a working copy as it is (designers save work in progress), if nobody saved since `revision`. */
export async function saveWorkingCopyIn(tx: Tx, actor: Actor, id: string, definition: unknown, revision: number): Promise<ServiceRow> {
  checkDefinitionObject(definition);
  const current = await serviceOf(tx, actor, id);
  const saved = await repo.saveWorkingCopy(tx, actor.enteId, id, revision, definition);
  if (saved === 0) {
    throw new DomainError('CONFLICT', 'definitions.revisionConflict', { expected: revision, actual: current.revision });
  }
  await auditService.record(tx, { enteId: actor.enteId, ...actor.audit, action: 'service.workingCopySaved', subjectType: 'Service', subjectId: id, data: { revision: revision + 1 } });
  return serviceOf(tx, actor, id);
}
