import { describe, expect, it } from 'vitest';
import { compile, parsePath, renameField, renameRefusal, type Evaluation, type ServiceDefinition } from '../src/index.js';
import { compileOrThrow, evalAt, loadExample, loadTemplate } from './helpers.js';

/**
 * Renaming a field (or a section, or a group) must not change what the service does: for every
 * field of every template, the renamed definition compiles with the same problems and warnings
 * and evaluates the template's example answers (their key renamed too) exactly as before, once
 * the evaluation's pointers are mapped back to the old name.
 */
const TEMPLATES: Array<[template: string, example: string]> = [
  ['accesso-agli-atti', 'accesso-agli-atti-foia'],
  ['bonus-nuovi-nati', 'bonus-nuovi-nati'],
  ['contributo-affitto', 'contributo-affitto'],
  ['iscrizione-mensa-scolastica', 'iscrizione-mensa-scolastica'],
  ['occupazione-suolo-pubblico', 'occupazione-suolo-pubblico'],
  ['segnalazione-assenza', 'segnalazione-assenza'],
];

type Json = Record<string, unknown>;
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every field path of a data schema, sections' and groups' own paths included. */
function paths(schema: Json, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, s] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    out.push(prefix + name);
    if (s.type === 'object' && s.properties) out.push(...paths(s, `${prefix}${name}.`));
    const items = s.items as Json | undefined;
    if (s.type === 'array' && items?.properties) out.push(...paths(items, `${prefix}${name}[].`));
  }
  return out;
}

/** The answers with the value at `path` moved to the key `to` (in every row for a group's field). */
function renameAnswer(answers: unknown, path: string, to: string): unknown {
  const segs = parsePath(path);
  const walk = (value: unknown, i: number): unknown => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const seg = segs[i]!;
    const entries = Object.entries(value).map(([k, v]): [string, unknown] => {
      if (k !== seg.name) return [k, v];
      if (i === segs.length - 1) return [to, v];
      return [k, seg.group && Array.isArray(v) ? v.map((row) => walk(row, i + 1)) : walk(v, i + 1)];
    });
    return Object.fromEntries(entries);
  };
  return walk(answers, 0);
}

/** A pointer of the renamed service written with the old name (rows' indexes skipped). */
function pointerBack(pointer: string, newPath: string, oldName: string): string {
  const segs = parsePath(newPath);
  const tokens = pointer.split('/');
  let t = 1;
  for (let i = 0; i < segs.length; i++, t++) {
    if (tokens[t] !== segs[i]!.name) return pointer;
    if (i === segs.length - 1) tokens[t] = oldName;
    else if (segs[i]!.group) t++;
  }
  return tokens.join('/');
}

/**
 * What an evaluation says, with pointers mapped and error messages (texts) left out. A
 * tie-breaker's key is named by its field's path: mapped back too (`backPath`).
 */
function outcome(ev: Evaluation, back: (p: string) => string, backPath: (p: string) => string = (p) => p) {
  const ranking = ev.ranking && { ...ev.ranking, keys: ev.ranking.keys.map((k) => ({ ...k, id: backPath(k.id) })) };
  return {
    valid: ev.valid, steps: ev.steps, fee: ev.fee, ranking,
    hidden: ev.hidden.map(back).sort(), required: ev.required.map(back).sort(),
    computed: Object.fromEntries(Object.entries(ev.computed).map(([p, v]) => [back(p), v]).sort(([a], [b]) => String(a).localeCompare(String(b)))),
    errors: ev.errors.map((e) => `${back(e.pointer)} ${e.key} ${e.rule ?? ''}`).sort(),
  };
}

const addressPart = (def: ServiceDefinition, path: string) =>
  (def.prefill ?? []).some((p) => p.source === 'anpr.resident.address' && ['street', 'cap', 'comune', 'provincia'].some((k) => path === `${p.field}.${k}`));

const codes = (list: Array<{ code: string }>) => list.map((p) => p.code).sort();

