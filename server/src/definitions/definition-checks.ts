import { compile, type CompileResult, type Problem } from '@sportello/schemas';
import type { FieldError } from '../shared/domain-error.js';
import { isPlainObject } from './ids.js';

export interface Checked {
  result: CompileResult;
  problems: Problem[];
  warnings: Problem[];
  /** What refuses publishing beyond compile problems: text missing in a language of the Ente. */
  gate: Problem[];
}

const memo = new WeakMap<object, CompileResult>();

/** compile(), remembered per document object so one request never compiles the same copy twice. */
export function compileOnce(definition: unknown): CompileResult {
  if (!isPlainObject(definition)) return compile(definition);
  let result = memo.get(definition);
  if (!result) memo.set(definition, (result = compile(definition)));
  return result;
}

/**
 * The publish gate for translations: every key the service uses must have text in every
 * language the Ente declares and in every language the service itself offers (a designer who
 * adds a language finishes it before publishing). The engine only warns (the default language
 * stands in), and a language of the Ente with no translations at all gets no warning from it,
 * so that case is added here.
 */
export function translationGate(definition: unknown, warnings: Problem[], enteLanguages: string[]): Problem[] {
  const gate = warnings.filter((w) => w.code === 'translation.missing');
  const translations = isPlainObject(definition) && isPlainObject(definition.translations) ? definition.translations : {};
  for (const language of enteLanguages) {
    if (translations[language] === undefined) {
      gate.push({ pointer: '/translations', code: 'translation.missingLanguage', message: `No "${language}" translations: the Ente publishes in ${enteLanguages.join(', ')}`, params: { language } });
    }
  }
  return gate;
}

export function check(definition: unknown, enteLanguages: string[]): Checked {
  const result = compileOnce(definition);
  return { result, problems: result.ok ? [] : result.problems, warnings: result.warnings, gate: translationGate(definition, result.warnings, enteLanguages) };
}

// compile() stops after its first two steps (plain bounded JSON, then the meta-schema) when
// they fail, returning only their problems; these codes are the ones later steps can also give.
const LATER_SCHEMA_CODES = new Set(['schema.compile', 'schema.invalidPattern', 'schema.unknownFormat', 'schema.unsafePattern', 'schema.unsupportedPattern']);
const isStructural = (p: Problem) =>
  p.code.startsWith('definition.') || p.code === 'limit.size' || p.code === 'limit.depth' || p.code === 'internal'
  || (p.code.startsWith('schema.') && !LATER_SCHEMA_CODES.has(p.code));

/** Problems that make a document not a service definition at all (not JSON, or not the meta-schema's shape). */
export function structuralProblems(definition: unknown): Problem[] {
  const result = compileOnce(definition);
  return result.ok ? [] : result.problems.filter(isStructural);
}

export const toFieldErrors = (problems: Problem[]): FieldError[] =>
  problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message }));

export const toDefinitionProblems = (problems: Problem[]) =>
  problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message, params: p.params }));
