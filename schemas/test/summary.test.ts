import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatSummary, summarizeEvaluation } from '../src/index.js';
import { compileOrThrow } from './helpers.js';

// `sportello evaluate` runs the built engine (dist/): root `npm test` builds it before the tests.
const cli = fileURLToPath(new URL('../../bin/sportello.mjs', import.meta.url));
const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

/** The small example with an ISEE, a graduatoria (a labelled key, a tie-breaker field, an exclusion) and a fee. */
function definition() {
  const def = structuredClone(base);
  def.data.properties.isee = { type: 'number', minimum: 0 };
  def.ui.steps[0].fields.push('isee');
  def.ui.fields.isee = { widget: 'currency', label: 'field.isee' };
  def.ranking = {
    score: { if: [{ var: 'haFigli' }, { '*': [{ var: 'numeroFigli' }, 10] }, 0] },
    exclusions: [{ id: 'senzaFigli', when: { '!': { var: 'haFigli' } }, reason: 'ranking.senzaFigli' }],
    keys: [{ id: 'figli', label: 'ranking.figli', value: { var: 'numeroFigli' }, direction: 'desc' }],
    tieBreakers: [{ field: 'isee', direction: 'asc' }],
  };
  def.fees.unit = 'cents';
  Object.assign(def.translations.it, { 'field.isee': 'ISEE (euro)', 'ranking.senzaFigli': 'Senza figli a carico', 'ranking.figli': 'Numero di figli' });
  Object.assign(def.translations.en, { 'field.isee': 'ISEE (euro)', 'ranking.senzaFigli': 'No dependent children', 'ranking.figli': 'Number of children' });
  return def;
}

const service = compileOrThrow(definition());
const answers = {
  codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, isee: 9000,
  figli: [{ nome: 'Anna', eta: 8 }, { nome: 'Luca', eta: 19, scuola: 'Liceo' }],
  dataInizio: '2026-09-01', dataFine: '2026-08-01',
};

