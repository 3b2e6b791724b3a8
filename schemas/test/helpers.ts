import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { compile, evaluate, type CompiledService, type EvaluateOptions, type Evaluation } from '../src/index.js';

/** Test helpers only (node:fs is fine here: tests are not the engine). */
export function loadTemplate(id: string): unknown {
  const url = new URL(`../templates/${id}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

/** A template's worked submission (templates/examples/NAME.json), shared with the server's tests and load benchmark. */
export function loadExample(name: string): Record<string, any> {
  const url = new URL(`../templates/examples/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

export function compileOrThrow(definition: unknown): CompiledService {
  const result = compile(definition);
  if (!result.ok) throw new Error('Definition does not compile:\n' + result.problems.map((p) => `${p.pointer} ${p.code} ${p.message}`).join('\n'));
  return result.service;
}

/** A fixed "today" keeps age- and date-dependent rules reproducible. */
export const TODAY = '2026-11-25';

export function evalAt(service: CompiledService, answers: unknown, options: EvaluateOptions = {}): Evaluation {
  return evaluate(service, answers, { today: TODAY, ...options });
}

/** The error keys by pointer, sorted: compact and readable in assertions. */
export function errorsOf(ev: Evaluation): Array<[string, string]> {
  return ev.errors.map((e) => [e.pointer, e.key] as [string, string]).sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

/** Answers shaped like the definition's fields (so rules fire), with arbitrary JSON mixed in. */
export function shapedAnswers(def: { data: { properties: Record<string, any> } }): fc.Arbitrary<unknown> {
  const value = (schema: any): fc.Arbitrary<unknown> => {
    if (schema?.type === 'object' && schema.properties) {
      return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, value(s)])), { requiredKeys: [] });
    }
    if (schema?.type === 'array' && schema.items?.type === 'object') return fc.array(value(schema.items), { maxLength: 4 });
    const typed = Array.isArray(schema?.enum) ? fc.constantFrom(...schema.enum)
      : schema?.type === 'boolean' ? fc.boolean()
      : schema?.type === 'integer' ? fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -10, max: 100_000 }))
      : schema?.type === 'number' ? fc.double({ noNaN: true, min: -10, max: 100_000 })
      : schema?.format === 'date' ? fc.constantFrom('2020-01-01', '2026-11-25', '2027-02-30', '1990-06-15')
      : fc.string({ maxLength: 12 });
    // '' and null: a cleared input and an unanswered one, both "no answer"
    return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: fc.constantFrom('', null) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
  };
  return value(def.data);
}

