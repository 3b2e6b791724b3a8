import { describe, expect, it } from 'vitest';
import { applyPrefill, clean, compile, sortGraduatoria, usedKeys, type PrefillData, type RankedEntry } from '../../src/index.js';
import { TODAY, compileOrThrow, errorsOf, evalAt, loadExample, loadTemplate } from '../helpers.js';

/**
 * Contributo per il sostegno all'affitto (L. 431/1998 art. 11). TODAY is 2026-11-25.
 *
 * Score (ranking.score):
 *   ISEE band: > 15000 -> 0; <= 3000 -> 40; <= 6000 -> 30; <= 9000 -> 20; <= 12000 -> 10; else 5
 *   + min(10, 2 x (members - 1)) + 10 if a member has a disability >= 67% + 5 if a member is 65+
 *   + min(9, 3 x minors) + sfratto (10 if confirmed by a court, 6 if only served)
 *   + 5 morosità incolpevole + 4 single parent.
 * Exclusions: ISEE > 15000; category A1/A8/A9; rent < 14% of the ISEE; ISEE > 7000 with rent < 24%
 * (band B); landlord related; subsidy due below 50 euro.
 * Tie-breakers: isee.valore asc, riepilogo.numeroComponenti desc, $submittedAt asc.
 */
const definition = loadTemplate('contributo-affitto') as Record<string, any>;
const service = compileOrThrow(definition);

type Answers = Record<string, any>;
const copy = <T>(x: T): T => structuredClone(x);

const MARIA = 'SPSMRA86M52L219U';
const LUCA = 'SPSLCU16C20L219X';
const GIULIA = 'SPSGLI20E44L219S';
const ANNA = 'FRRNNA55B54F839V';
const LANDLORD = 'BNCGNN58D03L219A';

/** Maria Esposito, single mother in Turin: two children (Giulia 75% disabled) and her mother aged 71. */
const maria: Answers = loadExample('contributo-affitto');

/**
 * Giuseppe Colombo (72) and his wife Rosa (69, 50% disabled) in Milan, evicted at the end of the
 * lease; ISEE 16,500.00 euro, above the 15,000.00 ceiling.
 */
const giuseppe: Answers = {
  richiedente: {
    codiceFiscale: 'CLMGPP54H01F205L', nome: 'Giuseppe', cognome: 'Colombo', dataNascita: '1954-06-01', luogoNascita: 'Milano',
    sesso: 'M', cittadinanza: 'Italiana', areaCittadinanza: 'italiana',
    residenza: { street: 'Via Padova 45', cap: '20127', comune: 'Milano', provincia: 'MI' },
  },
  contatti: { telefono: '02 7654321', email: 'g.colombo@example.it', pec: 'giuseppe.colombo@pec.example.it', canalePreferito: 'pec' },
  nucleo: [
    {
      codiceFiscale: 'CLMGPP54H01F205L', nome: 'Giuseppe', cognome: 'Colombo', dataNascita: '1954-06-01', sesso: 'M',
      relazione: 'intestatario', disabile: false, condizioneProfessionale: 'pensionato', reddito: 14500,
    },
    {
      codiceFiscale: 'GLLRSO57P61F205V', nome: 'Rosa', cognome: 'Gallo', dataNascita: '1957-09-21', sesso: 'F',
      relazione: 'coniuge', disabile: true, percentualeDisabilita: 50, handicapGrave: false, condizioneProfessionale: 'pensionato', reddito: 9000,
    },
  ],
  isee: { valore: 16500, protocolloDsu: 'INPS-ISEE-2026-00098765B-01', dataScadenza: '2026-12-31' },
  contratto: {
    tipo: 'libero', dataStipula: '2019-03-01', dataDecorrenza: '2019-03-01', dataScadenza: '2027-02-28',
    modalitaRegistrazione: 'ufficio', dataRegistrazione: '2019-03-20', ufficioRegistrazione: 'Ufficio territoriale di Milano 2',
    numeroRegistrazione: '4521', serie: '3T', canoneAnnuo: 9600, speseCondominiali: 1200, mesiLocazione: 12, superficie: 85,
    categoriaCatastale: 'A2', datiCatastali: { foglio: '312', particella: '87' },
    alloggio: { street: 'Via Padova 45', cap: '20127', comune: 'Milano', provincia: 'MI' },
  },
  locatore: {
    tipo: 'persona_giuridica',
    personaGiuridica: { ragioneSociale: 'Immobiliare San Carlo S.r.l.', partitaIva: '09876543217' },
    indirizzo: 'Via Larga 8', comune: 'Milano', email: 'amministrazione@sancarlo.example.it',
  },
  situazioni: { morositaIncolpevole: false, sfratto: true, monogenitore: false, altriContributi: false },
  sfratto: { tipo: 'finita_locazione', dataIntimazione: '2026-03-15', convalidato: true, dataConvalida: '2026-05-20', dataEsecuzione: '2027-01-15' },
  pagamento: { modalita: 'tesoreria' },
  dichiarazioni: {
    veridicita: true, residenzaAlloggio: true, nonTitolareDiritti: true, nonAssegnatarioErp: true,
    controlli: true, comunicazioneVariazioni: true, privacy: true,
  },
  allegati: {
    contratto: 'att-0101-contratto.pdf', ricevutaRegistrazione: 'att-0102-registrazione.pdf', ricevuteCanone: ['att-0103-ricevute-2026.pdf'],
    documentoIdentita: 'att-0104-documento.pdf', certificazioneDisabilita: 'att-0105-verbale.pdf', attoSfratto: 'att-0106-convalida.pdf',
  },
};

