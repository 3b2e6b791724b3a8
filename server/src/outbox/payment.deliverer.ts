import type { Clock } from '../shared/clock.js';
import type { Tx } from '../shared/prisma.js';
import { paymentRequestsRepository } from '../payments/payment-requests.repository.js';
import { PermanentDeliveryError, type Deliver } from './delivery.port.js';

/**
 * Records a `payment` action's request (amount, due date and causale fixed when the transition
 * was written) in payment_requests, once per idempotency key, for the payments part to collect.
 * A zero amount records no request.
 */
export function paymentDeliverer(db: Tx, clock: Clock): Deliver {
  return async (a) => {
    const { amountCents, dueDate, causale } = a.payload as { amountCents?: unknown; dueDate?: unknown; causale?: unknown };
    if (!a.praticaId) throw new PermanentDeliveryError('a payment request needs its pratica');
    if (typeof amountCents !== 'number' || !Number.isInteger(amountCents) || amountCents < 0) {
      throw new PermanentDeliveryError('the payment request has no amount: the pratica has no fee and the action no amount of its own');
    }
    // An exempt citizen (a zero fee): nothing to ask, which is this action's success, not a failure
    // a supervisor would have to look at.
    if (amountCents === 0) return { paymentRequestId: null, amountCents: 0, exempt: true };
    if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw new PermanentDeliveryError('the payment request has no due date');
    const row = await paymentRequestsRepository.record(db, {
      enteId: a.enteId, praticaId: a.praticaId, amountCents, dueDate, causale: typeof causale === 'string' && causale.trim() ? causale : `Pratica ${String(a.payload.praticaCode ?? '')}`.trim(),
      idempotencyKey: a.idempotencyKey, at: clock(),
    });
    if (!row) throw new PermanentDeliveryError(`pratica ${a.praticaId} not found in its Ente`);
    return { paymentRequestId: row.id, amountCents: row.amountCents, dueDate };
  };
}
