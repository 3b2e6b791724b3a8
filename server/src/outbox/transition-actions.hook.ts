import type { Action } from '@sportello/schemas';
import type { Clock } from '../shared/clock.js';
import type { OutboxEnqueue, TransitionEvent, TransitionHook } from '../workflow/transition-hooks.js';
import { outboxRepository as repo } from './outbox.repository.js';
import type { OutboxKind } from './outbox.types.js';

const KIND: Record<Action['type'], OutboxKind> = { protocol: 'protocol', email: 'email', appio: 'appio', payment: 'payment' };

/** The key of a transition's action: the pratica's version names the transition, so a later identical one is another action. */
export function transitionActionKey(event: Pick<TransitionEvent, 'praticaId' | 'transitionId' | 'version'>, index: number): string {
  return `pratica:${event.praticaId}:${event.transitionId}:${event.version}:${index}`;
}

/**
 * The workflow's hook: one outbox row per action of the transition, in the transition's own
 * transaction, so a committed transition always has its actions and a rolled-back one has none.
 */
export function createTransitionActionsHook(maxAttempts: number): TransitionHook {
  return async (tx, event) => {
    for (const [index, action] of event.actions.entries()) {
      const override = event.textOverrides?.[String(index)];
      await repo.insert(tx, {
        enteId: event.enteId,
        praticaId: event.praticaId,
        kind: KIND[action.type],
        idempotencyKey: transitionActionKey(event, index),
        payload: {
          action,
          ...(override ? { textOverride: override } : {}),
          transition: { id: event.transitionId, from: event.from, to: event.to, at: event.at.toISOString() },
          praticaCode: event.praticaCode,
          language: event.language,
          actor: event.actor,
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
