import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import type { OutboxEnqueue, TransitionEvent, TransitionHook } from '../workflow/transition-hooks.js';
import { prepareActions, type PreparedAction } from './action-payloads.js';
import { outboxRepository as repo } from './outbox.repository.js';

/** The key of a transition's action: the pratica's version names the transition, so a later identical one is another action. */
export function transitionActionKey(event: Pick<TransitionEvent, 'praticaId' | 'transitionId' | 'version'>, index: number): string {
  return `pratica:${event.praticaId}:${event.transitionId}:${event.version}:${index}`;
}

/** The actions of a transition rendered as they will be delivered (the hook's and the preview's one way). */
export function prepareTransitionActions(event: Pick<TransitionEvent, 'pratica' | 'transitionId' | 'from' | 'to' | 'comment' | 'at' | 'language' | 'actions' | 'textOverrides'>): PreparedAction[] {
  if (event.actions.length === 0) return [];
  // Rendered as the pratica will be once moved (its state is the transition's target).
  return prepareActions({ ...event.pratica, state: event.to }, event.actions, event, event.textOverrides);
}

/**
 * The workflow's hook: one outbox row per action of the transition, its texts rendered now (in
 * the state the transition moves to), written by the transition's own statement, so a committed
 * transition always has its actions and a refused one has none.
 */
export function createTransitionActionsHook(maxAttempts: number): TransitionHook {
  return async (_db, event) => {
    const prepared = prepareTransitionActions(event);
    return prepared.map((p) => ({
      id: randomUUID(),
      kind: p.kind,
      idempotencyKey: transitionActionKey(event, p.index),
      maxAttempts,
      payload: {
        ...p.payload,
        action: event.actions[p.index]!,
        transition: { id: event.transitionId, from: event.from, to: event.to, at: event.at.toISOString() },
        praticaCode: event.praticaCode,
        actor: event.actor,
        ...(event.textOverrides?.[String(p.index)] ? { edited: true } : {}),
      },
    }));
  };
}

/** Enqueues one action in the caller's transaction (e.g. the SLA watch's e-mails to supervisors). */
export function createOutboxEnqueue(maxAttempts: number, clock: Clock): OutboxEnqueue {
  return async (tx, item) => {
    await repo.insert(tx, item, clock(), maxAttempts);
  };
}
