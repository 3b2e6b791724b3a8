import { describe, it, expect } from 'vitest';
import { applyPrefill, clean, compile, type ServiceDefinition } from '../../src/index.js';
import { compileOrThrow, errorsOf, evalAt, loadTemplate } from '../helpers.js';

/**
 * Iscrizione al servizio di mensa scolastica. TODAY (test/helpers.ts) is 2026-11-25.
 * Fee: per child by ISEE minorenni band (<= 5000: 0; <= 10000: 180; <= 20000: 320; above, or no
 * reduction asked: 450 euro), sibling discount in the order the children are listed (2nd -20%,
 * 3rd and further -40%), in euro rounded to the cent; fees.amount is the total in cents.
 */
const definition = loadTemplate('iscrizione-mensa-scolastica') as ServiceDefinition;
const service = compileOrThrow(definition);

type Answers = Record<string, any>;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// Children with valid codici fiscali (Belfiore L219 = Torino), ages on 2026-11-25 in comments.
const LUCIA = {
  codiceFiscale: 'BNCLCU19B45L219O', nome: 'Lucia', cognome: 'Bianchi', dataNascita: '2019-02-05', // 7 years
  scuola: 'primaria-deamicis', classe: 2, sezione: 'B', giorniRientro: ['lun', 'mer', 'ven'],
  dietaSpeciale: true, motivoDieta: 'medico', certificatoMedico: 'allegato-certificato-lucia.pdf',
  noteDieta: 'Allergia alle proteine del latte vaccino: ammesse tracce',
};
const MATTIA = {
  codiceFiscale: 'BNCMTT22H10L219X', nome: 'Mattia', cognome: 'Bianchi', dataNascita: '2022-06-10', // 4 years
  scuola: 'infanzia-rodari', sezione: 'A', dietaSpeciale: false,
};
const GIULIA = {
  codiceFiscale: 'BNCGLI14E52L219T', nome: 'Giulia', cognome: 'Bianchi', dataNascita: '2014-05-12', // 12 years
  scuola: 'secondaria-fermi', classe: 1, sezione: 'C', giorniRientro: ['mar', 'gio'],
  dietaSpeciale: true, motivoDieta: 'religioso', tipoDieta: 'senza_maiale',
};
const SOFIA = {
  codiceFiscale: 'BNCSFO17M60L219D', nome: 'Sofia', cognome: 'Bianchi', dataNascita: '2017-08-20', // 9 years
  scuola: 'primaria-montessori', classe: 4, sezione: 'A', giorniRientro: ['lun', 'mar', 'mer', 'gio', 'ven'],
  dietaSpeciale: false,
};

/** The worked submission: three children, ISEE minorenni 15,000 euro, SEPA direct debit in three instalments. */
const VALID: Answers = {
  richiedente: {
    codiceFiscale: 'BNCMRA82C15L219M', nome: 'Mario', cognome: 'Bianchi', qualita: 'genitore',
    residenza: { street: 'Via Roma 12', cap: '10121', comune: 'Torino', provincia: 'TO' },
    telefono: '347 1234567', email: 'mario.bianchi@example.it',
  },
  figli: [LUCIA, MATTIA, GIULIA],
  richiedeRiduzione: true,
  isee: 15000,
  iseeProtocolloDsu: 'INPS-ISEE-2026-12345678A-00',
  iseeScadenza: '2026-12-31',
  modalitaPagamento: 'sdd',
  rateizzazione: 'tre_rate',
  iban: 'IT72G0306909606100000063012',
  intestatarioConto: 'Mario Bianchi',
  codiceFiscaleIntestatario: 'BNCMRA82C15L219M',
  dichiarazioni: { veridicita: true, regolamento: true, comunicazioneVariazioni: true, privacy: true },
  note: 'Lucia e Giulia escono alle 16:30 con il prescuola del fratello.',
};

