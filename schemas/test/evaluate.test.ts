import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { clean, evaluate, applyPrefill, sortGraduatoria, isHiddenPointer } from '../src/index.js';
import { compileOrThrow, errorsOf, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
const service = compileOrThrow(base);
const CF = 'RSSMRA85T10A562S';
const valid = {
  codiceFiscale: CF, haFigli: true,
  figli: [{ nome: 'Anna', eta: 15 }, { nome: 'Luca', eta: 12, scuola: 'Primaria Manzoni' }],
  dataInizio: '2026-09-01', dataFine: '2027-06-30',
};

describe('evaluate: rule kinds', () => {
  it('passes a complete valid submission, with computed values and fee', () => {
    const ev = evalAt(service, valid);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.computed).toEqual({ '/numeroFigli': 2 });
    expect(ev.fee).toEqual({ amountCents: 3200, causale: "Diritti di segreteria", causaleKey: 'fee.causale', dueDays: 30 });
    expect(ev.steps).toEqual([
      { id: 'richiedente', visible: true, complete: true, errorCount: 0 },
      { id: 'figli', visible: true, complete: true, errorCount: 0 },
    ]);
  });

  it('show on a step: hides the step, and its fields are neither required nor validated', () => {
    const ev = evalAt(service, { codiceFiscale: CF, haFigli: false, figli: [{ nome: 5 }], dataFine: 'x' });
    expect(ev.steps[1]).toEqual({ id: 'figli', visible: false, complete: false, errorCount: 0 });
    expect(ev.hidden).toEqual(expect.arrayContaining(['/figli', '/dataFine']));
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
  });

  it('show on a row field: evaluated per row with $row', () => {
    const ev = evalAt(service, { ...valid, figli: [{ nome: 'A', eta: 17 }, { nome: 'B', eta: 30, scuola: 7 }] });
    expect(ev.hidden).toEqual(['/figli/1/scuola']);
    expect(isHiddenPointer(new Set(ev.hidden), '/figli/1/scuola')).toBe(true);
    expect(errorsOf(ev)).toEqual([]);
  });

  it('require on a row field: required only in rows where the rule holds', () => {
    const ev = evalAt(service, { ...valid, figli: [{ nome: 'A', eta: 10 }, { nome: 'B', eta: 16 }] });
    expect(ev.required).toContain('/figli/0/scuola');
    expect(ev.required).not.toContain('/figli/1/scuola');
    expect(errorsOf(ev)).toEqual([['/figli/0/scuola', 'error.required']]);
    expect(ev.steps[1]).toMatchObject({ complete: false, errorCount: 1 });
  });

  it('error rule: a cross-field message at the field', () => {
    const ev = evalAt(service, { ...valid, dataInizio: '2026-09-01', dataFine: '2026-08-31' }, { locale: 'it' });
    expect(ev.errors).toEqual([{ pointer: '/dataFine', key: 'error.dateOrder', rule: 'dateInOrdine', message: 'La data di fine precede quella di inizio' }]);
  });

  it('conditions follow JSON Logic truthiness: an empty list (nothing missing) is false', () => {
    const def = structuredClone(base);
    def.rules.push(
      { id: 'scuolaSeMancaEta', type: 'require', field: 'figli[].scuola', when: { missing: ['$row.eta'] } },
      { id: 'fineSeMancaInizio', type: 'error', field: 'dataFine', message: 'error.dateOrder', when: { missing: ['dataInizio'] } },
    );
    const svc = compileOrThrow(def);
    const complete = evalAt(svc, { ...valid, figli: [{ nome: 'Anna', eta: 15 }] });
    expect(errorsOf(complete)).toEqual([]);
    const partial = evalAt(svc, { ...valid, dataInizio: null, figli: [{ nome: 'Anna', eta: null }] });
    expect(errorsOf(partial)).toEqual(expect.arrayContaining([['/dataFine', 'error.dateOrder'], ['/figli/0/scuola', 'error.required']]));
  });

  it('compute: overwrites what the citizen typed in a computed field', () => {
    const ev = evalAt(service, { ...valid, numeroFigli: 9 });
    expect(ev.computed['/numeroFigli']).toBe(2);
    expect(clean(service, { ...valid, numeroFigli: 9 }).numeroFigli).toBe(2);
  });

  it('hide rule wins over show rules; a hidden group hides its rows', () => {
    const def = structuredClone(base);
    // (hiding it by its own row count would be a visibility cycle: see group-totals.test.ts)
    def.rules.push({ id: 'nascondiGruppo', type: 'hide', field: 'figli', when: { '==': [{ var: 'dataInizio' }, '2026-01-01'] } });
    const s = compileOrThrow(def);
    const rows = Array.from({ length: 4 }, () => ({ nome: 7 }));
    const ev = evalAt(s, { ...valid, dataInizio: '2026-01-01', figli: rows });
    expect(ev.hidden).toContain('/figli');
    expect(errorsOf(ev)).toEqual([]);
    expect(clean(s, { ...valid, dataInizio: '2026-01-01', figli: rows }).figli).toBeUndefined();
  });

  it('reports schema errors with JSON pointers and localized messages', () => {
    const ev = evalAt(service, { codiceFiscale: 'RSSMRA85T10A562X', haFigli: true, figli: [{ nome: '', eta: -1, scuola: 'x'.repeat(121) }], dataInizio: 20260101 }, { locale: 'en' });
    expect(errorsOf(ev)).toEqual([
      ['/codiceFiscale', 'error.format.codice-fiscale'],
      ['/dataInizio', 'error.type'],
      ['/figli/0/eta', 'error.minimum'],
      ['/figli/0/nome', 'error.required'],
      ['/figli/0/scuola', 'error.maxLength'],
    ]);
    expect(evalAt(service, { ...valid, haFigli: 'yes' }).errors.map((e) => [e.pointer, e.key])).toEqual([['/haFigli', 'error.type']]);
    expect(ev.errors.find((e) => e.key === 'error.minimum')!.message).toBe('The value must be at least 0');
  });

  it('treats null as unanswered', () => {
    const ev = evalAt(service, { ...valid, dataInizio: null, figli: [{ nome: 'A', eta: 16, scuola: null }] });
    expect(errorsOf(ev)).toEqual([]);
    expect(evalAt(service, { ...valid, codiceFiscale: null }).errors.map((e) => e.key)).toEqual(['error.required']);
  });

  it('falls back to the default language, then to the key', () => {
    const ev = evaluate(service, { ...valid, dataFine: '2026-01-01' }, { locale: 'fr', today: '2026-01-01' });
    expect(ev.errors[0]!.message).toBe('La data di fine precede quella di inizio');
  });

  it('never mutates the answers it is given', () => {
    const answers = structuredClone({ ...valid, numeroFigli: 9 });
    const copy = structuredClone(answers);
    evalAt(service, answers);
    clean(service, answers);
    expect(answers).toEqual(copy);
  });

  it('rejects answers that are not an object', () => {
    for (const input of [null, [], 'x', 3]) {
      const ev = evalAt(service, input);
      expect(ev.valid).toBe(false);
      expect(ev.errors.map((e) => [e.pointer, e.key])).toEqual([['', 'error.answersNotObject']]);
    }
  });
});

