import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, compileCondition, conditionHolds } from '../src/index.js';

const example = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

describe('conditions outside the definition (routing rules)', () => {
  const r = compile(example);
  if (!r.ok) throw new Error('the minimal example does not compile');
  const service = r.service;

  it('compiles a condition over the service\'s fields and evaluates it on stored answers', () => {
    const c = compileCondition(service, { and: [{ '==': [{ var: 'haFigli' }, true] }, { '>=': [{ var: 'numeroFigli' }, 2] }] });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(conditionHolds(c.fn, { haFigli: true, numeroFigli: 3 }, '2026-12-04')).toBe(true);
    expect(conditionHolds(c.fn, { haFigli: true, numeroFigli: 1 }, '2026-12-04')).toBe(false);
    expect(conditionHolds(c.fn, {}, '2026-12-04')).toBe(false);
  });

  it('refuses unknown fields, office fields and unknown operators, with pointers', () => {
    const c = compileCondition(service, { or: [{ var: 'nonEsiste' }, { var: '$office.verificato' }, { eval: ['x'] }] }, '/rules/0/when');
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.problems.length).toBeGreaterThanOrEqual(2);
    expect(c.problems.every((p) => p.pointer.startsWith('/rules/0/when'))).toBe(true);
  });

  it('a condition that throws on odd data does not hold', () => {
    const c = compileCondition(service, { '>': [{ var: 'numeroFigli' }, 1] });
    if (!c.ok) throw new Error('expected to compile');
    expect(conditionHolds(c.fn, { numeroFigli: { odd: [1] } }, '2026-12-04')).toBe(false);
  });
});