/** Changes a copy of `base`: each entry is a pointer-like dotted path and its new value (undefined deletes). */
function variant(base: Answers, changes: Record<string, unknown>): Answers {
  const out = copy(base);
  for (const [path, value] of Object.entries(changes)) {
    const parts = path.split('.');
    let cur: any = out;
    for (const p of parts.slice(0, -1)) cur = cur[p] ??= {};
    const last = parts[parts.length - 1]!;
    if (value === undefined) delete cur[last];
    else cur[last] = value;
  }
  return out;
}

function countFields(schema: any): number {
  let n = 0;
  for (const child of Object.values<any>(schema.properties ?? {})) {
    n += 1;
    if (child.type === 'object') n += countFields(child);
    if (child.type === 'array' && child.items?.type === 'object') n += countFields(child.items);
  }
  return n;
}

describe('contributo-affitto: definition', () => {
  it('compiles with no problems and no warnings', () => {
    const result = compile(definition);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('is the largest template: at least 120 fields and 40 rules', () => {
    expect(countFields(definition.data)).toBe(139);
    expect(service.fields.size).toBe(139);
    // 73 rules; 11 date limits that were error rules are dateBounds on 10 date fields.
    expect(definition.rules.length).toBe(73);
    expect(service.dateBounds.length).toBe(10);
    const kinds = new Set(definition.rules.map((r: any) => r.type));
    expect([...kinds].sort()).toEqual(['compute', 'error', 'hide', 'require', 'show']);
  });

  it('gives every field a widget and a label, and translates every key in it and en', () => {
    for (const path of service.fields.keys()) {
      expect(definition.ui.fields[path]?.widget, path).toBeTruthy();
      expect(definition.ui.fields[path]?.label, path).toBeTruthy();
    }
    for (const { key } of usedKeys(definition as any)) {
      expect(definition.translations.it[key], key).toBeTruthy();
      expect(definition.translations.en[key], key).toBeTruthy();
    }
    expect(Object.keys(definition.translations.en).sort()).toEqual(Object.keys(definition.translations.it).sort());
  });

  it('declares the declarations as booleans that must be true', () => {
    for (const [name, schema] of Object.entries<any>(definition.data.properties.dichiarazioni.properties)) {
      expect(schema, name).toEqual({ type: 'boolean', const: true });
    }
    expect(definition.data.properties.dichiarazioni.required).toHaveLength(7);
  });

  it('has a workflow with a graduatoria, a payment of the subsidy and no pagoPA fee', () => {
    const wf = definition.workflow;
    expect(wf.initial).toBe('presentata');
    expect(wf.states.map((s: any) => s.id)).toEqual([
      'presentata', 'in_istruttoria', 'integrazione_richiesta', 'ammessa', 'in_graduatoria', 'in_liquidazione', 'liquidata', 'non_finanziata', 'esclusa',
    ]);
    expect(wf.states.find((s: any) => s.id === 'in_istruttoria').slaDays).toBe(30);
    expect(wf.states.filter((s: any) => s.final).map((s: any) => s.id)).toEqual(['liquidata', 'non_finanziata', 'esclusa']);
    const actions = wf.transitions.flatMap((t: any) => t.actions ?? []);
    expect(actions.some((a: any) => a.type === 'payment')).toBe(false);
    expect(definition.fees).toBeUndefined();
    expect(wf.transitions.find((t: any) => t.id === 'avvia_istruttoria').actions.map((a: any) => a.type)).toEqual(['protocol', 'email', 'appio']);
  });
});

describe('contributo-affitto: a valid applicant with a disabled child and minors (Maria)', () => {
  const ev = evalAt(service, maria);

  it('is valid with every visible step complete', () => {
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.steps.map((s) => [s.id, s.visible, s.complete])).toEqual([
      ['richiedente', true, true],
      ['nucleo', true, true],
      ['isee', true, true],
      ['contratto', true, true],
      ['locatore', true, true],
      ['situazioni', true, true],
      ['morositaSfratto', false, false],
      ['pagamento', true, true],
      ['allegati', true, true],
      ['dichiarazioni', true, true],
      ['calcolo', true, true],
    ]);
  });

  it('computes ages, household counts and the subsidy', () => {
    // Ages on 2026-11-25: Maria 40, Luca 10, Giulia 6, Anna 71.
    // Incidenza: 3600 x 100 / 5200 = 69.2307... -> 69.23 (>= 14 with ISEE <= 7000: fascia A).
    // Contributo teorico (fascia A): min(3100, 3600 - 14% x 5200 = 3600 - 728 = 2872) x 12/12 = 2872.00.
    expect(ev.computed).toEqual({
      '/richiedente/eta': 40,
      '/nucleo/0/eta': 40,
      '/nucleo/1/eta': 10,
      '/nucleo/2/eta': 6,
      '/nucleo/3/eta': 71,
      '/riepilogo/numeroComponenti': 4,
      '/riepilogo/numeroMinori': 2,
      '/riepilogo/numeroOver65': 1,
      '/riepilogo/numeroDisabili': 1,
      '/riepilogo/numeroDisabiliGravi': 1,
      '/riepilogo/presenzaDisabiliGravi': true,
      '/riepilogo/presenzaOver65': true,
      '/riepilogo/redditoComplessivo': 17000,
      '/contratto/canoneMensile': 300,
      '/calcolo/incidenzaCanone': 69.23,
      '/calcolo/fascia': 'A',
      '/calcolo/contributoTeorico': 2872,
      '/calcolo/contributoSpettante': 2872,
    });
  });

  it('scores 61 points and is admitted', () => {
    // ISEE 5200 (<= 6000): 30; 4 members: min(10, 2 x 3) = 6; Giulia 75% >= 67: 10; Anna 71: 5;
    // 2 minors: min(9, 3 x 2) = 6; no sfratto: 0; no morosità: 0; single parent: 4.
    // 30 + 6 + 10 + 5 + 6 + 0 + 0 + 4 = 61.
    expect(ev.ranking).toMatchObject({ score: 61, excluded: false, reasonKeys: [], tieBreak: [5200, 4, null] });
    expect(ev.fee).toBeNull();
  });

  it('hides what does not apply to her', () => {
    expect([...ev.hidden].sort()).toEqual([
      '/allegati/attoSfratto',
      '/allegati/documentazioneMorosita',
      '/allegati/permessoSoggiorno',
      '/contratto/numeroRegistrazione',
      '/contratto/serie',
      '/locatore/personaGiuridica',
      '/morosita',
      '/nucleo/0/handicapGrave',
      '/nucleo/0/percentualeDisabilita',
      '/nucleo/1/condizioneProfessionale',
      '/nucleo/1/handicapGrave',
      '/nucleo/1/percentualeDisabilita',
      '/nucleo/2/condizioneProfessionale',
      '/nucleo/3/handicapGrave',
      '/nucleo/3/percentualeDisabilita',
      '/richiedente/permessoNumero',
      '/richiedente/permessoRinnovoRichiesto',
      '/richiedente/permessoScadenza',
      '/richiedente/permessoTipo',
      '/sfratto',
      '/sfratto/dataConvalida',
      '/situazioni/altriContributiImporto',
    ]);
    expect(ev.required).toContain('/allegati/certificazioneDisabilita');
    expect(ev.required).toContain('/nucleo/2/percentualeDisabilita');
    expect(ev.required).toContain('/contratto/codiceIdentificativo');
    expect(ev.required).not.toContain('/contratto/numeroRegistrazione');
  });

  it('clean keeps the answers and computed values, and is idempotent', () => {
    const once = clean(service, maria, { today: TODAY });
    expect(clean(service, once, { today: TODAY })).toEqual(once);
    expect(once.riepilogo).toEqual({
      numeroComponenti: 4, numeroMinori: 2, numeroOver65: 1, numeroDisabili: 1, numeroDisabiliGravi: 1,
      presenzaDisabiliGravi: true, presenzaOver65: true, redditoComplessivo: 17000,
    });
    expect(once.calcolo).toEqual({ incidenzaCanone: 69.23, fascia: 'A', contributoTeorico: 2872, contributoSpettante: 2872 });
    expect(once.pagamento).toEqual(maria.pagamento);
    expect(once.nucleo).toHaveLength(4);
    expect(evalAt(service, once).valid).toBe(true);
    expect(evalAt(service, once).ranking?.score).toBe(61);
  });

  it('localizes the designer’s messages', () => {
    const bad = variant(maria, { 'isee.dataScadenza': '2025-12-31' });
    expect(evalAt(service, bad, { locale: 'it' }).errors[0]!.message).toBe('L’attestazione ISEE è scaduta: presenta una nuova DSU');
    expect(evalAt(service, bad, { locale: 'en' }).errors[0]!.message).toBe('The ISEE certificate has expired: file a new DSU');
  });
});

describe('contributo-affitto: an applicant excluded by ISEE (Giuseppe)', () => {
  const ev = evalAt(service, giuseppe);

  it('is a valid submission, with the eviction step shown', () => {
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.steps.find((s) => s.id === 'morositaSfratto')).toEqual({ id: 'morositaSfratto', visible: true, complete: true, errorCount: 0 });
    expect(ev.hidden).toContain('/morosita');
    expect(ev.hidden).not.toContain('/sfratto');
    expect(ev.hidden).toContain('/locatore/personaFisica');
    expect(ev.hidden).toContain('/locatore/parenteRichiedente');
    expect(ev.hidden).toContain('/contratto/codiceIdentificativo');
    expect(ev.hidden).toContain('/pagamento/iban');
  });

  it('scores 17 points but is excluded for ISEE above 15,000 euro', () => {
    // ISEE 16500 > 15000: 0; 2 members: min(10, 2 x 1) = 2; Rosa 50% < 67: 0; both over 65: 5;
    // no minors: 0; sfratto confirmed by the court: 10; no morosità: 0; not a single parent: 0.
    // 0 + 2 + 0 + 5 + 0 + 10 + 0 + 0 = 17.
    expect(ev.ranking).toMatchObject({ score: 17, excluded: true, reasonKeys: ['exclusion.iseeOltreSoglia'], tieBreak: [16500, 2, null] });
    // Incidenza 9600 x 100 / 16500 = 58.1818... -> 58.18, but ISEE > 15000: no band, no subsidy.
    expect(ev.computed['/calcolo/incidenzaCanone']).toBe(58.18);
    expect(ev.computed['/calcolo/fascia']).toBe('nessuna');
    expect(ev.computed['/calcolo/contributoTeorico']).toBe(0);
    expect(ev.computed['/riepilogo/numeroDisabili']).toBe(1);
    expect(ev.computed['/riepilogo/numeroDisabiliGravi']).toBe(0);
    expect(ev.computed['/riepilogo/presenzaDisabiliGravi']).toBe(false);
  });

  it('scores 6 points for an eviction not yet confirmed by a court', () => {
    const served = variant(giuseppe, { 'sfratto.convalidato': false, 'sfratto.dataConvalida': undefined });
    const r = evalAt(service, served);
    expect(errorsOf(r)).toEqual([]);
    // 0 + 2 + 0 + 5 + 0 + 6 = 13.
    expect(r.ranking?.score).toBe(13);
  });
});

