import { randomUUID } from 'node:crypto';
import { auditRunCtes } from '../audit/audit.service.js';
import type { AuditEntry } from '../audit/audit.types.js';
import { draftsRepository } from '../drafts/drafts.repository.js';
import { isUuid, titleOf, type LoadedVersion, type PublishedService, type ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import type { PrefillService } from '../registries/prefill.service.js';
import { romeDate, romeYear, type Clock } from '../shared/clock.js';
import { badInput, conflict, notFound } from '../shared/domain-error.js';
import { isAssertion } from '../shared/prisma.js';
import { attachmentsRepository } from '../storage/attachments.repository.js';
import { overlay } from './locked-prefill.js';
import { praticheRepository as repo, type NewNumberedPratica, type PraticaRow } from './pratiche.repository.js';
import { SubmissionRuns } from './submission-runs.js';
import { rankingStamp } from '../graduatorie/stored-ranking.js';
import { initialSla } from '../workflow/sla.js';
import { routeOf, rulesOf } from '../desk/routing.js';
import { labelOf, workflowOf } from '../workflow/workflow-of.js';
import { DEFAULT_WORKFLOW } from '../workflow/default-workflow.js';
import { DEFAULT_LIMITS } from '../graphql/limits.js';
import { awaitedReplyOf } from '../timeline/timeline.service.js';
import type { Pratica, SubmitPraticaInput } from './pratiche.types.js';
import { judge, type Verdict } from './verdict.js';

export interface Citizen { userId: string; fiscalCode: string }

const KEY = /^[\x21-\x7e]{8,128}$/;

/** One submission's write: the pratica, its audit event, the draft it replaces and the files it takes over. */
interface Write {
  pratica: NewNumberedPratica;
  audit: { entry: AuditEntry; at: Date };
  draft: { userId: string; serviceId: string } | null;
  moves: Array<{ id: string; praticaId: string; uploaderId: string; enteId: string; draftId: string }>;
}

/** Submission (idempotent, validated by the engine, gapless codes) and the citizen's own pratiche. */
export class PraticheService {
  /** Per Ente and year: codes and the audit chain are theirs (see submission-runs.ts). */
  private readonly runs = new SubmissionRuns<Write, PraticaRow>((_key, writes) => this.writeRun(writes));

  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions,
    private readonly prefill: PrefillService, private readonly clock: Clock,
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
    const context = isUuid(input.serviceId) ? await repo.submissionContext(this.db, citizen.userId, input.serviceId) : null;
    const service = await this.versions.loadPublished(input.serviceId, context?.service ?? null);
    const draft = context?.draft ?? null;
    const version = draft ? await this.versions.version(service.id, draft.serviceVersionId) : service.version;
    const now = this.clock();
    const locked = await this.prefill.compute(citizen, service, version.compiled, true, context?.identity ?? null);
    const verdict = await judge(this.db, version.compiled, overlay(input.answers, locked.answers, locked.locked),
      { uploaderId: citizen.userId, enteId: service.enteId, draftId: draft?.id ?? null }, { today: romeDate(now), language });
    const officeId = routeOf(version.id, version.compiled, rulesOf(context?.routing), context?.officeId ?? null, verdict.answers, romeDate(now));
    const route = { officeId, language };
    const row = await this.record(citizen, service, version, draft?.id ?? null, verdict, input.idempotencyKey, now, locked.unavailable, route);
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

  /** The citizen's pratiche awaiting their reply, open windows first (the repository orders them). */
  async awaitingReply(citizen: Citizen, language: string): Promise<Pratica[]> {
    const rows = await repo.awaitingReply(this.db, citizen.userId, this.clock(), DEFAULT_WORKFLOW, DEFAULT_LIMITS.maxPage);
    return Promise.all(rows.map((r) => this.view(r, language)));
  }

  /**
   * Writes the numbered pratica, its audit event, the draft's attachments moved in and the draft
   * deleted, atomically; queued with the Ente's other submissions of the moment into one statement.
   */
  private async record(
    citizen: Citizen, service: PublishedService, version: LoadedVersion, draftId: string | null, verdict: Verdict,
    idempotencyKey: string, now: Date, unavailable: string[], route: { officeId: string | null; language: string },
  ): Promise<PraticaRow> {
    const workflow = workflowOf(version.compiled);
    const state = workflow.initial;
    const sla = initialSla(workflow, now);
    const ev = verdict.evaluation;
    const id = randomUUID();
    const feeCents = ev.fee?.amountCents ?? null;
    // Stored with the pratica so that a graduatoria reads it instead of scoring every pratica again.
    const ranking = rankingStamp(version.compiled, version.id, verdict.answers, {}, romeDate(now));
    const score = ranking ? ranking.ranking.score : ev.ranking?.score ?? null;
    const excluded = ranking ? ranking.ranking.excluded : ev.ranking?.excluded ?? false;
    const year = romeYear(now);
    const write: Write = {
      pratica: {
        id, enteId: service.enteId, serviceId: service.id, serviceVersionId: version.id, citizenId: citizen.userId,
        year, answers: verdict.answers, computed: ev.computed, state, feeCents, score, excluded,
        submittedAt: now, stateEnteredAt: now, dueAt: sla.dueAt, idempotencyKey,
        concludeDueAt: sla.concludeDueAt, suspendedAt: sla.suspendedAt, officeId: route.officeId, language: route.language, ranking,
      },
      audit: {
        entry: {
          enteId: service.enteId, actorId: citizen.userId, actorKind: 'citizen', action: 'pratica.submitted',
          subjectType: 'pratica', subjectId: id,
          data: { serviceId: service.id, versionId: version.id, feeCents, score, excluded, attachments: verdict.attachmentIds.length, prefillUnavailable: unavailable },
        },
        at: now,
      },
      draft: draftId ? { userId: citizen.userId, serviceId: service.id } : null,
      moves: draftId ? verdict.attachmentIds.map((a) => ({ id: a, praticaId: id, uploaderId: citizen.userId, enteId: service.enteId, draftId })) : [],
    };
    try {
      return await this.runs.add(`${service.enteId}/${year}`, write);
    } catch (e) {
      // An attachment removed or moved meanwhile: nothing was written rather than lose a file.
      if (isAssertion(e, 'pratiche.attachmentsChanged')) throw conflict('pratiche.attachmentsChanged');
      throw e;
    }
  }

  /** One statement for a run of writes of one Ente and year (pratiche.repository insertNumberedRun). */
  private writeRun(writes: Write[]): Promise<PraticaRow[]> {
    const first = writes[0]!.pratica;
    const drafts = writes.flatMap((w) => (w.draft ? [w.draft] : []));
    const moves = writes.flatMap((w) => w.moves);
    const extra = [
      ...(moves.length ? [attachmentsRepository.moveRunCte(moves)] : []),
      ...(drafts.length ? [draftsRepository.deleteRunCte(drafts)] : []),
    ];
    return repo.insertNumberedRun(this.db, first.enteId, first.year, writes.map((w) => w.pratica),
      auditRunCtes(writes.map((w) => w.audit)), extra, moves.length);
  }

  private async view(row: PraticaRow, language: string): Promise<Pratica> {
    return this.present(row, await this.versions.version(row.serviceId, row.serviceVersionId), language);
  }

  private present(row: PraticaRow, version: LoadedVersion, language: string): Pratica {
    const state = workflowOf(version.compiled).states.find((s) => s.id === row.state);
    return {
      id: row.id, code: row.code, serviceId: row.serviceId, serviceTitle: titleOf(version.compiled, language),
      versionId: version.id, versionNumber: version.number, state: row.state,
      stateLabel: state ? labelOf(version.compiled, state.label, language) : row.state, submittedAt: row.submittedAt,
      dueAt: row.dueAt, feeCents: row.feeCents, score: row.score, excluded: row.excluded, protocolNumber: row.protocolNumber,
      awaitedReply: awaitedReplyOf(version.compiled, row, language, this.clock()),
      answers: row.answers as Record<string, unknown>, computed: row.computed as Record<string, unknown>,
    };
  }
}
