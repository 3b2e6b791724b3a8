import { describe, expect, it } from 'vitest';
import { applyPrefill, clean, compile } from '../../src/index.js';
import { compileOrThrow, errorsOf, evalAt, loadExample, loadTemplate, TODAY } from '../helpers.js';

const definition = loadTemplate('accesso-agli-atti');
const service = compileOrThrow(definition);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * A delegate asks, for the person who delegated her, a certified copy of a building permit and
 * its drawings (access to records, L. 241/1990), to be collected at the office.
 */
const valida = {
  richiedente: {
    codiceFiscale: 'BNCGLI88C50F205T',
    nome: 'Giulia',
    cognome: 'Bianchi',
    dataNascita: '1988-03-10',
    luogoNascita: 'Milano',
    residenza: { street: 'Via Garibaldi 12', cap: '20121', comune: 'Milano', provincia: 'MI' },
    email: 'giulia.bianchi@example.it',
    telefono: '333 1234567',
  },
  qualita: 'delegato',
  rappresentato: {
    denominazione: 'Verdi Paolo',
    codiceFiscale: 'VRDPLA70A01H501N',
    indirizzo: 'Via dei Mille 3, Esempio',
  },
  delega: 'allegati/delega-verdi.pdf',
  documentoDelegante: 'allegati/carta-identita-verdi.pdf',
  tipoAccesso: 'documentale',
  documenti: [
    {
      descrizione: 'Permesso di costruire n. 45/2024 rilasciato per il fabbricato confinante di via dei Mille 5',
      protocollo: '0012345/2024',
      data: '2024-05-20',
      ufficio: 'Sportello unico per l\'edilizia',
    },
    { descrizione: 'Elaborati grafici allegati al permesso di costruire n. 45/2024' },
  ],
  motivazione: 'Il delegante è proprietario dell\'immobile confinante e intende verificare il rispetto delle distanze legali dal confine per tutelare il proprio diritto di proprietà.',
  controinteressati: 'Rossi Costruzioni S.r.l., titolare del permesso di costruire',
  modalita: 'copia_conforme',
  pagineStimate: 9,
  consegna: 'ritiro',
  dichiarazioneBollo: true,
  dichiarazioneVeridicita: true,
  privacy: true,
};

/** A citizen asks, with no reason (FOIA), plain copies of a contract sent by e-mail. */
const foia = loadExample('accesso-agli-atti-foia');