describe('renameField keeps every template working', () => {
  for (const [id, exampleName] of TEMPLATES) {
    it(`renames each field, section and group of ${id}`, () => {
      const def = loadTemplate(id) as ServiceDefinition;
      const before = compile(def);
      expect(before.ok).toBe(true);
      const service = compileOrThrow(def);
      const example = loadExample(exampleName);
      const answersBefore = [example, {}].map((a) => outcome(evalAt(service, a), (p) => p));
      const all = paths(def.data);
      expect(all.length).toBeGreaterThan(2);
      for (const path of all) {
        const oldName = parsePath(path).at(-1)!.name;
        const to = `${oldName}Rinominato`;
        const result = renameField(def, path, to);
        // An address ANPR fills keeps the parts ANPR gives (street, cap, comune, provincia)
        if (addressPart(def, path)) { expect(result).toEqual({ ok: false, code: 'field.prefillAddress' }); continue; }
        if (!result.ok) throw new Error(`${id}: ${path} refused (${result.code})`);
        const after = compile(result.definition);
        if (!after.ok) throw new Error(`${id}: renaming ${path} gives ${after.problems.map((p) => `${p.pointer} ${p.code} ${p.message}`).join('\n')}`);
        expect(codes(after.warnings), `${id}: ${path}`).toEqual(codes(before.warnings));
        const back = (p: string) => pointerBack(p, result.path, oldName);
        const backPath = (p: string) => (p === result.path || p.startsWith(`${result.path}.`) ? path + p.slice(result.path.length) : p);
        const renamed = compileOrThrow(result.definition);
        [example, {}].forEach((a, i) => {
          expect(outcome(evalAt(renamed, renameAnswer(a, path, to)), back, backPath), `${id}: ${path}`).toEqual(answersBefore[i]);
        });
      }
    });
  }
});

/** A service whose literals, option values and texts equal the name renamed ("nome"). */
const small: ServiceDefinition = {
  id: 'prova', version: '1.0.0', defaultLanguage: 'it', title: 'prova.title',
  data: {
    type: 'object', required: ['nome'],
    properties: {
      nome: { type: 'string' },
      tipo: { type: 'string', enum: ['nome', 'altro'] },
      figli: { type: 'array', items: { type: 'object', properties: { nome: { type: 'string' }, eta: { type: 'integer' } } } },
    },
  },
  ui: {
    steps: [{ id: 's1', title: 'prova.s1', fields: ['nome', 'tipo', 'figli'] }],
    fields: {
      nome: { widget: 'text', label: 'prova.nome' },
      tipo: { widget: 'radio', label: 'prova.tipo', options: { nome: 'prova.opt.nome', altro: 'prova.opt.altro' } },
      figli: { widget: 'group', label: 'prova.figli' },
      'figli[].nome': { widget: 'text', label: 'prova.figlio.nome' },
      'figli[].eta': { widget: 'number', label: 'prova.figlio.eta' },
    },
  },
  rules: [
    { id: 'r1', type: 'error', field: 'tipo', when: { and: [{ '==': [{ var: 'tipo' }, 'nome'] }, { '==': [{ var: 'nome' }, 'nome'] }] }, message: 'prova.err' },
    { id: 'r2', type: 'error', field: 'figli[].nome', when: { '==': [{ var: '$row.nome' }, { var: 'nome' }] }, message: 'prova.err' },
    { id: 'r3', type: 'error', field: 'tipo', when: { some: [{ var: 'figli' }, { '==': [{ var: 'nome' }, 'nome'] }] }, message: 'prova.err' },
  ],
  translations: { it: { 'prova.title': 'nome', 'prova.s1': 'nome', 'prova.nome': 'nome', 'prova.tipo': 'Tipo', 'prova.opt.nome': 'nome', 'prova.opt.altro': 'Altro', 'prova.figli': 'Figli', 'prova.figlio.nome': 'nome', 'prova.figlio.eta': 'Età', 'prova.err': 'nome' } },
};

/**
 * The reads no template has: named conditions, a workflow guard, a payment amount and a message's
 * {{answers.x}}, the ranking (missing_some, reduce's `current`, ../../ out of a map), a section's
 * `order`, and an office field of the same name ($office.nome: never renamed).
 */
