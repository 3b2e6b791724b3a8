import type { CompiledService } from '@sportello/schemas';
import { randomUUID } from 'node:crypto';
import { auditCtes } from '../audit/audit.service.js';
import { draftsRepository } from '../drafts/drafts.repository.js';
import { isUuid, titleOf, type LoadedVersion, type PublishedService, type ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import type { PrefillService } from '../registries/prefill.service.js';
import { romeDate, romeYear, systemClock, type Clock } from '../shared/clock.js';
import { badInput, conflict, notFound } from '../shared/domain-error.js';
import { isAssertion } from '../shared/prisma.js';
import { attachmentsRepository } from '../storage/attachments.repository.js';
import { overlay } from './locked-prefill.js';
import { praticheRepository as repo, type PraticaRow } from './pratiche.repository.js';
import type { Pratica, SubmitPraticaInput } from './pratiche.types.js';
import { judge, type Verdict } from './verdict.js';

export interface Citizen { userId: string; fiscalCode: string }

const DAY_MS = 86_400_000;
const KEY = /^[\x21-\x7e]{8,128}$/;

/** Submission (idempotent, validated by the engine, gapless codes) and the citizen's own pratiche. */
export class PraticheService {
  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions,
    private readonly prefill: PrefillService, public clock: Clock = systemClock,
  ) {}

  /**
   * A repeated idempotency key returns the first pratica, whatever the answers (a retry after a
   * lost response must never submit twice, and must not fail either).
   */
  async submit(citizen: Citizen, input: SubmitPraticaInput, language: string): Promise<Pratica> {
    if (!KEY.test(input.idempotencyKey)) throw badInput('error.idempotencyKey');
    try {
      return await this.submitNew(citizen, input, language);
    } catch (e) {
      // A retry, or a concurrent duplicate that committed first (the unique key stopped this
      // one): the first pratica is the answer. Looked up only on failure, so a new submission
      // costs no extra query.
      const first = await repo.findByKey(this.db, citizen.userId, input.idempotencyKey);
      if (first) return this.view(first, language);
      throw e;
    }
  }

  private async submitNew(citizen: Citizen, input: SubmitPraticaInput, language: string): Promise<Pratica> {
    if (!input.answers || typeof input.answers !== 'object' || Array.isArray(input.answers)) throw badInput('pratiche.answersNotObject');
    const service = await this.versions.published(input.serviceId);
    const draft = await draftsRepository.find(this.db, citizen.userId, service.id);
    const version = draft ? await this.versions.version(service.id, draft.serviceVersionId) : service.version;
    const now = this.clock();
    const locked = await this.prefill.compute(citizen, service, version.compiled, true);
    const verdict = await judge(this.db, version.compiled, overlay(input.answers, locked.answers, locked.locked),
      { uploaderId: citizen.userId, enteId: service.enteId, draftId: draft?.id ?? null }, { today: romeDate(now), language });
    const row = await this.record(citizen, service, version, draft?.id ?? null, verdict, input.idempotencyKey, now, locked.unavailable);
    return this.present(row, version, language);
  }

  async get(citizen: Citizen, id: string, language: string): Promise<Pratica> {
    const row = isUuid(id) ? await repo.findOwn(this.db, id, citizen.userId) : null;
    if (!row) throw notFound('pratica', id);
    return this.view(row, language);
  }

  async list(citizen: Citizen, args: PageArgs, language: string) {
    const page = pageOf(args);
    const { rows, total } = await repo.list(this.db, citizen.userId, page);
    const views = new Map((await Promise.all(rows.slice(0, page.take).map((r) => this.view(r, language)))).map((p) => [p.id, p]));
    return toConnection(rows, page, total, (r) => ({ at: r.submittedAt, id: r.id }), (r) => views.get(r.id)!);
  }

  /**
   * One statement writes the numbered pratica, its audit event, the draft's attachments moved
   * in and the draft deleted, and checks that every attachment moved: atomic on its own, and
   * the Ente's counter and audit head are locked only while it runs.
   */
  private async record(citizen: Citizen, service: PublishedService, version: LoadedVersion, draftId: string | null, verdict: Verdict, idempotencyKey: string, now: Date, unavailable: string[]): Promise<PraticaRow> {
    const { state, dueAt } = initialState(version.compiled, now);
    const ev = verdict.evaluation;
    const id = randomUUID();
    const feeCents = ev.fee?.amountCents ?? null;
    const score = ev.ranking?.score ?? null;
    const excluded = ev.ranking?.excluded ?? false;
    const audit = auditCtes({
      enteId: service.enteId, actorId: citizen.userId, actorKind: 'citizen', action: 'pratica.submitted',
      subjectType: 'pratica', subjectId: id,
      data: { serviceId: service.id, versionId: version.id, feeCents, score, excluded, attachments: verdict.attachmentIds.length, prefillUnavailable: unavailable },
    }, now);
    const extra = draftId ? [draftsRepository.deleteCte(citizen.userId, service.id)] : [];
    if (draftId && verdict.attachmentIds.length > 0) {
      extra.unshift(attachmentsRepository.moveToPraticaCte(verdict.attachmentIds, { uploaderId: citizen.userId, enteId: service.enteId, draftId }, id));
    }
    const expectedMoves = draftId ? verdict.attachmentIds.length : 0;
    try {
      return await repo.insertNumbered(this.db, {
        id, enteId: service.enteId, serviceId: service.id, serviceVersionId: version.id, citizenId: citizen.userId,
        year: romeYear(now), answers: verdict.answers, computed: ev.computed, state, feeCents, score, excluded,
        submittedAt: now, stateEnteredAt: now, dueAt, idempotencyKey,
      }, audit, extra, expectedMoves);
    } catch (e) {
      // An attachment removed or moved meanwhile: nothing was written rather than lose a file.
      if (isAssertion(e, 'pratiche.attachmentsChanged')) throw conflict('pratiche.attachmentsChanged');
      throw e;
    }
  }

  private async view(row: PraticaRow, language: string): Promise<Pratica> {
    return this.present(row, await this.versions.version(row.serviceId, row.serviceVersionId), language);
  }

  private present(row: PraticaRow, version: LoadedVersion, language: string): Pratica {
    return {
      id: row.id, code: row.code, serviceId: row.serviceId, serviceTitle: titleOf(version.compiled, language),
      versionId: version.id, versionNumber: version.number, state: row.state, submittedAt: row.submittedAt,
      dueAt: row.dueAt, feeCents: row.feeCents, score: row.score, excluded: row.excluded, protocolNumber: row.protocolNumber,
      answers: row.answers as Record<string, unknown>, computed: row.computed as Record<string, unknown>,
    };
  }
}

/** The workflow's initial state ("presentata" without a workflow) and when its SLA runs out. */
function initialState(compiled: CompiledService, now: Date): { state: string; dueAt: Date | null } {
  const workflow = compiled.definition.workflow;
  const state = workflow?.initial ?? 'presentata';
  const slaDays = workflow?.states.find((s) => s.id === state)?.slaDays;
  return { state, dueAt: slaDays ? new Date(now.getTime() + slaDays * DAY_MS) : null };
}
