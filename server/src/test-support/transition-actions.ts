import { outboxRepository } from '../outbox/outbox.repository.js';
import type { OutboxKind } from '../outbox/outbox.types.js';
import { createTransitionActionsHook } from '../outbox/transition-actions.hook.js';
import type { Tx } from '../shared/prisma.js';
import type { TransitionEvent } from '../workflow/transition-hooks.js';

/** The outbox rows the transition hook prepares for `event`, written as the transition's statement would (tests of the outbox alone). */
export async function writeTransitionActions(db: Tx, event: TransitionEvent, maxAttempts: number): Promise<void> {
  for (const r of await createTransitionActionsHook(maxAttempts)(db, event)) {
    await outboxRepository.insert(db, { enteId: event.enteId, praticaId: event.praticaId, kind: r.kind as OutboxKind, idempotencyKey: r.idempotencyKey, payload: r.payload }, event.at, r.maxAttempts);
  }
}