const rich: ServiceDefinition = {
  ...small,
  data: {
    ...small.data,
    properties: { ...(small.data.properties as Json), sezione: { type: 'object', properties: { nome: { type: 'string' }, altro: { type: 'string' } } } },
  },
  officeData: { type: 'object', properties: { nome: { type: 'string' } } },
  ui: {
    steps: [{ id: 's1', title: 'prova.s1', fields: ['nome', 'tipo', 'figli', 'sezione'] }],
    fields: {
      ...small.ui.fields,
      sezione: { widget: 'section', label: 'prova.sezione', order: ['sezione.altro', 'sezione.nome'] },
      'sezione.nome': { widget: 'text', label: 'prova.nome' },
      'sezione.altro': { widget: 'text', label: 'prova.tipo' },
    },
  },
  conditions: { haNome: { missing_some: [1, ['nome', 'tipo']] } },
  fees: { amount: { if: [{ condition: 'haNome' }, 1000, { '==': [{ var: '$office.nome' }, 'nome'] }, 500, 0] }, unit: 'cents', causale: 'prova.causale' },
  ranking: {
    score: { reduce: [{ var: 'figli' }, { '+': [{ var: 'accumulator' }, { if: [{ '==': [{ var: 'current.nome' }, 'nome'] }, 1, 0] }] }, 0] },
    exclusions: [{ id: 'e1', when: { missing: ['nome'] }, reason: 'prova.err' }],
    keys: [{ id: 'k1', value: { count: [{ filter: [{ var: 'figli' }, { '==': [{ var: 'nome' }, { var: '../../nome' }] }] }] }, direction: 'desc' }],
    tieBreakers: [{ field: 'nome', direction: 'asc' }],
  },
  workflow: {
    initial: 'a', states: [{ id: 'a', label: 'prova.a' }, { id: 'b', label: 'prova.b', final: true }],
    transitions: [{
      id: 't', from: 'a', to: 'b', label: 'prova.t', roles: ['operator'], guard: { '!!': [{ var: 'nome' }] },
      actions: [{ type: 'payment', amount: { if: [{ var: 'nome' }, 100, 200] }, unit: 'cents' }, { type: 'email', to: 'citizen', subject: 'prova.subject', body: 'prova.body' }],
    }],
  },
  translations: { it: { ...small.translations.it, 'prova.sezione': 'Sezione', 'prova.causale': 'nome', 'prova.a': 'A', 'prova.b': 'B', 'prova.t': 'T', 'prova.subject': 'nome {{answers.nome}}', 'prova.body': '{{#answers.nome}}{{answers.nome}} {{answers.sezione.nome}} {{answers.tipo}}{{/answers.nome}}' } },
};

describe('renameField follows every kind of read', () => {
  const renamed = (path: string, to: string) => {
    const result = renameField(rich, path, to);
    if (!result.ok) throw new Error(result.code);
    compileOrThrow(result.definition);
    return result.definition;
  };
  it('a root field: conditions, fee, ranking, workflow and messages follow; row fields and $office keep the name', () => {
    compileOrThrow(rich);
    const def = renamed('nome', 'nominativo');
    expect(def.conditions).toEqual({ haNome: { missing_some: [1, ['nominativo', 'tipo']] } });
    expect(def.fees!.amount).toEqual(rich.fees!.amount); // the condition and $office.nome
    expect(def.ranking).toEqual({
      ...rich.ranking, exclusions: [{ id: 'e1', when: { missing: ['nominativo'] }, reason: 'prova.err' }],
      keys: [{ ...rich.ranking!.keys![0]!, value: { count: [{ filter: [{ var: 'figli' }, { '==': [{ var: 'nome' }, { var: '../../nominativo' }] }] }] } }],
      tieBreakers: [{ field: 'nominativo', direction: 'asc' }],
    });
    const t = def.workflow!.transitions[0]!;
    expect(t.guard).toEqual({ '!!': [{ var: 'nominativo' }] });
    expect(t.actions![0]).toEqual({ type: 'payment', amount: { if: [{ var: 'nominativo' }, 100, 200] }, unit: 'cents' });
    expect(def.translations.it!['prova.subject']).toBe('nome {{answers.nominativo}}');
    expect(def.translations.it!['prova.body']).toBe('{{#answers.nominativo}}{{answers.nominativo}} {{answers.sezione.nome}} {{answers.tipo}}{{/answers.nominativo}}');
    expect(def.translations.it!['prova.causale']).toBe('nome');
    expect(def.officeData).toEqual(rich.officeData);
  });
  it('a row field: reduce\'s current and the filter\'s item follow, ../../ (the root) does not', () => {
    const def = renamed('figli[].nome', 'nomeFiglio');
    expect(def.ranking!.score).toEqual({ reduce: [{ var: 'figli' }, { '+': [{ var: 'accumulator' }, { if: [{ '==': [{ var: 'current.nomeFiglio' }, 'nome'] }, 1, 0] }] }, 0] });
    expect(def.ranking!.keys![0]!.value).toEqual({ count: [{ filter: [{ var: 'figli' }, { '==': [{ var: 'nomeFiglio' }, { var: '../../nome' }] }] }] });
    expect(def.conditions).toEqual(rich.conditions);
  });
  it('a section field: its order and its {{answers.sezione.x}} follow', () => {
    const def = renamed('sezione.nome', 'denominazione');
    expect(def.ui.fields!.sezione!.order).toEqual(['sezione.altro', 'sezione.denominazione']);
    expect(def.translations.it!['prova.body']).toBe('{{#answers.nome}}{{answers.nome}} {{answers.sezione.denominazione}} {{answers.tipo}}{{/answers.nome}}');
    expect(renamed('sezione', 'parte').ui.fields!.parte!.order).toEqual(['parte.altro', 'parte.nome']);
  });
});

