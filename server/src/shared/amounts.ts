import { LIMITS } from '@sportello/schemas';
import { badInput, fieldProblem, type DomainError } from './domain-error.js';

/**
 * Money columns are BIGINT (cents): Prisma and the SQL drivers hand them back as bigint. Every
 * amount the engine lets through is at most LIMITS.maxAmountCents (10^11), well inside a safe
 * integer, so repositories give the rest of the code plain numbers.
 */
export function centsOf(value: bigint | number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount out of the safe range: ${String(value)}`);
  return n;
}

/**
 * A definition's fee came to more than any amount the platform keeps (LIMITS.maxAmountCents): the
 * write is refused rather than done with no fee. The pointer is the definition's fee expression,
 * where the designer has to look.
 */
export function feeOutOfRange(): DomainError {
  const params = { max: LIMITS.maxAmountCents / 100 };
  return badInput('pratiche.feeOutOfRange', params, [fieldProblem('/fees/amount', 'fee.outOfRange', 'pratiche.feeOutOfRange', params)]);
}

/**
 * A definition's fee gave no amount the platform can ask for (not a number, negative, NaN: the
 * engine's `fee.invalid`): the write is refused rather than done with no fee, like feeOutOfRange.
 */
export function feeInvalid(): DomainError {
  return badInput('pratiche.feeInvalid', {}, [fieldProblem('/fees/amount', 'fee.invalid', 'pratiche.feeInvalid')]);
}

/** Refuses a fee the engine could not compute or that is beyond the limit; a valid fee or none passes. */
export function checkFee(fee: { error?: string } | null | undefined): void {
  if (fee?.error === 'fee.outOfRange') throw feeOutOfRange();
  if (fee?.error === 'fee.invalid') throw feeInvalid();
}
