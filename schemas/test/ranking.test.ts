import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, explainProblem, rankSubmissions, sortGraduatoria } from '../src/index.js';
import { compileOrThrow, evalAt, TODAY } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

/** A subsidy ranked by ISEE band (the score), then rent share, then household size, then time. */
function subsidy() {
  const def = structuredClone(base);
  Object.assign(def.data.properties, {
    isee: { type: 'number', minimum: 0 },
    incidenza: { type: 'number', minimum: 0, maximum: 100 },
    componenti: { type: 'integer', minimum: 1 },
    contributo: { type: 'number' },
  });
  def.ui.steps[0].fields.push('isee', 'incidenza', 'componenti');
  def.rules.push({ id: 'contributo', type: 'compute', field: 'contributo', value: { if: [{ var: '$excluded' }, 0, { '*': [{ var: 'numeroFigli' }, 500] }] } });
  def.ranking = {
    score: { if: [{ '<': [{ var: 'isee' }, 5000] }, 3, { '<': [{ var: 'isee' }, 10000] }, 2, 1] },
    exclusions: [
      { id: 'senzaFigli', when: { '!': { var: 'haFigli' } }, reason: 'ranking.senzaFigli' },
      { id: 'iseeAlto', when: { '>': [{ var: 'isee' }, 30000] }, reason: 'ranking.iseeAlto' },
    ],
    keys: [
      { id: 'incidenza', label: 'ranking.incidenza', value: { var: 'incidenza' }, direction: 'desc' },
      { id: 'componenti', label: 'ranking.componenti', value: { var: 'componenti' }, direction: 'desc' },
      { id: 'presentazione', label: 'ranking.presentazione', value: { var: '$submittedAt' }, direction: 'asc' },
    ],
  };
  Object.assign(def.translations.it, {
    'ranking.senzaFigli': 'Nessun figlio a carico', 'ranking.iseeAlto': 'ISEE oltre la soglia',
    'ranking.incidenza': 'Incidenza del canone', 'ranking.componenti': 'Componenti del nucleo', 'ranking.presentazione': 'Presentazione',
  });
  Object.assign(def.translations.en, {
    'ranking.senzaFigli': 'No dependent children', 'ranking.iseeAlto': 'ISEE above the threshold',
    'ranking.incidenza': 'Rent share', 'ranking.componenti': 'Household size', 'ranking.presentazione': 'Submission',
  });
  return def;
}

const CF = 'RSSMRA85T10A562S';
const applicant = (isee: number, incidenza: number, componenti: number, haFigli = true) => ({
  codiceFiscale: CF, haFigli, isee, incidenza, componenti, ...(haFigli ? { figli: [{ nome: 'A', eta: 10, scuola: 'X' }] } : {}),
});

