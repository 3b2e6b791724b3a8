import AjvCoreModule from 'ajv/dist/core.js';
import type { Options, ValidateFunction } from 'ajv';
import draft2020Module from 'ajv/dist/vocabularies/draft2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { formatNames, fullFormats } from 'ajv-formats/dist/formats.js';
import { italianFormats } from '../formats/index.js';
import { isIsoDate } from '../formats/iso-date.js';
import { ajvRegExp, nativeWhenLinear, type PatternEngine } from '../formats/linear-regexp.js';

// ajv and its vocabularies are CommonJS: Node gives the module, some bundlers the default export.
const cjs = <T>(module: unknown): T => ((module as { default?: unknown }).default ?? module) as T;
const Core = cjs<typeof AjvCoreModule.default>(AjvCoreModule);
type Core = InstanceType<typeof Core>;
const draft2020 = cjs<typeof draft2020Module.default>(draft2020Module);

/**
 * Ajv2020 (ajv/dist/2020.js) without what only checking a schema needs: the same options and
 * vocabularies, so the same code for a schema, but not JSON Schema's meta-schema (nor the unused
 * discriminator keyword), which the wizard then does not download. Checking a designer's schema
 * against the meta-schema is a designer check (design-checks.ts, with the real Ajv2020).
 */
class SchemaAjv extends Core {
  constructor(opts: Options = {}) {
    super({ ...opts, dynamicRef: true, next: true, unevaluated: true });
  }
  override _addVocabularies(): void {
    super._addVocabularies();
    draft2020.forEach((v) => this.addVocabulary(v));
  }
}

/**
 * What ajv-formats' plugin (`addFormats(ajv)`) does, less its formatMinimum/formatMaximum/
 * formatExclusive* keywords: the engine refuses those in a data schema before Ajv compiles it
 * (date-bounds.ts: `dateBounds` instead), so no validator ever holds them, and their module
 * (ajv-formats/dist/limit.js) imports 'ajv' itself, i.e. Ajv's draft-07 class, the discriminator
 * and the draft-07 meta-schema, which the wizard would download for nothing (2.8 KB gzipped).
 */
function addFullFormats(instance: Core): void {
  instance.opts.code.formats ??= _`require("ajv-formats/dist/formats").fullFormats`;
  for (const name of formatNames) instance.addFormat(name, fullFormats[name]);
}

let shared: Core | undefined;

/**
 * An Ajv instance with the engine's formats, its patterns run by `patterns` (never the backtracking
 * RegExp: see linear-regexp.ts): a SchemaAjv, or `AjvClass` (Ajv2020) where a schema is checked.
 */
export function newAjv(patterns: PatternEngine, AjvClass: new (opts: Options) => Core = SchemaAjv): Core {
  const validateSchema = AjvClass !== SchemaAjv;
  const instance = new AjvClass({ allErrors: true, strict: false, validateFormats: true, inlineRefs: true, validateSchema, code: { regExp: ajvRegExp(patterns) } });
  addFullFormats(instance);
  // "date" with exactly ajv-formats' accepted set, by digit arithmetic instead of a regex match
  // (a form holds a dozen dates, checked on every evaluation); its comparison stays ajv-formats'.
  instance.addFormat('date', { type: 'string', validate: isIsoDate, compare: (fullFormats.date as { compare: (a: string, b: string) => number | undefined }).compare });
  for (const [name, check] of Object.entries(italianFormats)) instance.addFormat(name, { type: 'string', validate: check });
  return instance;
}

/**
 * The module's Ajv instance, holding the formats the generated validator reads. Designers' data
 * schemas are NOT compiled here: an Ajv instance keeps what every compile adds to its code scope
 * (patterns, functions, schemas) and removeSchema does not release it, so a builder validating on
 * every save would grow memory without bound.
 */
export function ajv(): Core {
  shared ??= newAjv(nativeWhenLinear());
  return shared;
}

export function knownFormats(): ReadonlySet<string> {
  return new Set(Object.keys(ajv().formats));
}

/**
 * A designer's data schema, compiled on an Ajv instance of its own (a millisecond to make): it
 * lives as long as the validate function, i.e. the compiled service, and nothing accumulates.
 */
export function compileSchema(schema: object, patterns: PatternEngine): ValidateFunction {
  return newAjv(patterns).compile(schema);
}
