import { guardHolds, type Transition, type WorkflowRole } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import type { ServiceVersions, LoadedVersion } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { romeDate, systemClock, type Clock } from '../shared/clock.js';
import { badInput, notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import type { Tx } from '../shared/prisma.js';
import { enterState, replyDueAt } from './sla.js';
import type { TransitionEvent, TransitionHooks } from './transition-hooks.js';
import { labelOf, roleMayRun, workflowOf } from './workflow-of.js';
import { guardFailed, notFromState, replyWindowOpen, roleNotAllowed, staleVersion, unknownTransition } from './workflow-refusals.js';
import { workflowRepository as repo, type PraticaScope, type WorkflowPratica } from './workflow.repository.js';

/** Who moves a pratica, and the pratiche they may touch. */
export interface WorkflowActor {
  role: WorkflowRole;
  userId: string | null;
  apiKeyId: string | null;
  scope: PraticaScope;
}

export interface TransitionRequest {
  praticaId: string;
  transitionId: string;
  /** The pratica's rowVersion the caller saw. */
  expectedVersion: number;
  comment?: string | null;
  textOverrides?: Record<string, { subject?: string; body?: string }>;
  /** The caller's language, for the service's own refusal texts (a guard's message). */
  language?: string;
}

export interface TransitionOutcome { praticaId: string; transitionId: string; from: string; to: string; rowVersion: number; at: Date }

/** Runs inside the transition's transaction, after the move (a reply's text and files). */
export type WithinTransition = (tx: Tx, moved: { pratica: WorkflowPratica; rowVersion: number; at: Date }) => Promise<void>;

const MAX_COMMENT = 4000;
const MAX_SUBJECT = 200;
const MAX_BODY = 20_000;

/**
 * Moves pratiche through their service's workflow. Every check happens here, in this order:
 * the pratica is the caller's to touch, the transition exists, the caller's role may run it,
 * the caller saw the current version, it leaves the current state, the citizen's time to
 * answer is over (when the office acts alone on a waiting state), its guard holds. Then one
 * database transaction writes the move and its history, runs every transition hook (the
 * outbox's actions) and appends the audit event: all or nothing.
 */
export class WorkflowService {
  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions,
    readonly hooks: TransitionHooks, public clock: Clock = systemClock,
  ) {}

  async transition(actor: WorkflowActor, req: TransitionRequest, within?: WithinTransition): Promise<TransitionOutcome> {
    checkRequest(req);
    const pratica = isUuid(req.praticaId) ? await repo.find(this.db, req.praticaId, actor.scope) : null;
    if (!pratica) throw notFound('pratica', req.praticaId);
    const version = await this.versions.version(pratica.serviceId, pratica.serviceVersionId);
    const now = this.clock();
    const transition = this.check(actor, pratica, version, req, now);
    const workflow = workflowOf(version.compiled);
    const sla = enterState(workflow, transition.to, now, pratica);
    const comment = req.comment?.trim() || null;
    const kind = actor.apiKeyId ? 'apiKey' : actor.role;
    const outcome = await this.db.$transaction(async (tx) => {
      const rowVersion = await repo.move(tx, {
        id: pratica.id, enteId: pratica.enteId, from: pratica.state, to: transition.to, expectedVersion: req.expectedVersion, at: now, sla,
        event: {
          kind: 'transition', transitionId: transition.id, actorId: actor.userId ?? actor.apiKeyId, actorKind: kind, comment,
          data: { rowVersion: req.expectedVersion + 1 }, visibleToCitizen: true,
        },
      });
      if (rowVersion === null) throw await this.conflict(tx, pratica.id, req.expectedVersion);
      if (within) await within(tx, { pratica, rowVersion, at: now });
      const event: TransitionEvent = {
        enteId: pratica.enteId, praticaId: pratica.id, praticaCode: pratica.code, serviceId: pratica.serviceId, version: String(rowVersion),
        transitionId: transition.id, from: pratica.state, to: transition.to,
        actor: { userId: actor.userId, apiKeyId: actor.apiKeyId, role: actor.role },
        comment, language: pratica.language, at: now, actions: transition.actions ?? [],
        ...(req.textOverrides ? { textOverrides: req.textOverrides } : {}),
      };
      await this.hooks.run(tx, event);
      // Last: the audit chain's head stays locked from here to the commit, as briefly as possible.
      await auditService.record(tx, {
        enteId: pratica.enteId, actorId: actor.userId ?? actor.apiKeyId, actorKind: kind, action: 'pratica.transition',
        subjectType: 'pratica', subjectId: pratica.id,
        data: { transitionId: transition.id, from: pratica.state, to: transition.to, rowVersion, comment },
      }, now);
      return { praticaId: pratica.id, transitionId: transition.id, from: pratica.state, to: transition.to, rowVersion, at: now };
    });
    return outcome;
  }

  /** The transitions this actor could run now (the desk's buttons); guards included. */
  async available(actor: WorkflowActor, pratica: WorkflowPratica, language: string) {
    const version = await this.versions.version(pratica.serviceId, pratica.serviceVersionId);
    const now = this.clock();
    return workflowOf(version.compiled).transitions
      .filter((t) => t.from === pratica.state && roleMayRun(t, actor.role))
      .map((t) => {
        let refusal: string | null = null;
        try {
          this.check(actor, pratica, version, { praticaId: pratica.id, transitionId: t.id, expectedVersion: pratica.rowVersion }, now);
        } catch (e) {
          refusal = (e as { key?: string }).key ?? 'error.internal';
        }
        return { id: t.id, to: t.to, label: labelOf(version.compiled, t.label, language), actions: t.actions ?? [], refusal };
      });
  }

  private check(actor: WorkflowActor, pratica: WorkflowPratica, version: LoadedVersion, req: TransitionRequest, now: Date): Transition {
    const workflow = workflowOf(version.compiled);
    const transition = workflow.transitions.find((t) => t.id === req.transitionId);
    if (!transition) throw unknownTransition(req.transitionId);
    if (!roleMayRun(transition, actor.role)) throw roleNotAllowed(transition.id, actor.role);
    if (req.expectedVersion !== pratica.rowVersion) throw staleVersion(req.expectedVersion, pratica.rowVersion, pratica.state);
    if (transition.from !== pratica.state) throw notFromState(transition.id, pratica.state, pratica.rowVersion);
    // The office may act alone on a state that waits for the citizen only once their time is up
    // (art. 10-bis: ten days to reply); recording the citizen's own answer is always allowed.
    const until = replyDueAt(workflow, pratica.state, pratica.stateEnteredAt);
    const citizensMove = (transition.roles ?? []).includes('citizen');
    if (until && !citizensMove && actor.role !== 'citizen' && now.getTime() < until.getTime()) throw replyWindowOpen(transition.id, until);
    for (const key of Object.keys(req.textOverrides ?? {})) {
      const action = transition.actions?.[Number(key)];
      if (!action || !('body' in action)) throw badInput('workflow.badOverride', { key });
    }
    const input = {
      answers: asObject(pratica.answers), computed: asObject(pratica.computed), office: asObject(pratica.officeData), today: romeDate(now),
    };
    if (!guardHolds(version.compiled, transition.id, input)) {
      throw guardFailed(transition.id, transition.guardMessage ? labelOf(version.compiled, transition.guardMessage, req.language ?? pratica.language) : '');
    }
    return transition;
  }

  private async conflict(tx: Tx, id: string, expected: number) {
    const now = await repo.current(tx, id);
    return staleVersion(expected, now?.rowVersion ?? expected, now?.state ?? '');
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function checkRequest(req: TransitionRequest): void {
  if (!Number.isInteger(req.expectedVersion) || req.expectedVersion < 1) throw badInput('workflow.badVersion');
  if (typeof req.transitionId !== 'string' || req.transitionId.length === 0 || req.transitionId.length > 100) throw unknownTransition(String(req.transitionId).slice(0, 100));
  if (req.comment && req.comment.length > MAX_COMMENT) throw badInput('workflow.commentTooLong', { max: MAX_COMMENT });
  for (const [key, text] of Object.entries(req.textOverrides ?? {})) {
    if (!/^\d{1,2}$/.test(key)) throw badInput('workflow.badOverride', { key });
    if ((text.subject?.length ?? 0) > MAX_SUBJECT || (text.body?.length ?? 0) > MAX_BODY) throw badInput('workflow.overrideTooLong', { key, subject: MAX_SUBJECT, body: MAX_BODY });
  }
}
