import { describe, expect, it } from 'vitest';
import { compile, guardHolds, paymentAmount } from '../src/index.js';
import { readFileSync } from 'node:fs';

const loadExample = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8'));

/** The minimal example with office fields and a workflow whose approval is guarded. */
function guarded(guard: unknown) {
  const def = loadExample('esempio-minimo');
  def.officeData = { type: 'object', properties: { verificato: { type: 'boolean' } } };
  def.workflow = {
    initial: 'presentata',
    states: [{ id: 'presentata', label: 'service.title' }, { id: 'accolta', label: 'service.title', final: true }],
    transitions: [
      { id: 'accogli', from: 'presentata', to: 'accolta', label: 'service.title', guard, guardMessage: 'service.title' },
      { id: 'libera', from: 'presentata', to: 'accolta', label: 'service.title' },
    ],
  };
  return def;
}

describe('transition guards', () => {
  it('a guard over answers, computed values and office fields holds only when all do', () => {
    const r = compile(guarded({ and: [{ '==': [{ var: '$office.verificato' }, true] }, { '>=': [{ var: 'numeroFigli' }, 2] }, { '==': [{ var: 'haFigli' }, true] }] }));
    expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
    if (!r.ok) return;
    const answers = { codiceFiscale: 'RSSMRA80A01H501U', haFigli: true };
    const base = { answers, today: '2026-12-04' };
    expect(guardHolds(r.service, 'accogli', { ...base, computed: { '/numeroFigli': 2 }, office: { verificato: true } })).toBe(true);
    expect(guardHolds(r.service, 'accogli', { ...base, computed: { '/numeroFigli': 2 }, office: { verificato: false } })).toBe(false);
    expect(guardHolds(r.service, 'accogli', { ...base, computed: { '/numeroFigli': 1 }, office: { verificato: true } })).toBe(false);
    expect(guardHolds(r.service, 'accogli', { ...base, office: { verificato: true } })).toBe(false);
    expect(guardHolds(r.service, 'libera', base)).toBe(true);
    expect(answers).toEqual({ codiceFiscale: 'RSSMRA80A01H501U', haFigli: true }); // the stored answers are not touched
  });

  it('a guard naming an unknown field or office field is a problem at its pointer', () => {
    const r = compile(guarded({ and: [{ var: 'nonEsiste' }, { var: '$office.nemmeno' }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/workflow/transitions/0/guard/and/0/var', '/workflow/transitions/0/guard/and/1/var']));
  });
});

describe('payment actions with an amount of their own', () => {
  function withPayment(action: Record<string, unknown>) {
    const def = guarded(true);
    def.translations.it['causale.diritti'] = 'Diritti di istruttoria {{pratica.code}}';
    def.translations.en['causale.diritti'] = 'Processing fee {{pratica.code}}';
    def.workflow.transitions[1].actions = [{ type: 'email', to: 'citizen', subject: 'service.title', body: 'service.title' }, { type: 'payment', ...action }];
    return def;
  }

  it('computes the amount over answers, computed values and office fields, in euro or cents', () => {
    const r = compile(withPayment({ amount: { '+': [10, { '*': [{ var: 'numeroFigli' }, 2.5] }] }, unit: 'euro', dueDays: 15, causale: 'causale.diritti' }));
    expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
    if (!r.ok) return;
    const input = { answers: {}, computed: { '/numeroFigli': 3 }, today: '2026-12-04' };
    expect(paymentAmount(r.service, 'libera', 1, input)).toEqual({ amountCents: 1750 });
    expect(paymentAmount(r.service, 'libera', 0, input)).toBeUndefined(); // not a payment: the fee applies
    expect(paymentAmount(r.service, 'accogli', 1, input)).toBeUndefined();
  });

  it('a negative, non-numeric or huge amount has none, with the fee\'s error codes', () => {
    const at = (amount: unknown) => {
      const r = compile(withPayment({ amount }));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return paymentAmount(r.service, 'libera', 1, { answers: {}, today: '2026-12-04' });
    };
    expect(at(-1)).toEqual({ amountCents: null, error: 'fee.invalid' });
    expect(at('dieci')).toEqual({ amountCents: null, error: 'fee.invalid' });
    expect(at(1e15)).toEqual({ amountCents: null, error: 'fee.outOfRange' });
    expect(at(1250)).toEqual({ amountCents: 1250 });
  });

  it('an amount naming an unknown field, or a causale without text, is a problem at its pointer; with an amount no fee is needed', () => {
    const r = compile(withPayment({ amount: { var: 'nonEsiste' }, causale: 'causale.mancante' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.pointer, p.code])).toEqual(expect.arrayContaining([
      ['/workflow/transitions/1/actions/1/amount/var', expect.any(String)],
      ['/workflow/transitions/1/actions/1/causale', expect.any(String)],
    ]));
    const plain = withPayment({ amount: 500 });
    delete plain.fees;
    const ok = compile(plain);
    expect(ok.ok, JSON.stringify(!ok.ok && ok.problems)).toBe(true);
  });
});