describe('contributo-affitto: other exclusions and band B', () => {
  it('excludes luxury categories A/1, A/8, A/9', () => {
    const r = evalAt(service, variant(maria, { 'contratto.categoriaCatastale': 'A8' }));
    expect(r.valid).toBe(true);
    expect(r.ranking).toMatchObject({ score: 61, excluded: true, reasonKeys: ['exclusion.categoriaCatastale'] });
  });

  it('excludes rent below 14% of the ISEE', () => {
    // 700 x 100 / 5200 = 13.46 < 14: no band.
    const r = evalAt(service, variant(maria, { 'contratto.canoneAnnuo': 700, 'contratto.speseCondominiali': 100 }));
    expect(r.computed['/calcolo/incidenzaCanone']).toBe(13.46);
    expect(r.computed['/calcolo/fascia']).toBe('nessuna');
    expect(r.ranking).toMatchObject({ excluded: true, reasonKeys: ['exclusion.incidenzaMinima'] });
  });

  it('puts an ISEE between 7,000 and 15,000 euro in band B when rent is at least 24%', () => {
    // ISEE 10000: band 10 points. Incidenza 3000 x 100 / 10000 = 30 >= 24: fascia B.
    // Contributo: min(2325, 3000 - 24% x 10000 = 600) x 10 / 12 = 500.00; minus 120.00 other support = 380.00.
    const b = variant(maria, {
      'isee.valore': 10000, 'contratto.canoneAnnuo': 3000, 'contratto.mesiLocazione': 10,
      'situazioni.altriContributi': true, 'situazioni.altriContributiImporto': 120,
    });
    const r = evalAt(service, b);
    expect(errorsOf(r)).toEqual([]);
    expect(r.computed['/calcolo/fascia']).toBe('B');
    expect(r.computed['/calcolo/contributoTeorico']).toBe(500);
    expect(r.computed['/calcolo/contributoSpettante']).toBe(380);
    // 10 + 6 + 10 + 5 + 6 + 4 = 41.
    expect(r.ranking).toMatchObject({ score: 41, excluded: false, reasonKeys: [], tieBreak: [10000, 4, null] });
  });

  it('excludes band B applicants whose rent is below 24% of the ISEE', () => {
    // 2000 x 100 / 10000 = 20: at least 14 but below 24.
    const r = evalAt(service, variant(maria, { 'isee.valore': 10000, 'contratto.canoneAnnuo': 2000 }));
    expect(r.computed['/calcolo/fascia']).toBe('nessuna');
    expect(r.ranking).toMatchObject({ excluded: true, reasonKeys: ['exclusion.incidenzaFasciaB'] });
  });

  it('excludes leases with a relative and subsidies below 50 euro', () => {
    // Fascia A: 800 - 14% x 5200 = 800 - 728 = 72 x 12/12 = 72.00; minus 30.00 other support = 42.00 < 50.
    const r = evalAt(service, variant(maria, {
      'locatore.parenteRichiedente': true, 'contratto.canoneAnnuo': 800, 'contratto.speseCondominiali': 100,
      'situazioni.altriContributi': true, 'situazioni.altriContributiImporto': 30,
    }));
    expect(r.valid).toBe(true);
    expect(r.computed['/calcolo/contributoSpettante']).toBe(42);
    expect(r.ranking).toMatchObject({ excluded: true, reasonKeys: ['exclusion.locatoreParente', 'exclusion.contributoMinimo'] });
  });

  it('treats an ISEE of zero as 100% incidence', () => {
    // ISEE 0: 40 points; fascia A; contributo min(3100, 3600 - 0) = 3100.00.
    const r = evalAt(service, variant(maria, { 'isee.valore': 0 }));
    expect(r.computed['/calcolo/incidenzaCanone']).toBe(100);
    expect(r.computed['/calcolo/contributoTeorico']).toBe(3100);
    expect(r.ranking).toMatchObject({ score: 71, excluded: false });
  });
});

