import { isMissing, readAt } from '../paths.js';
import type { CompiledRule } from '../compile/compiled-service.js';
import { pointerAt } from '../compile/field-index.js';
import { atRow, isFieldHidden, rowsOf, run, type EvalState } from './state.js';

const NONE: CompiledRule[] = [];

function anyHolds(rules: readonly CompiledRule[], ctx: unknown): boolean {
  for (let i = 0; i < rules.length; i++) if (run(rules[i]!.fn, ctx)) return true;
  return false;
}

/**
 * Required-ness is decided here, not by Ajv: a field is required when visible and either
 * listed in `required` or named by a `require` rule that holds (per row inside groups).
 */
export function applyRequired(state: EvalState): void {
  const { service } = state;
  for (const field of service.requiredCandidates) {
    const rules = service.requireRules.get(field.path) ?? NONE;
    if (!field.group) {
      const pointer = field.pointer;
      if (isFieldHidden(state, field)) continue;
      if (!field.requiredStatic && !anyHolds(rules, state.data)) continue;
      state.required.push(pointer);
      if (isMissing(readAt(state.data, field.segments))) state.errors.push({ pointer, key: 'error.required' });
      continue;
    }
    const rows = rowsOf(state, service.fields.get(field.group)!);
    for (let i = 0; i < rows.length; i++) {
      if (isFieldHidden(state, field, i)) continue;
      if (!field.requiredStatic && !anyHolds(rules, atRow(state, rows, i))) continue;
      const pointer = pointerAt(field, i);
      state.required.push(pointer);
      if (isMissing(readAt(state.data, field.segments, i))) state.errors.push({ pointer, key: 'error.required' });
    }
  }
}