describe('clean', () => {
  it('drops hidden, unknown and null fields and keeps computed values', () => {
    const cleaned = clean(service, { codiceFiscale: CF, haFigli: true, figli: [{ nome: 'A', eta: 30, scuola: 'x', extra: 1 }], dataInizio: null, zzz: 1 });
    expect(cleaned).toEqual({ codiceFiscale: CF, haFigli: true, figli: [{ nome: 'A', eta: 30 }], numeroFigli: 1 });
  });

  it('repeats until stable when hiding a field changes other rules', () => {
    const def = structuredClone(base);
    // scuola hidden for adults; a rule that hides dataFine when any row has a school answer
    def.rules.push({ id: 'chain', type: 'hide', field: 'dataFine', when: { some: [{ var: 'figli' }, { var: 'scuola' }] } });
    const s = compileOrThrow(def);
    const once = clean(s, { ...valid, figli: [{ nome: 'A', eta: 30, scuola: 'x' }] });
    expect(once.dataFine).toBe('2027-06-30');
    expect(clean(s, once)).toEqual(once);
  });
});

describe('fee, ranking and graduatoria', () => {
  const def = structuredClone(base);
  def.ranking = {
    score: { '+': [{ '*': [{ var: 'numeroFigli' }, 10] }, { count: [{ var: 'figli' }, { '<': [{ var: 'eta' }, 14] }] }] },
    exclusions: [{ id: 'senzaFigli', when: { '!': { var: 'haFigli' } }, reason: 'error.dateOrder' }],
    tieBreakers: [{ field: 'dataInizio', direction: 'asc' }, { field: '$submittedAt', direction: 'asc' }],
  };
  const s = compileOrThrow(def);

  it('scores and excludes', () => {
    // 2 children -> 20, one under 14 -> +1
    expect(evalAt(s, valid).ranking).toMatchObject({ score: 21, excluded: false, reasonKeys: [], tieBreak: ['2026-09-01', null] });
    expect(evalAt(s, { ...valid, haFigli: false }).ranking).toMatchObject({ excluded: true, reasonKeys: ['error.dateOrder'] });
  });

  it('orders a graduatoria: excluded last, score desc, then tie-breakers', () => {
    const entry = (name: string, answers: object, submittedAt: string) => ({ item: name, ranking: evalAt(s, answers).ranking!, submittedAt });
    const sorted = sortGraduatoria([
      entry('excluded', { ...valid, haFigli: false }, '2026-01-01'),
      entry('late', valid, '2026-01-03'),
      entry('early', valid, '2026-01-02'),
      entry('earlierStart', { ...valid, dataInizio: '2026-08-01' }, '2026-01-05'),
      entry('top', { ...valid, figli: [...valid.figli, { nome: 'C', eta: 3 }] }, '2026-01-09'),
    ], def.ranking.tieBreakers);
    expect(sorted.map((e) => e.item)).toEqual(['top', 'earlierStart', 'early', 'late', 'excluded']);
  });

  it('a fee that cannot be computed is reported, not thrown', () => {
    const d = structuredClone(base);
    d.fees.amount = { '/': [1000, { var: 'numeroFigli' }] };
    const ev = evalAt(compileOrThrow(d), { ...valid, figli: [] });
    expect(ev.fee).toEqual({ amountCents: null, causale: "Diritti di segreteria", causaleKey: 'fee.causale', dueDays: 30, error: 'fee.invalid' });
  });
});

describe('prefill', () => {
  it('fills editable fields only when empty and always overwrites locked ones', () => {
    const d = structuredClone(base);
    d.prefill = [{ field: 'codiceFiscale', source: 'identity.fiscalCode', editable: false }];
    const s = compileOrThrow(d);
    const r = applyPrefill(s, { identity: { fiscalCode: CF } }, { codiceFiscale: 'ALTRO', haFigli: true });
    expect(r).toEqual({ answers: { codiceFiscale: CF, haFigli: true }, locked: ['/codiceFiscale'], filled: ['/codiceFiscale'] });
  });
});
