import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileFast } from '../src/logic/fast.js';
import { compileLogic, expandMacros } from '../src/logic/engine.js';
import { logicEngine } from '../src/logic/json-logic.js';

const fold = (node: unknown) => logicEngine().run(node);

/**
 * fast.ts against json-logic-engine (with engine.ts's overrides for ==, !=, the comparators,
 * missing and the custom operators): same value, or both throw. Known json-logic-engine bugs
 * the overrides work around (== coercing 0 == null; compiled comparators with a custom operator
 * on the right) are therefore compared against the overrides, not the bugs; `in` whose list is
 * an and/or/if is not generated (json-logic-engine's compiled `in` lacks parentheses there).
 */
const outcome = (fn: (d: unknown) => unknown, data: unknown) => {
  try {
    return { value: fn(data) };
  } catch {
    return { threw: true };
  }
};

// json-logic-engine 5.0.7's compiled ?? does not keep a non-null first operand when the second
// is an and/or (e.g. {"??": [0, {"and": [...]}]} or a first operand from missing): ours follows
// JavaScript's ??. A known difference, left out of the comparison like the other engine bugs here.
const KNOWN_ENGINE_BUGS = [/"\?\?":/];

function both(logic: unknown, data: unknown) {
  if (KNOWN_ENGINE_BUGS.some((re) => re.test(JSON.stringify(logic)))) return undefined;
  const expanded = expandMacros(logic);
  let slow: (d: unknown) => unknown;
  try {
    slow = logicEngine().build(expanded as any) as (d: unknown) => unknown;
  } catch {
    return undefined; // rejected at build time: a compile problem either way
  }
  const fast = compileFast(expanded, fold);
  if (!fast) return undefined;
  return { fast: outcome(fast, data), slow: outcome(slow, data) };
}

const names = ['a', 'b', 'c', 'd', 'rows'];
const scalar = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 20 }), fc.double({ min: -100, max: 100, noNaN: true }),
  fc.constantFrom('', '0', '1', 'x', 'abc', '2026-01-01', '2025-12-31', 'IT60X'),
);
const row = fc.record({ a: scalar, b: scalar }, { requiredKeys: [] });
const dataArb = fc.record({
  a: scalar, b: scalar, c: scalar, d: fc.record({ e: scalar }), rows: fc.array(row, { maxLength: 4 }), $today: fc.constant('2026-11-25'),
}, { requiredKeys: ['$today'] });

const BINARY = ['==', '!=', '===', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'max', 'min', '??'];
const tree = fc.letrec((tie) => ({
  leaf: fc.oneof(
    scalar,
    fc.constantFrom(...names, 'd.e', 'x.y').map((n) => ({ var: n })),
    fc.tuple(fc.constantFrom(...names), scalar).map(([n, d]) => ({ var: [n, d] })),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(fc.constantFrom(...BINARY), tie('expr'), tie('expr')).map(([op, x, y]) => ({ [op]: [x, y] })),
    fc.tuple(fc.constantFrom('<', '<=', '>', '>=', '+', '*', 'max', 'min'), tie('expr'), tie('expr'), tie('expr')).map(([op, x, y, z]) => ({ [op]: [x, y, z] })),
    fc.tuple(fc.constantFrom('and', 'or', 'if', '?:'), fc.array(tie('expr'), { minLength: 1, maxLength: 5 })).map(([op, xs]) => ({ [op]: op === 'if' || op === '?:' ? [...xs, null, 1].slice(0, Math.max(3, xs.length)) : xs })),
    fc.tuple(fc.constantFrom('!', '!!', '-'), tie('expr')).map(([op, x]) => ({ [op]: op === '-' ? [x] : x })),
    fc.tuple(fc.constantFrom('round', 'floor', 'ceil', 'abs'), tie('expr')).map(([op, x]) => ({ [op]: [x] })),
    fc.tuple(fc.constantFrom('days_between', 'years_between'), tie('expr'), tie('expr')).map(([op, x, y]) => ({ [op]: [x, y] })),
    fc.array(fc.constantFrom(...names, 'd.e'), { maxLength: 3 }).map((xs) => ({ missing: xs })),
    fc.tuple(tie('expr'), fc.nat(3)).map(([x, n]) => ({ substr: [x, 0, n] })),
    fc.tuple(fc.constantFrom('filter', 'some', 'all', 'none', 'map', 'count', 'sum'), tie('inner')).map(([op, body]) => ({ [op]: [{ var: 'rows' }, body] })),
    fc.constant({ today: [] }),
    // `in` with a plain list: json-logic-engine 5.0.7 compiles {"in": [x, {"and": ...}]} to
    // `(... ? prev : prev || []).includes(x)` (a precedence bug), so and/or/if stay out of it.
    fc.tuple(tie('expr'), fc.oneof(fc.constantFrom(...names).map((n) => ({ var: n })), fc.constant(['x', 'abc', 1, null]), fc.constant('abc'))).map(([x, list]) => ({ in: [x, list] })),
  ),
  inner: fc.oneof(
    fc.constantFrom({ var: 'a' }, { var: 'b' }, { var: '../../c' }, { var: '' }, true, 0),
    fc.tuple(fc.constantFrom('==', '<', '>=', '+'), fc.constantFrom({ var: 'a' }, { var: 'b' }), fc.oneof(scalar, fc.constant({ var: '../../a' }))).map(([op, x, y]) => ({ [op]: [x, y] })),
  ),
}));
const exprArb = tree.expr as fc.Arbitrary<unknown>;