describe('contributo-affitto: invalid submissions', () => {
  const cases: Array<[string, Answers, Array<[string, string]>]> = [
    ['the applicant is not in the household', variant(maria, { nucleo: maria.nucleo.slice(1) }), [['/nucleo', 'error.richiedenteNonNelNucleo']]],
    // An empty required list says "required" once (not also minItems).
    ['the household is empty', variant(giuseppe, { nucleo: [] }), [['/nucleo', 'error.required']]],
    ['the lease ends before it starts and was registered before it was signed',
      variant(maria, { 'contratto.dataScadenza': '2024-01-31', 'contratto.dataRegistrazione': '2024-01-05' }),
      [['/contratto/dataRegistrazione', 'error.registrazionePrimaStipula'], ['/contratto/dataScadenza', 'error.contrattoDateOrdine']]],
    ['the lease is signed in the future', variant(maria, { 'contratto.dataStipula': '2026-12-01', 'contratto.dataRegistrazione': '2026-12-05' }),
      [['/contratto/dataRegistrazione', 'error.dataFutura'], ['/contratto/dataStipula', 'error.dataFutura']]],
    ['a temporary lease longer than 18 months', variant(maria, { 'contratto.tipo': 'transitorio' }), [['/contratto/dataScadenza', 'error.transitorioDurata']]],
    ['the rent is zero', variant(maria, { 'contratto.canoneAnnuo': 0 }), [['/contratto/canoneAnnuo', 'error.canoneNonPositivo']]],
    ['service charges as high as the rent', variant(maria, { 'contratto.speseCondominiali': 3600 }), [['/contratto/speseCondominiali', 'error.speseSuperioriCanone']]],
    ['bank transfer without IBAN', variant(maria, { pagamento: { modalita: 'bonifico' } }), [
      ['/pagamento/codiceFiscaleIntestatario', 'error.required'], ['/pagamento/iban', 'error.required'], ['/pagamento/intestatario', 'error.required'],
    ]],
    ['a foreign IBAN held by someone outside the household',
      variant(maria, { 'pagamento.iban': 'DE89370400440532013000', 'pagamento.codiceFiscaleIntestatario': LANDLORD }),
      [['/pagamento/codiceFiscaleIntestatario', 'error.intestatarioNonAmmesso'], ['/pagamento/iban', 'error.ibanNonItaliano']]],
    ['an IBAN with a wrong check', variant(maria, { 'pagamento.iban': 'IT61X0542811101000000123456' }), [['/pagamento/iban', 'error.format.iban']]],
    ['payment to the landlord without arrears', variant(maria, { 'pagamento.modalita': 'locatore', 'pagamento.intestatario': 'Giovanni Bianchi' }),
      [['/pagamento/modalita', 'error.pagamentoLocatoreSenzaMorosita']]],
    ['a declaration left unticked and one refused', variant(maria, { 'dichiarazioni.privacy': false, 'dichiarazioni.veridicita': undefined }),
      [['/dichiarazioni/privacy', 'error.const'], ['/dichiarazioni/veridicita', 'error.required']]],
    ['a non-EU applicant without a residence permit', variant(maria, { 'richiedente.areaCittadinanza': 'extra_ue' }), [
      ['/allegati/permessoSoggiorno', 'error.required'], ['/richiedente/permessoNumero', 'error.required'],
      ['/richiedente/permessoScadenza', 'error.required'], ['/richiedente/permessoTipo', 'error.required'],
    ]],
    ['an expired residence permit without renewal', variant(maria, {
      'richiedente.areaCittadinanza': 'extra_ue', 'richiedente.permessoTipo': 'lavoro_subordinato', 'richiedente.permessoNumero': 'I01234567',
      'richiedente.permessoScadenza': '2026-10-31', 'allegati.permessoSoggiorno': 'att-0007-permesso.pdf',
    }), [['/richiedente/permessoScadenza', 'error.permessoScaduto']]],
    ['an under-age applicant', variant(maria, { 'richiedente.dataNascita': '2010-01-01' }), [['/richiedente/dataNascita', 'error.richiedenteMinorenne']]],
    ['an expired ISEE and a DSU filed in the future', variant(maria, { 'isee.dataScadenza': '2025-12-31', 'isee.dataPresentazioneDsu': '2026-12-01' }),
      [['/isee/dataPresentazioneDsu', 'error.dataFutura'], ['/isee/dataScadenza', 'error.iseeScaduta']]],
    ['a single parent without minors', variant(giuseppe, { 'situazioni.monogenitore': true }), [['/situazioni/monogenitore', 'error.monogenitoreSenzaMinori']]],
    ['the landlord is a household member', variant(maria, { 'locatore.personaFisica.codiceFiscale': ANNA }), [['/locatore/personaFisica/codiceFiscale', 'error.locatoreNelNucleo']]],
    ['a private landlord without data and without the kinship answer', variant(maria, { locatore: { tipo: 'persona_fisica', indirizzo: 'Corso Re Umberto 10', comune: 'Torino' } }), [
      ['/locatore/parenteRichiedente', 'error.required'], ['/locatore/personaFisica/codiceFiscale', 'error.required'],
      ['/locatore/personaFisica/cognome', 'error.required'], ['/locatore/personaFisica/nome', 'error.required'],
    ]],
    ['a company landlord with a wrong VAT number', variant(giuseppe, { 'locatore.personaGiuridica.partitaIva': '09876543210' }),
      [['/locatore/personaGiuridica/partitaIva', 'error.format.partita-iva']]],
    ['format, pattern, enum and range errors', variant(maria, {
      'richiedente.residenza.cap': '00000', 'contatti.telefono': '800 123456', 'isee.protocolloDsu': 'ISEE-2026', 'contratto.categoriaCatastale': 'A10',
      'contratto.superficie': 5, 'contratto.mesiLocazione': 13, 'contratto.codiceIdentificativo': 'tj124t000123000gh', 'contatti.email': 'maria.example.it',
    }), [
      ['/contatti/email', 'error.format.email'], ['/contatti/telefono', 'error.format.telefono'], ['/contratto/categoriaCatastale', 'error.enum'],
      ['/contratto/codiceIdentificativo', 'error.pattern'], ['/contratto/mesiLocazione', 'error.maximum'], ['/contratto/superficie', 'error.minimum'],
      ['/isee/protocolloDsu', 'error.pattern'], ['/richiedente/residenza/cap', 'error.format.cap'],
    ]],
    ['a PEC chosen as channel but not given', variant(maria, { 'contatti.canalePreferito': 'pec' }), [['/contatti/pec', 'error.required']]],
    ['eviction confirmed before it was served, without the court order attached', variant(giuseppe, {
      'sfratto.dataConvalida': '2026-03-01', 'allegati.attoSfratto': undefined,
    }), [['/allegati/attoSfratto', 'error.required'], ['/sfratto/dataConvalida', 'error.convalidaPrimaIntimazione']]],
    ['registration at an office without number and series', variant(giuseppe, { 'contratto.numeroRegistrazione': undefined, 'contratto.serie': undefined }),
      [['/contratto/numeroRegistrazione', 'error.required'], ['/contratto/serie', 'error.required']]],
    ['a lease registered online without its code', variant(maria, { 'contratto.codiceIdentificativo': undefined }), [['/contratto/codiceIdentificativo', 'error.required']]],
    ['other rent support declared without the amount', variant(maria, { 'situazioni.altriContributi': true }), [['/situazioni/altriContributiImporto', 'error.required']]],
    ['no rent receipts', variant(maria, { 'allegati.ricevuteCanone': [] }), [['/allegati/ricevuteCanone', 'error.required']]],
  ];

  it.each(cases)('%s', (_name, answers, expected) => {
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual(expected);
    expect(ev.valid).toBe(false);
  });

  it('counts errors in the step that holds the field', () => {
    const ev = evalAt(service, variant(maria, { 'contratto.dataScadenza': '2024-01-31', 'pagamento.iban': undefined }));
    expect(ev.steps.filter((s) => s.errorCount > 0).map((s) => [s.id, s.errorCount, s.complete])).toEqual([
      ['contratto', 1, false],
      ['pagamento', 1, false],
    ]);
  });
});