describe('renameField is not a string replace', () => {
  it('renames the field and its reads, and leaves literals, option values and texts equal to its name', () => {
    expect(compile(small).ok).toBe(true);
    const result = renameField(small, 'nome', 'nominativo');
    expect(result.ok).toBe(true);
    const def = (result as { definition: ServiceDefinition }).definition;
    expect(Object.keys(def.data.properties as Json)).toEqual(['nominativo', 'tipo', 'figli']);
    expect(def.data.required).toEqual(['nominativo']);
    expect(def.data.properties).toMatchObject({ tipo: { enum: ['nome', 'altro'] }, figli: { items: { properties: { nome: { type: 'string' } } } } });
    expect(def.ui.steps[0]!.fields).toEqual(['nominativo', 'tipo', 'figli']);
    expect(Object.keys(def.ui.fields!)).toEqual(['nominativo', 'tipo', 'figli', 'figli[].nome', 'figli[].eta']);
    expect(def.ui.fields!.tipo!.options).toEqual(small.ui.fields!.tipo!.options);
    expect(def.rules).toEqual([
      { ...small.rules![0], when: { and: [{ '==': [{ var: 'tipo' }, 'nome'] }, { '==': [{ var: 'nominativo' }, 'nome'] }] } },
      { ...small.rules![1], when: { '==': [{ var: '$row.nome' }, { var: 'nominativo' }] } },
      small.rules![2], // inside "some" the name is the row's: figli[].nome, not the root field
    ]);
    expect(def.translations).toEqual(small.translations);
    expect(compile(def).ok).toBe(true);
  });

  it('renames a row field where the row reads it, and not the root field of the same name', () => {
    const result = renameField(small, 'figli[].nome', 'nomeFiglio');
    expect(result.ok && result.path).toBe('figli[].nomeFiglio');
    const def = (result as { definition: ServiceDefinition }).definition;
    expect(def.rules).toEqual([
      small.rules![0],
      { ...small.rules![1], field: 'figli[].nomeFiglio', when: { '==': [{ var: '$row.nomeFiglio' }, { var: 'nome' }] } },
      { ...small.rules![2], when: { some: [{ var: 'figli' }, { '==': [{ var: 'nomeFiglio' }, 'nome'] }] } },
    ]);
    expect(Object.keys(def.ui.fields!)).toEqual(['nome', 'tipo', 'figli', 'figli[].nomeFiglio', 'figli[].eta']);
    expect(compile(def).ok).toBe(true);
  });

  it('renaming a group renames the paths under it', () => {
    const result = renameField(small, 'figli', 'minori');
    const def = (result as { definition: ServiceDefinition }).definition;
    expect(Object.keys(def.ui.fields!)).toEqual(['nome', 'tipo', 'minori', 'minori[].nome', 'minori[].eta']);
    expect(def.rules![1]).toEqual({ ...small.rules![1], field: 'minori[].nome' });
    expect(def.rules![2]!.when).toEqual({ some: [{ var: 'minori' }, { '==': [{ var: 'nome' }, 'nome'] }] });
    expect(compile(def).ok).toBe(true);
  });

  it('refuses invalid, reserved and taken names, and unknown fields, leaving the definition as it is', () => {
    const before = copy(small);
    const refusals: Array<[string, string, string]> = [
      ['nome', '1nome', 'field.invalidName'], ['nome', 'nome cognome', 'field.invalidName'], ['nome', '', 'field.invalidName'],
      ['nome', '_nome', 'field.invalidName'], ['nome', 'toString', 'field.reservedName'], ['nome', 'tipo', 'field.nameTaken'],
      ['figli[].nome', 'eta', 'field.nameTaken'], ['nessuno', 'altro', 'field.unknown'], ['figli[]', 'altro', 'field.unknown'],
    ];
    for (const [path, to, code] of refusals) {
      expect(renameField(small, path, to)).toEqual({ ok: false, code });
      expect(renameRefusal(small, path, to)).toBe(code);
    }
    expect(renameRefusal(small, 'figli[].nome', 'nomeFiglio')).toBeUndefined();
    expect(renameRefusal(small, 'figli[].nome', 'nome')).toBeUndefined();
    expect(small).toEqual(before);
    // the same name is no change (and no refusal)
    expect(renameField(small, 'figli[].nome', 'nome')).toEqual({ ok: true, definition: small, path: 'figli[].nome' });
  });
});