describe('fast JSON Logic compiler agrees with json-logic-engine', () => {
  it('on random expressions over random data', () => {
    fc.assert(fc.property(exprArb, dataArb, (logic, data) => {
      const r = both(logic, data);
      if (r) expect(r.fast).toEqual(r.slow);
    }), { numRuns: 3000, seed: 20261125 }); // fixed: the same 3,000 cases in every run and in CI
  }, 60_000); // 3,000 cases on a busy 2-core machine take over 5 s

  it('keeps a non-null first operand of ?? as JavaScript does (where json-logic-engine does not)', () => {
    expect(compileLogic({ '??': [0, { and: [{ var: ['a', ''] }] }] })({})).toBe(0);
    expect(compileLogic({ '??': [{ missing: [] }, 1] })({})).toEqual([]);
    expect(compileLogic({ '??': [{ var: 'x' }, 'y'] })({ x: null })).toBe('y');
  });

  it('follows jsonlogic.com on the table of examples', () => {
    const cases: Array<[unknown, unknown, unknown]> = [
      [{ '==': [1, 1] }, {}, true], [{ '==': [1, '1'] }, {}, true], [{ '==': [0, false] }, {}, true], [{ '==': [{ var: 'x' }, null] }, { x: 0 }, false],
      [{ '===': [1, '1'] }, {}, false], [{ '!=': [1, 2] }, {}, true], [{ '!==': [1, '1'] }, {}, true],
      [{ '!': [true] }, {}, false], [{ '!!': [[]] }, {}, false], [{ '!!': ['0'] }, {}, true], [{ '!!': [''] }, {}, false],
      [{ or: [false, 'a'] }, {}, 'a'], [{ or: [false, 0] }, {}, 0], [{ and: [true, '', 3] }, {}, ''], [{ and: [true, 'a', 3] }, {}, 3],
      [{ if: [true, 'yes', 'no'] }, {}, 'yes'], [{ if: [false, 1, [], 2, 3] }, {}, 3], [{ '?:': [0, 1, 2] }, {}, 2],
      [{ '>': [2, 1] }, {}, true], [{ '<': [1, 2, 3] }, {}, true], [{ '<': [1, 1, 3] }, {}, false], [{ '<=': [1, 1, 3] }, {}, true],
      [{ max: [1, 2, 3] }, {}, 3], [{ min: [1, 2, 3] }, {}, 1],
      [{ '+': [4, 2] }, {}, 6], [{ '+': [2, 2, 2, 2, 2] }, {}, 10], [{ '+': ['3.14'] }, {}, 3.14], [{ '-': [4, 2] }, {}, 2], [{ '-': [2] }, {}, -2],
      [{ '*': [4, 2] }, {}, 8], [{ '/': [4, 2] }, {}, 2], [{ '%': [101, 2] }, {}, 1],
      [{ in: ['Spring', 'Springfield'] }, {}, true], [{ in: ['Ringo', ['John', 'Paul', 'George', 'Ringo']] }, {}, true],
      [{ substr: ['jsonlogic', 4] }, {}, 'logic'], [{ substr: ['jsonlogic', -5] }, {}, 'logic'], [{ substr: ['jsonlogic', 1, 3] }, {}, 'son'], [{ substr: ['jsonlogic', 4, -2] }, {}, 'log'],
      [{ var: 'a' }, { a: 1, b: 2 }, 1], [{ var: 'constructor' }, {}, null], [{ var: 'xs.map' }, { xs: [1] }, null], [{ var: 's.length' }, { s: 'abc' }, 3], [{ var: ['z', 26] }, { a: 1 }, 26], [{ var: 'champ.name' }, { champ: { name: 'Fezzig' } }, 'Fezzig'], [{ var: 1 }, ['zero', 'one'], 'one'],
      [{ missing: ['a', 'b'] }, { a: 'apple', c: 'carrot' }, ['b']], [{ missing: ['a', 'b'] }, { a: null, b: '' }, ['a', 'b']],
      [{ missing_some: [1, ['a', 'b', 'c']] }, { a: 'apple' }, []], [{ missing_some: [2, ['a', 'b', 'c']] }, { a: 'apple' }, ['b', 'c']],
      [{ filter: [{ var: 'xs' }, { '%': [{ var: '' }, 2] }] }, { xs: [1, 2, 3, 4, 5] }, [1, 3, 5]],
      [{ map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, 2, 3] }, [2, 4, 6]],
      [{ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, { xs: [1, 2, 3, 4, 5] }, 15],
      [{ all: [[1, 2, 3], { '>': [{ var: '' }, 0] }] }, {}, true], [{ all: [[], true] }, {}, false], [{ some: [[-1, 0, 1], { '>': [{ var: '' }, 0] }] }, {}, true], [{ none: [[-3, -2], { '>': [{ var: '' }, 0] }] }, {}, true],
      [{ count: [{ var: 'rs' }, { '>': [{ var: 'x' }, { var: '../../lim' }] }] }, { rs: [{ x: 1 }, { x: 5 }], lim: 2 }, 1],
      [{ sum: [{ var: 'rs' }, { var: 'x' }] }, { rs: [{ x: 1 }, { x: 5 }] }, 6],
    ];
    for (const [logic, data, expected] of cases) {
      const fast = compileFast(expandMacros(logic), fold);
      expect(fast, JSON.stringify(logic)).toBeDefined();
      expect(fast!(data), JSON.stringify(logic)).toEqual(expected);
    }
  });

  it('throws where arithmetic fails, as run() expects', () => {
    for (const logic of [{ '/': [1, { var: 'z' }] }, { '+': [1, { var: 'o' }] }, { '*': ['x', { var: 'n' }] }, { days_between: [{ var: 'n' }, '2026-01-01'] }]) {
      expect(() => compileFast(logic, fold)!({ z: 0, o: { a: 1 }, n: 'abc' })).toThrow();
    }
  });
});