/** VALID with the given children and ISEE choice; payment by pagoPA notice in one go. */
function withChildren(children: Answers[], isee: number | null): Answers {
  const answers: Answers = { ...copy(VALID), figli: copy(children), modalitaPagamento: 'pagopa_avviso', rateizzazione: 'unica' };
  delete answers.iban; delete answers.intestatarioConto; delete answers.codiceFiscaleIntestatario;
  if (isee === null) {
    answers.richiedeRiduzione = false;
    delete answers.isee; delete answers.iseeProtocolloDsu; delete answers.iseeScadenza;
  } else {
    answers.isee = isee;
  }
  return answers;
}

describe('iscrizione-mensa-scolastica: definition', () => {
  it('compiles with no problems and no warnings', () => {
    const result = compile(definition);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('translates every key into Italian and English', () => {
    const it_ = Object.keys(definition.translations.it!).sort();
    const en = Object.keys(definition.translations.en!).sort();
    expect(en).toEqual(it_);
  });

  it('requests the pagoPA payment when the application is accepted, and ends in accolta or respinta', () => {
    const wf = definition.workflow!;
    expect(wf.initial).toBe('presentata');
    const accogli = wf.transitions.find((t) => t.id === 'accogli')!;
    expect(accogli.to).toBe('accolta');
    expect(accogli.actions!.map((a) => a.type)).toEqual(['protocol', 'payment', 'email', 'appio']);
    expect(wf.states.filter((s) => s.final).map((s) => s.id)).toEqual(['accolta', 'respinta']);
    expect(wf.states.find((s) => s.id === 'in_istruttoria')!.slaDays).toBe(30);
    const protocolIn = wf.transitions.find((t) => t.id === 'avvia_istruttoria')!.actions![0];
    expect(protocolIn).toEqual({ type: 'protocol', direction: 'in', subject: 'message.protocolloDomanda.subject' });
  });
});

describe('iscrizione-mensa-scolastica: the worked submission', () => {
  const ev = evalAt(service, VALID);

  it('is valid, with every step visible and complete', () => {
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.steps.map((s) => [s.id, s.visible, s.complete])).toEqual([
      ['richiedente', true, true],
      ['figli', true, true],
      ['agevolazioni', true, true],
      ['pagamento', true, true],
      ['dichiarazioni', true, true],
    ]);
  });

  it('works out the fee: ISEE 15,000 -> 320 euro band; 320 + 320 x 0.8 + 320 x 0.6 = 320 + 256 + 192 = 768 euro = 76,800 cents', () => {
    expect(ev.computed).toEqual({
      '/figli/0/ordineScuola': 'primaria',
      '/figli/1/ordineScuola': 'infanzia',
      '/figli/2/ordineScuola': 'secondaria',
      '/tariffaBase': 320,
      '/figli/0/quotaAnnua': 320,
      '/figli/1/quotaAnnua': 256,
      '/figli/2/quotaAnnua': 192,
      '/importoTotale': 768,
    });
    expect(ev.fee).toEqual({ amountCents: 76800, causale: "Mensa scolastica - quota annua anticipata", causaleKey: 'fee.causale', dueDays: 30 });
  });

  it('hides what does not apply to each child', () => {
    expect([...ev.hidden].sort()).toEqual([
      '/figli/0/tipoDieta', // medical diet: the certificate, not an alternative menu
      '/figli/1/certificatoMedico', // Mattia: no special diet
      '/figli/1/classe', // nursery school has sections, not classes
      '/figli/1/giorniRientro', // nursery school eats every day
      '/figli/1/motivoDieta',
      '/figli/1/noteDieta',
      '/figli/1/tipoDieta',
      '/figli/2/certificatoMedico', // religious diet: no certificate
    ]);
  });

  it('requires per row what each row needs', () => {
    const rowRequired = ev.required.filter((p) => /^\/figli\/\d\/(classe|giorniRientro|motivoDieta|tipoDieta|certificatoMedico)$/.test(p)).sort();
    expect(rowRequired).toEqual([
      '/figli/0/certificatoMedico', '/figli/0/classe', '/figli/0/giorniRientro', '/figli/0/motivoDieta',
      '/figli/2/classe', '/figli/2/giorniRientro', '/figli/2/motivoDieta', '/figli/2/tipoDieta',
    ]);
  });

  it('clean keeps the answers and computed values, drops nothing visible, and is idempotent', () => {
    const once = clean(service, VALID, { today: '2026-11-25' });
    expect(once.figli).toHaveLength(3);
    expect((once.figli as Answers[])[1]).toEqual({ ...MATTIA, ordineScuola: 'infanzia', quotaAnnua: 256 });
    expect(once.importoTotale).toBe(768);
    expect(once.iban).toBe(VALID.iban);
    expect(clean(service, once, { today: '2026-11-25' })).toEqual(once);
    const again = evalAt(service, once);
    expect(again.valid).toBe(true);
    expect(again.fee?.amountCents).toBe(76800);
  });

  it('localizes the designer\'s messages in English', () => {
    const bad = copy(VALID);
    bad.figli[2].classe = 5;
    const en = evalAt(service, bad, { locale: 'en' });
    expect(en.errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/figli/2/classe', 'Lower secondary school only has the first to the third year'],
    ]);
  });
});

