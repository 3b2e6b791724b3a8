import { compileDefinition, type CompileOptions, type CompileResult } from './compile-core.js';
import { designChecks } from './design-checks.js';
import { re2Patterns } from '../formats/re2.js';
import { nativeWhenLinear } from '../formats/linear-regexp.js';
import '../logic/json-logic.js'; // compileLogic's json-logic-engine: the designer's compile always has it

export type { CompileOptions, CompileResult } from './compile-core.js';

/**
 * A definition as a designer wrote it: every check (compile-core.ts, design-checks.ts). Patterns
 * run as in the wizard (runtime.ts): those of native-linear.ts's grammar on the native RegExp
 * (linear there, same meaning: runtime.test.ts), every other one on re2js, so server and browser
 * match each pattern with the same engine. What the server and the builder run.
 */
export function compile(input: unknown, options: CompileOptions = {}): CompileResult {
  return compileDefinition(input, options, { checks: designChecks, patterns: nativeWhenLinear(re2Patterns) });
}