describe('accesso-agli-atti: definition', () => {
  it('compiles with no problems and no warnings', () => {
    const result = compile(definition);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('has the states of the procedure, with 30 days for the decision and 10 for counter-interested parties', () => {
    const wf = service.definition.workflow!;
    expect(wf.initial).toBe('presentata');
    const sla = Object.fromEntries(wf.states.map((s) => [s.id, s.slaDays ?? null]));
    expect(sla).toMatchObject({ in_istruttoria: 30, notifica_controinteressati: 10 });
    expect(wf.states.filter((s) => s.final).map((s) => s.id).sort()).toEqual(['accolta', 'accolta_parzialmente', 'respinta']);
    expect(wf.states.map((s) => s.id)).toContain('differita');
    const accoglimento = wf.transitions.find((t) => t.id === 'accoglimento')!;
    expect(accoglimento.actions!.map((a) => a.type)).toEqual(['protocol', 'payment', 'document', 'email', 'appio']);
    // The decision as a letter (PDF, registered outgoing), which the acceptance message points the citizen to.
    expect(accoglimento.actions![2]).toEqual({ type: 'document', subject: 'document.accolta.subject', body: 'document.accolta.body', protocol: true });
    expect(wf.states.find((s) => s.id === 'integrazione_richiesta')).toMatchObject({ slaDays: 10, awaits: 'integration' });
  });
});

describe('accesso-agli-atti: a worked valid submission', () => {
  it('is valid, with every step complete and the fee worked by hand', () => {
    const ev = evalAt(service, valida);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.steps.map((s) => [s.id, s.visible, s.complete])).toEqual([
      ['richiedente', true, true],
      ['richiesta', true, true],
      ['modalita', true, true],
      ['riepilogo', true, true],
    ]);
    // Copia conforme, 9 pages, collected at the office:
    //   reproduction 9 x 0.10 = 0.90 euro
    //   stamp duty   16 x ceil(9 / 4) = 16 x 3 = 48.00 euro
    //   total        0.90 + 48.00 = 48.90 euro = 4890 cents
    expect(ev.computed).toEqual({ '/costoRiproduzione': 0.9, '/impostaBollo': 48, '/importoTotale': 48.9 });
    expect(ev.fee).toEqual({ amountCents: 4890, causale: "Accesso agli atti: rimborso costi di riproduzione e imposta di bollo", causaleKey: 'fee.causale', dueDays: 30 });
    // A delegate: no declaration of powers; collection at the office: no delivery address.
    expect(ev.hidden.sort()).toEqual(['/dichiarazionePoteri', '/indirizzoConsegna']);
    expect(ev.required).toEqual(expect.arrayContaining([
      '/motivazione', '/rappresentato/denominazione', '/rappresentato/codiceFiscale', '/delega', '/documentoDelegante',
      '/pagineStimate', '/consegna', '/dichiarazioneBollo', '/documenti/0/descrizione', '/documenti/1/descrizione',
    ]));
  });

  it('FOIA: no reason asked, plain copies by e-mail are free', () => {
    const ev = evalAt(service, foia);
    expect(errorsOf(ev)).toEqual([]);
    // Plain copy sent electronically: reproduction 0 (no paper), no stamp duty: 0 cents.
    expect(ev.computed).toEqual({ '/costoRiproduzione': 0, '/impostaBollo': 0, '/importoTotale': 0 });
    expect(ev.fee?.amountCents).toBe(0);
    expect(ev.hidden.sort()).toEqual(['/delega', '/dichiarazioneBollo', '/dichiarazionePoteri', '/documentoDelegante', '/motivazione', '/rappresentato']);
    expect(ev.required).toContain('/indirizzoConsegna');
    expect(ev.required).not.toContain('/motivazione');
  });

  it.each([
    // [modalita, consegna, pages, cents, how]
    ['copia_semplice', 'ritiro', 25, 250, '25 x 0.10 = 2.50 euro, no stamp duty'],
    ['copia_semplice', 'ritiro', 1, 10, '1 x 0.10 = 0.10 euro'],
    ['copia_conforme', 'ritiro', 4, 1640, '4 x 0.10 = 0.40 + 16 x ceil(4/4) = 16 -> 16.40 euro'],
    ['copia_conforme', 'ritiro', 5, 3250, '5 x 0.10 = 0.50 + 16 x ceil(5/4) = 32 -> 32.50 euro'],
    ['copia_conforme', 'pec', 5, 3200, 'electronic: no reproduction + 16 x ceil(5/4) = 32 -> 32.00 euro'],
    ['copia_conforme', 'email', 12, 4800, 'electronic: no reproduction + 16 x ceil(12/4) = 48 -> 48.00 euro'],
    ['copia_semplice', 'pec', 300, 0, 'plain copy sent electronically: free'],
  ] as const)('%s delivered by %s, %i pages: %i cents (%s)', (modalita, consegna, pagineStimate, cents, _how) => {
    const answers = { ...clone(foia), modalita, consegna, pagineStimate, dichiarazioneBollo: true };
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.fee?.amountCents).toBe(cents);
  });

  it('inspection at the office is free, and stale copy answers are hidden, not charged and not stored', () => {
    // The citizen first chose a certified copy of 9 pages, then switched to inspection.
    const answers = { ...clone(valida), modalita: 'visione' };
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    // Inspection: 0 reproduction, 0 stamp duty.
    expect(ev.computed).toEqual({ '/costoRiproduzione': 0, '/impostaBollo': 0, '/importoTotale': 0 });
    expect(ev.fee?.amountCents).toBe(0);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/pagineStimate', '/consegna', '/indirizzoConsegna', '/dichiarazioneBollo']));
    const stored = clean(service, answers, { today: TODAY });
    expect(stored).not.toHaveProperty('pagineStimate');
    expect(stored).not.toHaveProperty('consegna');
    expect(stored).not.toHaveProperty('dichiarazioneBollo');
    expect(stored).toMatchObject({ modalita: 'visione', importoTotale: 0 });
  });
});

