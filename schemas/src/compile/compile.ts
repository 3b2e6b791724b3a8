import { compileDefinition, type CompileOptions, type CompileResult } from './compile-core.js';
import { designChecks } from './design-checks.js';
import { re2Patterns } from '../formats/re2.js';
import '../logic/json-logic.js'; // compileLogic's json-logic-engine: the designer's compile always has it

export type { CompileOptions, CompileResult } from './compile-core.js';

/**
 * A definition as a designer wrote it: every check (compile-core.ts, design-checks.ts), patterns
 * on re2js. What the server and the builder run; the wizard runs runtime.ts's compilePublished.
 */
export function compile(input: unknown, options: CompileOptions = {}): CompileResult {
  return compileDefinition(input, options, { checks: designChecks, patterns: re2Patterns });
}
