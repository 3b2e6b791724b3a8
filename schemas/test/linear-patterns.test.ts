import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, evaluate } from '../src/index.js';
import { fusedValidator } from '../src/evaluate/fused-validator.js';
import { compileOrThrow, errorsOf, TODAY } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

/** Patterns that take exponential time on a backtracking engine (each doubles per character). */
const HOSTILE = {
  alternation: '(a|a)*$',
  digits: '\\d*\\d*\\d*x',
  overlapping: '^([a-z]|[a-z0-9])*!$',
};

/** The minimal example with the hostile patterns on root fields and on a row's field. */
function withPatterns(extra: Record<string, unknown> = {}) {
  const def = structuredClone(base);
  def.data.properties.a = { type: 'string', pattern: HOSTILE.alternation, ...structuredClone(extra) };
  def.data.properties.d = { type: 'string', pattern: HOSTILE.digits, ...structuredClone(extra) };
  def.data.properties.figli.items.properties.nome.pattern = HOSTILE.overlapping;
  def.ui.steps[0].fields.push('a', 'd');
  return def;
}

const answers = (a: string, d: string, nome: string) => ({
  codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, a, d, figli: [{ nome, eta: 20 }],
});

describe('patterns run in linear time (re2js), with JavaScript semantics', () => {
  const long = 40; // 2^40 steps on a backtracking engine: this test would never end

  for (const [path, extra] of [['generated validator', {}], ['Ajv (a keyword outside the fast path)', { not: { const: 'zz' } }]] as const) {
    it(`decides hostile patterns on ${long}-character answers, right either way (${path})`, () => {
      const service = compileOrThrow(withPatterns(extra));
      expect(fusedValidator(service) !== undefined).toBe(path === 'generated validator');
      const bad = evaluate(service, answers('b'.repeat(long) + '\u0000' + 'ab', '1'.repeat(long) + 'y', 'a'.repeat(long)), { today: TODAY });
      expect(errorsOf(bad)).toEqual([
        ['/d', 'error.pattern'],
        ['/figli/0/nome', 'error.pattern'],
      ]);
      // `(a|a)*$` matches the empty string at the end of any input: JavaScript's search semantics
      const good = evaluate(service, answers('a'.repeat(long), '1'.repeat(long) + 'x', 'a1'.repeat(long / 2) + '!'), { today: TODAY });
      expect(errorsOf(good)).toEqual([]);
    });
  }

  it('reads JavaScript syntax: \\u escapes, named groups, classes, anchors', () => {
    const def = structuredClone(base);
    def.data.properties.c = { type: 'string', pattern: '^(?<nome>[a-z\\u00e0-\\u00fa]+)-\\d{2}$' };
    def.ui.steps[0].fields.push('c');
    const service = compileOrThrow(def);
    const ev = (c: string) => errorsOf(evaluate(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false, c }, { today: TODAY }));
    expect(ev('città-12')).toEqual([]);
    expect(ev('città-123')).toEqual([['/c', 'error.pattern']]);
    expect(ev('CITTA-12')).toEqual([['/c', 'error.pattern']]);
  });

  it('refuses at compile what needs backtracking: backreferences, lookahead, lookbehind', () => {
    for (const pattern of ['^(a)\\1$', '^(?=a)\\w+$', '^(?!x)a$', '(?<=a)b', '(?<!a)b']) {
      const def = structuredClone(base);
      def.data.properties.codiceFiscale = { type: 'string', pattern };
      const r = compile(def);
      expect(r.ok, pattern).toBe(false);
      if (r.ok) continue;
      expect(r.problems.map((p) => [p.pointer, p.code])).toEqual([['/data/properties/codiceFiscale/pattern', 'schema.unsupportedPattern']]);
      expect(r.problems[0]!.message).toContain('lookahead');
    }
  });

  it('checks patternProperties keys the same way, pointer escaped', () => {
    const def = structuredClone(base);
    def.data.properties.extra = { type: 'object', patternProperties: { '^a/(?=b)': { type: 'string' } } };
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.pointer, p.code])).toContainEqual(['/data/properties/extra/patternProperties/^a~1(?=b)', 'schema.unsupportedPattern']);
  });
});
