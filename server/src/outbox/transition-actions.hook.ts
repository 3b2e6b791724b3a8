import type { Clock } from '../shared/clock.js';
import type { Tx } from '../shared/prisma.js';
import { notFound } from '../shared/domain-error.js';
import type { OutboxEnqueue, TransitionEvent, TransitionHook } from '../workflow/transition-hooks.js';
import { prepareActions, type PreparedAction } from './action-payloads.js';
import { outboxRepository as repo } from './outbox.repository.js';
import { praticaContext } from './pratica-context.repository.js';

/** The key of a transition's action: the pratica's version names the transition, so a later identical one is another action. */
export function transitionActionKey(event: Pick<TransitionEvent, 'praticaId' | 'transitionId' | 'version'>, index: number): string {
  return `pratica:${event.praticaId}:${event.transitionId}:${event.version}:${index}`;
}

/** The actions of a transition rendered as they will be delivered (the hook's and the preview's one way). */
export async function prepareTransitionActions(db: Tx, event: Omit<TransitionEvent, 'actor' | 'version' | 'praticaCode' | 'serviceId'>): Promise<PreparedAction[]> {
  if (event.actions.length === 0) return [];
  const ctx = await praticaContext(db, event.enteId, event.praticaId);
  if (!ctx) throw notFound('Pratica', event.praticaId);
  return prepareActions(ctx, event.actions, event, event.textOverrides);
}

/**
 * The workflow's hook: one outbox row per action of the transition, its texts rendered now, in
 * the transition's own transaction, so a committed transition always has its actions and a
 * rolled-back one has none.
 */
export function createTransitionActionsHook(maxAttempts: number): TransitionHook {
  return async (tx, event) => {
    for (const prepared of await prepareTransitionActions(tx, event)) {
      const action = event.actions[prepared.index]!;
      await repo.insert(tx, {
        enteId: event.enteId,
        praticaId: event.praticaId,
        kind: prepared.kind,
        idempotencyKey: transitionActionKey(event, prepared.index),
        payload: {
          ...prepared.payload,
          action,
          transition: { id: event.transitionId, from: event.from, to: event.to, at: event.at.toISOString() },
          praticaCode: event.praticaCode,
          actor: event.actor,
          ...(event.textOverrides?.[String(prepared.index)] ? { edited: true } : {}),
        },
      }, event.at, maxAttempts);
    }
  };
}

/** Enqueues one action in the caller's transaction (e.g. the SLA watch's e-mails to supervisors). */
export function createOutboxEnqueue(maxAttempts: number, clock: Clock): OutboxEnqueue {
  return async (tx, item) => {
    await repo.insert(tx, item, clock(), maxAttempts);
  };
}
