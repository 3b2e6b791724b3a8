import type { CompiledService } from './compile/compiled-service.js';
import { run } from './evaluate/state.js';
import { LIMITS } from './limits.js';
import { guardData, type GuardInput } from './workflow-guard.js';

/** A payment action's amount: cents, or why there is none (`fee.invalid`, `fee.outOfRange`). */
export type PaymentAmount = { amountCents: number } | { amountCents: null; error: 'fee.invalid' | 'fee.outOfRange' };

/**
 * The amount of action `index` of transition `transitionId`, when the action has an `amount` of
 * its own (undefined when it has none: the pratica's fee applies). Read like the fee: rounded to
 * the cent, euro times 100; negative, non-numeric or above LIMITS.maxAmountCents has no amount.
 */
export function paymentAmount(service: CompiledService, transitionId: string, index: number, input: GuardInput): PaymentAmount | undefined {
  const compiled = service.paymentAmounts.get(`${transitionId}/${index}`);
  if (!compiled) return undefined;
  let value: unknown;
  try {
    value = run(compiled.fn, guardData(input));
  } catch {
    return { amountCents: null, error: 'fee.invalid' };
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return { amountCents: null, error: 'fee.invalid' };
  const cents = Math.round(compiled.unit === 'euro' ? value * 100 : value);
  return cents > LIMITS.maxAmountCents ? { amountCents: null, error: 'fee.outOfRange' } : { amountCents: cents };
}
