import { describe, it, expect } from 'vitest';
import { compileLogic } from './engine.js';
import './json-logic.js';

describe('logic engine operators', () => {
  it('sums and counts rows of a group', () => {
    const data = { n: [{ r: 100, d: true }, { r: 50.5, d: false }, { r: null }], lim: 60 };
    expect(compileLogic({ sum: [{ var: 'n' }, { var: 'r' }] })(data)).toBe(150.5);
    expect(compileLogic({ count: [{ var: 'n' }] })(data)).toBe(3);
    expect(compileLogic({ count: [{ var: 'n' }, { var: 'd' }] })(data)).toBe(1);
    expect(compileLogic({ count: [{ var: 'n' }, { '>': [{ var: 'r' }, { var: '../../lim' }] }] })(data)).toBe(1);
    expect(compileLogic({ sum: [{ var: 'missing' }, { var: 'r' }] })(data)).toBe(0);
    expect(compileLogic({ count: [{ var: 'missing' }] })(data)).toBe(0);
  });
  it('rounds half away from zero', () => {
    expect(compileLogic({ round: [{ var: 'x' }, 2] })({ x: 1.005 })).toBe(1.01);
    expect(compileLogic({ round: [2.5] })({})).toBe(3);
    expect(compileLogic({ round: -2.5 })({})).toBe(-3);
  });
  it('counts days and years between ISO dates', () => {
    expect(compileLogic({ days_between: ['2026-01-01', '2026-03-01'] })({})).toBe(59);
    expect(compileLogic({ years_between: ['2000-03-01', '2026-02-28'] })({})).toBe(25);
    expect(compileLogic({ years_between: ['2000-03-01', { today: [] }] })({ $today: '2026-03-01' })).toBe(26);
    expect(() => compileLogic({ days_between: ['2026-1-1', '2026-03-01'] })({})).toThrow();
  });
  it('reads $row of a group row from a prototype-linked context', () => {
    const root = { lim: 3 };
    const ctx = Object.create(root);
    ctx.$row = { a: 5 };
    expect(compileLogic({ '>': [{ var: '$row.a' }, { var: 'lim' }] })(ctx)).toBe(true);
  });

  it('compares with JavaScript loose equality, as JSON Logic defines ==', () => {
    expect(compileLogic({ '==': [{ var: 'a' }, null] })({ a: 0 })).toBe(false);
    expect(compileLogic({ '==': [{ var: 'a' }, null] })({})).toBe(true);
    expect(compileLogic({ '==': ['1', 1] })({})).toBe(true);
    expect(compileLogic({ '!=': [{ var: 'a' }, null] })({ a: 0 })).toBe(true);
  });
  it('counts null and empty strings as missing, as json-logic-js does', () => {
    expect(compileLogic({ missing: ['a', 'b', 'c.d', 'e'] })({ a: null, b: '', c: { d: 0 }, e: false })).toEqual(['a', 'b']);
    expect(compileLogic({ missing_some: [1, ['a', 'b']] })({ a: null, b: 2 })).toEqual([]);
    expect(compileLogic({ missing_some: [2, ['a', 'b']] })({ a: null, b: 2 })).toEqual(['a']);
  });

  it('compares custom-operator results on the right (json-logic-engine compiled-comparator bug)', () => {
    const data = { a: '2026-01-01', b: '2026-01-05', d: '2022-06-10', t: '2026-11-25' };
    expect(compileLogic({ '<': [0, { days_between: [{ var: 'a' }, { var: 'b' }] }] })(data)).toBe(true);
    expect(compileLogic({ '<=': [2, { years_between: [{ var: 'd' }, { var: 't' }] }, 6] })(data)).toBe(true);
    expect(compileLogic({ '<': [1, 2, 2] })({})).toBe(false);
    expect(compileLogic({ '>': ['b', 'a'] })({})).toBe(true);
  });
  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => compileLogic({ days_between: ['2027-02-30', '2027-03-02'] })({})).toThrow();
    expect(() => compileLogic({ days_between: ['2027-13-45', '2027-03-02'] })({})).toThrow();
    expect(compileLogic({ days_between: ['2028-02-28', '2028-03-01'] })({})).toBe(2);
  });
});
