import { describe, expect, test } from 'vitest';
import { compile, evaluate, type Logic, type ServiceDefinition } from '@sportello/schemas';
import { conditionToLogic, logicToCondition } from './condition';
import { exprContext } from './context';
import { fixture } from './fixture';

const t = (key: string, o?: Record<string, unknown>) => (o?.label ? `${key}:${String(o.label)}` : key);

describe('days and years between a date and today, as operands of conditions', () => {
  const ctx = exprContext(fixture, 'note', t);
  const derived = ctx.fields.filter((f) => f.info.derived !== undefined).map((f) => f.name);

  test('each date field the rule may read gets three derived operands; $today and groups get none', () => {
    expect(derived).toEqual([
      '§days_between($today;dataInizio)', '§days_between(dataInizio;$today)', '§years_between(dataInizio;$today)',
      '§days_between($today;dataFine)', '§days_between(dataFine;$today)', '§years_between(dataFine;$today)',
    ]);
    expect(ctx.fields.find((f) => f.name === '§years_between(dataInizio;$today)')!.label).toBe('ruleEditor.derived.yearsSince:Dal');
    // Compared, never "filled in" alone.
    expect((ctx.fields.find((f) => f.name === derived[0])!.operators as Array<{ name: string }>).map((o) => o.name)).not.toContain('truthy');
  });

  test('built visually, written as the templates write it, read back into the same form, applied by the engine', () => {
    const form = { combinator: 'and', rules: [
      { field: '§days_between($today;dataInizio)', operator: '<', value: '0' },
      { field: '§years_between(dataFine;$today)', operator: '>=', value: '18' },
    ] };
    const logic = conditionToLogic(form, ctx.fields);
    expect(logic).toEqual({ and: [
      { '<': [{ days_between: [{ var: '$today' }, { var: 'dataInizio' }] }, 0] },
      { '>=': [{ years_between: [{ var: 'dataFine' }, { var: '$today' }] }, 18] },
    ] });
    expect(conditionToLogic(logicToCondition(logic!, ctx.fields)!, ctx.fields)).toEqual(logic);
    const def: ServiceDefinition = { ...fixture, rules: [...fixture.rules!, { id: 'passato', type: 'error', field: 'dataInizio', message: 'error.dateOrder', when: { and: [{ var: 'dataInizio' }, logic as Logic] } }] };
    const r = compile(def);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const errors = (d: string) => evaluate(r.service, { dataInizio: d }, { today: '2026-12-04' }).errors.filter((e) => e.rule === 'passato');
    expect(errors('2026-12-03')).toEqual([]); // dataFine empty: years_between is null, >= 18 fails
  });

  test('a bare derived operand, a pair of fields and unknown dates stay in Advanced', () => {
    expect(logicToCondition({ days_between: [{ var: '$today' }, { var: 'dataInizio' }] } as Logic, ctx.fields)).toBeNull();
    expect(logicToCondition({ '<': [{ days_between: [{ var: 'dataInizio' }, { var: 'dataFine' }] }, 0] } as Logic, ctx.fields)).toBeNull();
    expect(logicToCondition({ '<': [{ days_between: [{ var: '$today' }, { var: 'nonEsiste' }] }, 0] } as Logic, ctx.fields)).toBeNull();
    // A field literally named like a derived operand is not one.
    expect(logicToCondition({ '<': [{ var: '§days_between($today;dataInizio)' }, 0] } as Logic, ctx.fields)).toBeNull();
  });
});
