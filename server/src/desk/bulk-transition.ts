import { DomainError } from '../shared/domain-error.js';
import { translator } from '../shared/i18n.js';
import type { Logger } from '../shared/logger.js';
import { badInput } from '../shared/domain-error.js';
import type { WorkflowActor, WorkflowService } from '../workflow/workflow.service.js';
import type { BulkTransitionInput, BulkTransitionItemResult } from './desk.types.js';

const MAX_ITEMS = 100;

/**
 * One transition over many pratiche, each in its own transaction (workflow.service: all its
 * checks, its history, its actions, its audit event), one after the other so the Ente's audit
 * chain and the outbox see them in order. A refusal is the item's value with the stable code and
 * key the single transition would raise (CONFLICT, TRANSITION_NOT_ALLOWED, GUARD_FAILED,
 * NOT_FOUND...): the others go on.
 */
export async function bulkTransition(
  workflow: WorkflowService, actor: WorkflowActor, input: BulkTransitionInput, language: string, log?: Logger,
): Promise<BulkTransitionItemResult[]> {
  if (input.items.length === 0 || input.items.length > MAX_ITEMS) throw badInput('desk.bulkSize', { max: MAX_ITEMS });
  const t = translator(language);
  const results: BulkTransitionItemResult[] = [];
  for (const item of input.items) {
    try {
      const result = await workflow.transition(actor, {
        praticaId: item.praticaId, transitionId: input.transitionId, expectedVersion: item.rowVersion, comment: input.comment ?? null, language,
      });
      results.push({ praticaId: item.praticaId, ok: true, result, refusal: null });
    } catch (e) {
      const error = e instanceof DomainError ? e : null;
      if (!error) log?.error({ err: e, praticaId: item.praticaId }, 'bulk transition item failed');
      const code = error?.code ?? 'INTERNAL_SERVER_ERROR';
      const key = error?.key ?? 'error.internal';
      const params = error?.params ?? {};
      results.push({ praticaId: item.praticaId, ok: false, result: null, refusal: { code, key, params, message: t(key, params) } });
    }
  }
  return results;
}
