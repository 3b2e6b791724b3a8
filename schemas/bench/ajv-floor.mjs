/**
 * The floor: plain Ajv (JSON Schema 2020-12, allErrors) with ajv-formats and the Italian formats,
 * on the definition's `data` schema exactly as written (required as written, no null-means-
 * unanswered, no rules). What any JSON Schema tool would do with the data schema alone.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default ?? addFormatsModule;

/** A fresh Ajv instance with formats registered (not timed as compile: Sportello shares one too). */
export function createRawAjv(italianFormats) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const [name, check] of Object.entries(italianFormats)) ajv.addFormat(name, { type: 'string', validate: check });
  return ajv;
}

/** Compiles the data schema on a fresh instance; returns (data) => boolean with .errors like Ajv's. */
export function compileRaw(dataSchema, italianFormats, ajv = createRawAjv(italianFormats)) {
  return ajv.compile(dataSchema);
}
