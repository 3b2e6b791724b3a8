import type { Action } from '@sportello/schemas';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * The contract between the workflow and whatever a transition sets off (the outbox, first of
 * all): every registered hook runs inside the transition's database transaction, so a throwing
 * hook rolls the transition back and nothing is half-written.
 */
export interface TransitionEvent {
  enteId: string; praticaId: string; praticaCode: string; serviceId: string; version: string;
  transitionId: string; from: string; to: string;
  actor: { userId: string | null; apiKeyId: string | null; role: 'operator' | 'supervisor' | 'citizen' | 'system' };
  comment: string | null; language: string; at: Date;
  actions: Action[];                      // the definition's actions of this transition (schemas' Action type)
  textOverrides?: Record<string, { subject?: string; body?: string }>; // operator-edited texts, key = action index
}
export type TransitionHook = (tx: Prisma.TransactionClient, event: TransitionEvent) => Promise<void>;
export type OutboxEnqueue = (tx: Prisma.TransactionClient, item: { enteId: string; praticaId: string | null;
  kind: 'email'; idempotencyKey: string; payload: Record<string, unknown> }) => Promise<void>;

/** The hooks a process runs on every transition, in registration order. */
export class TransitionHooks {
  private readonly hooks: TransitionHook[] = [];

  register(hook: TransitionHook): () => void {
    this.hooks.push(hook);
    return () => {
      const i = this.hooks.indexOf(hook);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }

  async run(tx: Prisma.TransactionClient, event: TransitionEvent): Promise<void> {
    for (const hook of this.hooks) await hook(tx, event);
  }
}
