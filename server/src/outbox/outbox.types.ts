/** What the outbox delivers: one kind per action a transition (or the SLA watch) can trigger. */
export const OUTBOX_KINDS = ['protocol', 'email', 'appio', 'push', 'payment', 'document'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** pending: waiting for its time or leased by a worker; done; failed: after the last attempt. */
export const OUTBOX_STATUSES = ['pending', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One action to write into the outbox. The key is unique per Ente: enqueuing it again is a no-op. */
export interface OutboxItem {
  enteId: string;
  praticaId: string | null;
  kind: OutboxKind;
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

/** A row a worker holds the lease of. `attempts` counts this attempt too. */
export interface ClaimedAction {
  id: string;
  enteId: string;
  praticaId: string | null;
  kind: OutboxKind;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** A row as supervisors see it. */
export interface OutboxActionRow {
  id: string;
  enteId: string;
  praticaId: string | null;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  status: string;
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  lastError: string | null;
  result: unknown;
  createdAt: Date;
  doneAt: Date | null;
}
