/**
 * @sportello/schemas/runtime: what the citizen's wizard needs to run a published version, and no
 * more: building the service without the designer's checks (design-checks.ts: the server ran them
 * when it published the version) and evaluating it with the same code the server runs. The
 * patterns of the simple grammar in formats/native-linear.ts run on the native RegExp; re2js is
 * loaded only for a definition with any other pattern. Expressions run on the direct compiler's
 * code (logic/fast.ts) as everywhere; json-logic-engine is loaded only for a definition with an
 * expression that needs it (logic/engine.ts).
 */
import { compileDefinition, type CompileOptions, type CompileResult } from './compile/compile-core.js';
import { nativeWhenLinear, type PatternEngine } from './formats/linear-regexp.js';
import { nativeLinear } from './formats/native-linear.js';
import { hasLogicEngine } from './logic/engine.js';

export type { CompileOptions, CompileResult } from './compile/compile-core.js';
export type { CompiledService } from './compile/compiled-service.js';
export { evaluate } from './evaluate/evaluate.js';
export { clean } from './clean.js';
export { localize } from './messages/localize.js';
export { romeDate } from './rome-date.js';
export { isHiddenPointer } from './evaluate/state.js';
export { pointerOf, parsePath } from './paths.js';
export { LIMITS, BYTES_PER_MB } from './limits.js';
export type * from './types.js';

let re2: Promise<PatternEngine> | undefined;

/** Every `pattern` and `patternProperties` key in the definition's data and office schemas (a few more is harmless). */
export function patternsOf(definition: unknown): string[] {
  const out: string[] = [];
  const def = definition as { data?: unknown; officeData?: unknown } | null;
  const stack: unknown[] = [def?.data, def?.officeData];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') out.push(value);
      if (key === 'patternProperties' && value && typeof value === 'object') out.push(...Object.keys(value));
      stack.push(value);
    }
  }
  return out;
}

let logicEngine: Promise<unknown> | undefined;
const loadLogicEngine = () => (logicEngine ??= import('./logic/json-logic.js'));

/**
 * A published definition compiled for evaluation. Resolves at once unless the definition needs
 * re2js (a pattern outside the native grammar) or json-logic-engine: then after loading them
 * (each once per page). A published version compiles; if it does not without json-logic-engine,
 * that is the reason, and it is compiled again with it.
 */
export async function compilePublished(definition: unknown, options: CompileOptions = {}): Promise<CompileResult> {
  const needsRe2 = patternsOf(definition).some((p) => !nativeLinear(p));
  const fallback = needsRe2 ? await (re2 ??= import('./formats/re2.js').then((m) => m.re2Patterns)) : undefined;
  if (options.generic) await loadLogicEngine();
  const how = { patterns: nativeWhenLinear(fallback) };
  const result = compileDefinition(definition, options, how);
  if (result.ok || hasLogicEngine()) return result;
  await loadLogicEngine();
  return compileDefinition(definition, options, how);
}
