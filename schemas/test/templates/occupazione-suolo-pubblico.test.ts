import { describe, it, expect } from 'vitest';
import { applyPrefill, clean, compile, type ServiceDefinition } from '../../src/index.js';
import { compileOrThrow, errorsOf, evalAt, loadExample, loadTemplate, TODAY } from '../helpers.js';

/**
 * Occupazione temporanea di suolo pubblico. TODAY (test/helpers.ts) is 2026-11-25, so the
 * earliest non-urgent start is 2026-12-05 (10 days later).
 * Fee (canone unico): area (m², rounded to 2 decimals) x days (both ends included) x zone tariff
 * (A 2.50, B 1.60, C 0.90 euro per m² per day), halved for architectural-barrier works, rounded
 * to the cent, at least 25 euro; fees.amount in cents.
 */
const definition = loadTemplate('occupazione-suolo-pubblico') as ServiceDefinition;
const service = compileOrThrow(definition);

type Answers = Record<string, any>;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const cleanAt = (answers: unknown) => clean(service, answers, { today: TODAY });

/**
 * The worked submission: a building company's scaffolding for an external lift (barrier
 * removal) in zone A, 8.35 m x 1.50 m from 2026-12-07 to 2027-01-15.
 *   area  = 8.35 x 1.50 = 12.525 -> 12.53 m²
 *   days  = 24 (7 -> 31 December) + 15 (January) + 1 = 40
 *   fee   = 12.53 x 40 x 2.50 = 1,253.00 euro; halved = 626.50 euro = 62,650 cents (> 25 euro minimum)
 * (templates/examples/: also the server's tests' and load benchmark's answers)
 */
const VALID: Answers = loadExample('occupazione-suolo-pubblico');
const DICHIARANTE = VALID.richiedente;

/** A private individual's occupation: the base for the fee table and date checks. */
const PRIVATO: Answers = {
  tipoRichiedente: 'persona_fisica',
  richiedente: DICHIARANTE,
  scopo: 'traslochi',
  descrizioneOccupazione: 'Sosta di un autocarro con scala elevatrice per trasloco',
  luogo: { via: 'Via Po', civico: '3', zona: 'A', occupaCarreggiata: true },
  lunghezza: 10,
  larghezza: 2.5,
  dataInizio: '2026-12-10',
  dataFine: '2026-12-10',
  allegati: { planimetria: 'planimetria.pdf' },
  bolloIdentificativo: '98765432109876',
  bolloData: '2026-11-25',
  dichiarazioni: { veridicita: true, regolamento: true, ripristino: true, privacy: true },
};

const privato = (over: Answers, luogo: Answers = {}): Answers => ({ ...copy(PRIVATO), ...copy(over), luogo: { ...PRIVATO.luogo, ...luogo } });

