import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { compile, evaluate, explainProblem } from '../src/index.js';
import { customDirectMethods } from '../src/logic/operators.js';
import { shiftPacked } from '../src/evaluate/date-bounds.js';
import { formatPacked, packIsoDate } from '../src/formats/iso-date.js';
import { validationPath } from '../src/evaluate/fused-validator.js';
import { compileOrThrow, errorsOf } from './helpers.js';

/** A booking: a birth date (adult, not over 120), a start within 30 days, an end after the start, nights per row. */
function booking(extra: Record<string, unknown> = {}): any {
  return {
    id: 'prenotazione', version: '1.0.0', defaultLanguage: 'it', title: 'service.title',
    data: {
      type: 'object',
      properties: {
        nascita: { type: 'string', format: 'date', dateBounds: { notBefore: 'today-120y', notAfter: { date: 'today-18y', message: 'error.maggiorenne' } } },
        inizio: { type: 'string', format: 'date', dateBounds: { notBefore: 'today', notAfter: 'today+30d' } },
        fine: { type: 'string', format: 'date', dateBounds: { notBefore: { field: 'inizio', offset: '+1d' }, notAfter: '2027-12-31' } },
        conFine: { type: 'boolean' },
        tappe: { type: 'array', maxItems: 5, items: { type: 'object', properties: {
          arrivo: { type: 'string', format: 'date', dateBounds: { notBefore: { field: 'inizio' } } },
          partenza: { type: 'string', format: 'date', dateBounds: { notBefore: { field: 'tappe[].arrivo' }, notAfter: { field: 'fine' } } },
        } } },
      },
      ...extra,
    },
    ui: {
      steps: [{ id: 'dati', title: 'step.dati', fields: ['nascita', 'inizio', 'conFine', 'fine', 'tappe'] }],
      fields: {
        nascita: { widget: 'date', label: 'field.nascita' }, inizio: { widget: 'date', label: 'field.inizio' },
        fine: { widget: 'date', label: 'field.fine' }, conFine: { widget: 'yesno', label: 'field.conFine' },
        tappe: { widget: 'group', label: 'field.tappe' },
        'tappe[].arrivo': { widget: 'date', label: 'field.arrivo' }, 'tappe[].partenza': { widget: 'date', label: 'field.partenza' },
      },
    },
    rules: [{ id: 'fineSeRichiesta', type: 'show', field: 'fine', when: { '==': [{ var: 'conFine' }, true] } }],
    translations: {
      it: { 'service.title': 'Prenotazione', 'step.dati': 'Dati', 'field.nascita': 'Data di nascita', 'field.inizio': 'Data di inizio', 'field.fine': 'Data di fine', 'field.conFine': 'Con una fine?', 'field.tappe': 'Tappe', 'field.arrivo': 'Arrivo', 'field.partenza': 'Partenza', 'error.maggiorenne': 'Devi essere maggiorenne ({{limit}})' },
      en: { 'field.inizio': 'Start date', 'field.arrivo': 'Arrival', 'error.maggiorenne': 'You must be of age ({{limit}})' },
    },
  };
}

const service = compileOrThrow(booking());
const at = (answers: Record<string, unknown>, today = '2026-11-25', locale = 'it') => evaluate(service, { nascita: '1990-01-01', inizio: today === '2026-11-25' ? '2026-11-30' : today, ...answers }, { today, locale });

