import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { clean, compile } from '../src/index.js';
import { compileOrThrow, errorsOf, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
const CF = 'RSSMRA85T10A562S';

describe('prototype names are inert', () => {
  it('a field named like an inherited property (toString, constructor, ...) is refused with a clear problem', () => {
    const def = structuredClone(base);
    def.data.properties.toString = { type: 'string' };
    def.data.properties.figli.items.properties.constructor = { type: 'integer' };
    const r = compile(def);
    expect(r.ok ? [] : r.problems.map((p) => [p.pointer, p.code]).sort()).toEqual([
      ['/data/properties/figli/items/properties/constructor', 'field.reservedName'],
      ['/data/properties/toString', 'field.reservedName'],
    ]);
  });

  for (const [path, extra] of [['generated validator', {}], ['Ajv', { not: { const: 'zz' } }]] as const) {
    it(`{"toString": "x"} against an enum or const of objects is a plain answer error, not an internal one (${path})`, () => {
      const def = structuredClone(base);
      def.data.properties.scelta = { enum: [{ toString: 'x' }, { valueOf: 1 }, 'b'], ...structuredClone(extra) };
      def.data.properties.fisso = { const: { a: 1 }, ...structuredClone(extra) };
      def.ui.steps[0].fields.push('scelta', 'fisso');
      const s = compileOrThrow(def);
      const keys = (answers: object) => errorsOf(evalAt(s, { codiceFiscale: CF, haFigli: false, ...answers })).map(([, k]) => k);
      expect(keys({ scelta: { toString: 'x' }, fisso: { a: 1 } })).not.toContain('error.internal');
      expect(keys({ scelta: { toString: 'y' }, fisso: { toString: 'z' } })).not.toContain('error.internal');
      expect(keys({ scelta: { toString: 'y' } })).not.toEqual([]);
    });
  }

  // A GraphQL JSON literal (not a variable) arrives as objects without a prototype (graphql-scalars' parseObject).
  for (const [path, extra] of [['generated validator', {}], ['Ajv', { not: { const: 'zz' } }]] as const) {
    it(`answers made of objects without a prototype get the verdict of the same JSON (${path})`, () => {
      const def = structuredClone(base);
      def.data.properties.figli.uniqueItems = true;
      def.data.properties.scelta = { enum: [{ a: 1 }, 'b'] };
      def.data.properties.dataInizio = { ...def.data.properties.dataInizio, ...structuredClone(extra) };
      def.ui.steps[0].fields.push('scelta');
      const s = compileOrThrow(def);
      const bare = (o: object) => Object.assign(Object.create(null), o);
      const row = (nome: string) => bare({ nome, eta: 3, scuola: 'X' });
      for (const [figli, scelta] of [[[row('A'), row('B')], bare({ a: 1 })], [[row('A'), row('A')], bare({ a: 2 })]] as const) {
        const answers = bare({ codiceFiscale: CF, haFigli: true, figli, scelta });
        expect(errorsOf(evalAt(s, answers))).toEqual(errorsOf(evalAt(s, JSON.parse(JSON.stringify(answers)))));
      }
      expect(errorsOf(evalAt(s, bare({ codiceFiscale: CF, haFigli: true, figli: [row('A'), row('A')], scelta: bare({ a: 2 }) })))).toEqual([['/figli', 'error.uniqueItems'], ['/scelta', 'error.enum']]);
    });
  }

  it('an own "__proto__" key in the answers changes nothing, before or after clean', () => {
    const service = compileOrThrow(structuredClone(base));
    const plain = { codiceFiscale: CF, haFigli: true, figli: [{ nome: 'A', eta: 3, scuola: 'X' }] };
    const hostile = JSON.parse(JSON.stringify(plain).replace('{', '{"__proto__":{"haFigli":false,"numeroFigli":9},'));
    hostile.figli[0] = JSON.parse('{"__proto__":{"eta":40},"nome":"A","eta":3,"scuola":"X"}');
    expect(Object.prototype.hasOwnProperty.call(hostile, '__proto__')).toBe(true);
    const expected = evalAt(service, plain);
    for (const answers of [hostile, clean(service, hostile)]) {
      const ev = evalAt(service, answers);
      expect(ev.fee).toEqual(expected.fee);
      expect(ev.hidden).toEqual(expected.hidden);
      expect(ev.computed).toEqual(expected.computed);
    }
    expect(clean(service, hostile)).toEqual(clean(service, plain));
  });
});
