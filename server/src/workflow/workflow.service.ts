import { guardHolds, type Transition, type WorkflowRole } from '@sportello/schemas';
import { sourcedEvent } from '../audit/audit.repository.js';
import { prepareEvent } from '../audit/audit.service.js';
import type { ServiceVersions, LoadedVersion } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { romeDate, systemClock, type Clock } from '../shared/clock.js';
import { badInput, notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import type { Tx } from '../shared/prisma.js';
import { Admission, type AdmissionLimits } from '../shared/admission.js';
import { praticaContexts, type PraticaContext } from '../pratiche/pratica-context.repository.js';
import { SubmissionRuns } from '../pratiche/submission-runs.js';
import { centsOf } from '../shared/amounts.js';
import { actionRefusal } from './action-checks.js';
import { enterState, replyDueAt } from './sla.js';
import type { TransitionEvent, TransitionHooks } from './transition-hooks.js';
import { labelOf, roleMayRun, workflowOf } from './workflow-of.js';
import { guardFailed, notFromState, replyWindowOpen, roleNotAllowed, staleVersion, unknownTransition } from './workflow-refusals.js';
import { workflowRepository as repo, type PraticaScope, type TransitionWrite, type WorkflowPratica } from './workflow.repository.js';

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

/** Transitions in flight per process, waiting ones and their longest wait (shared/admission.ts). */
export const TRANSITION_ADMISSION: AdmissionLimits = { maxInFlight: 32, maxWaiting: 2000, maxWaitMs: 1000 };

/**
 * Moves pratiche through their service's workflow. Every check happens here, in this order:
 * the pratica is the caller's to touch, the transition exists, the caller's role may run it,
 * the caller saw the current version, it leaves the current state, the citizen's time to
 * answer is over (when the office acts alone on a waiting state), its guard holds, its actions
 * can run with the pratica's data (a payment's amount: action-checks.ts). Then the
 * hooks prepare the transition's outbox rows (the actions' texts), and ONE statement writes the
 * move, its history, those rows and the audit event: all or nothing, no interactive
 * transaction, the Ente's audit head locked only while the statement runs.
 *
 * Transitions of one Ente wait for each other anyway (one audit chain per Ente), so at most one
 * such statement per Ente is in flight; what arrives meanwhile is written by the next one as a
 * run (pratiche/submission-runs.ts), each item still checked on its own version. The one read
 * before (the pratica with what its actions need) goes the same way per caller's scope: the
 * reads that arrive while one is in flight are read by the next statement together (measured:
 * CPU per transition 1.5 -> 0.9 ms at 50 concurrent, half node, half PostgreSQL, as each
 * statement costs both sides more than its rows). At most
 * TRANSITION_ADMISSION's transitions are in flight at once; beyond its queue or its wait, the
 * surplus is refused at once with BUSY (retryable), not left to time out.
 */
export class WorkflowService {
  private readonly runs = new SubmissionRuns<TransitionWrite, number | null>((enteId, writes) => repo.moveRun(this.db, enteId, writes));
  /** Keyed by the scope (every item of a run has the same). */
  private readonly reads = new SubmissionRuns<{ id: string; scope: PraticaScope }, PraticaContext | null>(async (_key, items) => {
    const found = await praticaContexts(this.db, items.map((i) => i.id), items[0]!.scope);
    return items.map((i) => found.get(i.id) ?? null);
  });
  admission: Admission;

  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions,
    readonly hooks: TransitionHooks, public clock: Clock = systemClock, limits: AdmissionLimits = TRANSITION_ADMISSION,
  ) {
    this.admission = new Admission(limits);
  }

  /** `within`: more writes in the transition's transaction (a reply's text and files); the transition is then written alone. */
  async transition(actor: WorkflowActor, req: TransitionRequest, within?: WithinTransition): Promise<TransitionOutcome> {
    checkRequest(req);
    return this.admission.run(() => this.write(actor, req, within));
  }

  private async write(actor: WorkflowActor, req: TransitionRequest, within?: WithinTransition): Promise<TransitionOutcome> {
    // The one read before the write: the pratica with what its actions need (the hooks get it).
    const pratica = isUuid(req.praticaId) ? await this.reads.add(scopeKey(actor.scope), { id: req.praticaId, scope: actor.scope }) : null;
    if (!pratica) throw notFound('pratica', req.praticaId);
    const version = await this.versions.version(pratica.serviceId, pratica.serviceVersionId);
    const now = this.clock();
    const transition = this.check(actor, pratica, version, req, now);
    const workflow = workflowOf(version.compiled);
    const sla = enterState(workflow, transition.to, now, pratica);
    const comment = req.comment?.trim() || null;
    const kind = actor.apiKeyId ? 'apiKey' : actor.role;
    const actorId = actor.userId ?? actor.apiKeyId;
    const rowVersion = req.expectedVersion + 1;
    const event: TransitionEvent = {
      enteId: pratica.enteId, praticaId: pratica.id, praticaCode: pratica.code, serviceId: pratica.serviceId, version: String(rowVersion),
      transitionId: transition.id, from: pratica.state, to: transition.to,
      actor: { userId: actor.userId, apiKeyId: actor.apiKeyId, role: actor.role },
      comment, language: pratica.language, at: now, actions: transition.actions ?? [],
      ...(req.textOverrides ? { textOverrides: req.textOverrides } : {}), pratica,
    };
    const write: TransitionWrite = {
      id: pratica.id, enteId: pratica.enteId, from: pratica.state, to: transition.to, expectedVersion: req.expectedVersion, at: now, sla,
      event: { kind: 'transition', transitionId: transition.id, actorId, actorKind: kind, comment, data: { rowVersion }, visibleToCitizen: true },
      outbox: await this.hooks.prepare(this.db, event),
      audit: sourcedEvent(prepareEvent({
        enteId: pratica.enteId, actorId, actorKind: kind, action: 'pratica.transition', subjectType: 'pratica', subjectId: pratica.id,
        data: { transitionId: transition.id, from: pratica.state, to: transition.to, rowVersion, comment },
      }, now)),
    };
    const moved = within
      ? await this.db.$transaction(async (tx) => {
        const [v] = await repo.moveRun(tx, pratica.enteId, [write]);
        if (v === null || v === undefined) throw await this.conflict(tx, pratica.id, req.expectedVersion);
        await within(tx, { pratica, rowVersion: v, at: now });
        return v;
      })
      : await this.runs.add(pratica.enteId, write);
    if (moved === null) throw await this.conflict(this.db, pratica.id, req.expectedVersion);
    return { praticaId: pratica.id, transitionId: transition.id, from: pratica.state, to: transition.to, rowVersion: moved, at: now };
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
    const refusal = actionRefusal(version.compiled, transition, input, centsOf(pratica.feeCents));
    if (refusal) throw refusal;
    return transition;
  }

  private async conflict(tx: Tx, id: string, expected: number) {
    const now = await repo.current(tx, id);
    return staleVersion(expected, now?.rowVersion ?? expected, now?.state ?? '');
  }
}

function scopeKey(scope: PraticaScope): string {
  return 'citizenId' in scope ? `citizen:${scope.citizenId}` : `ente:${scope.enteId}:${scope.operatorId ?? ''}`;
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
