import type { ErrorObject } from 'ajv';
import type { Problem } from '../types.js';
import { metaValidator } from './ajv-instance.js';

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `Unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `Missing property "${(e.params as { missingProperty: string }).missingProperty}"`;
  return e.message ?? e.keyword;
}

/**
 * Validates against service-definition.schema.json. Ajv's wrapper errors (if/then, oneOf,
 * allOf) only repeat what the inner errors say, so they are dropped to keep the list readable.
 */
export function checkMeta(definition: unknown): Problem[] {
  const validate = metaValidator();
  if (validate(definition)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'allOf') continue;
    const pointer = e.keyword === 'additionalProperties'
      ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
      : e.instancePath;
    const message = describe(e);
    const id = `${pointer}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({ pointer, code: `schema.${e.keyword}`, message, params: e.params as Record<string, unknown> });
  }
  return problems;
}
