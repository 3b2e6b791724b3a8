/** Named conditions written once and used in many rules; one rule acting on several fields (issue 14). */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, explainProblem } from '../src/index.js';
import { compileOrThrow, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

/** A tenant's questions: shown, and the contract required, while "the applicant rents". */
function renting(extra: (def: any) => void = () => {}) {
  const def = structuredClone(base);
  Object.assign(def.data.properties, {
    titolo: { type: 'string', enum: ['proprieta', 'affitto'] },
    canone: { type: 'number', minimum: 0 }, contratto: { type: 'string' }, locatore: { type: 'string' },
    quota: { type: 'number' },
  });
  def.ui.steps[0].fields.push('titolo', 'canone', 'contratto', 'locatore');
  def.conditions = { affittuario: { '==': [{ var: 'titolo' }, 'affitto'] } };
  def.rules.push(
    { id: 'mostraAffitto', type: 'show', fields: ['canone', 'contratto', 'locatore'], when: { condition: 'affittuario' } },
    { id: 'contrattoObbligatorio', type: 'require', fields: ['contratto', 'locatore'], when: { condition: 'affittuario' } },
    { id: 'quota', type: 'compute', field: 'quota', value: { if: [{ condition: 'affittuario' }, { '*': [{ var: 'canone' }, 0.1] }, 0] } },
  );
  extra(def);
  return def;
}

const who = { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false };

describe('named conditions and rules on several fields', () => {
  it('one condition, one show rule and one require rule for three fields', () => {
    const service = compileOrThrow(renting());
    const owner = evalAt(service, { ...who, titolo: 'proprieta', canone: 500 });
    expect(owner.hidden.sort()).toEqual(['/canone', '/contratto', '/figli', '/locatore', '/numeroFigli', '/dataInizio', '/dataFine'].sort());
    expect(owner.computed['/quota']).toBe(0);
    const tenant = evalAt(service, { ...who, titolo: 'affitto', canone: 500 });
    expect(tenant.hidden.filter((p) => ['/canone', '/contratto', '/locatore'].includes(p))).toEqual([]);
    expect(tenant.required).toEqual(expect.arrayContaining(['/contratto', '/locatore']));
    expect(tenant.computed['/quota']).toBe(50);
  });

  it('a condition\'s fields are its users\' dependencies: a visibility loop through a condition is named', () => {
    const def = renting((d) => { d.conditions.affittuario = { '!=': [{ var: 'canone' }, null] }; });
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.pointer, p.code])).toEqual([['/rules/5/when', 'rule.visibilityCycle']]);
  });

  it('an unknown, nested, iterated or ranking condition is a problem that says what to do', () => {
    const unknown = renting((d) => { d.rules[5].when = { condition: 'affituario' }; });
    const r = compile(unknown);
    expect(r.ok ? [] : r.problems.map((p) => [p.pointer, p.code])).toEqual([['/rules/5/when/condition', 'rule.unknownCondition']]);
    if (!r.ok) expect(explainProblem(unknown, r.problems[0]!, 'it')).toMatchObject({ where: 'la regola "mostraAffitto"', what: '"affituario" non è una condizione del servizio' });
    const nested = renting((d) => { d.conditions.altro = { '!': { condition: 'affittuario' } }; });
    expect(codes(nested)).toEqual([['/conditions/altro/!/condition', 'rule.nestedCondition']]);
    const iterated = renting((d) => { d.rules.push({ id: 'x', type: 'compute', field: 'numeroFigli', value: { count: [{ var: 'figli' }, { condition: 'affittuario' }] } }); });
    expect(codes(iterated)).toContainEqual(['/rules/8/value/count/1/condition', 'rule.conditionInIteration']);
    const ranked = renting((d) => { d.ranking = { score: { if: [{ condition: 'affittuario' }, 2, 1] } }; });
    expect(codes(ranked)).toEqual([['/ranking/score/if/0/condition', 'ranking.condition']]);
  });

  it('fields: each field is checked; a wrong one is named at its place and by its rule', () => {
    const def = renting((d) => { d.rules[5].fields = ['canone', 'contrato']; });
    expect(codes(def)).toEqual([['/rules/5/fields/1', 'rule.unknownField']]);
    expect(compile({ ...renting(), rules: [{ id: 'a', type: 'show', field: 'canone', fields: ['locatore'], when: true }] }).ok).toBe(false);
  });
});

function codes(def: unknown): Array<[string, string]> {
  const r = compile(def);
  return r.ok ? [] : r.problems.map((p) => [p.pointer, p.code]);
}
