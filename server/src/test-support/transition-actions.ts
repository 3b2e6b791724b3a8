import { outboxRepository } from '../outbox/outbox.repository.js';
import type { OutboxKind } from '../outbox/outbox.types.js';
import { createTransitionActionsHook } from '../outbox/transition-actions.hook.js';
import { praticaContext } from '../pratiche/pratica-context.repository.js';
import type { Tx } from '../shared/prisma.js';
import type { TransitionEvent } from '../workflow/transition-hooks.js';

/** An event as the workflow hands it to hooks: with the pratica as the transition reads it. */
export async function withPratica(db: Tx, event: Omit<TransitionEvent, 'pratica'>): Promise<TransitionEvent> {
  const pratica = await praticaContext(db, event.praticaId, { enteId: event.enteId });
  if (!pratica) throw new Error(`no pratica ${event.praticaId} in Ente ${event.enteId}`);
  return { ...event, pratica };
}

/** The outbox rows the transition hook prepares for `event`, written as the transition's statement would (tests of the outbox alone). */
export async function writeTransitionActions(db: Tx, event: Omit<TransitionEvent, 'pratica'>, maxAttempts: number): Promise<void> {
  for (const r of await createTransitionActionsHook(maxAttempts)(db, await withPratica(db, event))) {
    await outboxRepository.insert(db, { enteId: event.enteId, praticaId: event.praticaId, kind: r.kind as OutboxKind, idempotencyKey: r.idempotencyKey, payload: r.payload }, event.at, r.maxAttempts);
  }
}
