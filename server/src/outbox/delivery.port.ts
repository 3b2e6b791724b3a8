import type { ClaimedAction, OutboxKind } from './outbox.types.js';

/**
 * Delivers one kind of action to its system (SMTP, App IO, the protocol register, ...). It
 * receives the action with its idempotency key and passes the key on wherever the receiving
 * system can use it (a Message-ID, a request header, a unique row), so a repeated delivery
 * after a crash is recognisable there. Returns what to record as the action's result.
 * Throwing means "try again later"; throwing PermanentDeliveryError means "no attempt can
 * succeed" (no recipient address, a refused payload): the action fails at once.
 */
export type Deliver = (action: ClaimedAction) => Promise<Record<string, unknown>>;

export type Deliverers = Partial<Record<OutboxKind, Deliver>>;

export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
