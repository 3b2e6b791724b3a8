import type { CompiledVisibility } from '../compile/compiled-service.js';
import { pointerAt } from '../compile/field-index.js';
import { atRow, markHidden, rowsOf, run, type EvalState } from './state.js';

/** Hidden when a hide rule holds, or when it has show rules and none holds. */
function hiddenBy(vis: CompiledVisibility, ctx: unknown): boolean {
  for (const rule of vis.hide) if (run(rule.fn, ctx)) return true;
  if (vis.show.length === 0) return false;
  for (const rule of vis.show) if (run(rule.fn, ctx)) return false;
  return true;
}

/**
 * Marks hidden steps and fields. A hidden step hides the fields laid out in it; a hidden
 * section or group hides everything under it (checked by pointer prefix when reading).
 */
export function applyVisibility(state: EvalState): void {
  for (const step of state.service.steps) {
    if (step.show.length + step.hide.length === 0) continue;
    if (hiddenBy(step, state.data)) {
      state.hiddenSteps.add(step.index);
      for (let i = 0; i < step.pointers.length; i++) markHidden(state, step.fields[i]!, -1, step.pointers[i]!);
    }
  }
  for (const [path, vis] of state.service.fieldVisibility) {
    const field = state.service.fields.get(path)!;
    if (!field.group) {
      if (hiddenBy(vis, state.data)) markHidden(state, field, -1, field.pointer);
      continue;
    }
    const rows = rowsOf(state, state.service.fields.get(field.group)!);
    for (let i = 0; i < rows.length; i++) {
      if (hiddenBy(vis, atRow(state, rows, i))) markHidden(state, field, i, pointerAt(field, i));
    }
  }
}