describe('rankings by an ordered list of keys', () => {
  const service = compileOrThrow(subsidy());
  const submissions = [
    { id: 'late-same', answers: applicant(4000, 40, 3), submittedAt: '2026-11-20T10:00:00Z' },
    { id: 'band2', answers: applicant(8000, 90, 9), submittedAt: '2026-11-01T10:00:00Z' },
    { id: 'share', answers: applicant(4000, 55, 1), submittedAt: '2026-11-21T10:00:00Z' },
    { id: 'early-same', answers: applicant(4000, 40, 3), submittedAt: '2026-11-19T10:00:00Z' },
    { id: 'household', answers: applicant(4000, 40, 4), submittedAt: '2026-11-22T10:00:00Z' },
    { id: 'no-children', answers: applicant(1000, 99, 5, false), submittedAt: '2026-11-02T10:00:00Z' },
    { id: 'rich', answers: applicant(40000, 99, 5), submittedAt: '2026-11-03T10:00:00Z' },
  ];

  it('orders by band, then share, then household, then time; every key explained', () => {
    const rows = rankSubmissions(service, submissions, { today: TODAY, locale: 'en' });
    expect(rows.map((r) => [r.id, r.position])).toEqual([
      ['share', 1], ['household', 2], ['early-same', 3], ['late-same', 4], ['band2', 5], ['no-children', null], ['rich', null],
    ]);
    expect(rows[0]!.keys).toEqual([
      { id: 'score', label: 'Score', direction: 'desc', value: 3 },
      { id: 'incidenza', label: 'Rent share', direction: 'desc', value: 55 },
      { id: 'componenti', label: 'Household size', direction: 'desc', value: 1 },
      { id: 'presentazione', label: 'Submission', direction: 'asc', value: '2026-11-21T10:00:00Z' },
    ]);
    expect(rows.map((r) => r.explanation)).toEqual([
      'First place',
      'After the previous one by Rent share: 40, lower than 55',
      'After the previous one by Household size: 3, lower than 4',
      'After the previous one by Submission: 2026-11-20T10:00:00Z, higher than 2026-11-19T10:00:00Z',
      'After the previous one by Score: 2, lower than 3',
      'Excluded: No dependent children',
      'Excluded: ISEE above the threshold',
    ]);
    expect(rows[5]!.reasonKeys).toEqual(['ranking.senzaFigli']);
  });

  it('exclusion reasons and key labels come translated in the asked language, keys beside', () => {
    const it = rankSubmissions(service, submissions, { today: TODAY, locale: 'it' });
    expect(it.find((r) => r.id === 'rich')!.reasons).toEqual(['ISEE oltre la soglia']);
    expect(it[0]!.keys[1]!.label).toBe('Incidenza del canone');
    const ev = evalAt(service, applicant(40000, 10, 2, false), { locale: 'en' });
    expect(ev.ranking).toMatchObject({ excluded: true, reasons: ['No dependent children', 'ISEE above the threshold'], reasonKeys: ['ranking.senzaFigli', 'ranking.iseeAlto'] });
    expect(ev.fee).toMatchObject({ causale: 'Administrative fee', causaleKey: 'fee.causale' });
    expect(evalAt(service, applicant(1, 1, 1), { locale: 'it' }).fee).toMatchObject({ causale: 'Diritti di segreteria', causaleKey: 'fee.causale' });
  });

  it('a computed value reads the exclusion ($excluded), without repeating its conditions', () => {
    expect(evalAt(service, applicant(4000, 40, 3)).computed['/contributo']).toBe(500);
    expect(evalAt(service, applicant(40000, 40, 3)).computed['/contributo']).toBe(0);
  });

  it('$excluded cannot be read by an exclusion; an exclusion reading a value computed from $excluded is a cycle', () => {
    const def = subsidy();
    def.ranking.exclusions.push({ id: 'circolare', when: { var: '$excluded' }, reason: 'ranking.senzaFigli' });
    const r = compile(def);
    expect(r.ok ? [] : r.problems.map((p) => [p.pointer, p.code])).toEqual([['/ranking/exclusions/2/when/var', 'rule.excludedUnavailable']]);
    const def2 = subsidy();
    def2.ranking.exclusions.push({ id: 'circolare', when: { '==': [{ var: 'contributo' }, 0] }, reason: 'ranking.senzaFigli' });
    const r2 = compile(def2);
    expect(r2.ok ? [] : r2.problems.map((p) => p.code)).toEqual(['rule.cycle']);
    const cycle = r2.ok ? undefined : r2.problems[0]!;
    expect(cycle!.message).toBe('Computed values depend on themselves: contributo -> $excluded -> contributo');
    expect(explainProblem(def2, cycle!, 'it').what).toBe('Valori calcolati che dipendono da sé stessi: contributo -> $excluded -> contributo');
  });

  it('the older tieBreakers are still read: keys after the score, and sortGraduatoria as before', () => {
    const def = subsidy();
    delete def.ranking.keys;
    def.ranking.tieBreakers = [{ field: 'componenti', direction: 'desc' }, { field: '$submittedAt', direction: 'asc' }];
    const s = compileOrThrow(def);
    const rows = rankSubmissions(s, submissions.slice(0, 5), { today: TODAY });
    expect(rows.map((r) => r.id)).toEqual(['household', 'early-same', 'late-same', 'share', 'band2']);
    expect(rows[0]!.keys.map((k) => k.id)).toEqual(['score', 'componenti', '$submittedAt']);
    const entries = submissions.slice(0, 5).map((sub) => ({ item: sub.id, ranking: evalAt(s, sub.answers).ranking!, submittedAt: sub.submittedAt }));
    expect(sortGraduatoria(entries, def.ranking.tieBreakers).map((e) => e.item)).toEqual(rows.map((r) => r.id));
  });
});

describe('languages', () => {
  it('a language the service does not have is said, not silently replaced', () => {
    const service = compileOrThrow(structuredClone(base));
    const ev = evalAt(service, {}, { locale: 'fr' });
    expect(ev.language).toBe('it');
    expect(ev.notices).toEqual([expect.objectContaining({ code: 'language.unavailable', params: { requested: 'fr', used: 'it', available: ['it', 'en'] } })]);
    expect(evalAt(service, {}, { locale: 'en' })).toMatchObject({ language: 'en', notices: [] });
  });
});
