import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { compile, evaluate } from '../src/index.js';
import { compilePublished, patternsOf } from '../src/runtime.js';
import { nativeLinear } from '../src/formats/native-linear.js';
import { re2Patterns } from '../src/formats/re2.js';
import { fusedValidator } from '../src/evaluate/fused-validator.js';
import { loadExample, loadTemplate, shapedAnswers, TODAY } from './helpers.js';

const TEMPLATES = readdirSync(new URL('../templates/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

/** Characters the two engines could read differently: newlines, Unicode spaces, accents, an astral character, a lone surrogate. */
const CHARS = ['a', 'b', 'z', 'A', 'Z', '0', '9', '_', '-', '.', '/', ' ', '\n', '\r', '\t', '\u00a0', '\u2028', 'é', '😀', '\ud800', ']', '\\', '$'];
const ATOMS = ['a', 'b', 'Z', '0', '_', '-', ' ', '/', ',', '\\d', '\\w', '\\.', '\\/', '\\-', '[a-z]', '[^a-z]', '[A-Z0-9]', '[-a]', '[a-]', '[\\d.]', '[^\\w]',
  '[\\-z]', '[.-z]', '[\\]a]', '[^-]', '.', '\\s', '(a)', 'a|b', '[[:alpha:]]', '[a-b-c]', '[]', '[^]', 'à'];
const QUANTIFIERS = ['', '', '?', '*', '+', '{2}', '{1,3}', '{2,}', '{0,1}', '*?', '{,2}', '{1001}'];

const pattern = fc.tuple(
  fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTIFIERS)), { maxLength: 5 }), fc.boolean(),
).map(([start, parts, end]) => `${start ? '^' : ''}${parts.map(([a, q]) => a + q).join('')}${end ? '$' : ''}`);
const input = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));

describe('native patterns (formats/native-linear.ts): the same verdicts as re2js, and only linear ones', () => {
  it('agrees with re2js on every pattern of its grammar, for inputs the engines could read differently', () => {
    let accepted = 0;
    fc.assert(fc.property(pattern, fc.array(input, { minLength: 1, maxLength: 8 }), (p, inputs) => {
      const native = nativeLinear(p);
      if (!native) return;
      accepted++;
      const re2 = re2Patterns(p);
      for (const s of inputs) expect(native.test(s), `${p} on ${JSON.stringify(s)}`).toBe(re2.test(s));
    }), { numRuns: 3000 });
    expect(accepted).toBeGreaterThan(300);
  });

  it('leaves out what needs backtracking or reads differently', () => {
    for (const p of ['(a|a)*$', '\\d*\\d*\\d*x', '^([a-z]|[a-z0-9])*!$', '^\\d*\\d*x$', 'a+b', '[a-z]*x$', '^[a-z]{1,100}[a-z]{1,100}$', '^a.b$', '^\\s+$',
      '^(a)\\1$', '^(?=a)\\w+$', '^a*?$', '^a{2,1}$', '^[a-b-c]$', '^[]a]$', '^[[:alpha:]]$', '^à$', '^\\b$', '^a|b$']) {
      expect(nativeLinear(p), p).toBeUndefined();
    }
    for (const p of ['^[A-Z0-9]{16}$', '^[0-9]{1,4}[A-Z]?$', '^INPS-ISEE-[0-9]{4}-[0-9A-Z]{9}-[0-9]{2}$', '^[A-Z]{2}$', '^[a-z]+$', '[0-9]{5}', '^\\d{2}/\\d{2}/\\d{4}$']) {
      expect(nativeLinear(p), p).toBeInstanceOf(RegExp);
    }
  });
});

describe('compilePublished (runtime.ts): the service compile() builds, without the designer checks', () => {
  for (const id of TEMPLATES) {
    it(`${id}: same evaluation as compile() on its example and on shaped random answers`, async () => {
      const def = loadTemplate(id);
      const full = compile(def);
      const runtime = await compilePublished(def);
      if (!full.ok || !runtime.ok) throw new Error(`${id} does not compile`);
      // The rent subsidy's patterns (13) are all in the native grammar: its wizard needs no re2js.
      if (id === 'contributo-affitto') expect(patternsOf(def).filter((p) => !nativeLinear(p))).toEqual([]);
      expect(fusedValidator(runtime.service) === undefined).toBe(fusedValidator(full.service) === undefined);
      // Ajv without JSON Schema's meta-schema (ajv-instance.ts's SchemaAjv) generates the same validator.
      expect(runtime.service.validate.toString()).toBe(full.service.validate.toString());
      const same = (answers: unknown) => { expect(evaluate(runtime.service, answers, { today: TODAY })).toEqual(evaluate(full.service, answers, { today: TODAY })); };
      same(loadExample(id === 'accesso-agli-atti' ? 'accesso-agli-atti-foia' : id));
      fc.assert(fc.property(shapedAnswers(def as never), same), { numRuns: 150 });
    });
  }

  it('loads re2js for a pattern outside the grammar, and stays linear on it', async () => {
    const def = structuredClone(loadTemplate('occupazione-suolo-pubblico')) as any;
    def.data.properties.bolloIdentificativo.pattern = '^([a-z]|[a-z0-9])*!$'; // exponential on a backtracking engine
    const r = await compilePublished(def);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const name = 'bolloIdentificativo';
    const ev = evaluate(r.service, { ...loadExample('occupazione-suolo-pubblico'), [name]: 'a'.repeat(40) }, { today: TODAY });
    expect(ev.errors.filter((e) => e.pointer === `/${name}`).map((e) => e.key)).toEqual(['error.pattern']);
  });

  it('refuses to run an unloaded pattern outside the grammar natively', async () => {
    const { nativeWhenLinear } = await import('../src/formats/linear-regexp.js');
    expect(() => nativeWhenLinear()('(a|a)*$')).toThrow(/re2js/);
  });
});
