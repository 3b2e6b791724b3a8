import { evaluate, type Evaluation } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { romeDate, type Clock } from '../shared/clock.js';
import { badInput, conflict } from '../shared/domain-error.js';
import { isUniqueViolation } from '../shared/prisma.js';
import { draftsRepository as repo, type DraftRow } from './drafts.repository.js';
import type { Draft, SaveDraftInput } from './drafts.types.js';
import { isUuid, titleOf, type LoadedVersion, type ServiceVersions } from './service-version.js';

export interface Citizen { userId: string; fiscalCode: string }

const rowVersionConflict = (expected: number, actual: number) => conflict('drafts.rowVersionConflict', { expected, actual });

/**
 * Drafts: saved as given (incomplete is normal), one per citizen and service, pinned to the
 * version current when the draft was created, written with an optimistic rowVersion check so
 * two devices never silently overwrite each other.
 */
export class DraftsService {
  constructor(private readonly db: PrismaClient, private readonly versions: ServiceVersions, private readonly clock: Clock) {}

  async get(citizen: Citizen, serviceId: string, language: string): Promise<Draft | null> {
    const row = isUuid(serviceId) ? await repo.find(this.db, citizen.userId, serviceId) : null;
    return row ? this.view(row, language) : null;
  }

  async list(citizen: Citizen, args: PageArgs, language: string) {
    const page = pageOf(args);
    const { rows, total } = await repo.list(this.db, citizen.userId, page);
    const views = new Map((await Promise.all(rows.slice(0, page.take).map((r) => this.view(r, language)))).map((d) => [d.id, d]));
    return toConnection(rows, page, total, (r) => ({ at: r.updatedAt, id: r.id }), (r) => views.get(r.id)!);
  }

  async save(citizen: Citizen, input: SaveDraftInput, language: string): Promise<Draft> {
    if (!isPlainObject(input.answers)) throw badInput('drafts.answersNotObject');
    const service = await this.versions.published(input.serviceId);
    const existing = await repo.find(this.db, citizen.userId, service.id);
    const version = existing ? await this.versions.version(service.id, existing.serviceVersionId) : service.version;
    const currentStep = checkedStep(version, input.currentStep ?? null);
    const data = { answers: input.answers, currentStep };
    if (!existing) {
      if (input.rowVersion) throw rowVersionConflict(input.rowVersion, 0);
      try {
        const row = await repo.create(this.db, { enteId: service.enteId, serviceId: service.id, serviceVersionId: version.id, userId: citizen.userId, ...data });
        return this.view(row, language);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const winner = await repo.find(this.db, citizen.userId, service.id);
        throw rowVersionConflict(0, winner?.rowVersion ?? 0);
      }
    }
    const expected = input.rowVersion ?? 0;
    if (!(await repo.update(this.db, existing.id, citizen.userId, expected, data))) {
      const now = await repo.find(this.db, citizen.userId, service.id);
      throw rowVersionConflict(expected, now?.rowVersion ?? 0);
    }
    return this.view((await repo.find(this.db, citizen.userId, service.id))!, language);
  }

  async delete(citizen: Citizen, serviceId: string): Promise<boolean> {
    if (!isUuid(serviceId)) return false;
    return this.db.$transaction(async (tx) => {
      const removed = await repo.delete(tx, citizen.userId, serviceId);
      if (!removed) return false;
      await auditService.record(tx, {
        enteId: removed.enteId, actorId: citizen.userId, actorKind: 'citizen',
        action: 'draft.deleted', subjectType: 'draft', subjectId: removed.id, data: { serviceId },
      });
      return true;
    });
  }

  /** The engine's verdict on the draft, with the draft's own version (not the service's current one). */
  evaluation(draft: Draft, language: string): Evaluation {
    return evaluate(draft.compiled, draft.answers, { locale: language, today: romeDate(this.clock()) });
  }

  private async view(row: DraftRow, language: string): Promise<Draft> {
    const version = await this.versions.version(row.serviceId, row.serviceVersionId);
    return {
      id: row.id, serviceId: row.serviceId, serviceTitle: titleOf(version.compiled, language),
      versionId: version.id, versionNumber: version.number, answers: row.answers as Record<string, unknown>,
      currentStep: row.currentStep, rowVersion: row.rowVersion, createdAt: row.createdAt, updatedAt: row.updatedAt,
      compiled: version.compiled,
    };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkedStep(version: LoadedVersion, step: string | null): string | null {
  if (step === null) return null;
  if (!version.compiled.definition.ui.steps.some((s) => s.id === step)) throw badInput('drafts.unknownStep', { step });
  return step;
}
