import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile, type Logic, type Rule, type ServiceDefinition } from '@sportello/schemas';
import { condition, number, seed, t, targets, withNamed, withTarget } from './arbitraries';
import { conditionToLogic, logicToCondition, plainCondition, type ConditionField } from './condition';
import { exprContext } from './context';
import { exprToLogic, logicToExpr, type Expr } from './expression';
import { fixture } from './fixture';

/** Compiles the fixture with one more rule: the engine must accept what the visual editor writes. */
function engineProblems(rule: Rule): string[] {
  const def: ServiceDefinition = { ...withNamed, rules: [...fixture.rules!, rule] };
  const result = compile(def);
  return result.ok ? [] : result.problems.map((p) => `${p.code} ${p.pointer} ${p.message}`);
}

describe('visual rule editor: JSON Logic round trip', () => {
  test('every generated condition reads back into the same visual form, and the engine accepts it', () => {
    let named = 0;
    fc.assert(fc.property(withTarget((_, ctx) => condition(ctx.fields), targets, withNamed, true), ({ target, value: query }) => {
      const ctx = exprContext(withNamed, target, t, [], true);
      const logic = conditionToLogic(query, ctx.fields);
      if (JSON.stringify(logic).includes('"condition":"residenteCentro"')) named++;
      expect(logic).not.toBeNull();
      expect(logicToCondition(logic as Logic, ctx.fields)).toEqual(plainCondition(query));
      expect(engineProblems({ id: 'generata', type: 'require', field: target, when: logic as Logic })).toEqual([]);
    }), { seed, numRuns: 200 });
    expect(named).toBeGreaterThan(0);
  });

  test('every generated value expression reads back into the same visual form, and the engine accepts it', () => {
    // The value computes the target; the target itself is not offered (a value reading itself is a cycle).
    // The value goes to a field no rule reads (calcolato, or figli[].calcolata for a rule in the
    // rows), which is not offered to it: a value reading itself is a cycle.
    const computeField = (target: string) => (target.startsWith('figli[]') ? 'figli[].calcolata' : 'calcolato');
    const computeContext = (target: string) => {
      const full = exprContext(fixture, computeField(target), t);
      return { ...full, fields: full.fields.filter((f) => f.info.path !== computeField(target)) };
    };
    const expr = (target: string) => {
      const ctx = computeContext(target);
      const numeric = ctx.fields.filter((f) => (f.info.type === 'number' || f.info.type === 'integer') && !f.info.derived); // the expression editor offers fields, not derived operands
      const dates = ctx.fields.filter((f) => f.info.format === 'date');
      const { e } = fc.letrec<{ e: Expr }>((tie) => ({
        e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
          number.map((value) => ({ kind: 'const', value }) as Expr),
          fc.constantFrom(...numeric).map((f) => ({ kind: 'field', name: f.name }) as Expr),
          fc.constant({ kind: 'count', group: 'figli' } as Expr),
          ...(ctx.fields.some((f) => f.name === 'figli')
            ? [condition(ctx.fields.find((f) => f.name === 'figli')!.subproperties as ConditionField[], 1).map((where) => ({ kind: 'count', group: 'figli', where: plainCondition(where) }) as Expr)] : []),
          fc.constantFrom('eta', 'retta').map((column) => ({ kind: 'sum', group: 'figli', column }) as Expr),
          fc.tuple(fc.constantFrom('days', 'years'), fc.constantFrom(...dates), fc.constantFrom(...dates))
            .map(([unit, a, b]) => ({ kind: 'between', unit, from: { kind: 'field', name: a.name }, to: { kind: 'field', name: b.name } }) as Expr),
          fc.record({ op: fc.constantFrom('+', '-', '*', '/', 'min', 'max'), args: fc.array(tie('e'), { minLength: 2, maxLength: 3 }) }).map((x) => ({ kind: 'arith', ...x }) as Expr),
          fc.record({ op: fc.constantFrom('round', 'floor', 'ceil', 'abs'), arg: tie('e') }).map((x) => ({ kind: 'round', ...x }) as Expr),
          fc.record({ arg: tie('e'), digits: fc.integer({ min: 0, max: 4 }) }).map((x) => ({ kind: 'round', op: 'round', ...x }) as Expr),
          fc.record({ cases: fc.array(fc.record({ when: condition(ctx.fields), then: tie('e') }), { minLength: 1, maxLength: 3 }), otherwise: tie('e') })
            .map((x) => ({ kind: 'cases', ...x, cases: x.cases.map((c) => ({ ...c, when: plainCondition(c.when) })) }) as Expr),
        ),
      }));
      return e;
    };
    fc.assert(fc.property(withTarget((target) => expr(target)), ({ target, value }) => {
      const ctx = computeContext(target);
      const logic = exprToLogic(value, ctx.fields);
      expect(logicToExpr(logic, ctx.fields)).toEqual(value);
      expect(engineProblems({ id: 'generata', type: 'compute', field: computeField(target), value: logic })).toEqual([]);
    }), { seed, numRuns: 120 });
  });

  test('what the visual form cannot express is refused, not rewritten', () => {
    const ctx = exprContext(fixture, 'dataFine', t);
    const advanced: Logic[] = [
      fixture.rules![2]!.when!,
      { var: 'sconosciuto' },
      { missing: ['isee', 'componenti'] },
      { '==': [{ var: 'sconosciuto' }, 1] },
      { '<': [{ days_between: [{ var: 'dataInizio' }, { var: 'dataFine' }] }, 0] },
      { some: [{ var: 'figli' }, { '<': [{ var: 'etaSconosciuta' }, 3] }] },
      { in: [{ var: 'cognome' }, [' Rossi']] },
      { '==': [{ var: ['isee', 0] }, 1] },
    ];
    for (const logic of advanced) expect(logicToCondition(logic, ctx.fields), JSON.stringify(logic)).toBeNull();
    // A bare var ("is filled in") is a comparison of its own.
    expect(logicToCondition({ and: [{ var: 'dataInizio' }, { '!': { var: 'haFigli' } }] }, ctx.fields)).toEqual({
      combinator: 'and', rules: [{ field: 'dataInizio', operator: 'truthy', value: null }, { combinator: 'and', not: true, rules: [{ field: 'haFigli', operator: 'truthy', value: null }] }],
    });
    expect(logicToExpr({ count: [{ var: 'figli' }, { '>': [{ var: 'retta' }, { var: '../../$row.retta' }] }] }, ctx.fields)).toBeNull();
    expect(logicToExpr({ count: [{ var: 'figli' }, { '<': [{ var: 'eta' }, 3] }] }, ctx.fields)).toEqual({
      kind: 'count', group: 'figli', where: { combinator: 'and', rules: [{ field: 'eta', operator: '<', value: 3 }] },
    });
    expect(logicToExpr({ map: [{ var: 'figli' }, { var: 'eta' }] }, ctx.fields)).toBeNull();
  });
});
