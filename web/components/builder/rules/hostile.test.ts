import { describe, expect, test } from 'vitest';
import type { Logic } from '@sportello/schemas';
import { conditionToLogic, logicToCondition } from './condition';
import { exprContext } from './context';
import { exprToLogic, logicToExpr } from './expression';
import { fixture } from './fixture';
import { readsOf, sameLogic } from './logic-utils';

const t = (key: string) => key;
const ctx = exprContext(fixture, 'importo', t);

const nest = (depth: number, op: string, leaf: Logic): Logic => { let l = leaf; for (let i = 0; i < depth; i++) l = { [op]: [l, 1] } as Logic; return l; };

describe('rules: hostile logic opens in Advanced or round-trips, and never throws', () => {
  test('deep nesting is refused by the visual editor (Advanced view), not a stack overflow', () => {
    for (const depth of [200, 5_000, 100_000]) {
      const expr = nest(depth, '+', { var: 'isee' });
      expect(() => logicToExpr(expr, ctx.fields)).not.toThrow();
      let cond: Logic = { '==': [{ var: 'haFigli' }, true] };
      for (let i = 0; i < depth; i++) cond = { and: [cond, { '>': [{ var: 'isee' }, i] }] } as Logic;
      expect(() => logicToCondition(cond, ctx.fields)).not.toThrow();
    }
    // A modest depth still opens visually and writes back the same logic.
    const modest = nest(20, '+', { var: 'isee' });
    const form = logicToExpr(modest, ctx.fields);
    expect(form).not.toBeNull();
    expect(sameLogic(exprToLogic(form!, ctx.fields), modest)).toBe(true);
  });

  test('unknown operators, unknown fields and malformed shapes fall back to Advanced', () => {
    const cases: unknown[] = [
      { nonEsiste: [1, 2] }, { var: 'campoCheNonCe' }, { '==': [{ var: 'campoCheNonCe' }, 1] }, { '==': 1 }, { and: 'x' },
      { '+': [] }, { if: [true, 1] }, { var: ['isee', 0] }, { '==': [{ var: 'isee' }, 1], extra: 2 }, [1, 2], { __proto__: null, var: 'isee' },
    ];
    for (const c of cases) {
      const cond = logicToCondition(c as Logic, ctx.fields);
      if (cond) expect(sameLogic(conditionToLogic(cond, ctx.fields), c) || cond.rules.length === 0).toBe(true);
      const expr = logicToExpr(c as Logic, ctx.fields);
      if (expr) expect(sameLogic(exprToLogic(expr, ctx.fields), c)).toBe(true);
    }
    expect(logicToCondition({ nonEsiste: [1, 2] } as Logic, ctx.fields)).toBeNull();
    expect(logicToExpr({ nonEsiste: [1, 2] } as Logic, ctx.fields)).toBeNull();
  });

  test('huge and odd literal values survive the round trip exactly', () => {
    const huge = 'ü'.repeat(300_000);
    for (const value of [huge, '', ' spazi ', '"virgolette"', 'a\u0000b', '<script>', '{{x}}']) {
      const logic = { '==': [{ var: 'cognome' }, value] } as Logic;
      const form = logicToCondition(logic, ctx.fields);
      expect(form).not.toBeNull();
      expect(conditionToLogic(form!, ctx.fields)).toEqual(logic);
      expect(logicToExpr(value as Logic, ctx.fields)).toEqual({ kind: 'const', value });
    }
    for (const n of [0, -0.5, 1e21, Number.MAX_SAFE_INTEGER]) {
      const logic = { '>': [{ var: 'isee' }, n] } as Logic;
      expect(conditionToLogic(logicToCondition(logic, ctx.fields)!, ctx.fields)).toEqual(logic);
    }
  });

  test('readsOf lists what a rule reads, even through deep or odd logic', () => {
    expect([...readsOf({ and: [{ var: 'isee' }, { some: [{ var: 'figli' }, { '>': [{ var: 'eta' }, 3] }] }, { missing: ['a', 'b'] }] } as Logic)].sort()).toEqual(['a', 'b', 'figli', 'figli[].eta', 'isee']);
    expect(() => readsOf(nest(5_000, '+', { var: 'x' }))).not.toThrow();
    expect([...readsOf({ var: '' } as Logic)]).toEqual([]);
  });
});
