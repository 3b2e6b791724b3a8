import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Problem } from '../types.js';
import metaSchema from '../../service-definition.schema.json' with { type: 'json' };
import { Ajv2020 } from 'ajv/dist/2020.js';
import { newAjv } from './ajv-instance.js';
import { re2Patterns } from '../formats/re2.js';
import { escapePointerToken, unescapePointerToken } from '../paths.js';
import { patternWords } from '../messages/problems.js';

/** The name of each pattern of the meta-schema (its source as the meta-schema writes it): its words are in messages/problems.ts. */
const PATTERNS: Record<string, string> = {
  '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$': 'version',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'slug',
  '^[A-Za-z][A-Za-z0-9_]*$': 'identifier',
  '^[a-z]{2,3}(-[A-Z]{2})?$': 'language',
  '^[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$': 'key',
  '^[A-Za-z][A-Za-z0-9_]*(\\[\\])?(\\.[A-Za-z][A-Za-z0-9_]*(\\[\\])?)*$': 'fieldPath',
  '^(\\$office\\.|\\$submittedAt$)?[A-Za-z0-9_.]*$': 'tieBreaker',
};

function describe(e: ErrorObject, value: unknown): string {
  if (e.keyword === 'additionalProperties') return `Unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `Missing property "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'pattern') {
    const name = PATTERNS[(e.params as { pattern: string }).pattern];
    const expected = (name && patternWords.en[name]) ?? 'a value of another form';
    return `${JSON.stringify(value)} is not ${expected}`;
  }
  if (e.keyword === 'enum') return `${JSON.stringify(value)} is not allowed here: use one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/** The value at a JSON pointer of the definition (for the message). */
function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const token of pointer.split('/').slice(1).map(unescapePointerToken)) {
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[token] : undefined;
  }
  return cur;
}

let meta: ValidateFunction | undefined;

/** service-definition.schema.json compiled once, on an instance of its own (its patterns have groups: re2js runs them). */
function metaValidator(): ValidateFunction {
  meta ??= newAjv(re2Patterns, Ajv2020).compile(metaSchema);
  return meta;
}

/**
 * Validates against service-definition.schema.json. Ajv's wrapper errors (if/then, oneOf,
 * allOf, propertyNames) only repeat what the inner errors say, so they are dropped to keep the
 * list readable. An error on a property's name (a key of ui.fields, translations, conditions)
 * is put at that property and names it, not the object holding it.
 */
export function checkMeta(definition: unknown): Problem[] {
  const validate = metaValidator();
  if (validate(definition)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'allOf' || e.keyword === 'propertyNames') continue;
    const name = e.propertyName;
    const pointer = e.keyword === 'additionalProperties'
      ? `${e.instancePath}/${escapePointerToken((e.params as { additionalProperty: string }).additionalProperty)}`
      : name !== undefined ? `${e.instancePath}/${escapePointerToken(name)}` : e.instancePath;
    const value = name ?? valueAt(definition, e.instancePath);
    const message = describe(e, value);
    const id = `${pointer}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const params: Record<string, unknown> = { ...(e.params as Record<string, unknown>) };
    if (e.keyword === 'pattern' || e.keyword === 'enum') params.value = value;
    if (e.keyword === 'pattern') params.expected = PATTERNS[params.pattern as string];
    problems.push({ pointer, code: `schema.${e.keyword}`, message, params });
  }
  return problems;
}
