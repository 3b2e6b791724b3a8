import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, explainProblem, LIMITS } from '../src/index.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
const clone = () => structuredClone(base);

function problems(def: unknown): Array<[string, string]> {
  const r = compile(def);
  return r.ok ? [] : r.problems.map((p) => [p.pointer, p.code] as [string, string]);
}

describe('compile: one test per problem it reports', () => {
  it('accepts the minimal example with no warnings', () => {
    const r = compile(clone());
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('reports meta-schema violations with pointers', () => {
    const def = clone();
    def.version = 'one';
    def.ui.steps[0].fields = 'codiceFiscale';
    def.rules[0].type = 'toggle';
    expect(problems(def)).toEqual(expect.arrayContaining([
      ['/version', 'schema.pattern'],
      ['/ui/steps/0/fields', 'schema.type'],
      ['/rules/0/type', 'schema.enum'],
    ]));
  });

  it('reports a rule naming a field that does not exist (target and var)', () => {
    const def = clone();
    def.rules[0].when = { '==': [{ var: 'haFigliX' }, true] };
    def.rules[1].field = 'numeroNipoti';
    expect(problems(def)).toEqual([
      ['/rules/0/when/==/0/var', 'rule.unknownField'],
      ['/rules/1/field', 'rule.unknownField'],
    ]);
  });

  it('checks vars inside map/filter/reduce bodies against the rows of the group', () => {
    const def = clone();
    def.rules[1].value = { count: [{ var: 'figli' }, { '<': [{ var: 'etaX' }, 18] }] };
    expect(problems(def)).toEqual([['/rules/1/value/count/1/</0/var', 'rule.unknownField']]);
    def.rules[1].value = { reduce: [{ var: 'figli' }, { '+': [{ var: 'accumulator' }, { var: 'current.eta' }] }, 0] };
    expect(problems(def)).toEqual([]);
  });

  it('reports $row outside a repeating group', () => {
    const def = clone();
    def.rules[0].when = { '==': [{ var: '$row.eta' }, 1] };
    expect(problems(def)).toEqual([['/rules/0/when/==/0/var', 'rule.rowOutsideGroup']]);
  });

  it('reports a computed value that depends on itself, naming the cycle', () => {
    const def = clone();
    def.data.properties.a = { type: 'number' };
    def.data.properties.b = { type: 'number' };
    def.ui.steps[1].fields.push('a', 'b');
    def.rules.push(
      { id: 'ca', type: 'compute', field: 'a', value: { '+': [{ var: 'b' }, 1] } },
      { id: 'cb', type: 'compute', field: 'b', value: { '*': [{ var: 'a' }, 2] } },
    );
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['rule.cycle']);
    expect(r.problems[0]!.message).toContain('a -> b -> a');
  });

  it('reports a value computed from itself', () => {
    const def = clone();
    def.rules[1].value = { '+': [{ var: 'numeroFigli' }, 1] };
    expect(problems(def)).toEqual([['/rules/1/value', 'rule.cycle']]);
  });

  it('reports a step naming a missing field, and a row field placed in a step', () => {
    const def = clone();
    def.ui.steps[0].fields.push('cognome', 'figli[].nome');
    expect(problems(def)).toEqual([
      ['/ui/steps/0/fields/2', 'step.unknownField'],
      ['/ui/steps/0/fields/3', 'step.rowField'],
    ]);
  });

  it('reports an unknown JSON Logic operator', () => {
    const def = clone();
    def.rules[0].when = { equals: [{ var: 'haFigli' }, true] };
    expect(problems(def)).toEqual([['/rules/0/when/equals', 'logic.unknownOperator']]);
  });

  it('reports an invalid regular expression and one the linear-time engine cannot run', () => {
    const def = clone();
    def.data.properties.codiceFiscale.pattern = '^[A-Z{16$';
    def.data.properties.figli.items.properties.nome.pattern = '^(a)\\1$';
    const found = problems(def);
    expect(found).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining([
      ['/data/properties/figli/items/properties/nome/pattern', 'schema.unsupportedPattern'],
      ['/data/properties/codiceFiscale/pattern', 'schema.invalidPattern'],
    ]));
  });

  it('reports a missing default-language translation; a missing other-language one is a warning', () => {
    const def = clone();
    delete def.translations.it['field.haFigli'];
    delete def.translations.en['field.figli'];
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.pointer, p.code, p.params?.language])).toEqual([['/ui/fields/haFigli/label', 'translation.missing', 'it']]);
    expect(r.warnings.map((p) => [p.pointer, p.code, p.params?.language])).toEqual([['/ui/fields/figli/label', 'translation.missing', 'en']]);
  });

  it('reports a workflow state no transition reaches, and unknown states', () => {
    const def = clone();
    def.translations.it['s'] = 'Stato';
    def.translations.en['s'] = 'State';
    def.workflow = {
      initial: 'presentata',
      states: [{ id: 'presentata', label: 's' }, { id: 'accolta', label: 's', final: true }, { id: 'archiviata', label: 's', final: true }],
      transitions: [{ id: 'accogli', from: 'presentata', to: 'accolta', label: 's' }, { id: 'x', from: 'presentata', to: 'sospesa', label: 's' }],
    };
    expect(problems(def)).toEqual([
      ['/workflow/transitions/1/to', 'workflow.unknownState'],
      ['/workflow/states/2', 'workflow.unreachableState'],
    ]);
  });

  it('refuses an unknown awaited reply, and a state awaiting the citizen with no citizen transition out of it', () => {
    const def = clone();
    def.translations.it['s'] = 'Stato';
    def.translations.en['s'] = 'State';
    const workflow = (awaits: unknown, roles: string[]) => ({
      initial: 'presentata',
      states: [{ id: 'presentata', label: 's' }, { id: 'integrazione', label: 's', slaDays: 10, awaits }, { id: 'accolta', label: 's', final: true }],
      transitions: [
        { id: 'chiedi', from: 'presentata', to: 'integrazione', label: 's', roles: ['operator'] },
        { id: 'rispondi', from: 'integrazione', to: 'accolta', label: 's', roles },
      ],
    });
    def.workflow = workflow('payment', ['citizen']);
    const r = compile(def);
    expect(r.ok ? [] : r.problems.map((p) => [p.pointer, p.code, p.params?.value])).toEqual([['/workflow/states/1/awaits', 'schema.enum', 'payment']]);
    def.workflow = workflow('observations', ['operator', 'supervisor']);
    const missing = compile(def);
    expect(missing.ok ? [] : missing.problems.map((p) => [p.pointer, p.code])).toEqual([['/workflow/states/1/awaits', 'workflow.awaitsWithoutReply']]);
    if (!missing.ok) expect(explainProblem(def, missing.problems[0]!, 'it').fix).toContain('"citizen"');
    def.workflow = workflow('integration', ['operator', 'citizen']);
    expect(problems(def)).toEqual([]);
  });

  it('reports a state the ranking leaves out that the workflow does not declare', () => {
    const def = clone();
    def.translations.it['s'] = 'Stato';
    def.translations.en['s'] = 'State';
    def.workflow = {
      initial: 'presentata',
      states: [{ id: 'presentata', label: 's' }, { id: 'respinta', label: 's', final: true }],
      transitions: [{ id: 'respingi', from: 'presentata', to: 'respinta', label: 's' }],
    };
    def.ranking = { score: 1, leftOutStates: ['respinta', 'esclusa'] };
    expect(problems(def)).toEqual([['/ranking/leftOutStates/1', 'workflow.unknownState']]);
  });

  it('checks App IO message lengths in every language', () => {
    const def = clone();
    Object.assign(def.translations.it, { s: 'Stato', 'm.s': 'Breve', 'm.b': 'Testo troppo corto' });
    Object.assign(def.translations.en, { s: 'State', 'm.s': 'A long enough subject', 'm.b': 'x'.repeat(100) });
    def.workflow = {
      initial: 'a', states: [{ id: 'a', label: 's' }, { id: 'b', label: 's' }],
      transitions: [{ id: 't', from: 'a', to: 'b', label: 's', actions: [{ type: 'appio', subject: 'm.s', body: 'm.b' }] }],
    };
    expect(problems(def)).toEqual([
      ['/workflow/transitions/0/actions/0/subject', 'workflow.appioSubjectLength'],
      ['/workflow/transitions/0/actions/0/body', 'workflow.appioBodyLength'],
    ]);
  });

  it('checks the placeholders of workflow messages in every language, where the text is', () => {
    const def = clone();
    Object.assign(def.translations.it, { s: 'Stato', 'm.s': 'Pratica {{pratica.code}}', 'm.b': 'Gentile {{citizen.fullName}}, {{pratica.codice}} {{> parziale}}' });
    Object.assign(def.translations.en, { s: 'State', 'm.s': 'Pratica {{pratica.code}', 'm.b': '{{#answers.haFigli}}Dear {{citizen.fullName}}{{/answers.haFigli}}' });
    def.workflow = {
      initial: 'a', states: [{ id: 'a', label: 's' }, { id: 'b', label: 's' }],
      transitions: [{ id: 't', from: 'a', to: 'b', label: 's', actions: [{ type: 'email', to: 'citizen', subject: 'm.s', body: 'm.b' }] }],
    };
    const r = compile(def);
    expect(r.ok ? [] : r.problems.map((p) => [p.pointer, p.code, p.params])).toEqual([
      ['/translations/it/m.b', 'template.unknownPlaceholder', { placeholder: 'pratica.codice' }],
      ['/translations/it/m.b', 'template.unknownPlaceholder', { placeholder: 'parziale' }],
      ['/translations/en/m.s', 'template.invalid', {}],
    ]);
    const fix = explainProblem(def, r.ok ? ({} as never) : r.problems[0]!, 'it');
    expect(fix.what).toBe('Segnaposto sconosciuto "pratica.codice" nel testo del messaggio');
  });

  it('reports a widget that cannot edit its field and an option that is not a value', () => {
    const def = clone();
    def.ui.fields.haFigli.widget = 'date';
    def.ui.fields.codiceFiscale.options = { x: 'field.haFigli' };
    expect(problems(def)).toEqual([
      ['/ui/fields/codiceFiscale/options/x', 'ui.unknownOption'],
      ['/ui/fields/haFigli/widget', 'ui.widgetMismatch'],
    ]);
  });

  it('reports prefill of a missing field and of an incompatible source', () => {
    const def = clone();
    def.prefill = [
      { field: 'codiceFiscale', source: 'identity.fiscalCode', editable: false },
      { field: 'nomeX', source: 'identity.givenName' },
      { field: 'figli', source: 'identity.familyName' },
    ];
    expect(problems(def)).toEqual([['/prefill/1/field', 'prefill.unknownField'], ['/prefill/2/source', 'prefill.typeMismatch']]);
  });

  it('reports nested repeating groups', () => {
    const def = clone();
    def.data.properties.figli.items.properties.vaccini = { type: 'array', items: { type: 'object', properties: { nome: { type: 'string' } } } };
    expect(problems(def)).toEqual([['/data/properties/figli/items/properties/vaccini', 'field.nestedGroup']]);
  });

  it('reports an unknown format', () => {
    const def = clone();
    def.data.properties.codiceFiscale.format = 'codice-fiscale-xx';
    expect(problems(def)).toEqual([['/data/properties/codiceFiscale/format', 'schema.unknownFormat']]);
  });

  it('reports a $ref to nothing as such (schema.badRef), and a shared definition\'s problem where it is', () => {
    const def = clone();
    def.data.properties.codiceFiscale.$ref = '#/$defs/nowhere';
    expect(problems(def)).toEqual([['/data/properties/codiceFiscale/$ref', 'schema.badRef']]);
    const outside = clone();
    outside.data.properties.codiceFiscale.$ref = 'https://example.org/cf.json';
    expect(problems(outside)).toEqual([['/data/properties/codiceFiscale/$ref', 'schema.badRef']]);
    const bad = clone(); // what Ajv could not compile is found before it runs, at its place
    bad.data.$defs = { cf: { type: 'string', pattern: '(' } };
    bad.data.properties.codiceFiscale.$ref = '#/$defs/cf';
    expect(problems(bad)).toEqual([['/data/$defs/cf/pattern', 'schema.invalidPattern']]);
  });

  it('reports duplicate rule ids and two computes of the same field', () => {
    const def = clone();
    def.rules.push({ id: 'contaFigli', type: 'compute', field: 'numeroFigli', value: 1 });
    expect(problems(def)).toEqual([['/rules/5/id', 'rule.duplicateId'], ['/rules/5/field', 'rule.duplicateCompute']]);
  });

  it('reports a payment action without fees', () => {
    const def = clone();
    delete def.fees;
    delete def.translations.it['fee.causale'];
    delete def.translations.en['fee.causale'];
    Object.assign(def.translations.it, { s: 'Stato' });
    Object.assign(def.translations.en, { s: 'State' });
    def.workflow = { initial: 'a', states: [{ id: 'a', label: 's' }, { id: 'b', label: 's' }], transitions: [{ id: 't', from: 'a', to: 'b', label: 's', actions: [{ type: 'payment' }] }] };
    expect(problems(def)).toEqual([['/workflow/transitions/0/actions/0', 'workflow.paymentWithoutFee']]);
  });
});

