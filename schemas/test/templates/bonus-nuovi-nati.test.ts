import { describe, expect, it } from 'vitest';
import { applyPrefill, clean, compile } from '../../src/index.js';
import { compileOrThrow, errorsOf, evalAt, loadTemplate, TODAY } from '../helpers.js';

const definition = loadTemplate('bonus-nuovi-nati');
const service = compileOrThrow(definition);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Mario Rossi, resident in Esempio, applies for his twins born on 15 February 2026 (TODAY is 2026-11-25). */
const valida = {
  richiedente: {
    codiceFiscale: 'RSSMRA85T10A562S',
    nome: 'Mario',
    cognome: 'Rossi',
    dataNascita: '1985-12-10',
    residenza: { street: 'Via Roma 14', cap: '20100', comune: 'Esempio', provincia: 'MI' },
    email: 'mario.rossi@example.it',
    telefono: '+39 347 1234567',
  },
  nuoviNati: [
    { nome: 'Luca', cognome: 'Rossi', codiceFiscale: 'RSSLCU26B15F205S', dataNascita: '2026-02-15', adottato: false },
    { nome: 'Sofia', cognome: 'Rossi', codiceFiscale: 'RSSSFO26B55F205F', dataNascita: '2026-02-15', adottato: false },
  ],
  isee: { valore: 9500.5, protocolloDsu: 'INPS-ISEE-2026-000123456-00', scadenza: '2026-12-31' },
  pagamento: { iban: 'IT25O0306909606100000012345', dichiarazioneIntestatario: true },
  dichiarazioneResponsabilita: true,
  dichiarazioneUnicaDomanda: true,
  dichiarazioneVeridicita: true,
  privacy: true,
};

/** Anna, born abroad in 2019, adopted by Elena Ferrari with the order of 2 March 2026. */
const adozione = {
  ...clone(valida),
  richiedente: { ...clone(valida.richiedente), codiceFiscale: 'FRRMRC81E61B157O', nome: 'Elena', cognome: 'Ferrari', dataNascita: '1981-05-21' },
  nuoviNati: [{ nome: 'Anna', cognome: 'Ferrari', codiceFiscale: 'FRRNNA19H50Z112E', dataNascita: '2019-06-10', adottato: true, dataDecretoAdozione: '2026-03-02' }],
  isee: { valore: 18000, protocolloDsu: 'INPS-ISEE-2026-000654321-00', scadenza: '2026-12-31' },
};

const withIsee = (valore: number) => ({ ...clone(valida), isee: { ...valida.isee, valore } });

