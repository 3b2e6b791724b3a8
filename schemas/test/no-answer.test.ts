/**
 * '' means no answer in rules and in clean as it does in validation, and a cross-field error
 * rule waits for both fields (issue 14: "a cross-field check must be guarded by hand").
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { clean, compile } from '../src/index.js';
import { compileOrThrow, errorsOf, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
const applicant = { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: [{ nome: 'A', eta: 15 }] };

/** An optional ISEE (a string field too, to clear) and a tariff guarded as the README says. */
function tariff() {
  const def = structuredClone(base);
  Object.assign(def.data.properties, { isee: { type: 'number', minimum: 0 }, note: { type: 'string' }, tariffa: { type: 'number' }, conNote: { type: 'boolean' } });
  def.ui.steps[0].fields.push('isee', 'note');
  def.rules.push(
    { id: 'tariffa', type: 'compute', field: 'tariffa', value: { if: [{ and: [{ '!=': [{ var: 'isee' }, null] }, { '<': [{ var: 'isee' }, 10000] }] }, 180, 450] } },
    { id: 'conNote', type: 'compute', field: 'conNote', value: { '!=': [{ var: 'note' }, null] } },
  );
  return def;
}

describe("'' is no answer in rules and in clean", () => {
  const service = compileOrThrow(tariff());

  it('a guard `!= null` guards a cleared field as it guards an absent one', () => {
    expect(evalAt(service, { ...applicant }).computed).toMatchObject({ '/tariffa': 450, '/conNote': false });
    const cleared = evalAt(service, { ...applicant, isee: '', note: '' });
    expect(cleared.computed).toMatchObject({ '/tariffa': 450, '/conNote': false });
    expect(cleared.valid).toBe(true);
    expect(evalAt(service, { ...applicant, isee: 5000, note: 'x' }).computed).toMatchObject({ '/tariffa': 180, '/conNote': true });
  });

  it("clean drops '' (rows included), and the cleaned answers evaluate the same", () => {
    const answers = { ...applicant, isee: '', note: '', figli: [{ nome: 'A', eta: 15, scuola: '' }] };
    const cleaned = clean(service, answers, { today: '2026-11-25' });
    expect(cleaned).toEqual({ codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: [{ nome: 'A', eta: 15 }], numeroFigli: 1, tariffa: 450, conNote: false });
    const a = evalAt(service, answers);
    const b = evalAt(service, cleaned);
    expect([b.valid, b.computed, b.fee, b.hidden]).toEqual([a.valid, a.computed, a.fee, a.hidden]);
    expect(clean(service, cleaned, { today: '2026-11-25' })).toEqual(cleaned);
  });

  it("a required field left '' is reported as required, once", () => {
    expect(errorsOf(evalAt(service, { ...applicant, codiceFiscale: '' }))).toEqual([['/codiceFiscale', 'error.required']]);
  });
});

/** A permit's end must not come before its start, compared as numbers (days from a date). */
function crossField(when: unknown, extra: Record<string, unknown> = {}) {
  const def = structuredClone(base);
  Object.assign(def.data.properties, { giornoInizio: { type: 'integer' }, giornoFine: { type: 'integer' } });
  def.ui.steps[0].fields.push('giornoInizio', 'giornoFine');
  def.rules.push({ id: 'ordine', type: 'error', field: 'giornoFine', message: 'error.dateOrder', when, ...extra });
  return def;
}

describe('a comparison between fields in an error rule waits for both fields', () => {
  const before = { '<': [{ var: 'giornoFine' }, { var: 'giornoInizio' }] };

  it('does not hold while either field is unanswered (null, absent or ""), and holds once both are', () => {
    const service = compileOrThrow(crossField(before));
    const errs = (a: Record<string, unknown>) => errorsOf(evalAt(service, { ...applicant, ...a })).filter(([, k]) => k === 'error.dateOrder');
    expect(errs({ giornoInizio: 5 })).toEqual([]); // unanswered end would compare as 0 < 5
    expect(errs({ giornoInizio: 5, giornoFine: null })).toEqual([]);
    expect(errs({ giornoInizio: 5, giornoFine: '' })).toEqual([]);
    expect(errs({ giornoFine: -3 })).toEqual([]);
    expect(errs({ giornoInizio: 5, giornoFine: 3 })).toEqual([['/giornoFine', 'error.dateOrder']]);
    expect(errs({ giornoInizio: 0, giornoFine: -1 })).toEqual([['/giornoFine', 'error.dateOrder']]);
    expect(errs({ giornoInizio: 5, giornoFine: 7 })).toEqual([]);
  });

  it('also inside a top-level and; check does not warn about such comparisons', () => {
    const def = crossField({ and: [{ var: 'haFigli' }, before] });
    expect(compile(def).warnings.filter((w) => w.code === 'logic.unguardedComparison')).toEqual([]);
    const service = compileOrThrow(def);
    expect(errorsOf(evalAt(service, { ...applicant, giornoInizio: 5 })).filter(([, k]) => k === 'error.dateOrder')).toEqual([]);
    expect(errorsOf(evalAt(service, { ...applicant, giornoInizio: 5, giornoFine: 1 })).filter(([, k]) => k === 'error.dateOrder')).toEqual([['/giornoFine', 'error.dateOrder']]);
  });

  it('a comparison with a literal keeps its meaning (and its warning), and so does a var with a default', () => {
    const literal = crossField({ '<': [{ var: 'giornoFine' }, 10] });
    expect(compile(literal).warnings.map((w) => w.code)).toContain('logic.unguardedComparison');
    expect(errorsOf(evalAt(compileOrThrow(literal), { ...applicant })).filter(([, k]) => k === 'error.dateOrder')).toEqual([['/giornoFine', 'error.dateOrder']]);
    const withDefault = compileOrThrow(crossField({ '<': [{ var: ['giornoFine', 0] }, { var: 'giornoInizio' }] }));
    expect(errorsOf(evalAt(withDefault, { ...applicant, giornoInizio: 5 })).filter(([, k]) => k === 'error.dateOrder')).toEqual([['/giornoFine', 'error.dateOrder']]);
  });

  it('in a row rule, with $row fields', () => {
    const def = structuredClone(base);
    Object.assign(def.data.properties.figli.items.properties, { da: { type: 'integer' }, a: { type: 'integer' } });
    def.rules.push({ id: 'ordineRiga', type: 'error', field: 'figli[].a', message: 'error.dateOrder', when: { '<': [{ var: '$row.a' }, { var: '$row.da' }] } });
    const service = compileOrThrow(def);
    const ev = evalAt(service, { ...applicant, figli: [{ nome: 'A', eta: 15, da: 5 }, { nome: 'B', eta: 16, da: 5, a: 2 }] });
    expect(errorsOf(ev).filter(([, k]) => k === 'error.dateOrder')).toEqual([['/figli/1/a', 'error.dateOrder']]);
  });
});