describe('contributo-affitto: rules on the rows of the household', () => {
  it('requires the disability percentage only for disabled members', () => {
    const answers = copy(maria);
    delete answers.nucleo[2].percentualeDisabilita;
    answers.nucleo[0].percentualeDisabilita = 150; // hidden (not disabled): not validated
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/nucleo/2/percentualeDisabilita', 'error.required']]);
    expect(ev.hidden).toContain('/nucleo/0/percentualeDisabilita');
    expect((clean(service, answers, { today: TODAY }) as Answers).nucleo[0]).not.toHaveProperty('percentualeDisabilita');
  });

  it('asks the employment status from 16 years of age', () => {
    const answers = copy(maria);
    delete answers.nucleo[3].condizioneProfessionale;
    answers.nucleo[1].condizioneProfessionale = 'studente'; // Luca is 10: hidden, dropped by clean
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/nucleo/3/condizioneProfessionale', 'error.required']]);
    expect((clean(service, answers, { today: TODAY }) as Answers).nucleo[1]).not.toHaveProperty('condizioneProfessionale');
  });

  it('flags a tax code repeated in two rows, in both rows', () => {
    const answers = copy(maria);
    answers.nucleo.push({ ...answers.nucleo[1], nome: 'Luca Maria' });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([
      ['/nucleo/1/codiceFiscale', 'error.codiceFiscaleDuplicato'],
      ['/nucleo/4/codiceFiscale', 'error.codiceFiscaleDuplicato'],
    ]);
  });

  it('rejects a birth date in the future and a wrong tax code in a row', () => {
    const answers = copy(maria);
    answers.nucleo[1].dataNascita = '2027-01-10';
    answers.nucleo[2].codiceFiscale = 'SPSGLI20E44L219X';
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([
      ['/nucleo/1/dataNascita', 'error.dataFutura'],
      ['/nucleo/2/codiceFiscale', 'error.format.codice-fiscale'],
    ]);
    expect(ev.computed['/nucleo/1/eta']).toBe(0);
  });

  it('counts a disability of 67% or more only, row by row', () => {
    const answers = copy(maria);
    answers.nucleo[2].percentualeDisabilita = 66;
    const ev = evalAt(service, answers);
    expect(ev.valid).toBe(true);
    expect(ev.computed['/riepilogo/numeroDisabili']).toBe(1);
    expect(ev.computed['/riepilogo/numeroDisabiliGravi']).toBe(0);
    // 61 - 10 points for the disability.
    expect(ev.ranking?.score).toBe(51);
  });
});

