import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { italianFormats } from '../formats/index.js';
import { isIsoDate } from '../formats/iso-date.js';
import { ajvRegExp, nativeWhenLinear, type PatternEngine } from '../formats/linear-regexp.js';

// ajv-formats is CommonJS: Node gives the function, some bundlers the namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

let shared: Ajv2020 | undefined;

/** An Ajv instance with the engine's formats, its patterns run by `patterns` (never the backtracking RegExp: see linear-regexp.ts). */
export function newAjv(patterns: PatternEngine, validateSchema = true): Ajv2020 {
  const instance = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, inlineRefs: true, validateSchema, code: { regExp: ajvRegExp(patterns) } });
  addFormats(instance);
  // "date" with exactly ajv-formats' accepted set, by digit arithmetic instead of a regex match
  // (a form holds a dozen dates, checked on every evaluation); its comparison stays ajv-formats'.
  instance.addFormat('date', { type: 'string', validate: isIsoDate, compare: (fullFormats.date as { compare: (a: string, b: string) => number | undefined }).compare });
  for (const [name, check] of Object.entries(italianFormats)) instance.addFormat(name, { type: 'string', validate: check });
  return instance;
}

/**
 * The module's Ajv instance: the formats (read by the generated validator) and JSON Schema's own
 * meta-schema (checking designers' schemas) live here; the latter's patterns are simple ones of
 * native-linear.ts's grammar. Designers' data schemas are NOT compiled here: an Ajv instance keeps
 * what every compile adds to its code scope (patterns, functions, schemas) and removeSchema
 * does not release it, so a builder validating on every save would grow memory without bound.
 */
export function ajv(): Ajv2020 {
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
  // Checked against JSON Schema's meta-schema by the shared instance (compiled once; checking
  // adds nothing to it), so the new instance need not compile that meta-schema again.
  const shared = ajv();
  if (!shared.validateSchema(schema)) throw new Error(`schema is invalid: ${shared.errorsText(shared.errors)}`);
  return newAjv(patterns, false).compile(schema);
}