describe('occupazione-suolo-pubblico: definition', () => {
  it('compiles with no problems and no warnings', () => {
    const result = compile(definition);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('translates every key into Italian and English', () => {
    expect(Object.keys(definition.translations.en!).sort()).toEqual(Object.keys(definition.translations.it!).sort());
  });

  it('asks for payment before the authorisation, which is the final state, and protocols the application in', () => {
    const wf = definition.workflow!;
    const into = (state: string) => wf.transitions.filter((t) => t.to === state);
    expect(into('autorizzata').map((t) => t.from)).toEqual(['in_attesa_pagamento']);
    expect(into('in_attesa_pagamento').map((t) => [t.from, t.actions!.map((a) => a.type)])).toEqual([
      ['in_istruttoria', ['payment', 'email', 'appio']],
    ]);
    expect(into('autorizzata')[0]!.actions!.map((a) => a.type)).toEqual(['protocol', 'email', 'appio']);
    expect(wf.states.filter((s) => s.final).map((s) => s.id)).toEqual(['autorizzata', 'respinta', 'annullata']);
    expect(wf.transitions.find((t) => t.from === 'presentata')!.actions![0]).toEqual({
      type: 'protocol', direction: 'in', subject: 'message.protocolloDomanda.subject',
    });
    expect(wf.states.find((s) => s.id === 'in_istruttoria')!.slaDays).toBe(30);
  });
});

describe('occupazione-suolo-pubblico: the worked submission', () => {
  const ev = evalAt(service, VALID);

  it('is valid with every step complete', () => {
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.steps.map((s) => [s.id, s.visible, s.complete])).toEqual([
      ['richiedente', true, true],
      ['occupazione', true, true],
      ['dimensioniPeriodo', true, true],
      ['allegati', true, true],
      ['riepilogo', true, true],
    ]);
  });

  it('works out area, days and the halved fee: 12.53 m² x 40 days x 2.50 / 2 = 626.50 euro', () => {
    expect(ev.computed).toEqual({
      '/tariffaZona': 2.5,
      '/superficie': 12.53,
      '/giorni': 40,
      '/riduzioneBarriere': true,
      '/importoCanone': 626.5,
    });
    expect(ev.fee).toEqual({ amountCents: 62650, causale: "Canone unico patrimoniale - occupazione temporanea di suolo pubblico", causaleKey: 'fee.causale', dueDays: 15 });
  });

  it('hides only what does not apply', () => {
    expect([...ev.hidden].sort()).toEqual(['/allegati/delega', '/allegati/progettoDehors', '/descrizioneAltro', '/motivoUrgenza']);
  });

  it('clean is idempotent and keeps the computed values', () => {
    const once = cleanAt(VALID);
    expect(once).toEqual({ ...VALID, tariffaZona: 2.5, superficie: 12.53, giorni: 40, riduzioneBarriere: true, importoCanone: 626.5 });
    expect(cleanAt(once)).toEqual(once);
    expect(evalAt(service, once).fee?.amountCents).toBe(62650);
  });
});

describe('occupazione-suolo-pubblico: fee = area x days x zone tariff', () => {
  // [case, overrides, luogo overrides, area, days, euro, cents]
  const cases: Array<[string, Answers, Answers, number, number, number, number]> = [
    // 4.50 x 1.20 = 5.40 m²; 10 Dec 2026 -> 8 Jan 2027 = 29 + 1 = 30 days; 5.40 x 30 x 2.50 = 405.00
    ['zone A scaffolding, no reduction', { scopo: 'ponteggio', titoloEdilizio: 'CILA n. 88 del 01/09/2026', barriereArchitettoniche: false, urgente: false, lunghezza: 4.5, larghezza: 1.2, dataInizio: '2026-12-10', dataFine: '2027-01-08' }, { zona: 'A' }, 5.4, 30, 405, 40500],
    // 6.25 x 2.40 = 15.00 m²; 1 Apr -> 30 Sep 2027 = 182 + 1 = 183 days; 15 x 183 x 1.60 = 4,392.00
    ['zone B dehors for the summer', { scopo: 'dehors', lunghezza: 6.25, larghezza: 2.4, dataInizio: '2027-04-01', dataFine: '2027-09-30', allegati: { planimetria: 'p.pdf', progettoDehors: 'dehors.pdf' } }, { zona: 'B', occupaCarreggiata: false }, 15, 183, 4392, 439200],
    // 3.33 x 2.05 = 6.8265 -> 6.83 m²; 10 -> 22 Dec = 13 days; 6.83 x 13 x 0.90 = 79.911 -> 79.91
    ['zone C event, rounded to the cent', { scopo: 'evento', lunghezza: 3.33, larghezza: 2.05, dataInizio: '2026-12-10', dataFine: '2026-12-22' }, { zona: 'C' }, 6.83, 13, 79.91, 7991],
    // 10 x 2.50 = 25 m²; 1 day; 25 x 1 x 0.90 = 22.50 < 25 -> minimum 25.00
    ['zone C one-day house move: minimum fee', { lunghezza: 10, larghezza: 2.5, dataInizio: '2026-12-05', dataFine: '2026-12-05' }, { zona: 'C' }, 25, 1, 25, 2500],
    // 10 x 2.50 = 25 m²; 1 day; 25 x 1 x 2.50 = 62.50 (above the minimum)
    ['zone A one-day house move', {}, { zona: 'A' }, 25, 1, 62.5, 6250],
    // 2 x 1 = 2 m²; 5 days; 2 x 5 x 1.60 = 16.00, halved 8.00 < 25 -> minimum 25.00 (reduction first, then minimum)
    ['zone B small barrier-removal site: reduction, then minimum', { scopo: 'cantiere', titoloEdilizio: 'CILA n. 12 del 03/11/2026', barriereArchitettoniche: true, urgente: false, lunghezza: 2, larghezza: 1, dataInizio: '2026-12-14', dataFine: '2026-12-18' }, { zona: 'B' }, 2, 5, 25, 2500],
    // 7.80 x 3.10 = 24.18 m²; 5 Dec 2026 -> 4 Dec 2027 = 364 + 1 = 365 days; 24.18 x 365 x 0.90 = 7,943.13, halved = 3,971.565 -> 3,971.57
    ['zone C year-long barrier-removal site: halved and rounded', { scopo: 'cantiere', titoloEdilizio: 'Permesso di costruire n. 7/2026', barriereArchitettoniche: true, urgente: false, lunghezza: 7.8, larghezza: 3.1, dataInizio: '2026-12-05', dataFine: '2027-12-04' }, { zona: 'C' }, 24.18, 365, 3971.57, 397157],
  ];

  it.each(cases)('%s', (_name, over, luogo, area, days, euro, cents) => {
    const ev = evalAt(service, privato(over, luogo));
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.computed['/superficie']).toBe(area);
    expect(ev.computed['/giorni']).toBe(days);
    expect(ev.computed['/importoCanone']).toBe(euro);
    expect(ev.fee?.amountCents).toBe(cents);
  });

  it('gives no reduction for a dehors, even with a barrier answer left over from scaffolding', () => {
    // 2 x 3 = 6 m²; 10 days; 6 x 10 x 1.60 = 96.00, not halved
    const answers = privato({ scopo: 'dehors', barriereArchitettoniche: true, lunghezza: 2, larghezza: 3, dataInizio: '2027-05-01', dataFine: '2027-05-10', allegati: { planimetria: 'p.pdf', progettoDehors: 'd.pdf' } }, { zona: 'B' });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/barriereArchitettoniche');
    expect(ev.computed['/riduzioneBarriere']).toBe(false);
    expect(ev.fee?.amountCents).toBe(9600);
    expect(cleanAt(answers)).not.toHaveProperty('barriereArchitettoniche');
    expect(evalAt(service, cleanAt(answers)).fee?.amountCents).toBe(9600);
  });

  it('has no amount until zone, size and a valid period are known', () => {
    const noZone = privato({}, { zona: null });
    expect(evalAt(service, noZone).fee).toEqual({ amountCents: null, causale: "Canone unico patrimoniale - occupazione temporanea di suolo pubblico", causaleKey: 'fee.causale', dueDays: 15, error: 'fee.invalid' });
    const noWidth = privato({ larghezza: null });
    expect(evalAt(service, noWidth).fee?.amountCents).toBeNull();
    const reversed = privato({ dataInizio: '2026-12-20', dataFine: '2026-12-10' });
    expect(evalAt(service, reversed).fee?.amountCents).toBeNull();
  });
});