describe('accesso-agli-atti: invalid submissions', () => {
  it('access to records without a reason', () => {
    const answers = clone(valida) as Record<string, unknown>;
    delete answers.motivazione;
    expect(errorsOf(evalAt(service, answers))).toEqual([['/motivazione', 'error.required']]);
  });

  it('a reason too short to state an interest', () => {
    expect(errorsOf(evalAt(service, { ...clone(valida), motivazione: 'Mi serve' }))).toEqual([['/motivazione', 'error.minLength']]);
  });

  it('a delegate without the delegation, the ID document and the represented person\'s data', () => {
    const answers = clone(valida) as Record<string, unknown>;
    delete answers.delega;
    delete answers.documentoDelegante;
    delete answers.rappresentato;
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([
      ['/delega', 'error.required'],
      ['/documentoDelegante', 'error.required'],
      ['/rappresentato/codiceFiscale', 'error.required'],
      ['/rappresentato/denominazione', 'error.required'],
    ]);
    expect(ev.steps.find((s) => s.id === 'richiedente')).toEqual({ id: 'richiedente', visible: true, complete: false, errorCount: 4 });
  });

  it('a legal representative must declare the power to represent, and needs no delegation', () => {
    const answers = {
      ...clone(valida), qualita: 'legale_rappresentante',
      rappresentato: { denominazione: 'Condominio Le Querce', codiceFiscale: '01234567897' },
    };
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/dichiarazionePoteri', 'error.required']]);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/delega', '/documentoDelegante']));
    expect(errorsOf(evalAt(service, { ...answers, dichiarazionePoteri: true }))).toEqual([]);
    expect(errorsOf(evalAt(service, { ...answers, dichiarazionePoteri: false }))).toEqual([['/dichiarazionePoteri', 'error.const']]);
  });

  it('the represented person cannot be the applicant, nor have an invalid tax code', () => {
    const self = clone(valida);
    self.rappresentato.codiceFiscale = valida.richiedente.codiceFiscale;
    const ev = evalAt(service, self, { locale: 'en' });
    expect(errorsOf(ev)).toEqual([['/rappresentato/codiceFiscale', 'error.rappresentatoUgualeRichiedente']]);
    expect(ev.errors[0]!.message).toMatch(/^The represented person's tax code is your own/);
    const bad = clone(valida);
    bad.rappresentato.codiceFiscale = 'VRDPLA70A01H501X';
    expect(errorsOf(evalAt(service, bad))).toEqual([['/rappresentato/codiceFiscale', 'error.format.codice-fiscale']]);
  });

  it('a certified copy without acknowledging the stamp duty', () => {
    const answers = clone(valida) as Record<string, unknown>;
    delete answers.dichiarazioneBollo;
    expect(errorsOf(evalAt(service, answers))).toEqual([['/dichiarazioneBollo', 'error.required']]);
    expect(errorsOf(evalAt(service, { ...answers, dichiarazioneBollo: false }))).toEqual([['/dichiarazioneBollo', 'error.const']]);
  });

  it('electronic delivery needs a valid address; copies need a page count within limits', () => {
    const answers = clone(foia) as Record<string, unknown>;
    delete answers.indirizzoConsegna;
    expect(errorsOf(evalAt(service, answers))).toEqual([['/indirizzoConsegna', 'error.required']]);
    expect(errorsOf(evalAt(service, { ...answers, indirizzoConsegna: 'giulia.bianchi@' }))).toEqual([['/indirizzoConsegna', 'error.format.email']]);
    expect(errorsOf(evalAt(service, { ...clone(foia), pagineStimate: 0 }))).toEqual([['/pagineStimate', 'error.minimum']]);
    expect(errorsOf(evalAt(service, { ...clone(foia), pagineStimate: 2.5 }))).toEqual([['/pagineStimate', 'error.type']]);
    const noPages = clone(foia) as Record<string, unknown>;
    delete noPages.pagineStimate;
    expect(errorsOf(evalAt(service, noPages))).toEqual([['/pagineStimate', 'error.required']]);
  });

  it('nothing chosen: the always-required answers are reported, the conditional ones are not', () => {
    const ev = evalAt(service, { richiedente: valida.richiedente });
    expect(errorsOf(ev)).toEqual([
      ['/dichiarazioneVeridicita', 'error.required'],
      ['/documenti', 'error.required'],
      ['/modalita', 'error.required'],
      ['/privacy', 'error.required'],
      ['/qualita', 'error.required'],
      ['/tipoAccesso', 'error.required'],
    ]);
    expect(ev.steps.map((s) => [s.id, s.complete, s.errorCount])).toEqual([
      ['richiedente', false, 1], ['richiesta', false, 2], ['modalita', false, 1], ['riepilogo', false, 2],
    ]);
  });

  it('an unknown kind of access, delivery mode or declaration value', () => {
    expect(errorsOf(evalAt(service, { ...clone(valida), tipoAccesso: 'generico' }))).toEqual([['/tipoAccesso', 'error.enum']]);
    expect(errorsOf(evalAt(service, { ...clone(valida), consegna: 'posta' }))).toEqual([['/consegna', 'error.enum']]);
    expect(errorsOf(evalAt(service, { ...clone(valida), privacy: false }))).toEqual([['/privacy', 'error.const']]);
  });

  it('applicant data: invalid CAP, province and phone', () => {
    const answers = clone(valida);
    answers.richiedente.residenza.cap = '2012';
    answers.richiedente.residenza.provincia = 'Milano';
    answers.richiedente.telefono = '899 123456';
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/richiedente/residenza/cap', 'error.format.cap'],
      ['/richiedente/residenza/provincia', 'error.pattern'],
      ['/richiedente/telefono', 'error.format.telefono'],
    ]);
  });
});

