import { readFileSync } from 'node:fs';
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
