import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, explainProblem } from '../src/index.js';
import { compileOrThrow, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

function warnings(def: unknown): Array<[string, string]> {
  const r = compile(def);
  return r.warnings.map((w) => [w.pointer, w.code]);
}

/** A canteen tariff by ISEE band, the ISEE optional. */
function tariff(when: unknown) {
  const def = structuredClone(base);
  def.data.properties.isee = { type: 'number', minimum: 0 };
  def.data.properties.tariffa = { type: 'number' };
  def.ui.steps[0].fields.push('isee');
  def.rules.push({ id: 'tariffa', type: 'compute', field: 'tariffa', value: { if: [when, 180, 450] } });
  return def;
}

describe('check warns where a comparison reads a field that may be unanswered (logic.unguardedComparison)', () => {
  it('warns on the ISEE band that gives the cheapest tariff to whoever gives no ISEE', () => {
    const def = tariff({ '<': [{ var: 'isee' }, 10000] });
    const r = compile(def);
    expect(warnings(def)).toEqual([['/rules/5/value/if/0/</0/var', 'logic.unguardedComparison']]);
    expect(r.warnings[0]!.message).toContain('{"and": [{"!=": [{"var": "isee"}, null]}');
    // told once: what is wrong, then how to fix it (the guard), not the guard twice
    expect(explainProblem(def, r.warnings[0]!, 'en')).toMatchObject({
      what: '"<" reads "isee", which may be unanswered: an unanswered value compares like 0 here',
      fix: 'Guard it: {"and": [{"!=": [{"var": "isee"}, null]}, <the comparison>]}, or make the field required.',
    });
    // and indeed: no ISEE, cheapest tariff
    expect(evalAt(compileOrThrow(def), { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false }).computed['/tariffa']).toBe(180);
  });

  it('is quiet when guarded, when the field is required, or when 0 would not pass', () => {
    expect(warnings(tariff({ and: [{ '!=': [{ var: 'isee' }, null] }, { '<': [{ var: 'isee' }, 10000] }] }))).toEqual([]);
    expect(warnings(tariff({ if: [{ missing: ['isee'] }, false, { '<': [{ var: 'isee' }, 10000] }] }))).toEqual([]);
    expect(warnings(tariff({ '>': [{ var: 'isee' }, 10000] }))).toEqual([]);
    const required = tariff({ '<': [{ var: 'isee' }, 10000] });
    required.data.required.push('isee');
    expect(warnings(required)).toEqual([]);
  });

  it('in a named condition as in a rule: warns on an optional field, not on a computed one', () => {
    const def = tariff({ or: [{ condition: 'pochiFigli' }, { condition: 'iseeBasso' }] });
    def.conditions = { pochiFigli: { '<': [{ var: 'numeroFigli' }, 3] }, iseeBasso: { '<': [{ var: 'isee' }, 10000] } };
    expect(warnings(def)).toEqual([['/conditions/iseeBasso/</0/var', 'logic.unguardedComparison']]);
  });
});

describe('the fee says its unit (fees.unit)', () => {
  it('euro: the amount is turned into cents, rounded to the cent', () => {
    const def = structuredClone(base);
    def.fees = { amount: { '*': [{ var: 'numeroFigli' }, 0.35] }, unit: 'euro', causale: 'fee.causale' };
    const s = compileOrThrow(def);
    const ev = evalAt(s, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: [{ nome: 'A', eta: 3 }, { nome: 'B', eta: 5 }] });
    expect(ev.fee?.amountCents).toBe(70);
  });

  it('cents as before; no unit is a warning saying how amounts are read', () => {
    expect(warnings(base)).toEqual([]);
    const def = structuredClone(base);
    delete def.fees.unit;
    const r = compile(def);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.pointer, w.code])).toEqual([['/fees', 'fees.unitMissing']]);
    expect(r.warnings[0]!.message).toContain('"unit": "euro"');
    def.fees.unit = 'dollars';
    expect(compile(def).ok).toBe(false);
  });

  it('a payment action with an amount of its own says its unit too', () => {
    const def = structuredClone(base);
    def.workflow = {
      initial: 'presentata',
      states: [{ id: 'presentata', label: 'wf.presentata' }, { id: 'accolta', label: 'wf.accolta', final: true }],
      transitions: [{ id: 'accogli', from: 'presentata', to: 'accolta', label: 'wf.accogli', roles: ['operator'],
        actions: [{ type: 'payment' }, { type: 'payment', amount: { '*': [{ var: 'numeroFigli' }, 16] } }] }],
    };
    for (const lang of ['it', 'en']) Object.assign(def.translations[lang], { 'wf.presentata': 'P', 'wf.accolta': 'A', 'wf.accogli': 'Accogli' });
    const r = compile(def);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.pointer, w.code])).toEqual([['/workflow/transitions/0/actions/1', 'payment.unitMissing']]);
    expect(explainProblem(def, r.warnings[0]!, 'it')).toMatchObject({
      where: 'la transizione "accogli"',
      what: 'Il pagamento non dice l\'unità del suo importo: è letto in centesimi (70 è 0,70 euro)',
      fix: 'Aggiungete all\'azione "unit": "euro" oppure "unit": "cents".',
    });
    def.workflow.transitions[0].actions[1].unit = 'euro';
    expect(warnings(def)).toEqual([]);
  });
});