describe('accesso-agli-atti: requested records (repeating group)', () => {
  it('the date of each record is checked row by row against today', () => {
    const answers = clone(valida);
    (answers.documenti[1] as Record<string, unknown>).data = '2026-11-26'; // the day after TODAY
    answers.documenti[0]!.data = TODAY; // today is fine
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/documenti/1/data', 'error.dataDocumentoFutura']]);
    // A date bound (notAfter today) with the template's own message, not an error rule.
    expect(ev.errors[0]).toMatchObject({ params: { limit: TODAY }, message: 'La data del documento non può essere successiva a oggi' });
    expect(ev.errors[0]!.rule).toBeUndefined();
    expect(ev.steps.find((s) => s.id === 'richiesta')?.errorCount).toBe(1);
  });

  it('each row needs a description; protocol, date and office are optional', () => {
    const answers = { ...clone(valida), documenti: [{ protocollo: '123' }, { descrizione: 'Atto' }, { descrizione: 'Verbale della commissione edilizia del 12 marzo 2025' }] };
    expect(errorsOf(evalAt(service, answers))).toEqual([
      ['/documenti/0/descrizione', 'error.required'],
      ['/documenti/1/descrizione', 'error.minLength'],
    ]);
  });

  it('at least one record and at most twenty', () => {
    // An empty list is "required" (the engine does not repeat it as minItems).
    expect(errorsOf(evalAt(service, { ...clone(valida), documenti: [] }))).toEqual([['/documenti', 'error.required']]);
    const many = Array.from({ length: 21 }, (_, i) => ({ descrizione: `Determina dirigenziale n. ${i + 1}/2025` }));
    expect(errorsOf(evalAt(service, { ...clone(valida), documenti: many }))).toEqual([['/documenti', 'error.maxItems']]);
  });
});