describe('contributo-affitto: visibility', () => {
  it('does not validate the hidden arrears/eviction step and clean drops it', () => {
    const answers = variant(maria, { morosita: { importo: -5, causa: 'boh' }, sfratto: { tipo: 'x', dataIntimazione: 'ieri' } });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.steps.find((s) => s.id === 'morositaSfratto')?.visible).toBe(false);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/morosita', '/sfratto']));
    const cleaned = clean(service, answers, { today: TODAY });
    expect(cleaned).not.toHaveProperty('morosita');
    expect(cleaned).not.toHaveProperty('sfratto');
    expect(cleaned).toEqual(clean(service, maria, { today: TODAY }));
  });

  it('shows the step when arrears are declared, requires its fields, and scores them', () => {
    const declared = variant(maria, { 'situazioni.morositaIncolpevole': true });
    const ev = evalAt(service, declared);
    expect(ev.steps.find((s) => s.id === 'morositaSfratto')).toEqual({ id: 'morositaSfratto', visible: true, complete: false, errorCount: 4 });
    expect(ev.hidden).not.toContain('/morosita');
    expect(ev.hidden).toContain('/sfratto');
    expect(errorsOf(ev)).toEqual([
      ['/allegati/documentazioneMorosita', 'error.required'],
      ['/morosita/causa', 'error.required'],
      ['/morosita/dataEvento', 'error.required'],
      ['/morosita/importo', 'error.required'],
      ['/morosita/mensilitaNonPagate', 'error.required'],
    ]);

    const other = variant(declared, {
      morosita: { importo: 1200, mensilitaNonPagate: 4, causa: 'altro', dataEvento: '2026-04-30' },
      'allegati.documentazioneMorosita': 'att-0008-lettera.pdf',
    });
    expect(errorsOf(evalAt(service, other))).toEqual([['/morosita/descrizione', 'error.required']]);

    const complete = variant(other, { 'morosita.causa': 'licenziamento', 'pagamento.modalita': 'locatore', 'pagamento.intestatario': 'Giovanni Bianchi' });
    const done = evalAt(service, complete);
    expect(errorsOf(done)).toEqual([]);
    // 61 + 5 for morosità incolpevole = 66; payment to the landlord is now allowed.
    expect(done.ranking?.score).toBe(66);
    expect(done.hidden).toContain('/pagamento/codiceFiscaleIntestatario');
  });

  it('hides the expiry date of an EU long-term permit even though a require rule names it', () => {
    const answers = variant(maria, {
      'richiedente.areaCittadinanza': 'extra_ue', 'richiedente.permessoTipo': 'lungo_periodo', 'richiedente.permessoNumero': 'I01234567',
      'richiedente.permessoScadenza': '2020-01-01', 'allegati.permessoSoggiorno': 'att-0007-permesso.pdf',
    });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/richiedente/permessoScadenza');
    expect(ev.required).not.toContain('/richiedente/permessoScadenza');
    expect(clean(service, answers, { today: TODAY }).richiedente).not.toHaveProperty('permessoScadenza');
  });

  it('accepts an expired permit when renewal was requested', () => {
    const answers = variant(maria, {
      'richiedente.areaCittadinanza': 'extra_ue', 'richiedente.permessoTipo': 'motivi_familiari', 'richiedente.permessoNumero': 'I01234567',
      'richiedente.permessoScadenza': '2026-10-31', 'richiedente.permessoRinnovoRichiesto': true, 'allegati.permessoSoggiorno': 'att-0007-permesso.pdf',
    });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).not.toContain('/richiedente/permessoRinnovoRichiesto');
    // A valid permit: the renewal question disappears.
    const valid = evalAt(service, variant(answers, { 'richiedente.permessoScadenza': '2027-06-30' }));
    expect(valid.hidden).toContain('/richiedente/permessoRinnovoRichiesto');
  });

  it('switches the landlord section between a person and a company', () => {
    const ev = evalAt(service, variant(maria, { 'locatore.tipo': 'persona_giuridica' }));
    expect(errorsOf(ev)).toEqual([
      ['/locatore/personaGiuridica/partitaIva', 'error.required'],
      ['/locatore/personaGiuridica/ragioneSociale', 'error.required'],
    ]);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/locatore/personaFisica', '/locatore/parenteRichiedente']));
  });
});

