import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `sportello rank` runs the built engine (dist/): root `npm test` builds it before the tests.
const cli = fileURLToPath(new URL('../../bin/sportello.mjs', import.meta.url));
const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

function definition() {
  const def = structuredClone(base);
  def.data.properties.isee = { type: 'number' };
  def.ui.steps[0].fields.push('isee');
  def.ranking = {
    score: { '-': [100, { '/': [{ var: 'isee' }, 1000] }] },
    exclusions: [{ id: 'senzaFigli', when: { '!': { var: 'haFigli' } }, reason: 'ranking.senzaFigli' }],
    keys: [{ id: 'figli', label: 'ranking.figli', value: { var: 'numeroFigli' }, direction: 'desc' }, { id: 'ora', value: { var: '$submittedAt' }, direction: 'asc' }],
  };
  def.translations.it['ranking.senzaFigli'] = 'Senza figli';
  def.translations.it['ranking.figli'] = 'Figli';
  def.translations.en['ranking.senzaFigli'] = 'No children';
  def.translations.en['ranking.figli'] = 'Children';
  return def;
}

const person = (isee: number, figli: number) => ({
  codiceFiscale: 'RSSMRA85T10A562S', haFigli: figli > 0, isee, ...(figli > 0 ? { figli: Array.from({ length: figli }, () => ({ nome: 'A', eta: 20 })) } : {}),
});