describe('iscrizione-mensa-scolastica: fee by ISEE band and sibling discount', () => {
  // [case, children, ISEE (null = no reduction asked), per-child euro, total cents]
  const cases: Array<[string, Answers[], number | null, number[], number]> = [
    ['1 child, ISEE 4,000: exempt', [LUCIA], 4000, [0], 0],
    ['1 child, ISEE 5,000 (band edge): exempt', [LUCIA], 5000, [0], 0],
    ['1 child, ISEE 8,500: 180', [LUCIA], 8500, [180], 18000],
    ['1 child, ISEE 10,000 (band edge): 180', [LUCIA], 10000, [180], 18000],
    ['1 child, ISEE 10,000.01: 320', [LUCIA], 10000.01, [320], 32000],
    ['1 child, ISEE 0: exempt', [LUCIA], 0, [0], 0],
    ['1 child, no reduction asked: 450', [LUCIA], null, [450], 45000],
    // 180 + 180 x 0.8 = 180 + 144 = 324
    ['2 children, ISEE 8,500: 180 + 144', [LUCIA, MATTIA], 8500, [180, 144], 32400],
    // 320 + 320 x 0.8 = 320 + 256 = 576
    ['2 children, ISEE 20,000 (band edge): 320 + 256', [LUCIA, MATTIA], 20000, [320, 256], 57600],
    // 450 + 450 x 0.8 = 450 + 360 = 810
    ['2 children, ISEE 20,000.01: 450 + 360', [LUCIA, MATTIA], 20000.01, [450, 360], 81000],
    ['2 children, no reduction asked: 450 + 360', [MATTIA, LUCIA], null, [450, 360], 81000],
    ['3 children, ISEE 4,999.99: all exempt', [LUCIA, MATTIA, GIULIA], 4999.99, [0, 0, 0], 0],
    // 180 + 144 + 180 x 0.6 = 180 + 144 + 108 = 432
    ['3 children, ISEE 9,200: 180 + 144 + 108', [LUCIA, MATTIA, GIULIA], 9200, [180, 144, 108], 43200],
    // 320 + 256 + 320 x 0.6 = 320 + 256 + 192 = 768
    ['3 children, ISEE 12,000: 320 + 256 + 192', [GIULIA, LUCIA, MATTIA], 12000, [320, 256, 192], 76800],
    // 450 + 360 + 450 x 0.6 = 450 + 360 + 270 = 1,080
    ['3 children, ISEE 31,000: 450 + 360 + 270', [LUCIA, MATTIA, GIULIA], 31000, [450, 360, 270], 108000],
    ['3 children, no reduction asked: 450 + 360 + 270', [LUCIA, MATTIA, GIULIA], null, [450, 360, 270], 108000],
    // the fourth child is also -40%: 320 + 256 + 192 + 192 = 960
    ['4 children, ISEE 15,000: 320 + 256 + 192 + 192', [LUCIA, MATTIA, GIULIA, SOFIA], 15000, [320, 256, 192, 192], 96000],
  ];

  it.each(cases)('%s', (_name, children, isee, quotas, cents) => {
    const ev = evalAt(service, withChildren(children, isee));
    expect(errorsOf(ev)).toEqual([]);
    expect(quotas.map((_, i) => ev.computed[`/figli/${i}/quotaAnnua`])).toEqual(quotas);
    expect(ev.computed['/importoTotale']).toBe(cents / 100);
    expect(ev.fee?.amountCents).toBe(cents);
  });

  it('applies the discount by position: removing the first child moves the full fee to the next one', () => {
    const three = evalAt(service, withChildren([LUCIA, MATTIA, GIULIA], 9200));
    const two = evalAt(service, withChildren([MATTIA, GIULIA], 9200));
    expect(three.computed['/figli/1/quotaAnnua']).toBe(144);
    expect(two.computed['/figli/0/quotaAnnua']).toBe(180); // Mattia is now the first child
    expect(two.computed['/figli/1/quotaAnnua']).toBe(144);
    expect(two.fee?.amountCents).toBe(32400);
  });

  it('ignores an ISEE left in the answers when the reduction is not asked', () => {
    const answers = withChildren([LUCIA, MATTIA], null);
    answers.isee = 3000; // typed, then the citizen answered "no"
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/isee');
    expect(ev.fee?.amountCents).toBe(81000); // 450 + 360
    expect(clean(service, answers, { today: '2026-11-25' })).not.toHaveProperty('isee');
  });
});