describe('bonus-nuovi-nati: definition', () => {
  it('compiles with no problems and no warnings', () => {
    const result = compile(definition);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('is a grant: no citizen fee; the workflow ends in liquidata after accolta', () => {
    expect(service.definition.fees).toBeUndefined();
    expect(evalAt(service, valida).fee).toBeNull();
    const wf = service.definition.workflow!;
    expect(wf.transitions.find((t) => t.from === 'accolta')).toMatchObject({ to: 'liquidata' });
    expect(wf.states.filter((s) => s.final).map((s) => s.id).sort()).toEqual(['liquidata', 'respinta']);
    expect(wf.states.find((s) => s.id === 'in_istruttoria')?.slaDays).toBe(30);
  });

  it('asks for an integration, and gives notice of the grounds for refusal with ten days for observations (art. 10-bis)', () => {
    const wf = service.definition.workflow!;
    expect(wf.states.filter((s) => s.awaits).map((s) => [s.id, s.awaits, s.slaDays])).toEqual([
      ['integrazione_richiesta', 'integration', 15], ['preavviso_rigetto', 'observations', 10],
    ]);
    const out = (from: string) => wf.transitions.filter((t) => t.from === from).map((t) => [t.id, t.to, t.roles]);
    expect(out('preavviso_rigetto')).toEqual([
      ['osservazioni_presentate', 'in_istruttoria', ['citizen', 'operator']], ['rigetto_dopo_preavviso', 'respinta', ['operator', 'supervisor']],
    ]);
  });
});

describe('bonus-nuovi-nati: worked valid submissions', () => {
  it('twins with ISEE 9,500.50 euro: valid, every step complete, bonus 2,000 euro', () => {
    const ev = evalAt(service, valida);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.steps.map((s) => [s.id, s.visible, s.complete])).toEqual([
      ['richiedente', true, true], ['nuoviNati', true, true], ['isee', true, true], ['pagamento', true, true], ['dichiarazioni', true, true],
    ]);
    // ISEE 9,500.50 <= 10,000 -> base 1,500; two children of the same birth -> + 500 x (2 - 1) = 500;
    // bonus = 1,500 + 500 = 2,000 euro.
    expect(ev.computed).toEqual({
      '/nuoviNati/0/dataEvento': '2026-02-15',
      '/nuoviNati/1/dataEvento': '2026-02-15',
      '/numeroNuoviNati': 2,
      '/importoBonus': 2000,
    });
    expect(ev.hidden.sort()).toEqual(['/nuoviNati/0/dataDecretoAdozione', '/nuoviNati/1/dataDecretoAdozione']);
  });

  it('one adopted child with ISEE 18,000 euro: bonus 1,000 euro, counted from the adoption order', () => {
    const ev = evalAt(service, adozione);
    expect(errorsOf(ev)).toEqual([]);
    // Born in 2019 (more than 12 months ago) but adopted on 2026-03-02: the order counts.
    // ISEE 18,000 > 10,000 -> base 1,000; one child -> + 500 x 0; bonus = 1,000 euro.
    expect(ev.computed).toEqual({ '/nuoviNati/0/dataEvento': '2026-03-02', '/numeroNuoviNati': 1, '/importoBonus': 1000 });
    expect(ev.required).toContain('/nuoviNati/0/dataDecretoAdozione');
    expect(ev.hidden).toEqual([]);
  });

  it.each([
    // [ISEE euro, children, bonus euro, how]
    [0, 1, 1500, 'ISEE 0 <= 10,000: 1,500'],
    [10000, 1, 1500, 'ISEE 10,000 <= 10,000 (band edge): 1,500'],
    [10000.01, 1, 1000, 'ISEE 10,000.01 > 10,000: 1,000'],
    [10000, 3, 2500, 'triplets, ISEE 10,000: 1,500 + 500 x 2 = 2,500'],
    [25000, 2, 1500, 'twins, ISEE 25,000: 1,000 + 500 x 1 = 1,500'],
    [30000, 1, 1000, 'ISEE 30,000 = threshold, still eligible: 1,000'],
  ] as const)('ISEE %d euro, %i child(ren): %d euro (%s)', (valore, figli, bonus, _how) => {
    const children = [
      valida.nuoviNati[0]!,
      valida.nuoviNati[1]!,
      { nome: 'Pietro', cognome: 'Rossi', codiceFiscale: 'RSSPTR26B15F205C', dataNascita: '2026-02-15', adottato: false },
    ].slice(0, figli);
    const ev = evalAt(service, { ...withIsee(valore), nuoviNati: children });
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.computed['/numeroNuoviNati']).toBe(figli);
    expect(ev.computed['/importoBonus']).toBe(bonus);
  });

  it('a child born exactly 12 months minus a day ago is still in time', () => {
    const answers = clone(valida);
    answers.nuoviNati = [{ ...answers.nuoviNati[0]!, dataNascita: '2025-11-26' }];
    expect(errorsOf(evalAt(service, answers))).toEqual([]);
  });
});