describe('evaluate summary', () => {
  it('lists per step the visible fields with answers, missing required fields, errors in the language', () => {
    const ev = evaluate(service, answers, { today: '2026-11-25', locale: 'en' });
    const s = summarizeEvaluation(service, answers, ev);
    expect(s.valid).toBe(false);
    expect(s.steps.map((st) => [st.id, st.title, st.visible, st.complete])).toEqual([['richiedente', 'Applicant', true, true], ['figli', 'Children', true, false]]);
    expect(s.steps[0]!.fields.map((f) => [f.label, f.value])).toEqual([['Tax code', 'RSSMRA85T10A562S'], ['Do you have children?', true], ['ISEE (euro)', 9000]]);
    const group = s.steps[1]!.fields[0]!;
    expect(group.rows!.map((row) => row.map((f) => [f.path, f.value]))).toEqual([
      [['figli[].nome', 'Anna'], ['figli[].eta', 8], ['figli[].scuola', undefined]],
      // the 19-year-old's school is hidden (shown under 18): left out
      [['figli[].nome', 'Luca'], ['figli[].eta', 19]],
    ]);
    expect(s.steps[1]!.missing).toEqual([{ pointer: '/figli/0/scuola', label: 'School attended' }]);
    expect(s.steps[1]!.errors).toEqual([{ pointer: '/dataFine', label: 'To', key: 'error.dateOrder', message: 'The end date is before the start date' }]);
    expect(s.computed).toEqual([{ pointer: '/numeroFigli', label: 'Number of children', value: 2 }]);
    expect(s.fee).toEqual({ amountCents: 3200, euro: '32.00', causale: 'Administrative fee', dueDays: 30 });
    expect(s.ranking!.keys.map((k) => [k.label, k.value])).toEqual([['Score', 20], ['Number of children', 2], ['ISEE (euro)', 9000]]);
    expect(s.ranking!.exclusions).toEqual([]);
  });

  it('leaves hidden computed values out, and gives exclusions with their reasons', () => {
    const none = { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false, figli: [{ nome: 'X', eta: 3 }] };
    const ev = evaluate(service, none, { today: '2026-11-25' });
    expect(Object.keys(ev.computed)).toContain('/numeroFigli'); // evaluate computes it; its step is hidden
    const s = summarizeEvaluation(service, none, ev);
    expect(s.computed).toEqual([]);
    expect(s.steps[1]).toMatchObject({ visible: false, fields: [] });
    expect(s.ranking).toMatchObject({ excluded: true, exclusions: [{ key: 'ranking.senzaFigli', reason: 'Senza figli a carico' }] });
    const text = formatSummary(s);
    expect(text).toContain('Passo 2 "Figli" (figli): nascosto');
    expect(text).toContain('  Esclusa:\n    Senza figli a carico [ranking.senzaFigli]');
    expect(text).not.toContain('/numeroFigli');
  });

  it('reads as text, in Italian or English', () => {
    const text = formatSummary(summarizeEvaluation(service, answers, evaluate(service, answers, { today: '2026-11-25', locale: 'en' })));
    expect(text.split('\n')).toEqual(expect.arrayContaining([
      'Valid: no (errors: 2)',
      'Step 2 "Children" (figli): incomplete',
      '  Children (figli): 2 rows',
      '      Name (figli[].nome): "Anna"',
      '  Required, not answered: School attended (/figli/0/scuola)',
      '    To (/dataFine): The end date is before the start date [error.dateOrder]',
      '  Number of children (/numeroFigli) = 2',
      'Fee: 32.00 EUR — Administrative fee, due in 30 days',
      '  3. ISEE (euro) (isee, ascending) = 9000',
    ]));
  });

  it('gives the fee as a person writes it in the language, and a fee that cannot be computed in words', () => {
    const text = (def: unknown, locale: string) => {
      const s = compileOrThrow(def);
      return formatSummary(summarizeEvaluation(s, answers, evaluate(s, answers, { today: '2026-11-25', locale }))).split('\n');
    };
    const dear = definition();
    dear.fees.amount = { '*': [{ var: 'numeroFigli' }, 60050] };
    expect(text(dear, 'it')).toContain('Importo: 1.201,00 EUR — Diritti di segreteria, da pagare entro 30 giorni');
    expect(text(dear, 'en')).toContain('Fee: 1,201.00 EUR — Administrative fee, due in 30 days');
    const wrong = definition();
    wrong.fees.amount = { '-': [0, { var: 'numeroFigli' }] };
    expect(text(wrong, 'it')).toContain('Importo: L’importo non è calcolabile con i dati inseriti [fee.invalid] — Diritti di segreteria, da pagare entro 30 giorni');
    expect(text(wrong, 'en')).toContain('Fee: The amount cannot be computed from the answers given [fee.invalid] — Administrative fee, due in 30 days');
    expect(text(wrong, 'en')).toContain('  Children (figli): 2 rows');
    const one = { ...answers, figli: [answers.figli[0]] };
    const s = compileOrThrow(definition());
    expect(formatSummary(summarizeEvaluation(s, one, evaluate(s, one, { today: '2026-11-25', locale: 'it' }))).split('\n')).toContain('  Figli (figli): 1 riga');
    wrong.ranking.score = { '*': [{ var: 'codiceFiscale' }, 2] }; // not a number: no score
    expect(text(wrong, 'it')).toContain('Graduatoria: Il punteggio non è calcolabile con i dati inseriti [ranking.invalid]');
  });
});

describe('sportello evaluate --format summary and --generic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-evaluate-'));
  const def = join(dir, 'def.json');
  const ans = join(dir, 'answers.json');
  writeFileSync(def, JSON.stringify(definition()));
  writeFileSync(ans, JSON.stringify(answers));
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, 'evaluate', def, ans, '--today', '2026-11-25', ...args], { encoding: 'utf8' });

  it('prints the summary; JSON stays the default; the generic path gives the same JSON', () => {
    const text = run('--format', 'summary', '--locale', 'it');
    expect(text).toContain('Valida: no (errori: 2)');
    expect(text).toContain('  Obbligatori senza risposta: Scuola frequentata (/figli/0/scuola)');
    const json = JSON.parse(run());
    expect(json.errors.map((e: { key: string }) => e.key)).toEqual(['error.required', 'error.dateOrder']);
    expect(JSON.parse(run('--generic'))).toEqual(json);
    expect(() => execFileSync(process.execPath, [cli, 'evaluate', def, ans, '--format', 'xml'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/json or summary/);
  });

  it.sequential('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
