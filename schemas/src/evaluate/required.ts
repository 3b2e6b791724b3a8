import { isMissing, pointerOf, readAt } from '../paths.js';
import { isHiddenPointer, rowContexts, run, type EvalState } from './state.js';

/**
 * Required-ness is decided here, not by Ajv: a field is required when visible and either
 * listed in `required` or named by a `require` rule that holds (per row inside groups).
 */
export function applyRequired(state: EvalState): void {
  const { service } = state;
  for (const field of service.requiredCandidates) {
    const rules = service.requireRules.get(field.path) ?? [];
    if (!field.group) {
      const pointer = pointerOf(field.path);
      if (isHiddenPointer(state.hidden, pointer)) continue;
      if (!field.requiredStatic && !rules.some((r) => run(r.fn, state.ctx))) continue;
      state.required.push(pointer);
      if (isMissing(readAt(state.data, field.segments))) state.errors.push({ pointer, key: 'error.required' });
      continue;
    }
    const contexts = rowContexts(state, service.fields.get(field.group)!);
    for (let i = 0; i < contexts.length; i++) {
      const pointer = pointerOf(field.path, i);
      if (isHiddenPointer(state.hidden, pointer)) continue;
      if (!field.requiredStatic && !rules.some((r) => run(r.fn, contexts[i]))) continue;
      state.required.push(pointer);
      if (isMissing(readAt(state.data, field.segments, i))) state.errors.push({ pointer, key: 'error.required' });
    }
  }
}