describe('iscrizione-mensa-scolastica: invalid submissions', () => {
  const invalid: Array<[string, (a: Answers) => void, Array<[string, string]>]> = [
    ['medical diet without a certificate', (a) => { delete a.figli[0].certificatoMedico; }, [['/figli/0/certificatoMedico', 'error.required']]],
    ['special diet without a reason', (a) => { delete a.figli[0].motivoDieta; delete a.figli[0].certificatoMedico; }, [['/figli/0/motivoDieta', 'error.required']]],
    ['religious diet without the alternative menu', (a) => { delete a.figli[2].tipoDieta; }, [['/figli/2/tipoDieta', 'error.required']]],
    ['primary pupil without class and afternoon days', (a) => { delete a.figli[0].classe; a.figli[0].giorniRientro = []; }, [
      ['/figli/0/classe', 'error.required'],
      ['/figli/0/giorniRientro', 'error.required'],
    ]],
    ['fourth year of lower secondary school', (a) => { a.figli[2].classe = 4; }, [['/figli/2/classe', 'error.classeSecondaria']]],
    ['sixth year of primary school', (a) => { a.figli[0].classe = 6; }, [['/figli/0/classe', 'error.maximum']]],
    ['a four-year-old in primary school', (a) => { a.figli[1].scuola = 'primaria-montessori'; a.figli[1].classe = 1; a.figli[1].giorniRientro = ['lun']; }, [
      ['/figli/1/dataNascita', 'error.etaNonCompatibile'],
    ]],
    ['a twelve-year-old in nursery school', (a) => { a.figli[2].scuola = 'infanzia-munari'; }, [['/figli/2/dataNascita', 'error.etaNonCompatibile']]],
    ['a child born in the future', (a) => { a.figli[1].dataNascita = '2027-01-10'; }, [['/figli/1/dataNascita', 'error.etaNonCompatibile']]],
    ['the same child listed twice', (a) => { a.figli[2] = { ...LUCIA, classe: 3 }; }, [
      ['/figli/0/codiceFiscale', 'error.figlioRipetuto'],
      ['/figli/2/codiceFiscale', 'error.figlioRipetuto'],
    ]],
    ['the parent listed as a child', (a) => { a.figli[1].codiceFiscale = 'BNCMRA82C15L219M'; }, [['/figli/1/codiceFiscale', 'error.figlioUgualeRichiedente']]],
    ['a wrong codice fiscale check letter', (a) => { a.figli[1].codiceFiscale = 'BNCMTT22H10L219Y'; }, [['/figli/1/codiceFiscale', 'error.format.codice-fiscale']]],
    ['a lowercase section', (a) => { a.figli[1].sezione = 'a'; }, [['/figli/1/sezione', 'error.pattern']]],
    // an empty group is unanswered: one error.required, not also minItems
    ['no children', (a) => { a.figli = []; a.rateizzazione = 'unica'; a.modalitaPagamento = 'pagopa_online'; }, [['/figli', 'error.required']]],
    // more rows than the group allows: refused before any rule runs (row limits, schemas/README.md)
    ['more than eight children', (a) => { a.figli = Array.from({ length: 9 }, () => ({ ...SOFIA })); }, [['/figli', 'error.maxItems']]],
    ['reduction asked without ISEE data', (a) => { delete a.isee; delete a.iseeProtocolloDsu; delete a.iseeScadenza; }, [
      ['/isee', 'error.required'],
      ['/iseeProtocolloDsu', 'error.required'],
      ['/iseeScadenza', 'error.required'],
    ]],
    ['an expired ISEE', (a) => { a.iseeScadenza = '2026-11-24'; }, [['/iseeScadenza', 'error.iseeScaduto']]],
    ['a malformed DSU protocol and a negative ISEE', (a) => { a.iseeProtocolloDsu = 'INPS-ISEE-2026-123'; a.isee = -1; }, [
      ['/isee', 'error.minimum'],
      ['/iseeProtocolloDsu', 'error.pattern'],
    ]],
    ['direct debit without account details', (a) => { delete a.iban; delete a.intestatarioConto; delete a.codiceFiscaleIntestatario; }, [
      ['/codiceFiscaleIntestatario', 'error.required'],
      ['/iban', 'error.required'],
      ['/intestatarioConto', 'error.required'],
    ]],
    ['a wrong IBAN check', (a) => { a.iban = 'IT73G0306909606100000063012'; }, [['/iban', 'error.format.iban']]],
    ['no instalment choice above 300 euro', (a) => { delete a.rateizzazione; }, [['/rateizzazione', 'error.required']]],
    ['declarations not accepted', (a) => { a.dichiarazioni.veridicita = false; delete a.dichiarazioni.privacy; }, [
      ['/dichiarazioni/privacy', 'error.required'],
      ['/dichiarazioni/veridicita', 'error.const'],
    ]],
    ['parent contacts missing or malformed', (a) => { a.richiedente.telefono = '892 123456'; a.richiedente.email = 'mario.bianchi'; delete a.richiedente.qualita; }, [
      ['/richiedente/email', 'error.format.email'],
      ['/richiedente/qualita', 'error.required'],
      ['/richiedente/telefono', 'error.format.telefono'],
    ]],
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
      const stored = clean(service, answers, { today: '2026-11-25' });
      expect(errorsOf(evalAt(service, stored))).toEqual(errorsOf(evalAt(service, answers)));
      expect(evalAt(service, stored).fee).toEqual(evalAt(service, answers).fee);
    }
  });

  it('counts errors in the step where they are', () => {
    const answers = copy(VALID);
    delete answers.figli[0].certificatoMedico;
    answers.iseeScadenza = '2026-01-31';
    const ev = evalAt(service, answers);
    expect(ev.steps.map((s) => [s.id, s.complete, s.errorCount])).toEqual([
      ['richiedente', true, 0],
      ['figli', false, 1],
      ['agevolazioni', false, 1],
      ['pagamento', true, 0],
      ['dichiarazioni', true, 0],
    ]);
  });
});