describe('occupazione-suolo-pubblico: dates (today is 2026-11-25)', () => {
  const dateCases: Array<[string, Answers, Array<[string, string]>]> = [
    ['start exactly 10 days from today', { dataInizio: '2026-12-05', dataFine: '2026-12-06' }, []],
    ['start 9 days from today', { dataInizio: '2026-12-04', dataFine: '2026-12-06' }, [['/dataInizio', 'error.preavviso']]],
    ['start today, not urgent', { dataInizio: '2026-11-25', dataFine: '2026-11-25' }, [['/dataInizio', 'error.preavviso']]],
    ['start in the past, not urgent', { dataInizio: '2026-11-20', dataFine: '2026-12-20' }, [['/dataInizio', 'error.preavviso']]],
    ['end before start', { dataInizio: '2026-12-20', dataFine: '2026-12-19' }, [['/dataFine', 'error.dataFinePrimaDellInizio']]],
    ['one day: end equal to start', { dataInizio: '2026-12-20', dataFine: '2026-12-20' }, []],
    // 2027-01-01 -> 2027-12-31: 364 + 1 = 365 days
    ['365 days', { dataInizio: '2027-01-01', dataFine: '2027-12-31' }, []],
    // 2027-01-01 -> 2028-01-01: 365 + 1 = 366 days
    ['366 days', { dataInizio: '2027-01-01', dataFine: '2028-01-01' }, [['/dataFine', 'error.durataMassima']]],
    // 2028 is a leap year: 2028-01-01 -> 2028-12-31 is 365 + 1 = 366 days
    ['a whole leap year', { dataInizio: '2028-01-01', dataFine: '2028-12-31' }, [['/dataFine', 'error.durataMassima']]],
    ['too soon and ending before it starts', { dataInizio: '2026-12-01', dataFine: '2026-11-30' }, [
      ['/dataFine', 'error.dataFinePrimaDellInizio'],
      ['/dataInizio', 'error.preavviso'],
    ]],
    ['not a date', { dataInizio: '2027-02-30', dataFine: '10/12/2027' }, [
      ['/dataFine', 'error.format.date'],
      ['/dataInizio', 'error.format.date'],
    ]],
    ['missing dates', { dataInizio: null, dataFine: null }, [
      ['/dataFine', 'error.required'],
      ['/dataInizio', 'error.required'],
    ]],
    ['revenue stamp dated tomorrow', { bolloData: '2026-11-26' }, [['/bolloData', 'error.bolloDataFutura']]],
  ];

  it.each(dateCases)('%s', (_name, over, expected) => {
    expect(errorsOf(evalAt(service, privato(over)))).toEqual(expected);
  });

  it('computes the days with both ends included', () => {
    expect(evalAt(service, privato({ dataInizio: '2027-02-27', dataFine: '2027-03-01' })).computed['/giorni']).toBe(3);
    expect(evalAt(service, privato({ dataInizio: '2028-02-27', dataFine: '2028-03-01' })).computed['/giorni']).toBe(4);
  });

  const urgente = (over: Answers): Answers => privato({ scopo: 'cantiere', titoloEdilizio: 'Ordinanza n. 45/2026', barriereArchitettoniche: false, urgente: true, motivoUrgenza: 'Messa in sicurezza del cornicione pericolante', ...over });

  it('lets urgent works start today', () => {
    expect(errorsOf(evalAt(service, urgente({ dataInizio: '2026-11-25', dataFine: '2026-11-30' })))).toEqual([]);
  });

  it('does not let urgent works start in the past', () => {
    expect(errorsOf(evalAt(service, urgente({ dataInizio: '2026-11-24', dataFine: '2026-11-30' })))).toEqual([['/dataInizio', 'error.dataInizioPassata']]);
  });

  it('asks why the works are urgent', () => {
    const ev = evalAt(service, urgente({ dataInizio: '2026-11-26', dataFine: '2026-11-30', motivoUrgenza: undefined }));
    expect(errorsOf(ev)).toEqual([['/motivoUrgenza', 'error.required']]);
  });

  it('ignores an urgency flag left over when the purpose is no longer works', () => {
    const answers = urgente({ scopo: 'evento', dataInizio: '2026-11-26', dataFine: '2026-11-30' });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/dataInizio', 'error.preavviso']]);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/urgente', '/motivoUrgenza', '/titoloEdilizio', '/barriereArchitettoniche']));
    const cleaned = cleanAt(answers);
    for (const gone of ['urgente', 'motivoUrgenza', 'titoloEdilizio', 'barriereArchitettoniche']) expect(cleaned).not.toHaveProperty(gone);
  });
});

