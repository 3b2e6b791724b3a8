import type { CompiledService } from './compile/compiled-service.js';
import type { EvaluateOptions } from './types.js';
import { LIMITS } from './limits.js';
import { escapePointerToken } from './paths.js';
import { isPlainObject } from './evaluate/evaluate.js';
import { prepare, rootsOf } from './evaluate/prepare.js';
import { isHiddenPointer } from './evaluate/state.js';

function copyFields(
  source: Record<string, unknown>, paths: string[], service: CompiledService, hidden: ReadonlySet<string>, pointer: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const field = service.fields.get(path)!;
    const name = field.segments[field.segments.length - 1]!.name;
    const at = `${pointer}/${escapePointerToken(name)}`;
    const value = source[name];
    if (value === undefined || value === null || value === '' || isHiddenPointer(hidden, at)) continue;
    if (field.kind === 'object') {
      if (!isPlainObject(value)) continue;
      const inner = copyFields(value, field.children, service, hidden, at);
      if (Object.keys(inner).length > 0) out[name] = inner;
    } else if (field.kind === 'group') {
      if (!Array.isArray(value)) continue;
      out[name] = value.slice(0, LIMITS.rows).map((row, i) =>
        copyFields(isPlainObject(row) ? row : {}, field.children, service, hidden, `${at}/${i}`));
    } else {
      out[name] = Array.isArray(value) ? [...value] : value;
    }
  }
  return out;
}


/**
 * Drops hidden and unknown fields, nulls and '' (no answer), keeping computed values: what is stored for a
 * submission. `prepare` already treats hidden values as absent until the hidden set is stable,
 * so the result evaluates exactly as the answers did, and clean(clean(x)) equals clean(x).
 */
export function clean(service: CompiledService, answers: unknown, options: EvaluateOptions = {}): Record<string, unknown> {
  const roots = rootsOf(service).map((f) => f.path);
  const known = copyFields(isPlainObject(answers) ? answers : {}, roots, service, new Set(), '');
  const state = prepare(service, known, options);
  return copyFields(state.data, roots, service, new Set(state.hidden), '');
}
