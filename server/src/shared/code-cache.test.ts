import v8 from 'node:v8';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '@sportello/schemas';
import { keepCompiledCodeOutOfV8Cache } from './code-cache.js';

// A full collection between measurements: gc() is only reachable with --expose-gc, which a
// context created after setting the flag receives.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1e6; };

const template = JSON.parse(readFileSync(new URL('../../../schemas/templates/iscrizione-mensa-scolastica.json', import.meta.url), 'utf8')) as {
  data: { properties: Record<string, unknown> };
};

describe('compiling definitions', () => {
  it('does not grow the heap with every new definition compiled (the server as main.ts starts it)', () => {
    keepCompiledCodeOutOfV8Cache();
    const compileEdited = (i: number) => {
      const edited = structuredClone(template);
      edited.data.properties[`extra${i}`] = { type: 'string', maxLength: i };
      const result = compile(edited);
      if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 2)));
    };
    for (let i = 0; i < 50; i++) compileEdited(i); // warm: Ajv's and the engine's own code
    const before = heapMb();
    for (let i = 50; i < 650; i++) compileEdited(i);
    const growth = heapMb() - before;
    // With V8's compilation cache on, 600 compiles keep ~50 MB; without it a few MB at most.
    expect(growth).toBeLessThan(15);
  }, 240_000);
});