describe('occupazione-suolo-pubblico: applicant', () => {
  it('for a private individual hides the company section: not validated, and clean drops it', () => {
    const answers = privato({ impresa: { ragioneSociale: 'X', partitaIva: '12345678901', pec: 'non-una-pec' } });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/impresa');
    expect(ev.required.filter((p) => p.startsWith('/impresa'))).toEqual([]);
    expect(cleanAt(answers)).not.toHaveProperty('impresa');
  });

  it('for a company requires every company field by rule', () => {
    const answers = copy(VALID);
    answers.impresa = {};
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/impresa/partitaIva', 'error.required'],
      ['/impresa/pec', 'error.required'],
      ['/impresa/qualifica', 'error.required'],
      ['/impresa/ragioneSociale', 'error.required'],
      ['/impresa/sede/cap', 'error.required'],
      ['/impresa/sede/comune', 'error.required'],
      ['/impresa/sede/provincia', 'error.required'],
      ['/impresa/sede/street', 'error.required'],
    ]);
  });

  it('for a company checks partita IVA, PEC and the registered office', () => {
    const answers = copy(VALID);
    answers.impresa.partitaIva = '01234567890';
    answers.impresa.pec = 'ferraricostruzioni';
    answers.impresa.sede.cap = '1012';
    answers.impresa.sede.provincia = 'Torino';
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/impresa/partitaIva', 'error.format.partita-iva'],
      ['/impresa/pec', 'error.format.email'],
      ['/impresa/sede/cap', 'error.format.cap'],
      ['/impresa/sede/provincia', 'error.pattern'],
    ]);
  });

  it('asks a delegate for the power of attorney', () => {
    const answers = copy(VALID);
    answers.impresa.qualifica = 'delegato';
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/allegati/delega', 'error.required']]);
    answers.allegati.delega = 'procura.pdf';
    expect(errorsOf(evalAt(service, answers))).toEqual([]);
  });
});

