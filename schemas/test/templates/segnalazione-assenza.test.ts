import { describe, expect, it } from 'vitest';
import { applyPrefill, clean, compile } from '../../src/index.js';
import { compileOrThrow, errorsOf, evalAt, loadTemplate, TODAY } from '../helpers.js';

const definition = loadTemplate('segnalazione-assenza');
const service = compileOrThrow(definition);

/** A parent reports that their son will not use the canteen today (TODAY is 2026-11-25). */
const valida = { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: TODAY, servizio: 'mensa' };

describe('segnalazione-assenza: definition', () => {
  it('compiles with no problems and no warnings', () => {
    const result = compile(definition);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('is a three-field, one-step form with no fee and no prefill', () => {
    expect([...service.fields.keys()]).toEqual(['codiceFiscaleAlunno', 'dataAssenza', 'servizio']);
    expect(service.definition.ui.steps.map((s) => s.id)).toEqual(['segnalazione']);
    expect(service.definition.fees).toBeUndefined();
    expect(service.definition.prefill).toBeUndefined();
    expect(evalAt(service, valida).fee).toBeNull();
  });

  it('is receipt only: presentata -> registrata (final), sending the citizen an e-mail receipt', () => {
    expect(service.definition.workflow).toEqual({
      initial: 'presentata',
      states: [
        { id: 'presentata', label: 'workflow.state.presentata', slaDays: 1 },
        { id: 'registrata', label: 'workflow.state.registrata', final: true },
      ],
      transitions: [{
        id: 'registrazione', from: 'presentata', to: 'registrata', label: 'workflow.transition.registrazione', roles: ['system', 'operator'],
        actions: [{ type: 'email', to: 'citizen', subject: 'message.ricevuta.subject', body: 'message.ricevuta.body' }],
      }],
    });
  });
});

describe('segnalazione-assenza: valid submissions', () => {
  it.each([
    ['today, canteen', valida],
    ['tomorrow, school bus', { ...valida, dataAssenza: '2026-11-26', servizio: 'trasporto' }],
    ['next month, both services', { ...valida, dataAssenza: '2026-12-15', servizio: 'entrambi' }],
  ])('%s', (_name, answers) => {
    const ev = evalAt(service, answers);
    expect(errorsOf(ev)).toEqual([]);
    expect(ev.valid).toBe(true);
    expect(ev.steps).toEqual([{ id: 'segnalazione', visible: true, complete: true, errorCount: 0 }]);
    expect(ev.required).toEqual(['/codiceFiscaleAlunno', '/dataAssenza', '/servizio']);
    expect(ev.hidden).toEqual([]);
    expect(ev.computed).toEqual({});
  });
});

describe('segnalazione-assenza: invalid submissions', () => {
  it('an absence on a day already passed', () => {
    const ev = evalAt(service, { ...valida, dataAssenza: '2026-11-24' });
    expect(errorsOf(ev)).toEqual([['/dataAssenza', 'error.dataAssenzaPassata']]);
    // A date bound (notBefore today) with the template's own message, not an error rule.
    expect(ev.errors[0]).toMatchObject({ params: { limit: TODAY }, message: 'Non è possibile segnalare un\'assenza in un giorno già trascorso' });
    expect(ev.errors[0]!.rule).toBeUndefined();
    expect(ev.steps[0]).toEqual({ id: 'segnalazione', visible: true, complete: false, errorCount: 1 });
    const en = evalAt(service, { ...valida, dataAssenza: '2026-01-07' }, { locale: 'en' });
    expect(en.errors[0]!.message).toBe('An absence cannot be reported for a day that has already passed');
  });

  it('the same date is valid or late depending on the reference day', () => {
    expect(errorsOf(evalAt(service, valida, { today: '2026-11-26' }))).toEqual([['/dataAssenza', 'error.dataAssenzaPassata']]);
    expect(errorsOf(evalAt(service, valida, { today: '2026-11-25' }))).toEqual([]);
  });

  it('nothing filled in', () => {
    const ev = evalAt(service, {});
    expect(errorsOf(ev)).toEqual([
      ['/codiceFiscaleAlunno', 'error.required'],
      ['/dataAssenza', 'error.required'],
      ['/servizio', 'error.required'],
    ]);
    expect(ev.steps[0]).toMatchObject({ complete: false, errorCount: 3 });
  });

  it('cleared inputs (null) count as not answered', () => {
    expect(errorsOf(evalAt(service, { codiceFiscaleAlunno: null, dataAssenza: null, servizio: null }))).toEqual([
      ['/codiceFiscaleAlunno', 'error.required'],
      ['/dataAssenza', 'error.required'],
      ['/servizio', 'error.required'],
    ]);
  });

  it('a wrong tax code, a malformed date and an unknown service', () => {
    const ev = evalAt(service, { codiceFiscaleAlunno: 'RSSLCU16A01F205X', dataAssenza: '25/11/2026', servizio: 'pranzo' });
    expect(errorsOf(ev)).toEqual([
      ['/codiceFiscaleAlunno', 'error.format.codice-fiscale'],
      ['/dataAssenza', 'error.format.date'],
      ['/servizio', 'error.enum'],
    ]);
  });

  it('a company tax code (11 digits) passes the format but a pupil has a 16-character code', () => {
    expect(errorsOf(evalAt(service, { ...valida, codiceFiscaleAlunno: '01234567897' }))).toEqual([['/codiceFiscaleAlunno', 'error.minLength']]);
  });
});

describe('segnalazione-assenza: prefill and storage', () => {
  it('prefills nothing and locks nothing', () => {
    const result = applyPrefill(service, { identity: { fiscalCode: 'BNCGLI88C50F205T', givenName: 'Giulia', familyName: 'Bianchi' } }, {});
    expect(result).toEqual({ answers: {}, locked: [], filled: [] });
  });

  it('clean keeps the three answers, drops anything else, and is idempotent', () => {
    const stored = clean(service, { ...valida, note: 'febbre', extra: null }, { today: TODAY });
    expect(stored).toEqual(valida);
    expect(clean(service, stored, { today: TODAY })).toEqual(stored);
  });
});
