import type { FeeResult, RankingResult, StepState } from '../types.js';
import { readDotted } from '../paths.js';
import { run, type EvalState } from './state.js';

function stepOf(state: EvalState, pointer: string): number | undefined {
  let p = pointer;
  while (p.length > 0) {
    const s = state.service.stepOfPointer.get(p);
    if (s !== undefined) return s;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return undefined;
}

/** Per step: visible, how many errors fall in it, complete when visible with none. */
export function stepStates(state: EvalState): StepState[] {
  const counts = new Array<number>(state.service.steps.length).fill(0);
  for (const e of state.errors) {
    const s = stepOf(state, e.pointer);
    if (s !== undefined) counts[s]! += 1;
  }
  return state.service.steps.map((step) => {
    const visible = !state.hiddenSteps.has(step.index);
    return { id: step.id, visible, complete: visible && counts[step.index] === 0, errorCount: counts[step.index]! };
  });
}

/** The fee in euro cents, rounded to the cent; a negative or non-numeric amount is an error. */
export function feeOf(state: EvalState): FeeResult | null {
  const fee = state.service.fee;
  if (!fee) return null;
  const value = run(fee.amount, state.data);
  const result: FeeResult = { amountCents: null, causale: fee.causale, dueDays: fee.dueDays ?? null };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) result.error = 'fee.invalid';
  else result.amountCents = Math.round(value);
  return result;
}

/** Score, exclusions (every one that holds, in order) and the tie-breaking values. */
export function rankingOf(state: EvalState, office: Record<string, unknown>): RankingResult | null {
  const ranking = state.service.ranking;
  if (!ranking) return null;
  const value = run(ranking.score, state.data);
  const reasons = ranking.exclusions.filter((e) => run(e.fn, state.data)).map((e) => e.reason);
  const tieBreak = ranking.tieBreakers.map((t) => {
    if (t.field === '$submittedAt') return null;
    const v = t.field.startsWith('$office.') ? readDotted(office, t.field.slice(8)) : readDotted(state.data, t.field);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  });
  const score = typeof value === 'number' && Number.isFinite(value) ? value : null;
  const result: RankingResult = { score, excluded: reasons.length > 0, reasons, tieBreak };
  if (score === null) result.error = 'ranking.invalid';
  return result;
}
