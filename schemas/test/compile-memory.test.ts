import { describe, it, expect } from 'vitest';
import { compile } from '../src/index.js';
import { ajv } from '../src/compile/ajv-instance.js';
import { loadTemplate } from './helpers.js';

/** What the module's Ajv instance holds: compiled schemas, cache entries and its code scope's values. */
function held(): { schemas: number; cache: number; scope: number } {
  const instance = ajv() as unknown as { schemas: object; _cache: Map<unknown, unknown>; scope: { _values: Record<string, Map<unknown, unknown>> } };
  const scope = Object.values(instance.scope._values).reduce((n, values) => n + values.size, 0);
  return { schemas: Object.keys(instance.schemas).length, cache: instance._cache.size, scope };
}

describe('compile does not grow memory without bound', () => {
  it('nothing of a compiled definition stays in the shared Ajv instance', () => {
    const definition = loadTemplate('iscrizione-mensa-scolastica') as Record<string, unknown>;
    expect(compile(definition).ok).toBe(true); // the meta-schema and formats are set up once
    const before = held();
    for (let i = 0; i < 20; i++) {
      // a designer's editor compiles on every save: each save a new object, a different pattern
      const edited = structuredClone(definition) as { data: { properties: Record<string, unknown> } };
      edited.data.properties[`extra${i}`] = { type: 'string', pattern: `^x{${i + 1}}$` };
      expect(compile(edited).ok).toBe(true);
    }
    expect(held()).toEqual(before);
  }, 120_000);
});
