import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import { isUuid } from '../shared/ids.js';
import { enteScope } from '../access/policy.js';
import { auditActor, type Viewer } from '../access/viewer.js';
import { romeDate, type Clock } from '../shared/clock.js';
import { DomainError, notFound } from '../shared/domain-error.js';
import type { OutboxEnqueue, TransitionHook } from '../workflow/transition-hooks.js';
import type { Deliverers } from './delivery.port.js';
import { outboxRepository as repo } from './outbox.repository.js';
import type { OutboxSettings } from '../settings/outbox.js';
import type { OutboxActionRow, OutboxStatus } from './outbox.types.js';
import { OutboxWorker } from './outbox-worker.js';
import { createOutboxEnqueue, createTransitionActionsHook, prepareTransitionActions } from './transition-actions.hook.js';
import { praticaContext } from '../pratiche/pratica-context.repository.js';
import type { TextOverrides } from './action-payloads.js';
import { DEFAULT_WORKFLOW } from '../workflow/default-workflow.js';
import { actionRefusal } from '../workflow/action-checks.js';
import type { Tx } from '../shared/prisma.js';
import { messageNotices, type OfficeMessage } from './message-notices.js';

/** GraphQL's list of edits as the transition event carries them (key = action index). */
export function overridesOf(edits: Array<{ index: number; subject?: string | null; body?: string | null }>): TextOverrides {
  const out: TextOverrides = {};
  for (const e of edits) {
    out[String(e.index)] = { ...(typeof e.subject === 'string' ? { subject: e.subject } : {}), ...(typeof e.body === 'string' ? { body: e.body } : {}) };
  }
  return out;
}

/**
 * The outbox area: the hook and enqueue that write actions in others' transactions, the
 * supervisors' view of actions (failed ones above all) and their retry, and workers.
 */
export class OutboxService {
  readonly enqueue: OutboxEnqueue;
  readonly transitionActionsHook: TransitionHook;

  constructor(
    private readonly prisma: PrismaClient,
    readonly settings: OutboxSettings,
    private readonly deliverers: Deliverers,
    public clock: Clock,
  ) {
    this.enqueue = createOutboxEnqueue(settings.maxAttempts, () => this.clock());
    this.transitionActionsHook = createTransitionActionsHook(settings.maxAttempts);
  }

  /**
   * Enqueues, in the caller's transaction (the message's own), the notices of an office's
   * message to the citizen on every channel they can be reached on (message-notices.ts).
   * Returns the channels.
   */
  async notifyMessage(tx: Tx, message: OfficeMessage): Promise<string[]> {
    const items = await messageNotices(tx, message, { appIo: this.deliverers.appio !== undefined });
    for (const item of items) await repo.insert(tx, item, this.clock(), this.settings.maxAttempts);
    return items.map((i) => i.kind);
  }

  /** A worker over this database with these deliverers (the server's own, or `sportello worker`'s). */
  createWorker(): OutboxWorker {
    return new OutboxWorker(this.prisma, this.deliverers, this.settings, () => this.clock());
  }

  async list(viewer: Viewer, args: PageArgs & { status?: OutboxStatus | null; praticaId?: string | null }) {
    const { enteId } = enteScope(viewer);
    const page = pageOf(args);
    if (args.praticaId && !isUuid(args.praticaId)) return toConnection([], page, 0, (r: OutboxActionRow) => ({ at: r.createdAt, id: r.id }), (r) => r);
    const { rows, total } = await repo.page(this.prisma, enteId, { status: args.status ?? undefined, praticaId: args.praticaId ?? undefined }, page);
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), (r) => r);
  }

  /**
   * The actions `transitionId` would run on this pratica now, rendered by the same code the
   * transition's hook runs (so the preview is what will be sent); refused (ACTION_INVALID) when an
   * action could not run, as the transition would be.
   */
  async preview(viewer: Viewer, praticaId: string, transitionId: string, edits: Array<{ index: number; subject?: string | null; body?: string | null }>) {
    const { enteId } = enteScope(viewer);
    if (!isUuid(praticaId)) throw notFound('Pratica', praticaId);
    const ctx = await praticaContext(this.prisma, praticaId, { enteId });
    if (!ctx) throw notFound('Pratica', praticaId);
    // The same workflow transitionPratica runs: the service's own, or the default one.
    const transition = (ctx.definition.workflow ?? DEFAULT_WORKFLOW).transitions.find((t) => t.id === transitionId);
    if (!transition) throw notFound('Transition', transitionId);
    // Refused here as the transition itself would be: an action that cannot run is not previewed.
    const at = this.clock();
    const input = { answers: ctx.answers, computed: ctx.computed, office: ctx.officeData, today: romeDate(at) };
    const refusal = actionRefusal(ctx.compiled, transition, input, ctx.feeCents);
    if (refusal) throw refusal;
    const prepared = prepareTransitionActions({
      pratica: ctx, transitionId, from: ctx.state, to: transition.to, comment: null, at, language: ctx.language,
      actions: transition.actions ?? [], textOverrides: overridesOf(edits),
    });
    return prepared.map((p) => ({ index: p.index, kind: p.kind, ...p.preview }));
  }

  /** A failed action queued again with a fresh count of attempts; recorded in the audit chain. */
  async retry(viewer: Viewer, id: string): Promise<OutboxActionRow> {
    const { enteId } = enteScope(viewer);
    if (!isUuid(id)) throw notFound('OutboxAction', id);
    return this.prisma.$transaction(async (tx) => {
      const before = await repo.find(tx, id, enteId);
      if (!before) throw notFound('OutboxAction', id);
      if (!(await repo.retry(tx, id, enteId, this.clock()))) {
        throw new DomainError('CONFLICT', 'outbox.notFailed', { status: before.status });
      }
      await auditService.record(tx, {
        enteId, ...auditActor(viewer), action: 'outbox.retried', subjectType: 'OutboxAction', subjectId: id,
        data: { kind: before.kind, praticaId: before.praticaId, lastError: before.lastError },
      });
      return (await repo.find(tx, id, enteId))!;
    });
  }
}