describe('contributo-affitto: prefill', () => {
  const registry: PrefillData = {
    identity: { fiscalCode: MARIA, givenName: 'Maria', familyName: 'Esposito', email: 'maria.esposito@example.it' },
    anpr: {
      resident: {
        birthDate: '1986-08-12', birthPlace: 'Torino', sex: 'F', citizenship: 'Italiana',
        address: { street: 'Via Nizza 152', cap: '10126', comune: 'Torino', provincia: 'TO' },
      },
      family: [
        { fiscalCode: MARIA, givenName: 'Maria', familyName: 'Esposito', birthDate: '1986-08-12', sex: 'F', relationship: 'intestatario' },
        { fiscalCode: LUCA, givenName: 'Luca', familyName: 'Esposito', birthDate: '2016-03-20', sex: 'M', relationship: 'figlio' },
        { fiscalCode: GIULIA, givenName: 'Giulia', familyName: 'Esposito', birthDate: '2020-05-04', sex: 'F', relationship: 'figlio' },
        { fiscalCode: ANNA, givenName: 'Anna', familyName: 'Ferrara', birthDate: '1955-02-14', sex: 'F', relationship: 'genitore' },
      ],
    },
    inps: {
      isee: [
        { kind: 'minorenni', valueCents: 480000, dsuProtocol: 'INPS-ISEE-2026-00012345A-00', validUntil: '2026-12-31' },
        { kind: 'ordinario', valueCents: 520000, dsuProtocol: 'INPS-ISEE-2026-00012345A-00', validUntil: '2026-12-31' },
      ],
    },
  };

  it('fills the applicant, the household, the ISEE and the rented dwelling', () => {
    const result = applyPrefill(service, registry);
    expect(result.answers).toEqual({
      richiedente: {
        codiceFiscale: MARIA, nome: 'Maria', cognome: 'Esposito', dataNascita: '1986-08-12', luogoNascita: 'Torino', sesso: 'F',
        cittadinanza: 'Italiana', residenza: { street: 'Via Nizza 152', cap: '10126', comune: 'Torino', provincia: 'TO' },
      },
      contatti: { email: 'maria.esposito@example.it' },
      nucleo: maria.nucleo.map((m: any) => ({
        codiceFiscale: m.codiceFiscale, nome: m.nome, cognome: m.cognome, dataNascita: m.dataNascita, sesso: m.sesso, relazione: m.relazione,
      })),
      isee: { valore: 5200, protocolloDsu: 'INPS-ISEE-2026-00012345A-00', dataScadenza: '2026-12-31' },
      contratto: { alloggio: { street: 'Via Nizza 152', cap: '10126', comune: 'Torino', provincia: 'TO' } },
    });
    expect(result.locked).toEqual([
      '/richiedente/codiceFiscale', '/richiedente/nome', '/richiedente/cognome', '/isee/valore', '/isee/protocolloDsu', '/isee/dataScadenza',
    ]);
    expect(result.filled).toHaveLength(14);
  });

  it('overrides locked data but keeps what the citizen changed in editable fields', () => {
    const typed = { richiedente: { codiceFiscale: 'RSSMRA85T10A562S', luogoNascita: 'Moncalieri' }, isee: { valore: 100 } };
    const result = applyPrefill(service, registry, typed);
    expect(result.answers.richiedente).toMatchObject({ codiceFiscale: MARIA, luogoNascita: 'Moncalieri' });
    expect((result.answers.isee as any).valore).toBe(5200);
  });

  it('with the rest of the form filled in, the prefilled answers give the valid submission', () => {
    const { answers } = applyPrefill(service, registry);
    const merged = copy(maria);
    for (const [i, row] of (answers.nucleo as any[]).entries()) Object.assign(merged.nucleo[i], row);
    Object.assign(merged.richiedente, answers.richiedente);
    Object.assign(merged.isee, answers.isee);
    expect(merged).toEqual(variant(maria, {}));
    expect(evalAt(service, merged).valid).toBe(true);
  });
});