describe('bonus-nuovi-nati: invalid submissions', () => {
  it('not resident in the Comune', () => {
    const answers = clone(valida);
    answers.richiedente.residenza.comune = 'Milano';
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/richiedente/residenza/comune', 'error.nonResidente']]);
    expect(ev.errors[0]!.message).toBe('Non ammissibile: il bonus è riservato ai residenti nel Comune di Esempio');
    expect(ev.steps.find((s) => s.id === 'richiedente')).toMatchObject({ complete: false, errorCount: 1 });
    // ANPR may write the name in capitals.
    answers.richiedente.residenza.comune = 'ESEMPIO';
    expect(errorsOf(evalAt(service, answers))).toEqual([]);
  });

  it('ISEE above 30,000 euro: not eligible, bonus 0', () => {
    const ev = evalAt(service, withIsee(30000.01), { locale: 'en' });
    expect(errorsOf(ev)).toEqual([['/isee/valore', 'error.iseeOltreSoglia']]);
    expect(ev.errors[0]!.message).toBe('Not eligible: the ISEE is above the 30,000 euro threshold');
    expect(ev.computed['/importoBonus']).toBe(0);
  });

  it('no ISEE: required, and no amount is computed', () => {
    const answers = clone(valida) as Record<string, unknown>;
    delete answers.isee;
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([
      ['/isee/protocolloDsu', 'error.required'],
      ['/isee/scadenza', 'error.required'],
      ['/isee/valore', 'error.required'],
    ]);
    expect(ev.computed['/importoBonus'] ?? null).toBeNull();
  });

  it('an expired ISEE or a malformed DSU protocol', () => {
    const answers = clone(valida);
    answers.isee.scadenza = '2026-11-24';
    answers.isee.protocolloDsu = 'INPS-ISEE-2026-123-00';
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/isee/protocolloDsu', 'error.pattern'],
      ['/isee/scadenza', 'error.iseeScaduto'],
    ]);
  });

  it('a child born 12 months ago or more is out of time; one born tomorrow is an error', () => {
    const answers = clone(valida);
    answers.nuoviNati[0]!.dataNascita = '2025-11-25'; // exactly one year before TODAY
    answers.nuoviNati[1]!.dataNascita = '2026-11-26'; // the day after TODAY
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/nuoviNati/0/dataNascita', 'error.nascitaOltre12Mesi'],
      ['/nuoviNati/1/dataEvento', 'error.eventiDiversi'],
      ['/nuoviNati/1/dataNascita', 'error.nascitaFutura'],
    ]);
  });

  it('an adopted child needs the adoption order, within 12 months, not before the birth nor in the future', () => {
    const noDecree = clone(adozione);
    delete (noDecree.nuoviNati[0] as Record<string, unknown>).dataDecretoAdozione;
    expect(errorsOf(evalAt(service, noDecree))).toEqual([['/nuoviNati/0/dataDecretoAdozione', 'error.required']]);

    const late = clone(adozione);
    late.nuoviNati[0]!.dataDecretoAdozione = '2025-10-01';
    expect(errorsOf(evalAt(service, late))).toEqual([['/nuoviNati/0/dataDecretoAdozione', 'error.decretoOltre12Mesi']]);

    const before = clone(adozione);
    before.nuoviNati[0]!.dataNascita = '2026-04-01';
    before.nuoviNati[0]!.dataDecretoAdozione = '2026-03-02';
    expect(errorsOf(evalAt(service, before))).toEqual([['/nuoviNati/0/dataDecretoAdozione', 'error.decretoPrimaDellaNascita']]);

    const future = clone(adozione);
    future.nuoviNati[0]!.dataDecretoAdozione = '2026-12-01';
    expect(errorsOf(evalAt(service, future))).toEqual([['/nuoviNati/0/dataDecretoAdozione', 'error.decretoFuturo']]);
  });

  it('an invalid IBAN, and the account holder declaration not given', () => {
    const answers = clone(valida);
    answers.pagamento.iban = 'IT25O0306909606100000012346';
    (answers.pagamento as Record<string, unknown>).dichiarazioneIntestatario = false;
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([
      ['/pagamento/dichiarazioneIntestatario', 'error.const'],
      ['/pagamento/iban', 'error.format.iban'],
    ]);
    expect(ev.steps.find((s) => s.id === 'pagamento')).toMatchObject({ complete: false, errorCount: 2 });
  });

  it('no children and no declarations', () => {
    const answers = { ...clone(valida), nuoviNati: [] } as Record<string, unknown>;
    delete answers.dichiarazioneUnicaDomanda;
    answers.privacy = false;
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([
      ['/dichiarazioneUnicaDomanda', 'error.required'],
      ['/nuoviNati', 'error.required'],
      ['/privacy', 'error.const'],
    ]);
    expect(ev.computed['/numeroNuoviNati']).toBe(0);
  });

  it('at most six children in one application', () => {
    const seven = Array.from({ length: 7 }, () => clone(valida.nuoviNati[0]!));
    const ev = evalAt(service, { ...clone(valida), nuoviNati: seven });
    expect(errorsOf(ev).filter(([, key]) => key === 'error.maxItems')).toEqual([['/nuoviNati', 'error.maxItems']]);
  });
});

describe('bonus-nuovi-nati: rules on the rows of the newborns group', () => {
  it('children of different births need separate applications (checked against the first row)', () => {
    const answers = clone(valida);
    answers.nuoviNati[1]!.dataNascita = '2026-02-16';
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/nuoviNati/1/dataEvento', 'error.eventiDiversi']]);
    expect(ev.errors[0]!.rule).toBe('stessoEvento');
  });

  it('the same tax code twice is flagged on both rows', () => {
    const answers = clone(valida);
    answers.nuoviNati[1]!.codiceFiscale = answers.nuoviNati[0]!.codiceFiscale;
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/nuoviNati/0/codiceFiscale', 'error.codiceFiscaleRipetuto'],
      ['/nuoviNati/1/codiceFiscale', 'error.codiceFiscaleRipetuto'],
    ]);
  });

  it('the child cannot have the applicant\'s tax code, and rows need their own data', () => {
    const answers = clone(valida);
    answers.nuoviNati[0]!.codiceFiscale = valida.richiedente.codiceFiscale;
    const row = answers.nuoviNati[1] as Record<string, unknown>;
    delete row.nome;
    delete row.adottato;
    row.codiceFiscale = 'RSSSFO26B55F205X';
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/nuoviNati/0/codiceFiscale', 'error.codiceFiscaleRichiedente'],
      ['/nuoviNati/1/adottato', 'error.required'],
      ['/nuoviNati/1/codiceFiscale', 'error.format.codice-fiscale'],
      ['/nuoviNati/1/nome', 'error.required'],
    ]);
  });

  it('an adopted twin and a born twin are different events: the order date is compared', () => {
    const answers = clone(valida);
    Object.assign(answers.nuoviNati[1]!, { adottato: true, dataDecretoAdozione: '2026-03-02' });
    const ev = evalAt(service, answers);
    expect(ev.computed['/nuoviNati/1/dataEvento']).toBe('2026-03-02');
    expect(errorsOf(ev)).toEqual([['/nuoviNati/1/dataEvento', 'error.eventiDiversi']]);
    expect(ev.hidden).toEqual(['/nuoviNati/0/dataDecretoAdozione']);
  });
});