describe('iscrizione-mensa-scolastica: visibility', () => {
  it('without the reduction, hides the ISEE fields, does not validate them and clean drops them', () => {
    const answers = copy(VALID);
    answers.richiedeRiduzione = false;
    answers.isee = -50; // would be error.minimum if visible
    answers.iseeProtocolloDsu = 'non lo so';
    answers.iseeScadenza = '2020-01-01'; // would be error.iseeScaduto if visible
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/isee', '/iseeProtocolloDsu', '/iseeScadenza']));
    expect(ev.required).not.toContain('/isee');
    // full tariff: 450 + 360 + 270 = 1,080 euro
    expect(ev.fee?.amountCents).toBe(108000);
    const cleaned = clean(service, answers, { today: '2026-11-25' });
    expect(cleaned).not.toHaveProperty('isee');
    expect(cleaned).not.toHaveProperty('iseeProtocolloDsu');
    expect(cleaned).not.toHaveProperty('iseeScadenza');
    expect(cleaned.tariffaBase).toBe(450);
  });

  it('hides the payment step when the children are exempt (ISEE up to 5,000 euro)', () => {
    const answers = copy(VALID);
    answers.isee = 4200;
    delete answers.modalitaPagamento; // would be required if the step were visible
    answers.iban = 'IT00X0000000000000000000000'; // would be error.format.iban if visible
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.steps.find((s) => s.id === 'pagamento')).toEqual({ id: 'pagamento', visible: false, complete: false, errorCount: 0 });
    expect(ev.hidden).toEqual(expect.arrayContaining(['/modalitaPagamento', '/rateizzazione', '/iban', '/intestatarioConto', '/codiceFiscaleIntestatario']));
    expect(ev.fee?.amountCents).toBe(0);
    const cleaned = clean(service, answers, { today: '2026-11-25' });
    for (const gone of ['modalitaPagamento', 'rateizzazione', 'iban', 'intestatarioConto', 'codiceFiscaleIntestatario']) {
      expect(cleaned).not.toHaveProperty(gone);
    }
    expect(cleaned.importoTotale).toBe(0);
  });

  it('offers instalments only above 300 euro', () => {
    const one = withChildren([LUCIA], 8500); // 180 euro
    delete one.rateizzazione;
    const ev = evalAt(service, one);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toContain('/rateizzazione');
    const two = withChildren([LUCIA, MATTIA], 8500); // 324 euro
    delete two.rateizzazione;
    expect(errorsOf(evalAt(service, two))).toEqual([['/rateizzazione', 'error.required']]);
  });

  it('asks for IBAN and account holder only for direct debit', () => {
    const answers = copy(VALID);
    answers.modalitaPagamento = 'pagopa_online';
    answers.iban = 'not an iban';
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/iban', '/intestatarioConto', '/codiceFiscaleIntestatario']));
    const cleaned = clean(service, answers, { today: '2026-11-25' });
    expect(cleaned).not.toHaveProperty('iban');
    expect(cleaned).not.toHaveProperty('intestatarioConto');
  });

  it('drops a diet reason and certificate left over after answering no to the special diet', () => {
    const answers = copy(VALID);
    answers.figli[0].dietaSpeciale = false; // motivoDieta 'medico' and the certificate stay in the answers
    answers.figli[0].tipoDieta = 'nessuna'; // not an allowed value, but hidden
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.hidden).toEqual(expect.arrayContaining(['/figli/0/motivoDieta', '/figli/0/tipoDieta', '/figli/0/certificatoMedico', '/figli/0/noteDieta']));
    const row = (clean(service, answers, { today: '2026-11-25' }).figli as Answers[])[0]!;
    expect(Object.keys(row).sort()).toEqual([
      'classe', 'codiceFiscale', 'cognome', 'dataNascita', 'dietaSpeciale', 'giorniRientro', 'nome', 'ordineScuola', 'quotaAnnua', 'scuola', 'sezione',
    ]);
  });

  it('switching a row from medical to religious diet hides the certificate and asks for the menu', () => {
    const answers = copy(VALID);
    answers.figli[0].motivoDieta = 'etico';
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([['/figli/0/tipoDieta', 'error.required']]);
    expect(ev.hidden).toContain('/figli/0/certificatoMedico');
    expect(ev.required).not.toContain('/figli/0/certificatoMedico');
  });

  it('moving a child to nursery school hides class and afternoon days in that row only', () => {
    const answers = copy(VALID);
    answers.figli[0] = { ...answers.figli[0], scuola: 'infanzia-munari', dataNascita: '2021-03-03', codiceFiscale: 'BNCLCU21C43L219G' };
    const ev = evalAt(service, answers);
    expect(ev.computed['/figli/0/ordineScuola']).toBe('infanzia');
    expect(ev.hidden).toEqual(expect.arrayContaining(['/figli/0/classe', '/figli/0/giorniRientro']));
    expect(ev.hidden).not.toContain('/figli/2/classe');
  });
});

