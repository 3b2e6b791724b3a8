import type { FeeResult, RankingKeyValue, RankingResult, StepState } from '../types.js';
import { run, type EvalState } from './state.js';
import { specialized } from './specialize.js';
import { LIMITS } from '../limits.js';

function stepOf(state: EvalState, pointer: string): number | undefined {
  const { stepOfPointer: map, stepPointerDepth: depth } = state.service;
  // The longest prefix laid out in a step decides: cut the pointer to at most `depth` tokens first.
  let end = 0;
  for (let n = 0; n < depth; n++) {
    const next = pointer.indexOf('/', end + 1);
    if (next < 0) { end = pointer.length; break; }
    end = next;
  }
  let p = end > 0 && end < pointer.length ? pointer.slice(0, end) : pointer;
  while (p.length > 0) {
    const s = map.get(p);
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

/**
 * The fee in euro cents (the amount times 100 when the definition's unit is euro), rounded to the cent; a negative or non-numeric amount is `fee.invalid`,
 * one above LIMITS.maxAmountCents `fee.outOfRange` (amountCents null either way).
 */
export function feeOf(state: EvalState, text: (key: string) => string): FeeResult | null {
  const fee = state.service.fee;
  if (!fee) return null;
  const value = run(fee.amount, state.data);
  const result: FeeResult = { amountCents: null, causale: text(fee.causale), causaleKey: fee.causale, dueDays: fee.dueDays ?? null };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) result.error = 'fee.invalid';
  else {
    const cents = Math.round(fee.unit === 'euro' ? value * 100 : value);
    if (cents > LIMITS.maxAmountCents) result.error = 'fee.outOfRange';
    else result.amountCents = cents;
  }
  return result;
}

function readParts(root: unknown, parts: readonly string[]): unknown {
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[parts[i]!];
  }
  return cur;
}

const scalar = (v: unknown): string | number | boolean | null =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : null;

/** A key's name: its label; for a tie-breaker (a field), the field's label; else its id. */
function keyLabel(state: EvalState, k: { id: string; label?: string }, text: (key: string) => string): string {
  if (k.label) return text(k.label);
  if (k.id === '$submittedAt') return text('ranking.key.submittedAt');
  const field = k.id.startsWith('$office.') ? state.service.officeFields.get(k.id.slice(8)) : state.service.fields.get(k.id);
  return field?.ui.label ? text(field.ui.label) : k.id;
}

/**
 * Score, exclusions (every one that holds, in order, in the asked language), each key of the
 * order with its label and value, and the older tie-breaking values.
 */
export function rankingOf(state: EvalState, office: Record<string, unknown>, text: (key: string) => string): RankingResult | null {
  const ranking = state.service.ranking;
  if (!ranking) return null;
  const { value, reasons } = specialized(state.service).ranking(state);
  const tieBreak = ranking.tieReads.map((r) => {
    if (r === null) return null;
    const v = readParts(r.office ? office : state.data, r.parts);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  });
  const score = typeof value === 'number' && Number.isFinite(value) ? value : null;
  const keys: RankingKeyValue[] = [{ id: 'score', label: text('ranking.key.score'), direction: 'desc', value: score }];
  for (const k of ranking.keys) keys.push({ id: k.id, label: keyLabel(state, k, text), direction: k.direction, value: scalar(run(k.fn, state.data)) });
  const result: RankingResult = { score, excluded: reasons.length > 0, reasons: reasons.map(text), reasonKeys: reasons, keys, tieBreak };
  if (score === null) result.error = 'ranking.invalid';
  return result;
}
