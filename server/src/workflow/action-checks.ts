import { LIMITS, paymentAmount, type CompiledService, type GuardInput, type Transition } from '@sportello/schemas';
import { DomainError } from '../shared/domain-error.js';

/** Why a payment action cannot ask for anything: the engine's verdict on its amount, or no amount at all. */
type PaymentReason = 'noAmount' | 'invalid' | 'outOfRange';

const REASON = { 'fee.invalid': 'invalid', 'fee.outOfRange': 'outOfRange' } as const;

/**
 * The refusal of a transition whose action cannot be carried out with this pratica's data, known
 * before anything is written: a `payment` action whose amount (its own expression, or else the
 * pratica's fee) is missing, not a number, negative or beyond the engine's limit. Without this
 * check the transition was written and its payment request failed in the outbox, the citizen
 * told of a payment that never came. Null when every action can run.
 *
 * Not refused: a zero amount (an exempt citizen: accesso agli atti by inspection only, a canteen
 * fee waived; the office must still conclude, and the outbox records that there was nothing to
 * ask), and a citizen without an e-mail address or fiscal code (their e-mail or App IO action is
 * recorded as not deliverable; the other channels and the protocol still reach them).
 */
export function actionRefusal(compiled: CompiledService, transition: Transition, input: GuardInput, feeCents: number | null): DomainError | null {
  const actions = transition.actions ?? [];
  for (let index = 0; index < actions.length; index++) {
    if (actions[index]!.type !== 'payment') continue;
    const own = paymentAmount(compiled, transition.id, index, input);
    const reason: PaymentReason | null = own ? (own.amountCents === null ? REASON[own.error] : null) : feeCents === null ? 'noAmount' : null;
    if (reason) return paymentRefused(transition.id, index, reason);
  }
  return null;
}

export const paymentRefused = (transition: string, index: number, reason: PaymentReason) =>
  new DomainError('ACTION_INVALID', `workflow.paymentRefused.${reason}`, {
    transition, action: index + 1, actionType: 'payment', reason, ...(reason === 'outOfRange' ? { max: LIMITS.maxAmountCents / 100 } : {}),
  });
