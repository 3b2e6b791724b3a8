/**
 * clean on mutated definitions (issue 14, found by fuzzing: clean changed the verdict and was not
 * idempotent): the minimal example with random rules added (show, hide, require, compute, error
 * over root and row fields, comparisons with literals, '' and null, between fields, totals), each
 * definition that compiles evaluated on answers shaped like its fields. For every one:
 * evaluate(clean(x)) gives evaluate(x)'s fee, score, hidden set, computed values and rule errors,
 * and clean(clean(x)) equals clean(x).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { clean, compile, evaluate, type CompiledService, type Evaluation } from '../src/index.js';
import { shapedAnswers, TODAY } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
base.data.properties.isee = { type: 'number', minimum: 0 };
base.data.properties.note = { type: 'string', maxLength: 20 };
base.data.properties.punti = { type: 'integer' };
base.ui.steps[0].fields.push('isee', 'note', 'punti');
base.ranking = { score: { '+': [{ var: ['punti', 0] }, { var: 'numeroFigli' }] }, exclusions: [{ id: 'senzaFigli', when: { '!': { var: 'haFigli' } }, reason: 'fee.causale' }] };

const ROOT = ['codiceFiscale', 'haFigli', 'numeroFigli', 'dataInizio', 'dataFine', 'isee', 'note', 'punti'];
const ROW = ['nome', 'eta', 'scuola'];
const LITERALS = [0, 1, 3, 14, 18, 5000, true, false, '', null, 'A', '2026-01-01'];

const rootVar = fc.constantFrom(...ROOT).map((name) => ({ var: name }));
const rowVar = fc.constantFrom(...ROW).map((name) => ({ var: `$row.${name}` }));

function condition(inRow: boolean): fc.Arbitrary<unknown> {
  const v = inRow ? fc.oneof(rootVar, rowVar) : rootVar;
  const operand = fc.oneof(v, fc.constantFrom(...LITERALS), fc.constant({ count: [{ var: 'figli' }] }));
  return fc.oneof(
    fc.tuple(fc.constantFrom('<', '>', '<=', '>=', '==', '!=', '===', '!=='), operand, operand).map(([op, a, b]) => ({ [op]: [a, b] })),
    v.map((x) => ({ '!': x })),
    v.map((x) => ({ '!!': x })),
    fc.constantFrom(...ROOT).map((name) => ({ missing: [name] })),
    fc.tuple(v, v).map(([a, b]) => ({ and: [{ '!=': [a, null] }, { '<': [a, b] }] })),
  );
}

function value(inRow: boolean): fc.Arbitrary<unknown> {
  const v = inRow ? fc.oneof(rootVar, rowVar) : rootVar;
  return fc.oneof(
    v,
    v.map((x) => ({ '+': [x, 1] })),
    fc.constant({ count: [{ var: 'figli' }] }),
    fc.constant({ sum: [{ var: 'figli' }, { var: 'eta' }] }),
    fc.tuple(condition(inRow), fc.constantFrom(...LITERALS), fc.constantFrom(...LITERALS)).map(([c, a, b]) => ({ if: [c, a, b] })),
  );
}

const target = fc.oneof(fc.constantFrom(...ROOT).map((f) => ({ field: f, inRow: false })), fc.constantFrom(...ROW).map((f) => ({ field: `figli[].${f}`, inRow: true })));

const rule = fc.tuple(fc.constantFrom('show', 'hide', 'require', 'compute', 'error'), target).chain(([type, t]) =>
  (type === 'compute' ? value(t.inRow) : condition(t.inRow)).map((logic) =>
    type === 'compute' ? { type, field: t.field, value: logic } : type === 'error' ? { type, field: t.field, when: logic, message: 'error.dateOrder' } : { type, field: t.field, when: logic }));

const stepRule = fc.tuple(fc.constantFrom('show', 'hide'), condition(false)).map(([type, when]) => ({ type, step: 'figli', when }));

/** The minimal example with 1-5 random rules added (and, sometimes, its required list changed). */
const mutated = fc.tuple(fc.array(fc.oneof({ weight: 4, arbitrary: rule }, { weight: 1, arbitrary: stepRule }), { minLength: 1, maxLength: 5 }), fc.subarray(ROOT)).map(([rules, required]) => {
  const def = structuredClone(base);
  def.rules.push(...(JSON.parse(JSON.stringify(rules)) as object[]).map((r, i) => ({ id: `mutato${i}`, ...r }))); // as read from JSON: generated parts may share objects
  def.data.required = required;
  return def;
});

const same = (ev: Evaluation) => ({
  fee: ev.fee, ranking: ev.ranking, hidden: [...ev.hidden].sort(), computed: ev.computed,
  ruleErrors: ev.errors.filter((e) => e.rule !== undefined).map((e) => `${e.pointer} ${e.rule}`).sort(),
});

describe('clean on mutated definitions', () => {
  it('keeps the verdict (fee, score, hidden, computed, rule errors) and is idempotent', () => {
    let compiled = 0;
    fc.assert(fc.property(mutated, fc.array(shapedAnswers(base), { minLength: 3, maxLength: 3 }), (def, answerSets) => {
      const r = compile(def);
      if (!r.ok) return; // a cycle or two computes of one field: refused, as it should be
      compiled++;
      const service: CompiledService = r.service;
      for (const answers of answerSets) {
        const once = clean(service, answers, { today: TODAY });
        expect(clean(service, once, { today: TODAY })).toEqual(once);
        expect(same(evaluate(service, once, { today: TODAY }))).toEqual(same(evaluate(service, answers, { today: TODAY })));
      }
    }), { numRuns: 200 });
    expect(compiled).toBeGreaterThan(60); // many mutations compile: the property is not vacuous
  }, 120_000);
});
