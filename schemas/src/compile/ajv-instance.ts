import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { italianFormats } from '../formats/index.js';
import { isIsoDate } from '../formats/iso-date.js';
import { ajvRegExp } from '../formats/linear-regexp.js';
import metaSchema from '../../service-definition.schema.json' with { type: 'json' };

// ajv-formats is CommonJS: Node gives the function, some bundlers the namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

let shared: Ajv2020 | undefined;
let meta: ValidateFunction | undefined;

/**
 * One Ajv instance per module (Ajv's own advice): meta-schemas and formats are set up once.
 * Designers' data schemas are compiled here and then removed from Ajv's cache, so a builder
 * that recompiles on every edit does not grow memory; the validate function lives on its own.
 */
export function ajv(): Ajv2020 {
  if (!shared) {
    // Patterns run on re2js (linear time), never on the backtracking RegExp: see linear-regexp.ts.
    shared = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, inlineRefs: true, code: { regExp: ajvRegExp } });
    addFormats(shared);
    // "date" with exactly ajv-formats' accepted set, by digit arithmetic instead of a regex match
    // (a form holds a dozen dates, checked on every evaluation); its comparison stays ajv-formats'.
    shared.addFormat('date', { type: 'string', validate: isIsoDate, compare: (fullFormats.date as { compare: (a: string, b: string) => number | undefined }).compare });
    for (const [name, check] of Object.entries(italianFormats)) shared.addFormat(name, { type: 'string', validate: check });
  }
  return shared;
}

export function knownFormats(): ReadonlySet<string> {
  return new Set(Object.keys(ajv().formats));
}

export function metaValidator(): ValidateFunction {
  meta ??= ajv().compile(metaSchema);
  return meta;
}

export function compileSchema(schema: object): ValidateFunction {
  const instance = ajv();
  try {
    return instance.compile(schema);
  } finally {
    instance.removeSchema(schema);
  }
}