describe('bonus-nuovi-nati: visibility', () => {
  it('the adoption order is hidden for a child not adopted: not validated, not stored', () => {
    const answers = clone(valida);
    (answers.nuoviNati[0] as Record<string, unknown>).dataDecretoAdozione = '1999-01-01'; // stale, would be "too late"
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/nuoviNati/0/dataDecretoAdozione');
    expect(ev.required).not.toContain('/nuoviNati/0/dataDecretoAdozione');
    const stored = clean(service, answers, { today: TODAY });
    expect((stored.nuoviNati as Array<Record<string, unknown>>)[0]).not.toHaveProperty('dataDecretoAdozione');
    // The birth date counts again once the order is dropped.
    expect((stored.nuoviNati as Array<Record<string, unknown>>)[0]!.dataEvento).toBe('2026-02-15');
  });
});

describe('bonus-nuovi-nati: prefill and storage', () => {
  const registry = {
    identity: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.it' },
    anpr: {
      resident: { birthDate: '1985-12-10', address: { street: 'Via Roma 14', cap: '20100', comune: 'Esempio', provincia: 'MI' } },
    },
    inps: {
      isee: [
        { kind: 'ordinario', valueCents: 1_250_000, dsuProtocol: 'INPS-ISEE-2026-000111111-00', validUntil: '2026-12-31' },
        { kind: 'minorenni', valueCents: 950_050, dsuProtocol: 'INPS-ISEE-2026-000123456-00', validUntil: '2026-12-31' },
      ],
    },
  };

  it('fills the parent from identity and ANPR and the ISEE for minors from INPS, locking certified data', () => {
    const result = applyPrefill(service, registry, {});
    expect(result.answers).toEqual({
      richiedente: {
        codiceFiscale: 'RSSMRA85T10A562S', nome: 'Mario', cognome: 'Rossi', dataNascita: '1985-12-10',
        residenza: { street: 'Via Roma 14', cap: '20100', comune: 'Esempio', provincia: 'MI' },
        email: 'mario.rossi@example.it',
      },
      // The ISEE for minors (not the ordinary one): 950,050 cents = 9,500.50 euro.
      isee: { valore: 9500.5, protocolloDsu: 'INPS-ISEE-2026-000123456-00', scadenza: '2026-12-31' },
    });
    expect(result.locked).toEqual([
      '/richiedente/codiceFiscale', '/richiedente/nome', '/richiedente/cognome', '/richiedente/dataNascita',
      '/richiedente/residenza', '/isee/valore', '/isee/protocolloDsu', '/isee/scadenza',
    ]);
  });

  it('a locked residence wins over what the citizen typed; the prefilled answers complete the valid submission', () => {
    const typed = { ...clone(valida), richiedente: { ...clone(valida.richiedente), residenza: { street: 'Via Roma 14', cap: '20100', comune: 'Esempio', provincia: 'MI' } } };
    typed.richiedente.residenza.comune = 'Altrove';
    const result = applyPrefill(service, registry, typed);
    expect((result.answers.richiedente as typeof valida.richiedente).residenza.comune).toBe('Esempio');
    expect(errorsOf(evalAt(service, result.answers))).toEqual([]);
  });

  it('clean keeps the valid submission with its computed values and is idempotent', () => {
    const stored = clean(service, valida, { today: TODAY });
    expect(stored).toEqual({
      ...valida,
      nuoviNati: valida.nuoviNati.map((n) => ({ ...n, dataEvento: '2026-02-15' })),
      numeroNuoviNati: 2,
      importoBonus: 2000,
    });
    expect(clean(service, stored, { today: TODAY })).toEqual(stored);
    const storedAdozione = clean(service, { ...adozione, nonPrevisto: true }, { today: TODAY });
    expect(storedAdozione).not.toHaveProperty('nonPrevisto');
    expect(clean(service, storedAdozione, { today: TODAY })).toEqual(storedAdozione);
    expect(evalAt(service, stored).valid).toBe(true);
  });
});
