// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { compile, evaluate, type ServiceDefinition } from '@sportello/schemas';
import esempio from '../../../../schemas/examples/esempio-minimo.json' with { type: 'json' };
import { renderWithText, seriousViolations } from '../test-utils';
import { RuleTrace } from './RuleTrace';
import { traceRules } from './trace';

afterEach(cleanup);
const def = esempio as unknown as ServiceDefinition;
const answers = { codiceFiscale: 'RSSMRA80A01H501U', haFigli: true, figli: [{ nome: 'Anna', eta: 10 }, { nome: 'Bruno', eta: 16 }, { nome: 'Carla', eta: 30 }], dataInizio: '2026-05-01', dataFine: '2026-04-01' };

describe('rule trace', () => {
  test('a rule on several fields (fields) shows its effect on each', () => {
    const many = { ...def, rules: [...(def.rules ?? []), { id: 'nascondiDate', type: 'hide' as const, fields: ['dataInizio', 'dataFine'], when: { '==': [{ var: 'haFigli' }, true] } }] };
    const row = traceRules(many, answers, { locale: 'it', today: '2026-12-04' })!.rows.find((r) => r.id === 'nascondiDate')!;
    expect(row.target).toBe('dataInizio, dataFine');
    expect(row.held).toEqual({ kind: 'once', held: true });
    expect(row.effects.map((e) => [e.pointer, e.visible])).toEqual([['/dataInizio', false], ['/dataFine', false]]);
  });

  test('each condition as the engine evaluates it, per row in a group, with what it does now', () => {
    const trace = traceRules(def, answers, { locale: 'it', today: '2026-12-04' })!;
    const by = Object.fromEntries(trace.rows.map((r) => [r.id, r]));
    expect(by.mostraFigli!.held).toEqual({ kind: 'once', held: true });
    expect(by.mostraFigli!.effects).toEqual([{ pointer: 'step:figli', visible: true }]);
    expect(by.contaFigli!.held).toEqual({ kind: 'none' });
    expect(by.contaFigli!.effects).toEqual([{ pointer: '/numeroFigli', visible: true, required: false, value: 3 }]);
    expect(by.scuolaSeMinore!.held).toEqual({ kind: 'rows', rows: [true, true, false] });
    expect(by.scuolaSeMinore!.effects.map((e) => e.visible)).toEqual([true, true, false]);
    expect(by.scuolaObbligatoria!.held).toEqual({ kind: 'rows', rows: [true, false, false] });
    expect(by.scuolaObbligatoria!.effects.map((e) => e.required)).toEqual([true, false, false]);
    expect(by.dateInOrdine!.held).toEqual({ kind: 'once', held: true });
    expect(by.dateInOrdine!.effects[0]!.errors).toEqual(['La data di fine precede quella di inizio']);
    expect(by.dateInOrdine!.reads).toEqual(['dataInizio', 'dataFine']);

    // The instrumented copy gives the same verdict as the service itself.
    const plain = compile(def);
    if (!plain.ok) throw new Error('esempio-minimo compiles');
    const ev = evaluate(plain.service, answers, { locale: 'it', today: '2026-12-04' });
    expect(trace.evaluation.hidden).toEqual(ev.hidden);
    expect(trace.evaluation.required).toEqual(ev.required);
    expect(trace.evaluation.errors).toEqual(ev.errors);
    expect(trace.evaluation.fee).toEqual(ev.fee);
  });

  test('with haFigli false the show rule does not hold and its step is hidden', () => {
    const trace = traceRules(def, { ...answers, haFigli: false }, { locale: 'it' })!;
    const by = Object.fromEntries(trace.rows.map((r) => [r.id, r]));
    expect(by.mostraFigli!.held).toEqual({ kind: 'once', held: false });
    expect(by.mostraFigli!.effects).toEqual([{ pointer: 'step:figli', visible: false }]);
  });

  test('the panel shows it readably and passes axe', async () => {
    const plain = compile(def);
    if (!plain.ok) throw new Error('compiles');
    const view = renderWithText(<RuleTrace definition={def} service={plain.service} answers={answers} evaluation={evaluate(plain.service, answers, { locale: 'en' })} language="en" />);
    const row = screen.getByRole('row', { name: /scuolaObbligatoria/ });
    expect(within(row).getByText('row 1: holds')).toBeTruthy();
    expect(within(row).getByText('row 2: does not hold')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /contaFigli/ })).getByText('= 3')).toBeTruthy();
    expect(await seriousViolations(view.container)).toEqual([]);
  });
});