describe('occupazione-suolo-pubblico: invalid submissions', () => {
  const invalid: Array<[string, (a: Answers) => void, Array<[string, string]>]> = [
    ['purpose "altro" without a description', (a) => { a.scopo = 'altro'; }, [['/descrizioneAltro', 'error.required']]],
    ['scaffolding without a building permit', (a) => { delete a.titoloEdilizio; }, [['/titoloEdilizio', 'error.required']]],
    ['scaffolding without the barrier answer', (a) => { delete a.barriereArchitettoniche; }, [['/barriereArchitettoniche', 'error.required']]],
    ['dehors without the project', (a) => { a.scopo = 'dehors'; }, [['/allegati/progettoDehors', 'error.required']]],
    ['no site plan', (a) => { a.allegati = { fotografie: ['foto.jpg'] }; }, [['/allegati/planimetria', 'error.required']]],
    ['eleven photographs', (a) => { a.allegati.fotografie = Array.from({ length: 11 }, (_, i) => `foto-${i}.jpg`); }, [['/allegati/fotografie', 'error.maxItems']]],
    ['no tariff zone', (a) => { delete a.luogo.zona; }, [['/luogo/zona', 'error.required']]],
    ['an unknown tariff zone', (a) => { a.luogo.zona = 'D'; }, [['/luogo/zona', 'error.enum']]],
    ['a malformed house number', (a) => { a.luogo.civico = 'quindici'; }, [['/luogo/civico', 'error.pattern']]],
    ['zero width and a 300-metre length', (a) => { a.larghezza = 0; a.lunghezza = 300; }, [
      ['/larghezza', 'error.minimum'],
      ['/lunghezza', 'error.maximum'],
    ]],
    ['a revenue stamp identifier of 13 digits', (a) => { a.bolloIdentificativo = '0123456789012'; }, [['/bolloIdentificativo', 'error.pattern']]],
    ['declarations not accepted', (a) => { a.dichiarazioni = { veridicita: true, regolamento: false, privacy: true }; }, [
      ['/dichiarazioni/regolamento', 'error.const'],
      ['/dichiarazioni/ripristino', 'error.required'],
    ]],
    ['no applicant type', (a) => { delete a.tipoRichiedente; }, [['/tipoRichiedente', 'error.required']]],
  ];

  it.each(invalid)('%s', (_name, change, expected) => {
    const answers = copy(VALID);
    change(answers);
    const ev = evalAt(service, answers);
    expect(ev.valid).toBe(false);
    expect(errorsOf(ev)).toEqual(expected);
  });

  it('gives the same verdict on the cleaned submission the server stores (wizard = server)', () => {
    for (const [, change] of invalid) {
      const answers = copy(VALID);
      change(answers);
      const stored = cleanAt(answers);
      expect(errorsOf(evalAt(service, stored))).toEqual(errorsOf(evalAt(service, answers)));
      expect(evalAt(service, stored).fee).toEqual(evalAt(service, answers).fee);
    }
  });

  it('reports the errors in the right steps', () => {
    const answers = copy(VALID);
    answers.dataInizio = '2026-12-01';
    delete answers.allegati.planimetria;
    const ev = evalAt(service, answers);
    expect(ev.steps.map((s) => [s.id, s.complete, s.errorCount])).toEqual([
      ['richiedente', true, 0],
      ['occupazione', true, 0],
      ['dimensioniPeriodo', false, 1],
      ['allegati', false, 1],
      ['riepilogo', true, 0],
    ]);
  });

  it('localizes the date messages in English', () => {
    const ev = evalAt(service, privato({ dataInizio: '2027-01-01', dataFine: '2028-01-01' }), { locale: 'en' });
    expect(ev.errors.map((e) => [e.pointer, e.message])).toEqual([['/dataFine', 'A temporary occupation cannot last more than 365 days']]);
  });
});

