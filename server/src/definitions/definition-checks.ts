import { BYTES_PER_MB, compile, type CompileResult, type Problem } from '@sportello/schemas';
import type { TFunction } from 'i18next';
import type { FieldError } from '../shared/domain-error.js';
import { isPlainObject } from './ids.js';

/** A problem the server adds to the engine's; `key` localizes its message (locales/, server.json). */
export type ServerProblem = Problem & { key?: string };

export interface Checked {
  result: CompileResult;
  problems: ServerProblem[];
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

/**
 * The engine is pure and does not know this server's upload cap (UPLOAD_MAX_BYTES), so a file
 * field promising more than the server accepts is a problem added here, at that field's
 * `maxSizeMb`: the citizen would be told a size the upload then refuses.
 */
export function uploadCapProblems(definition: unknown, uploadMaxBytes: number): ServerProblem[] {
  const ui = isPlainObject(definition) && isPlainObject(definition.ui) && isPlainObject(definition.ui.fields) ? definition.ui.fields : {};
  const capMb = uploadMaxBytes / BYTES_PER_MB;
  const problems: ServerProblem[] = [];
  for (const [path, field] of Object.entries(ui)) {
    const maxSizeMb = isPlainObject(field) ? field.maxSizeMb : undefined;
    if (typeof maxSizeMb !== 'number' || maxSizeMb * BYTES_PER_MB <= uploadMaxBytes) continue;
    problems.push({
      pointer: `/ui/fields/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/maxSizeMb`, code: 'ui.maxSizeAboveUploadCap', key: 'definitions.maxSizeAboveUploadCap',
      message: `"${path}" allows files of ${maxSizeMb} MB, but this server accepts at most ${capMb} MB`, params: { name: path, maxSizeMb, capMb },
    });
  }
  return problems;
}

export function check(definition: unknown, enteLanguages: string[], uploadMaxBytes = Number.POSITIVE_INFINITY): Checked {
  const result = compileOnce(definition);
  const problems = [...(result.ok ? [] : result.problems), ...uploadCapProblems(definition, uploadMaxBytes)];
  return { result, problems, warnings: result.warnings, gate: translationGate(definition, result.warnings, enteLanguages) };
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

export const toFieldErrors = (problems: ServerProblem[]): FieldError[] =>
  problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message, ...(p.key ? { key: p.key, params: p.params } : {}) }));

/** `t` localizes the server's own problems (the engine's carry their code and params for the screens). */
export const toDefinitionProblems = (problems: ServerProblem[], t?: TFunction) =>
  problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.key && t ? t(p.key, p.params ?? {}) : p.message, params: p.params }));