describe('iscrizione-mensa-scolastica: prefill', () => {
  const registry = {
    identity: { fiscalCode: 'BNCMRA82C15L219M', givenName: 'Mario', familyName: 'Bianchi', email: 'mario.bianchi@example.it' },
    anpr: { resident: { address: { street: 'Via Roma 12', cap: '10121', comune: 'Torino', provincia: 'TO' } } },
    inps: {
      isee: [
        { kind: 'ordinario', valueCents: 2_150_000, dsuProtocol: 'INPS-ISEE-2026-00000001A-00', validUntil: '2026-12-31' },
        { kind: 'minorenni', valueCents: 1_234_567, dsuProtocol: 'INPS-ISEE-2026-12345678A-00', validUntil: '2026-12-31' },
      ],
    },
  };

  it('fills the parent from identity and ANPR and the ISEE for minors from INPS, locking the identity', () => {
    const result = applyPrefill(service, registry);
    expect(result.answers).toEqual({
      richiedente: {
        codiceFiscale: 'BNCMRA82C15L219M', nome: 'Mario', cognome: 'Bianchi', email: 'mario.bianchi@example.it',
        residenza: { street: 'Via Roma 12', cap: '10121', comune: 'Torino', provincia: 'TO' },
      },
      isee: 12345.67, // the minorenni attestation, in euro; not the ordinario one
      iseeProtocolloDsu: 'INPS-ISEE-2026-12345678A-00',
      iseeScadenza: '2026-12-31',
    });
    expect(result.locked).toEqual(['/richiedente/codiceFiscale', '/richiedente/nome', '/richiedente/cognome']);
    expect(result.filled.sort()).toEqual([
      '/iseeProtocolloDsu', '/iseeScadenza', '/isee', '/richiedente/codiceFiscale', '/richiedente/cognome',
      '/richiedente/email', '/richiedente/nome', '/richiedente/residenza',
    ].sort());
  });

  it('keeps what the citizen typed in editable fields but re-applies the locked ones', () => {
    const typed = { richiedente: { codiceFiscale: 'RSSMRA85T10A562S', email: 'altro@example.it' }, isee: 9000 };
    const { answers } = applyPrefill(service, registry, typed);
    expect(answers.richiedente).toMatchObject({ codiceFiscale: 'BNCMRA82C15L219M', email: 'altro@example.it' });
    expect(answers.isee).toBe(9000);
  });

  it('leaves the ISEE empty when INPS has no attestation for minors', () => {
    const { answers } = applyPrefill(service, { ...registry, inps: { isee: [registry.inps.isee[0]!] } });
    expect(answers).not.toHaveProperty('isee');
    expect(answers).not.toHaveProperty('iseeProtocolloDsu');
  });

  it('a prefilled application plus the citizen\'s answers evaluates to the worked fee', () => {
    const { answers } = applyPrefill(service, registry, {});
    const full = { ...copy(VALID), ...answers, richiedente: { ...VALID.richiedente, ...(answers.richiedente as Answers) } };
    const ev = evalAt(service, full);
    expect(errorsOf(ev)).toEqual([]);
    // ISEE 12,345.67 -> 320 band; 320 + 256 + 192 = 768 euro
    expect(ev.fee?.amountCents).toBe(76800);
  });
});