describe('contributo-affitto: graduatoria', () => {
  const adults = [
    { codiceFiscale: 'SPSPLA92A15L219E', nome: 'Paolo', cognome: 'Esposito', dataNascita: '1992-01-15', sesso: 'M', relazione: 'fratello_sorella', disabile: false, condizioneProfessionale: 'lavoratore_dipendente', reddito: 0 },
    { codiceFiscale: 'SPSSRA95L70L219L', nome: 'Sara', cognome: 'Esposito', dataNascita: '1995-07-30', sesso: 'F', relazione: 'fratello_sorella', disabile: false, condizioneProfessionale: 'studente', reddito: 0 },
    { codiceFiscale: 'FRRNDR80R10F839W', nome: 'Andrea', cognome: 'Ferrara', dataNascita: '1980-10-10', sesso: 'M', relazione: 'altro_parente', disabile: false, condizioneProfessionale: 'disoccupato', reddito: 0 },
  ];
  const household = (extra: number, isee: number) => variant(maria, { nucleo: [...copy(maria.nucleo), ...adults.slice(0, extra)], 'isee.valore': isee });
  const entry = (name: string, answers: Answers, submittedAt: string): RankedEntry<string> => {
    const ev = evalAt(service, answers);
    expect(ev.valid, name).toBe(true);
    return { item: name, ranking: ev.ranking!, submittedAt };
  };

  it('orders admitted applications by score, then ISEE asc, household size desc, submission time asc', () => {
    // Households of 6 or 7 reach the cap of 10 points for size: 30 + 10 + 10 + 5 + 6 + 4 = 65.
    const entries = [
      entry('G5 Giuseppe, excluded (17)', giuseppe, '2026-09-20T08:00:00Z'),
      entry('G2 65, ISEE 5200, 6 members', household(2, 5200), '2026-10-01T09:00:00Z'),
      entry('G6 Maria, 61', maria, '2026-09-15T10:00:00Z'),
      entry('G1 65, ISEE 5200, 7 members, 5 Oct', household(3, 5200), '2026-10-05T09:00:00Z'),
      entry('G3 65, ISEE 4800, 7 members', household(3, 4800), '2026-10-10T09:00:00Z'),
      entry('G4 65, ISEE 5200, 7 members, 3 Oct', household(3, 5200), '2026-10-03T09:00:00Z'),
    ];
    expect(entries.map((e) => [e.item, e.ranking.score, e.ranking.excluded, e.ranking.tieBreak])).toEqual([
      ['G5 Giuseppe, excluded (17)', 17, true, [16500, 2, null]],
      ['G2 65, ISEE 5200, 6 members', 65, false, [5200, 6, null]],
      ['G6 Maria, 61', 61, false, [5200, 4, null]],
      ['G1 65, ISEE 5200, 7 members, 5 Oct', 65, false, [5200, 7, null]],
      ['G3 65, ISEE 4800, 7 members', 65, false, [4800, 7, null]],
      ['G4 65, ISEE 5200, 7 members, 3 Oct', 65, false, [5200, 7, null]],
    ]);
    const sorted = sortGraduatoria(entries, definition.ranking.tieBreakers);
    expect(sorted.map((e) => e.item)).toEqual([
      'G3 65, ISEE 4800, 7 members', // lowest ISEE among the 65s
      'G4 65, ISEE 5200, 7 members, 3 Oct', // same ISEE and size as G1, submitted earlier
      'G1 65, ISEE 5200, 7 members, 5 Oct',
      'G2 65, ISEE 5200, 6 members', // smaller household, although submitted first
      'G6 Maria, 61',
      'G5 Giuseppe, excluded (17)', // excluded applications come last
    ]);
  });
});
