import type { Action } from '@sportello/schemas';
import type { Prisma } from '../generated/prisma/client.js';
import type { PraticaContext } from '../pratiche/pratica-context.repository.js';
import type { Tx } from '../shared/prisma.js';

/**
 * The contract between the workflow and whatever a transition sets off (the outbox, first of
 * all). Hooks run BEFORE the transition is written, and return the outbox rows it must write:
 * the workflow writes the move, its history, those rows and the audit event in ONE statement,
 * so a committed transition always has its actions and a refused or conflicting one has none.
 * A throwing hook refuses the transition (nothing is written). The event carries the pratica as
 * the transition read it (with its people, Ente and definition), so a hook need not read it again.
 */
export interface TransitionEvent {
  enteId: string; praticaId: string; praticaCode: string; serviceId: string;
  /** The pratica's row version once moved: it names this transition (the actions' keys). */
  version: string;
  transitionId: string; from: string; to: string;
  actor: { userId: string | null; apiKeyId: string | null; role: 'operator' | 'supervisor' | 'citizen' | 'system' };
  comment: string | null; language: string; at: Date;
  actions: Action[];                      // the definition's actions of this transition (schemas' Action type)
  textOverrides?: Record<string, { subject?: string; body?: string }>; // operator-edited texts, key = action index
  /** The pratica before the move (its state is `from`). */
  pratica: PraticaContext;
}

/** An outbox row a transition writes (its Ente and pratica are the transition's). */
export interface TransitionOutboxRow {
  id: string; kind: string; idempotencyKey: string; payload: Record<string, unknown>; maxAttempts: number;
}

/** Prepares what a transition writes; `db` may be read (not written): the transition is not written yet. */
export type TransitionHook = (db: Tx, event: TransitionEvent) => Promise<TransitionOutboxRow[]>;
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

  /** Every hook's rows, in registration order. */
  async prepare(db: Tx, event: TransitionEvent): Promise<TransitionOutboxRow[]> {
    const rows: TransitionOutboxRow[] = [];
    for (const hook of this.hooks) rows.push(...(await hook(db, event)));
    return rows;
  }
}
