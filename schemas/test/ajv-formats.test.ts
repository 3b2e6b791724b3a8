import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import addFormatsModule from 'ajv-formats';
import { newAjv } from '../src/compile/ajv-instance.js';
import { relaxSchema } from '../src/compile/relaxed-schema.js';
import { nativeWhenLinear } from '../src/formats/linear-regexp.js';
import { re2Patterns } from '../src/formats/re2.js';
import { compile } from '../src/index.js';
import type { JsonSchema } from '../src/types.js';
import { loadTemplate } from './helpers.js';

const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: ReturnType<typeof newAjv>) => unknown;
const TEMPLATES = readdirSync(new URL('../templates/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

/** The engine's instance as it was with ajv-formats' whole plugin (its format limit keywords too), the engine's own formats on top again. */
function withPlugin() {
  const instance = newAjv(nativeWhenLinear(re2Patterns));
  const own = { ...instance.formats };
  addFormats(instance);
  for (const [name, def] of Object.entries(own)) instance.addFormat(name, def as never);
  return instance;
}

describe("ajv-formats' formats without its plugin module (ajv-instance.ts)", () => {
  it('has the same formats, the same objects, as with the plugin', () => {
    const ours = newAjv(nativeWhenLinear(re2Patterns)).formats;
    const theirs = withPlugin().formats;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    for (const name of Object.keys(ours)) expect(ours[name], name).toStrictEqual(theirs[name]);
  });

  it('generates the same validator code for every template', () => {
    for (const id of TEMPLATES) {
      const def = loadTemplate(id) as { data: JsonSchema; officeData?: JsonSchema };
      for (const schema of [def.data, def.officeData].filter((s): s is JsonSchema => s !== undefined)) {
        const ours = newAjv(nativeWhenLinear(re2Patterns)).compile(relaxSchema(schema));
        const theirs = withPlugin().compile(relaxSchema(schema));
        expect(ours.toString(), id).toBe(theirs.toString());
      }
    }
  });

  it('never meets a format limit keyword: a definition with one is refused before Ajv compiles', () => {
    const def = loadTemplate('contributo-affitto') as { data: JsonSchema };
    firstDate(def.data)!.formatMinimum = '2026-01-01';
    const r = compile(def);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['schema.formatLimit']);
  });
});

function firstDate(node: unknown): Record<string, unknown> | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if ((node as Record<string, unknown>).format === 'date') return node as Record<string, unknown>;
  for (const child of Object.values(node)) {
    const found = firstDate(child);
    if (found) return found;
  }
  return undefined;
}