describe('accesso-agli-atti: visibility', () => {
  it('a FOIA request hides the reason, which is then neither validated nor stored', () => {
    const answers = { ...clone(foia), motivazione: 'x' }; // too short, but hidden
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/motivazione');
    expect(clean(service, answers, { today: TODAY })).not.toHaveProperty('motivazione');
  });

  it('simple civic access hides the counter-interested parties; the other kinds show them', () => {
    const semplice = evalAt(service, { ...clone(foia), tipoAccesso: 'civico_semplice', controinteressati: 'Nessuno' });
    expect(errorsOf(semplice)).toEqual([]);
    expect(semplice.hidden).toContain('/controinteressati');
    expect(evalAt(service, foia).hidden).not.toContain('/controinteressati');
    expect(evalAt(service, valida).hidden).not.toContain('/controinteressati');
  });

  it('a private person: the represented party and the delegation are hidden, not validated and dropped', () => {
    const answers = { ...clone(valida), qualita: 'privato', rappresentato: { denominazione: 'X', codiceFiscale: 'NONVALIDO' }, delega: '' };
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden.sort()).toEqual(['/delega', '/dichiarazionePoteri', '/documentoDelegante', '/indirizzoConsegna', '/rappresentato']);
    const stored = clean(service, answers, { today: TODAY });
    expect(stored).not.toHaveProperty('rappresentato');
    expect(stored).not.toHaveProperty('delega');
    expect(stored).not.toHaveProperty('documentoDelegante');
  });

  it('the delivery address shows only for e-mail or PEC delivery of copies', () => {
    expect(evalAt(service, { ...clone(foia), consegna: 'pec' }).hidden).not.toContain('/indirizzoConsegna');
    expect(evalAt(service, { ...clone(foia), consegna: 'ritiro' }).hidden).toContain('/indirizzoConsegna');
    expect(evalAt(service, { ...clone(foia), modalita: 'visione' }).hidden).toContain('/indirizzoConsegna');
  });
});

describe('accesso-agli-atti: prefill and storage', () => {
  const registry = {
    identity: { fiscalCode: 'BNCGLI88C50F205T', givenName: 'Giulia', familyName: 'Bianchi', email: 'giulia.bianchi@example.it' },
    anpr: {
      resident: {
        birthDate: '1988-03-10', birthPlace: 'Milano',
        address: { street: 'Via Garibaldi 12', cap: '20121', comune: 'Milano', provincia: 'MI' },
      },
    },
  };

  it('fills the applicant from the identity and ANPR, locking who they are', () => {
    const result = applyPrefill(service, registry, {});
    expect(result.answers).toEqual({
      richiedente: {
        codiceFiscale: 'BNCGLI88C50F205T', nome: 'Giulia', cognome: 'Bianchi', dataNascita: '1988-03-10', luogoNascita: 'Milano',
        residenza: { street: 'Via Garibaldi 12', cap: '20121', comune: 'Milano', provincia: 'MI' },
        email: 'giulia.bianchi@example.it',
      },
      indirizzoConsegna: 'giulia.bianchi@example.it',
    });
    expect(result.locked).toEqual(['/richiedente/codiceFiscale', '/richiedente/nome', '/richiedente/cognome']);
    expect(result.filled).toHaveLength(8);
  });

  it('keeps what the citizen changed where editable, but not the locked identity', () => {
    const mine = { richiedente: { codiceFiscale: 'RSSMRA85T10A562S', email: 'giulia@pec.example.it' } };
    const result = applyPrefill(service, registry, mine);
    expect((result.answers.richiedente as Record<string, unknown>).codiceFiscale).toBe('BNCGLI88C50F205T');
    expect((result.answers.richiedente as Record<string, unknown>).email).toBe('giulia@pec.example.it');
  });

  it('clean keeps the valid submission with its computed amounts and is idempotent', () => {
    const stored = clean(service, valida, { today: TODAY });
    expect(stored).toEqual({ ...valida, costoRiproduzione: 0.9, impostaBollo: 48, importoTotale: 48.9 });
    expect(clean(service, stored, { today: TODAY })).toEqual(stored);
    const storedFoia = clean(service, { ...foia, campoIgnoto: 1 }, { today: TODAY });
    expect(storedFoia).not.toHaveProperty('campoIgnoto');
    expect(clean(service, storedFoia, { today: TODAY })).toEqual(storedFoia);
    expect(evalAt(service, stored).valid).toBe(true);
  });
});