describe('compile never throws and never hangs', () => {
  it('rejects non-objects and non-JSON values', () => {
    for (const input of [null, 42, 'x', [], undefined]) expect(problems(input)).toEqual([['', 'definition.notObject']]);
    const cyclic: Record<string, unknown> = clone();
    cyclic.self = cyclic;
    expect(problems(cyclic)).toEqual([['', 'definition.notJson']]);
    expect(problems({ ...clone(), x: () => 1 })).toEqual([['', 'definition.notJson']]);
  });

  it('caps depth without recursion', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) { const next = {}; deep.a = next; deep = next; }
    const def = { ...clone(), data: root };
    expect(problems(def)).toEqual([['', 'limit.depth']]);
  });

  it('caps size', () => {
    const def = clone();
    def.translations.it.huge = 'x'.repeat(LIMITS.definitionBytes);
    expect(problems(def)).toEqual([['', 'limit.size']]);
  });

  it('caps the number of fields', () => {
    const def = clone();
    for (let i = 0; i < LIMITS.fields + 10; i++) def.data.properties[`f${i}`] = { type: 'string' };
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.code === 'limit.fields')).toBe(true);
  });

  it('caps the size of one expression', () => {
    const def = clone();
    def.rules[0].when = { or: Array.from({ length: LIMITS.logicNodes + 1 }, () => true) };
    expect(problems(def)).toEqual([['/rules/0/when', 'limit.logicNodes']]);
  });
});