describe('occupazione-suolo-pubblico: prefill', () => {
  const registry = {
    identity: { fiscalCode: 'FRRGPP75L08L219P', givenName: 'Giuseppe', familyName: 'Ferrari', email: 'g.ferrari@example.it' },
    anpr: { resident: { address: { street: 'Corso Francia 45', cap: '10138', comune: 'Torino', provincia: 'TO' } } },
  };

  it('fills the declarant from identity and ANPR and locks the identity', () => {
    const result = applyPrefill(service, registry);
    expect(result.answers).toEqual({
      richiedente: {
        codiceFiscale: 'FRRGPP75L08L219P', nome: 'Giuseppe', cognome: 'Ferrari', email: 'g.ferrari@example.it',
        residenza: { street: 'Corso Francia 45', cap: '10138', comune: 'Torino', provincia: 'TO' },
      },
    });
    expect(result.locked).toEqual(['/richiedente/codiceFiscale', '/richiedente/nome', '/richiedente/cognome']);
  });

  it('overrides a typed codice fiscale but keeps a typed e-mail', () => {
    const { answers } = applyPrefill(service, registry, { richiedente: { codiceFiscale: 'RSSMRA85T10A562S', email: 'ufficio@ferrari.example.it' } });
    expect(answers.richiedente).toMatchObject({ codiceFiscale: 'FRRGPP75L08L219P', email: 'ufficio@ferrari.example.it' });
  });

  it('with the rest of the answers gives the worked fee', () => {
    const { answers } = applyPrefill(service, registry, { ...copy(VALID), richiedente: { telefono: '011 4567890' } });
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.fee?.amountCents).toBe(62650);
  });
});
