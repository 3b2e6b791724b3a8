import { awaitedReply, type CompiledService } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import type { ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { OfficeMessage } from '../outbox/message-notices.js';
import type { Clock } from '../shared/clock.js';
import type { Tx } from '../shared/prisma.js';
import { badInput, conflict, notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import { replyDueAt } from '../workflow/sla.js';
import { labelOf, workflowOf } from '../workflow/workflow-of.js';
import { noReplyExpected, replyWindowClosed } from '../workflow/workflow-refusals.js';
import { workflowRepository, type WorkflowPratica } from '../workflow/workflow.repository.js';
import type { WorkflowActor, WorkflowService } from '../workflow/workflow.service.js';
import { timelineRepository as repo, type EventRow } from './timeline.repository.js';
import { AWAITED_KIND, type AwaitedReply, type CitizenPraticaStatus, type ReplyResult, type TimelineEntry } from './timeline.types.js';

const MAX_MESSAGE = 4000;
const MAX_REPLY = 10_000;
const MAX_FILES = 10;

const idsIn = (data: unknown): string[] => {
  const ids = (data as { attachmentIds?: unknown } | null)?.attachmentIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
};

function checkedText(text: unknown, max: number, key: string): string {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t.length === 0) throw badInput(`${key}.textRequired`);
  if (t.length > max) throw badInput(`${key}.textTooLong`, { max });
  return t;
}

/**
 * The citizen's side of the workflow: a pratica's timeline (for the citizen only what they are
 * shown, and the office's people by role; for the office everything, with names), the office's
 * messages to the citizen, and the citizen's reply to an integration request or a notice of
 * denial, which moves the pratica by the workflow's citizen transition.
 */
export class TimelineService {
  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions, private readonly workflow: WorkflowService, private readonly clock: Clock,
    /** Enqueues the citizen's notices of a message in its transaction (the outbox's notifyMessage). */
    private readonly notify: (tx: Tx, message: OfficeMessage) => Promise<unknown>,
  ) {}

  async forCitizen(actor: WorkflowActor, praticaId: string, language: string): Promise<TimelineEntry[]> {
    const pratica = await this.find(actor, praticaId);
    return this.entries(pratica, await repo.events(this.db, pratica.id, true), false, language);
  }

  /**
   * The office's view. `audit` records the read in the audit chain (GDPR accountability: the
   * timeline holds the messages and replies exchanged with the citizen); it runs once the pratica
   * is found in the caller's scope, and nothing is returned unless it succeeded.
   */
  async forOffice(actor: WorkflowActor, praticaId: string, language: string, audit: (praticaId: string) => Promise<void>): Promise<TimelineEntry[]> {
    const pratica = await this.find(actor, praticaId);
    const [events] = await Promise.all([repo.events(this.db, pratica.id, false), audit(pratica.id)]);
    return this.entries(pratica, events, true, language);
  }

  /**
   * Where the citizen's pratica stands: its state (labelled), the rowVersion a reply needs, and
   * the reply it waits for, with the end of the time to answer (open: false once it is over).
   */
  async statusForCitizen(actor: WorkflowActor, praticaId: string, language: string): Promise<CitizenPraticaStatus> {
    const pratica = await this.find(actor, praticaId);
    const compiled = (await this.versions.version(pratica.serviceId, pratica.serviceVersionId)).compiled;
    return {
      praticaId: pratica.id, state: pratica.state, stateLabel: stateLabel(compiled, pratica.state, language) ?? pratica.state,
      rowVersion: pratica.rowVersion, stateEnteredAt: pratica.stateEnteredAt,
      awaitedReply: awaitedReplyOf(compiled, pratica, language, this.clock()),
    };
  }

  /**
   * A message from the office to the citizen, in the pratica's timeline, with the audit event and
   * the citizen's notices (e-mail, Web Push, App IO as they can be reached) in the outbox: all in
   * one transaction.
   */
  async message(actor: WorkflowActor, praticaId: string, text: string, language: string): Promise<TimelineEntry> {
    const body = checkedText(text, MAX_MESSAGE, 'timeline.message');
    const pratica = await this.find(actor, praticaId);
    const now = this.clock();
    const kind = actor.apiKeyId ? 'apiKey' : actor.role;
    const actorId = actor.userId ?? actor.apiKeyId;
    const event = await this.db.$transaction(async (tx) => {
      const row = await repo.addMessage(tx, { praticaId: pratica.id, enteId: pratica.enteId, state: pratica.state, actorId, actorKind: kind, text: body, at: now });
      await auditService.record(tx, {
        enteId: pratica.enteId, actorId, actorKind: kind, action: 'pratica.message', subjectType: 'pratica', subjectId: pratica.id, data: { state: pratica.state, length: body.length },
      }, now);
      await this.notify(tx, { enteId: pratica.enteId, praticaId: pratica.id, eventId: String(row.id), text: body });
      return row;
    });
    return (await this.entries(pratica, [event], true, language))[0]!;
  }

  /**
   * The citizen's answer while the pratica waits for them: the workflow's citizen transition from
   * the current state runs, with the text and the files in its transaction. Refused when the
   * pratica waits for no answer, or once the time to answer the workflow gives is over.
   */
  async reply(actor: WorkflowActor, input: { praticaId: string; rowVersion: number; text: string; attachmentIds?: string[] }, language: string): Promise<ReplyResult> {
    const body = checkedText(input.text, MAX_REPLY, 'timeline.reply');
    const files = [...new Set(input.attachmentIds ?? [])];
    if (files.length > MAX_FILES) throw badInput('timeline.reply.tooManyFiles', { max: MAX_FILES });
    if (files.some((id) => !isUuid(id))) throw badInput('timeline.reply.unknownFile');
    const pratica = await this.find(actor, input.praticaId);
    const version = await this.versions.version(pratica.serviceId, pratica.serviceVersionId);
    const workflow = workflowOf(version.compiled);
    const transition = awaitedReply(workflow, pratica.state)?.transition;
    if (!transition) throw noReplyExpected(pratica.state);
    const until = replyDueAt(workflow, pratica.state, pratica.stateEnteredAt);
    if (until && this.clock().getTime() >= until.getTime()) throw replyWindowClosed(pratica.state, until);
    const outcome = await this.workflow.transition(actor, { praticaId: pratica.id, transitionId: transition.id, expectedVersion: input.rowVersion, language }, async (tx, moved) => {
      const taken = await repo.takeReplyFiles(tx, pratica.id, actor.userId!, files, moved.rowVersion);
      if (taken !== files.length) throw conflict('timeline.reply.filesChanged');
      await workflowRepository.addEvent(tx, pratica.id, pratica.enteId, moved.at, {
        kind: 'reply', transitionId: transition.id, actorId: actor.userId, actorKind: 'citizen', comment: body,
        data: { attachmentIds: files, rowVersion: moved.rowVersion }, visibleToCitizen: true, fromState: pratica.state, toState: transition.to,
      });
    });
    return { praticaId: outcome.praticaId, transitionId: outcome.transitionId, from: outcome.from, to: outcome.to, rowVersion: outcome.rowVersion, at: outcome.at };
  }

  private async find(actor: WorkflowActor, praticaId: string): Promise<WorkflowPratica> {
    const pratica = isUuid(praticaId) ? await workflowRepository.find(this.db, praticaId, actor.scope) : null;
    if (!pratica) throw notFound('pratica', praticaId);
    return pratica;
  }

  private async entries(pratica: WorkflowPratica, events: EventRow[], office: boolean, language: string): Promise<TimelineEntry[]> {
    const compiled = (await this.versions.version(pratica.serviceId, pratica.serviceVersionId)).compiled;
    const names = office ? await repo.names(this.db, [...new Set(events.flatMap((e) => (e.actorId && e.actorKind !== 'apiKey' ? [e.actorId] : [])))]) : new Map<string, string>();
    const files = new Map((await repo.files(this.db, pratica.id, events.flatMap((e) => (e.kind === 'reply' ? idsIn(e.data) : [])))).map((f) => [f.id, f]));
    return events.map((e) => ({
      id: String(e.id), kind: e.kind, at: e.at, actorRole: e.actorKind, actorName: office && e.actorId ? names.get(e.actorId) ?? null : null,
      from: e.fromState, to: e.toState, fromLabel: stateLabel(compiled, e.fromState, language), toLabel: stateLabel(compiled, e.toState, language),
      transitionId: e.transitionId, transitionLabel: transitionLabel(compiled, e.transitionId, language), text: e.comment,
      attachments: e.kind === 'reply' ? idsIn(e.data).flatMap((id) => (files.has(id) ? [files.get(id)!] : [])) : [],
    }));
  }
}

/**
 * The reply a pratica awaits from its citizen (its state's `awaits`, answered by the citizen
 * transition out of it), with the end of the time to answer; null when it awaits none.
 */
export function awaitedReplyOf(service: CompiledService, pratica: { state: string; stateEnteredAt: Date }, language: string, now: Date): AwaitedReply | null {
  const workflow = workflowOf(service);
  const awaited = awaitedReply(workflow, pratica.state);
  if (!awaited) return null;
  const until = replyDueAt(workflow, pratica.state, pratica.stateEnteredAt);
  return {
    kind: AWAITED_KIND[awaited.kind], transitionId: awaited.transition.id,
    transitionLabel: transitionLabel(service, awaited.transition.id, language) ?? awaited.transition.id,
    until, open: !until || now.getTime() < until.getTime(),
  };
}

function stateLabel(service: CompiledService, id: string | null, language: string): string | null {
  const state = id ? workflowOf(service).states.find((s) => s.id === id) : undefined;
  return state ? labelOf(service, state.label, language) : id;
}

function transitionLabel(service: CompiledService, id: string | null, language: string): string | null {
  const t = id ? workflowOf(service).transitions.find((x) => x.id === id) : undefined;
  return t ? labelOf(service, t.label, language) : id;
}
