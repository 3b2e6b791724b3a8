import { checkOfficeData, evaluate, localize, type CompiledService } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import type { ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { rankingStamp } from '../graduatorie/stored-ranking.js';
import { romeDate, type Clock } from '../shared/clock.js';
import { badInput, conflict, DomainError, notFound, type FieldError } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import { checkFee } from '../shared/amounts.js';
import { workflowOf } from '../workflow/workflow-of.js';
import { staleVersion } from '../workflow/workflow-refusals.js';
import { workflowRepository } from '../workflow/workflow.repository.js';
import type { WorkflowActor } from '../workflow/workflow.service.js';
import { officeDataRepository as repo } from './office-data.repository.js';
import type { OfficeDataResult } from './office-data.types.js';

export interface OfficeDataRequest { praticaId: string; expectedVersion: number; values: Record<string, unknown> }

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {});

/**
 * Office fields (the definition's `officeData`), filled by operators during the istruttoria:
 * checked by the engine with the pratica's own version, merged into what is there, and written
 * with the computed values, fee, score, exclusions and stored ranking recomputed from them, the pratica's history
 * (who, when, what) and the audit chain, in one transaction at the version the caller saw.
 */
export class OfficeDataService {
  constructor(private readonly db: PrismaClient, private readonly versions: ServiceVersions, private readonly clock: Clock) {}

  async set(actor: WorkflowActor, req: OfficeDataRequest, language: string): Promise<OfficeDataResult> {
    if (!Number.isInteger(req.expectedVersion) || req.expectedVersion < 1) throw badInput('workflow.badVersion');
    const pratica = isUuid(req.praticaId) ? await workflowRepository.find(this.db, req.praticaId, actor.scope) : null;
    if (!pratica) throw notFound('pratica', req.praticaId);
    const version = await this.versions.version(pratica.serviceId, pratica.serviceVersionId);
    const compiled = version.compiled;
    const state = workflowOf(compiled).states.find((s) => s.id === pratica.state);
    if (!state || state.final || state.outcome) throw conflict('officeData.closed', { state: pratica.state });
    if (req.expectedVersion !== pratica.rowVersion) throw staleVersion(req.expectedVersion, pratica.rowVersion, pratica.state);
    const check = checkOfficeData(compiled, req.values, language);
    if (!check.valid) {
      const fieldErrors: FieldError[] = check.errors.map((e) => ({ pointer: e.pointer, code: e.key, message: e.message }));
      throw new DomainError('OFFICE_DATA_INVALID', 'officeData.invalid', { count: fieldErrors.length }, fieldErrors);
    }
    const officeData = asObject(pratica.officeData);
    for (const [name, value] of Object.entries(req.values)) {
      if (value === null) delete officeData[name];
      else officeData[name] = value;
    }
    const now = this.clock();
    const today = romeDate(now);
    const answers = asObject(pratica.answers);
    // Computed values may read office fields too ($office): evaluated again, and stored with the fee.
    const evaluation = evaluate(compiled, answers, { office: officeData, today });
    const computed = { ...asObject(pratica.computed), ...evaluation.computed };
    const fee = compiled.fee ? evaluation.fee : null;
    checkFee(fee);
    const feeCents = fee?.amountCents ?? null;
    const ranking = rankingStamp(compiled, version.id, answers, officeData, today);
    const score = ranking?.ranking.score ?? null;
    const excluded = ranking?.ranking.excluded ?? false;
    const kind = actor.apiKeyId ? 'apiKey' : actor.role;
    const actorId = actor.userId ?? actor.apiKeyId;
    const rowVersion = await this.db.$transaction(async (tx) => {
      const written = await repo.write(tx, {
        id: pratica.id, enteId: pratica.enteId, expectedVersion: req.expectedVersion, at: now, byId: actor.userId,
        officeData, computed, feeCents, score, excluded, ranking,
      });
      if (written === null) {
        const current = await workflowRepository.current(tx, pratica.id);
        throw staleVersion(req.expectedVersion, current?.rowVersion ?? req.expectedVersion, current?.state ?? pratica.state);
      }
      await workflowRepository.addEvent(tx, pratica.id, pratica.enteId, now, {
        kind: 'officeData', transitionId: null, actorId, actorKind: kind, comment: null,
        data: { values: req.values, rowVersion: written, feeCents, score, excluded }, visibleToCitizen: false,
      });
      // The audit chain names the fields, not their values (the history keeps those).
      await auditService.record(tx, {
        enteId: pratica.enteId, actorId, actorKind: kind, action: 'pratica.officeData', subjectType: 'pratica', subjectId: pratica.id,
        data: { fields: Object.keys(req.values).sort(), rowVersion: written, feeCents, score, excluded },
      }, now);
      return written;
    });
    return {
      praticaId: pratica.id, rowVersion, officeData, feeCents, score, excluded,
      exclusionReasons: reasonsOf(compiled, ranking?.ranking.reasons ?? [], language), updatedAt: now,
    };
  }
}

function reasonsOf(service: CompiledService, keys: string[], language: string): string[] {
  const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
  return keys.map((k) => localize(catalogue, k, language));
}