describe('date bounds (dateBounds: notBefore / notAfter)', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('stay on the generated validator, and give the same errors on the Ajv path', () => {
    expect(validationPath(service)).toEqual({ path: 'generated' });
    const def = booking();
    def.data.properties.nota = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    def.ui.steps[0].fields.push('nota');
    const viaAjv = compileOrThrow(def);
    expect(validationPath(viaAjv).path).toBe('ajv');
    const answers = { nascita: '2010-01-01', inizio: '2026-11-20', conFine: true, fine: '2026-11-20', tappe: [{ arrivo: '2026-11-01', partenza: '2026-10-01' }, { arrivo: 'x' }] };
    const a = evaluate(service, answers, { today: '2026-11-25' });
    const b = evaluate(viaAjv, answers, { today: '2026-11-25' });
    expect(a.errors.length).toBe(6);
    expect(b.errors).toEqual(a.errors);
  });

  it('bound relative to today, inclusive, with a message naming the bound in the language', () => {
    expect(at({ inizio: '2026-11-25' }).valid).toBe(true);
    expect(at({ inizio: '2026-12-25' }).valid).toBe(true);
    const early = at({ inizio: '2026-11-24' });
    expect(early.errors.map((e) => [e.pointer, e.key, e.params, e.message])).toEqual([
      ['/inizio', 'error.dateBound.notBefore', { limit: '2026-11-25' }, 'La data non può essere precedente al giorno 25/11/2026'],
    ]);
    const late = at({ inizio: '2026-12-26' }, '2026-11-25', 'en');
    expect(late.errors.map((e) => [e.key, e.message])).toEqual([['error.dateBound.notAfter', 'The date cannot be after 25 December 2026']]);
  });

  it('use the designer\'s message when the bound names one', () => {
    const young = at({ nascita: '2008-11-26' });
    expect(young.errors.map((e) => [e.pointer, e.key, e.message])).toEqual([['/nascita', 'error.maggiorenne', 'Devi essere maggiorenne (25/11/2008)']]);
    expect(at({ nascita: '2008-11-26' }, '2026-11-25', 'en').errors[0]!.message).toBe('You must be of age (25 November 2008)');
    expect(at({ nascita: '2008-11-25' }).valid).toBe(true);
    expect(errorsOf(at({ nascita: '1906-11-24' }))).toEqual([['/nascita', 'error.dateBound.notBefore']]);
  });

  it('on 29 February: "today-18y" is exactly years_between >= 18, in leap and common years', () => {
    // Born on a leap day: of age on 1 March of a common year, on 29 February of a leap one.
    expect(errorsOf(at({ nascita: '2008-02-29' }, '2026-02-28'))).toEqual([['/nascita', 'error.maggiorenne']]);
    expect(at({ nascita: '2008-02-29' }, '2026-03-01').valid).toBe(true);
    expect(at({ nascita: '2012-02-29' }, '2030-02-28').valid).toBe(false);
    expect(at({ nascita: '2010-02-28' }, '2028-02-29').valid).toBe(true);
    expect(at({ nascita: '2010-03-01' }, '2028-02-29').valid).toBe(false);
    const day = fc.integer({ min: dayOf('1900-01-01'), max: dayOf('2100-12-31') }).map(dateOf);
    fc.assert(fc.property(day, day, (birth, today) => {
      fc.pre(birth <= today);
      const limit = formatPacked(shiftPacked(packIsoDate(today), { n: -18, unit: 'y' }));
      expect(birth <= limit).toBe((customDirectMethods.years_between!(birth, today) as number) >= 18);
    }), { numRuns: 3000 });
    expect(formatPacked(shiftPacked(packIsoDate('2024-02-29'), { n: 1, unit: 'y' }))).toBe('2025-02-28');
    expect(formatPacked(shiftPacked(packIsoDate('2026-01-31'), { n: 1, unit: 'm' }))).toBe('2026-02-28');
    expect(formatPacked(shiftPacked(packIsoDate('2026-03-31'), { n: -1, unit: 'm' }))).toBe('2026-02-28');
    expect(formatPacked(shiftPacked(packIsoDate('2026-12-31'), { n: 1, unit: 'd' }))).toBe('2027-01-01');
    expect(formatPacked(shiftPacked(packIsoDate('2028-02-28'), { n: 1, unit: 'd' }))).toBe('2028-02-29');
  });

  it('take today in Rome across midnight, whatever the clock\'s time zone', () => {
    vi.useFakeTimers();
    const answers = { nascita: '1990-01-01', inizio: '2026-12-31' };
    vi.setSystemTime(new Date('2026-12-31T22:59:00Z')); // 23:59 in Rome
    expect(evaluate(service, answers).valid).toBe(true);
    vi.setSystemTime(new Date('2026-12-31T23:01:00Z')); // 00:01 on 1 January in Rome, still 31 December in UTC
    const ev = evaluate(service, answers);
    expect(ev.errors.map((e) => [e.key, e.params])).toEqual([['error.dateBound.notBefore', { limit: '2027-01-01' }]]);
    vi.setSystemTime(new Date('2026-06-30T21:59:00Z')); // summer time: 23:59 in Rome
    expect(evaluate(service, { ...answers, inizio: '2026-06-30' }).valid).toBe(true);
    vi.setSystemTime(new Date('2026-06-30T22:00:00Z')); // midnight in Rome
    expect(evaluate(service, { ...answers, inizio: '2026-06-30' }).valid).toBe(false);
  });

  it('bound by another field, named by its label; passes while that field is unanswered, hidden or not a date', () => {
    const before = at({ conFine: true, fine: '2026-11-30' });
    expect(before.errors.map((e) => [e.pointer, e.key, e.params, e.message])).toEqual([
      ['/fine', 'error.dateBound.notBeforeField', { limit: '2026-12-01', field: 'inizio' }, 'La data non può essere precedente a «Data di inizio» (01/12/2026)'],
    ]);
    expect(at({ conFine: true, fine: '2026-11-30' }, '2026-11-25', 'en').errors[0]!.message).toBe('The date cannot be before “Start date” (1 December 2026)');
    expect(at({ conFine: true, fine: '2026-12-01' }).valid).toBe(true);
    expect(at({ conFine: true, fine: '2026-11-30', inizio: null }).valid).toBe(true);
    expect(at({ conFine: true, fine: '2026-11-30', inizio: '' }).valid).toBe(true);
    expect(errorsOf(at({ conFine: true, fine: '2026-11-30', inizio: '2026-13-01' }))).toEqual([['/inizio', 'error.format.date']]);
    // The bounded field hidden: nothing is said of it.
    expect(at({ conFine: false, fine: '2020-01-01' }).valid).toBe(true);
    // A literal bound.
    expect(errorsOf(at({ conFine: true, fine: '2028-01-01' }))).toEqual([['/fine', 'error.dateBound.notAfter']]);
  });

  it('in a group\'s rows: a root field, the same row\'s field; a hidden other field is unanswered', () => {
    const rows = at({ conFine: true, fine: '2026-12-10', tappe: [
      { arrivo: '2026-12-01', partenza: '2026-12-03' },
      { arrivo: '2026-11-29', partenza: '2026-11-28' },
      { arrivo: '2026-12-05', partenza: '2026-12-11' },
      { partenza: '2026-11-01' },
    ] });
    expect(errorsOf(rows)).toEqual([
      ['/tappe/1/arrivo', 'error.dateBound.notBeforeField'],
      ['/tappe/1/partenza', 'error.dateBound.notBeforeField'],
      ['/tappe/2/partenza', 'error.dateBound.notAfterField'],
    ]);
    expect(rows.errors.find((e) => e.pointer === '/tappe/1/partenza')!.message).toBe('La data non può essere precedente a «Arrivo» (29/11/2026)');
    // "fine" hidden: the rows' notAfter on it holds nothing.
    expect(at({ conFine: false, fine: '2026-12-10', tappe: [{ arrivo: '2026-12-05', partenza: '2026-12-11' }] }).valid).toBe(true);
  });

  it('are checked by check: a pointer at the bound, words for a designer', () => {
    const problems = (mutate: (d: any) => void) => {
      const def = booking();
      mutate(def);
      const r = compile(def);
      return r.ok ? [] : r.problems.map((p) => [p.pointer, p.code]);
    };
    expect(problems((d) => { d.data.properties.inizio.dateBounds.notAfter = 'tomorrow'; })).toEqual([['/data/properties/inizio/dateBounds/notAfter', 'dateBounds.invalid']]);
    expect(problems((d) => { d.data.properties.inizio.dateBounds.notAfter = 'today+30'; })).toEqual([['/data/properties/inizio/dateBounds/notAfter', 'dateBounds.invalid']]);
    expect(problems((d) => { d.data.properties.inizio.dateBounds.notAfter = '2027-02-30'; })).toEqual([['/data/properties/inizio/dateBounds/notAfter', 'dateBounds.invalid']]);
    expect(problems((d) => { d.data.properties.inizio.dateBounds.until = 'today'; })).toEqual([['/data/properties/inizio/dateBounds/until', 'dateBounds.unknownKey']]);
    expect(problems((d) => { d.data.properties.fine.dateBounds.notBefore.field = 'inzio'; })).toEqual([['/data/properties/fine/dateBounds/notBefore/field', 'dateBounds.unknownField']]);
    expect(problems((d) => { d.data.properties.fine.dateBounds.notBefore.field = 'conFine'; })).toEqual([['/data/properties/fine/dateBounds/notBefore/field', 'dateBounds.fieldNotDate']]);
    expect(problems((d) => { d.data.properties.fine.dateBounds.notBefore.field = 'fine'; })).toEqual([['/data/properties/fine/dateBounds/notBefore/field', 'dateBounds.sameField']]);
    expect(problems((d) => { d.data.properties.fine.dateBounds.notBefore.field = 'tappe[].arrivo'; })).toEqual([['/data/properties/fine/dateBounds/notBefore/field', 'dateBounds.otherGroup']]);
    expect(problems((d) => { d.data.properties.conFine.dateBounds = { notAfter: 'today' }; })).toEqual([['/data/properties/conFine/dateBounds', 'dateBounds.notDate']]);
    expect(problems((d) => { d.data.properties.nascita.dateBounds.notAfter.message = 'error.nonTradotto'; })).toEqual([['/data/properties/nascita/dateBounds/notAfter/message', 'translation.missing']]);
    expect(problems((d) => { d.data.properties.inizio.formatMinimum = '2026-01-01'; })).toEqual([['/data/properties/inizio/formatMinimum', 'schema.formatLimit']]);
    expect(problems((d) => { d.data.properties.tappe.items.properties.arrivo.formatMaximum = '2026-01-01'; })).toEqual([['/data/properties/tappe/items/properties/arrivo/formatMaximum', 'schema.formatLimit']]);
    // A field named like the keyword is a field, not the keyword.
    expect(problems((d) => { d.data.properties.formatMinimum = { type: 'string' }; d.ui.steps[0].fields.push('formatMinimum'); })).toEqual([]);

    const def = booking();
    def.data.properties.fine.dateBounds.notBefore.field = 'inzio';
    const r = compile(def);
    const told = explainProblem(def, r.ok ? undefined! : r.problems[0]!, 'it');
    expect(told.where).toBe('il campo "Data di fine" (fine)');
    expect(told.what).toBe('"inzio" non è un campo del servizio');
    const wrong = booking();
    wrong.data.properties.inizio.formatMinimum = '2026-01-01';
    const r2 = compile(wrong);
    expect(explainProblem(wrong, r2.ok ? undefined! : r2.problems[0]!, 'en').fix).toContain('"dateBounds"');
  });
});

function dayOf(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}
function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
