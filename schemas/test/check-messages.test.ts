/** check's messages a designer can act on (issue 14): no raw regular expression, pointers decoded, $ref and var hints. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, explainProblem, serviceDefinitionSchema, type Problem } from '../src/index.js';
import { problemTexts } from '../src/messages/problems.js';
import { compileOrThrow, errorsOf, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

function problems(def: unknown): Problem[] {
  const r = compile(def);
  return r.ok ? [] : r.problems;
}

describe('check messages', () => {
  it('a bad field name in a step says what a field name looks like, not a regular expression', () => {
    const def = structuredClone(base);
    def.ui.steps[0].fields.push('figli/eta');
    const [p, ...rest] = problems(def);
    expect(rest).toEqual([]);
    expect([p!.pointer, p!.code]).toEqual(['/ui/steps/0/fields/2', 'schema.pattern']);
    expect(p!.message).toBe('"figli/eta" is not a field name: names (a letter, then letters, digits or _) joined by "." for sections, with "[]" after a repeating group, e.g. richiedente.nome or figli[].eta');
    expect(p!.message).not.toMatch(/\^|\$|\\/);
  });

  it('a bad name as a key (ui.fields, translations, conditions) is named at its place, in words', () => {
    const def = structuredClone(base);
    def.ui.fields['a/b'] = { widget: 'text', label: 'field.figli.nome' };
    def.translations.en['bad key'] = 'x';
    def.conditions = { '1x': true };
    const found = problems(def);
    expect(found.map((p) => [p.pointer, p.code, p.message])).toEqual([
      ['/ui/fields/a~1b', 'schema.pattern', expect.stringMatching(/^"a\/b" is not a field name: names \(a letter/)],
      ['/conditions/1x', 'schema.pattern', '"1x" is not a letter followed by letters, digits or _, e.g. dataNascita'],
      ['/translations/en/bad key', 'schema.pattern', expect.stringMatching(/^"bad key" is not a translation key/)],
    ]);
    const told = explainProblem(def, found[0]!, 'it');
    expect([told.path, told.what]).toEqual(['ui › fields › a/b', expect.stringMatching(/^"a\/b" non è un nome di campo/)]);
  });

  it('every pattern of the meta-schema has words', () => {
    const patterns = new Set<string>();
    const walk = (x: unknown): void => {
      if (x === null || typeof x !== 'object') return;
      if (typeof (x as { pattern?: unknown }).pattern === 'string') patterns.add((x as { pattern: string }).pattern);
      Object.values(x).forEach(walk);
    };
    walk(serviceDefinitionSchema);
    expect(patterns.size).toBeGreaterThan(5);
    for (const pattern of patterns) expect(describePattern(pattern), pattern).not.toBe('a value of another form');
  });

  it('{"var": "/x"} is refused with the name to write', () => {
    const def = structuredClone(base);
    def.rules[0].when = { '==': [{ var: '/haFigli' }, true] };
    const [p] = problems(def);
    expect([p!.pointer, p!.code, p!.params]).toEqual(['/rules/0/when/==/0/var', 'rule.unknownField', { name: '/haFigli', suggestion: 'haFigli' }]);
    expect(p!.message).toContain('write "haFigli"');
    expect(explainProblem(def, p!, 'it').what).toBe('"/haFigli" non è un campo del servizio: i campi si nominano senza "/", con i punti tra le sezioni (scrivete "haFigli")');
    expect(explainProblem(def, p!, 'en').what).toBe(p!.message);
  });

  it('a $ref to nothing is a bad reference, not a widget mismatch; a good one takes its widget', () => {
    const def = structuredClone(base);
    def.data.$defs = { data: { type: 'string', format: 'date' } };
    def.data.properties.dataInizio = { $ref: '#/$defs/dataa' };
    expect(problems(def).map((p) => [p.pointer, p.code])).toEqual([['/data/properties/dataInizio/$ref', 'schema.badRef']]);
    expect(problems(def)[0]!.message).toContain('"#/$defs/NAME"');
    def.data.properties.dataInizio = { $ref: '#/$defs/data' };
    const service = compileOrThrow(def);
    const ok = { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: [{ nome: 'A', eta: 15 }] };
    expect(errorsOf(evalAt(service, { ...ok, dataInizio: 'ieri' }))).toEqual([['/dataInizio', 'error.format.date']]);
    expect(evalAt(service, { ...ok, dataInizio: '2026-01-01' }).valid).toBe(true);
  });

  it('a field named nearly right (a row field without "[]", another case) is told the name it means', () => {
    const def = structuredClone(base);
    def.rules.push({ id: 'nomeSeFigli', type: 'require', field: 'figli.nome', when: true });
    def.ui.fields['figli.Eta'] = { widget: 'number', label: 'field.figli.eta' };
    def.ui.steps[0].fields.push('codicefiscale');
    const found = problems(def);
    expect(found.map((p) => [p.pointer, p.code, p.params?.suggestion])).toEqual([
      ['/ui/steps/0/fields/2', 'step.unknownField', 'codiceFiscale'],
      ['/ui/fields/figli.Eta', 'ui.unknownField', 'figli[].eta'],
      ['/rules/5/field', 'rule.unknownField', 'figli[].nome'],
    ]);
    expect(found[2]!.message).toBe('Rule "nomeSeFigli" targets "figli.nome", which is not a field of the service (did you mean "figli[].nome"?)');
    expect(explainProblem(def, found[2]!, 'it').what).toBe('"figli.nome" non è un campo del servizio (forse "figli[].nome"?)');
    expect(explainProblem(def, found[0]!, 'it').what).toBe('Il passo mostra "codicefiscale", che non è un campo del servizio (forse "codiceFiscale"?)');
    expect(explainProblem(def, found[1]!, 'en').what).toBe('UI settings for "figli.Eta", which is not a field of the service (did you mean "figli[].eta"?)');
  });

  it('a $ref names a type, not a section: a section through $ref is told so, not a widget mismatch', () => {
    const def = structuredClone(base);
    def.data.$defs = { indirizzo: { type: 'object', properties: { via: { type: 'string' } } }, giorni: { type: 'array', items: { type: 'string', enum: ['lun', 'mar'] } } };
    def.data.properties.residenza = { $ref: '#/$defs/indirizzo' };
    def.data.properties.giorni = { $ref: '#/$defs/giorni' };
    def.ui.fields.residenza = { widget: 'address', label: 'field.figli.nome' };
    def.ui.fields.giorni = { widget: 'checkbox', label: 'field.figli.nome', options: { lun: 'field.figli.nome', mar: 'field.figli.nome' } };
    def.ui.steps[0].fields.push('residenza', 'giorni');
    const found = problems(def);
    expect(found.map((p) => [p.pointer, p.code])).toEqual([['/data/properties/residenza/$ref', 'schema.refSection']]);
    expect(explainProblem(def, found[0]!, 'it')).toMatchObject({
      what: '"residenza" rimanda con $ref a una sezione ("#/$defs/indirizzo"): $ref può dare a un campo solo il suo tipo (testo, numero, data, elenco)',
      fix: 'Scrivete le proprietà della sezione al suo posto, in data.properties.',
    });
    expect(explainProblem(def, found[0]!, 'en')).toMatchObject({
      what: '"residenza" refers to a section ("#/$defs/indirizzo") with $ref: $ref can only give a field its type (text, number, date, list)',
      fix: 'Write the section\'s properties in place, in data.properties.',
    });
    delete def.data.properties.residenza;
    delete def.ui.fields.residenza;
    def.ui.steps[0].fields.pop();
    def.ui.steps[0].fields.pop();
    def.ui.steps[0].fields.push('giorni');
    const service = compileOrThrow(def); // a list through $ref takes the checkbox widget
    const ok = { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false };
    expect(errorsOf(evalAt(service, { ...ok, giorni: ['lun', 'dom'] }))).toEqual([['/giorni/1', 'error.enum']]);
    expect(evalAt(service, { ...ok, giorni: ['mar'] }).valid).toBe(true);
  });
});

describe('explainProblem: what, where, how to fix, in the designer\'s language', () => {
  it('names a rule by its id and its field by its label; decodes the pointer', () => {
    const def = structuredClone(base);
    def.rules[4].when = { '<': [{ var: 'dataInizo' }, { var: 'dataFine' }] };
    const [p] = problems(def);
    const it = explainProblem(def, p!, 'it');
    expect(it).toEqual({
      code: 'rule.unknownField', pointer: '/rules/4/when/</0/var', path: 'rules › 4 › when › < › 0 › var',
      where: 'la regola "dateInOrdine", sul campo "Al" (dataFine)',
      what: '"dataInizo" non è un campo del servizio',
      fix: 'Usate il nome di un campo di data, con i punti tra le sezioni e $row. per i campi della stessa riga (es. richiedente.isee, $row.eta).',
    });
    const en = explainProblem(def, p!, 'en');
    expect([en.where, en.what]).toEqual(['the rule "dateInOrdine", on the field "To" (dataFine)', '"dataInizo" is not a field of the service']);
  });

  it('shows ~1 in a pointer as the "/" it stands for, and names steps and fields by their titles', () => {
    const def = structuredClone(base);
    def.ui.fields['figli/eta'] = { widget: 'number', label: 'field.figli.eta' };
    def.ui.steps[0].fields.push('figli/eta');
    const found = problems(def);
    const step = explainProblem(def, found.find((p) => p.code === 'schema.pattern')!, 'it');
    expect(step.where).toBe('il passo "Richiedente" (richiedente), il campo posizione 3');
    expect(step.what).toBe('"figli/eta" non è un nome di campo: nomi (una lettera, poi lettere, cifre o _) uniti da "." per le sezioni, con "[]" dopo un gruppo ripetibile, es. richiedente.nome o figli[].eta');
    const ui = explainProblem(def, { pointer: '/ui/fields/figli~1eta', code: 'ui.unknownField', message: 'x', params: { name: 'figli/eta' } }, 'en');
    expect([ui.path, ui.fix]).toEqual(['ui › fields › figli/eta', 'Correct the name or remove the entry from ui.fields.']);
  });

  it('names the loop of a cycle, a data field by its label, an enum\'s allowed values', () => {
    const def = structuredClone(base);
    def.rules.push({ id: 'a', type: 'compute', field: 'numeroFigli', value: { var: 'dataInizio' } });
    expect(explainProblem(def, problems(def)[0]!, 'it').what).toBe('"numeroFigli" è calcolato da più di una regola');
    const wrong = structuredClone(base);
    wrong.data.properties.figli.maxItems = 5000;
    const e = explainProblem(wrong, problems(wrong)[0]!, 'it');
    expect([e.where, e.what, e.fix]).toEqual(['il campo "Figli" (figli)', 'Il gruppo ammette 5000 righe: al massimo se ne possono ammettere 1000', 'Impostate "maxItems" a 1000 o meno.']);
    const unit = structuredClone(base);
    unit.fees.unit = 'lire';
    const u = explainProblem(unit, problems(unit)[0]!, 'it');
    expect([u.where, u.what, u.fix]).toEqual(['la tariffa', '"lire" non è ammesso qui', 'Usate uno dei valori ammessi: "euro", "cents".']);
  });

  it('every problem code the engine gives has Italian and English words', () => {
    const codes = new Set<string>();
    const walk = (dir: URL): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          for (const m of readFileSync(new URL(entry.name, dir), 'utf8').matchAll(/code: '([a-z][A-Za-z]*\.[A-Za-z.]+|internal)'/g)) codes.add(m[1]!);
        }
      }
    };
    walk(new URL('../src/', import.meta.url));
    codes.delete('language.unavailable'); // a notice of evaluate, not a problem of check
    expect(codes.size).toBeGreaterThan(50);
    expect([...codes].filter((c) => !problemTexts[c]?.it?.what || !problemTexts[c]?.en?.fix)).toEqual([]);
  });
});

/** The words check-meta gives a pattern (through a definition that breaks it). */
function describePattern(pattern: string): string {
  // Reach each pattern through a definition value that uses it.
  const uses: Array<[RegExp, (d: any) => void]> = [
    [/\\\.\(0\|/, (d) => { d.version = 'x'; }],
    [/^\^\[a-z0-9\]\+/, (d) => { d.id = 'X X'; }],
    [/^\^\[A-Za-z\]\[A-Za-z0-9_\]\*\$$/, (d) => { d.rules[0].id = '1x'; }],
    [/^\^\[a-z\]\{2,3\}/, (d) => { d.defaultLanguage = 'ITA'; }],
    [/^\^\[A-Za-z0-9_\]\+\(/, (d) => { d.title = 'a b'; }],
    [/\(\\\[\\\]\)\?\(/, (d) => { d.ui.steps[0].fields.push('a b'); }],
    [/office/, (d) => { d.ranking = { score: 1, tieBreakers: [{ field: 'a b', direction: 'asc' }] }; }],
  ];
  const use = uses.find(([re]) => re.test(pattern));
  if (!use) return 'a value of another form';
  const def = structuredClone(base);
  use[1](def);
  const p = problems(def).find((x) => x.code === 'schema.pattern');
  return p ? p.message.replace(/^.*? is not /, '') : 'a value of another form';
}

describe('which code validates the answers (validationPath)', () => {
  it('the generated validator for the templates\' kind of schema; Ajv, with the reason, for a keyword it does not cover', async () => {
    const { validationPath } = await import('../src/index.js');
    expect(validationPath(compileOrThrow(base))).toEqual({ path: 'generated' });
    const def = structuredClone(base);
    def.data.properties.dataInizio = { type: 'string', format: 'date', not: { const: '2026-01-01' } };
    expect(validationPath(compileOrThrow(def))).toEqual({ path: 'ajv', reason: 'the data schema uses "not", which the generated validator does not cover', keyword: 'not' });
  });

  it('`sportello check` says why in the designer\'s language (it by default, en), with the problem count in the singular for one', () => {
    const def = structuredClone(base);
    def.data.properties.dataInizio = { type: 'string', format: 'date', not: { const: '2026-01-01' } };
    def.rules.push({ id: 'unione', type: 'error', field: 'dataFine', message: 'error.dateOrder', when: { '>': [{ length: { merge: [{ var: 'dataFine' }, [2]] } }, 5] } });
    const pointer = `/rules/${def.rules.length - 1}/when`;
    const dir = mkdtempSync(join(tmpdir(), 'sportello-why-'));
    try {
      const file = join(dir, 'def.json');
      writeFileSync(file, JSON.stringify(def));
      const cli = fileURLToPath(new URL('../../bin/sportello.mjs', import.meta.url));
      const check = (...args: string[]) => spawnSync(process.execPath, [cli, 'check', file, ...args], { encoding: 'utf8' }).stdout;
      const it = check();
      expect(it).toContain(`${file}: validazione con Ajv (più lenta, stessi risultati): lo schema dei dati usa "not", che il validatore generato non copre\n`);
      expect(it).toContain(`  ${pointer}: json-logic-engine (più lento, stessi risultati): l'espressione ha una forma che il compilatore diretto (src/logic/fast.ts) non copre\n`);
      expect(it).not.toMatch(/the data schema|the expression/);
      const en = check('--locale', 'en');
      expect(en).toContain(`${file}: validated by Ajv (slower, same results): the data schema uses "not", which the generated validator does not cover\n`);
      expect(en).toContain(`  ${pointer}: json-logic-engine (slower, same results): the expression uses a shape the direct compiler (src/logic/fast.ts) does not cover`);
      def.ui.steps[0].fields.push('nonEsiste');
      writeFileSync(file, JSON.stringify(def));
      expect(check()).toContain(`${file}: 1 problema\n`);
      expect(check('--locale', 'en')).toContain(`${file}: 1 problem\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// `sportello check` runs the built engine (dist/): root `npm test` builds it before the tests.
describe('sportello check speaks the designer\'s language', () => {
  const cli = fileURLToPath(new URL('../../bin/sportello.mjs', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'sportello-check-'));
  const file = join(dir, 'def.json');
  const def = structuredClone(base);
  def.ui.steps[0].fields.push('codicefiscale');
  writeFileSync(file, JSON.stringify(def));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'check', file, ...args], { encoding: 'utf8' });

  it('where by name, what and how to fix, in it or en; a language it does not speak is said', () => {
    const it = run();
    expect(it.status).toBe(1);
    expect(it.stdout).toContain('problema step.unknownField in il passo "Richiedente" (richiedente), il campo posizione 3 [ui › steps › 0 › fields › 2]');
    expect(it.stdout).toContain('come correggere: ');
    const en = run('--locale', 'en');
    expect(en.stdout).toContain('problem step.unknownField in the step "Applicant" (richiedente), the field position 3');
    expect(en.stdout).toContain('(did you mean "codiceFiscale"?)');
    const fr = run('--locale', 'fr');
    expect(fr.stdout).toBe(it.stdout);
    expect(fr.stderr).toContain('check speaks it and en, not "fr": the messages are in Italian');
  });

  it.sequential('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