describe('sportello rank', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-rank-'));
  const def = join(dir, 'def.json');
  writeFileSync(def, JSON.stringify(definition()));
  const a = join(dir, 'a.json');
  writeFileSync(a, JSON.stringify([
    { id: 'one-child', answers: person(10000, 1), submittedAt: '2026-11-02T09:00:00Z' },
    { id: 'two-children', answers: person(10000, 2), submittedAt: '2026-11-03T09:00:00Z' },
  ]));
  const b = join(dir, 'b.json');
  writeFileSync(b, JSON.stringify(person(5000, 0))); // plain answers: id is the file's name
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, 'rank', def, a, b, '--today', '2026-11-25', ...args], { encoding: 'utf8' });

  it('prints the ordered list as JSON: keys, explanations, exclusions with reasons', () => {
    const rows = JSON.parse(run('--locale', 'en'));
    expect(rows.map((r: { id: string; position: number | null }) => [r.id, r.position])).toEqual([['two-children', 1], ['one-child', 2], ['b.json', null]]);
    expect(rows[1].keys.map((k: { label: string; value: unknown }) => [k.label, k.value])).toEqual([['Score', 90], ['Children', 1], ['ora', '2026-11-02T09:00:00Z']]);
    expect(rows[1].explanation).toBe('After the previous one by Children: 1, lower than 2');
    expect(rows[2]).toMatchObject({ excluded: true, reasons: ['No children'], reasonKeys: ['ranking.senzaFigli'] });
  });

  it('keeps stable English property names in JSON whatever the language', () => {
    const names = (locale: string) => Object.keys(JSON.parse(run('--locale', locale))[2]).sort();
    expect(names('it')).toEqual(['errors', 'excluded', 'explanation', 'id', 'keys', 'position', 'reasonKeys', 'reasons', 'submittedAt']);
    expect(names('en')).toEqual(names('it'));
  });

  it('writes the CSV in Italian: column names and fixed words from the engine\'s catalogue, keys by their labels', () => {
    const lines = run('--format', 'csv', '--locale', 'it').trim().split('\n');
    expect(lines[0]).toBe('Posizione,Domanda,Esito,Punteggio (decrescente),Figli (decrescente),ora (crescente),Motivi di esclusione,Spiegazione,Errori nelle risposte');
    expect(lines[1]).toBe('1,two-children,Ammessa,90,2,2026-11-03T09:00:00Z,,Primo posto,');
    expect(lines[3]).toBe(',b.json,Esclusa,95,0,,Senza figli,Esclusa: Senza figli,');
  });

  it('writes the CSV in English when asked', () => {
    const lines = run('--format', 'csv', '--locale', 'en').trim().split('\n');
    expect(lines[0]).toBe('Position,Submission,Outcome,Score (descending),Children (descending),ora (ascending),Exclusion reasons,Explanation,Errors in the answers');
    expect(lines[2]).toBe('2,one-child,Admitted,90,1,2026-11-02T09:00:00Z,,"After the previous one by Children: 1, lower than 2",');
    expect(lines[3]).toBe(',b.json,Excluded,95,0,,No children,Excluded: No children,');
  });

  it('writes the CSV in the definition\'s default language when none is asked', () => {
    expect(run('--format', 'csv').split('\n')[0]).toMatch(/^Posizione,Domanda,Esito,Punteggio \(decrescente\)/);
  });

  it('a language the definition lacks: said on stderr as for evaluate, the CSV in the default language', () => {
    const r = spawnSync(process.execPath, [cli, 'rank', def, a, b, '--format', 'csv', '--locale', 'fr', '--today', '2026-11-25'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('notice language.unavailable: Il servizio non è disponibile in "fr": i testi sono in "it"');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Posizione,Domanda,Esito,Punteggio (decrescente),Figli (decrescente),ora (crescente),Motivi di esclusione,Spiegazione,Errori nelle risposte');
    expect(lines[3]).toBe(',b.json,Esclusa,95,0,,Senza figli,Esclusa: Senza figli,');
  });

  it('writes a key\'s yes/no value in the language (JSON keeps true/false)', () => {
    const withFlag = definition();
    withFlag.ranking.keys.push({ id: 'conFigli', label: 'ranking.conFigli', value: { var: 'haFigli' }, direction: 'desc' });
    withFlag.translations.it['ranking.conFigli'] = 'Con figli';
    withFlag.translations.en['ranking.conFigli'] = 'With children';
    withFlag.translations.it['ranking.csv.id'] = 'Codice domanda'; // a service may reword the engine's words
    const file = join(dir, 'flag.json');
    writeFileSync(file, JSON.stringify(withFlag));
    const csv = (locale: string) => execFileSync(process.execPath, [cli, 'rank', file, a, b, '--format', 'csv', '--locale', locale, '--today', '2026-11-25'], { encoding: 'utf8' }).trim().split('\n');
    const it = csv('it');
    expect(it[0]).toBe('Posizione,Codice domanda,Esito,Punteggio (decrescente),Figli (decrescente),ora (crescente),Con figli (decrescente),Motivi di esclusione,Spiegazione,Errori nelle risposte');
    expect(it[1]).toBe('1,two-children,Ammessa,90,2,2026-11-03T09:00:00Z,sì,,Primo posto,');
    expect(it[3]).toBe(',b.json,Esclusa,95,0,,no,Senza figli,Esclusa: Senza figli,');
    expect(csv('en')[1]).toBe('1,two-children,Admitted,90,2,2026-11-03T09:00:00Z,yes,,First place,');
    const json = JSON.parse(execFileSync(process.execPath, [cli, 'rank', file, a, b, '--locale', 'it', '--today', '2026-11-25'], { encoding: 'utf8' }));
    expect(json[0].keys[3]).toMatchObject({ id: 'conFigli', label: 'Con figli', value: true });
  });

  it('says why invalid answers are excluded: each error by its field, in CSV too', () => {
    const c = join(dir, 'c.json');
    writeFileSync(c, JSON.stringify({ ...person(5000, 1), codiceFiscale: 'X' }));
    const csv = (locale: string) => execFileSync(process.execPath, [cli, 'rank', def, c, '--format', 'csv', '--locale', locale, '--today', '2026-11-25'], { encoding: 'utf8' }).trim().split('\n')[1];
    expect(csv('en')).toBe(',c.json,Excluded,95,1,,The answers are not valid,Excluded: The answers are not valid,Tax code (/codiceFiscale): Invalid codice fiscale (Italian tax code)');
    expect(csv('it')).toBe(',c.json,Esclusa,95,1,,Le risposte non sono valide,Esclusa: Le risposte non sono valide,Codice fiscale (/codiceFiscale): Codice fiscale non valido');
  });

  it('a definition with problems is told as check tells it', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...definition(), version: 'x' }));
    const r = spawnSync(process.execPath, [cli, 'rank', bad, a, '--locale', 'en'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('problem schema.pattern in the service\'s metadata [version]');
  });

  it('refuses an unknown format', () => {
    expect(() => execFileSync(process.execPath, [cli, 'rank', def, a, '--format', 'xml'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/json or csv/);
  });

  it.sequential('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
