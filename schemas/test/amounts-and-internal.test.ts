import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, evaluate, LIMITS } from '../src/index.js';
import { compileOrThrow, TODAY } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
base.data.properties.figli.maxItems = 200; // room for the 101 children below

describe('amounts are bounded by the engine', () => {
  const service = compileOrThrow({ ...structuredClone(base), fees: { amount: { '*': [{ var: 'numeroFigli' }, 1_000_000_000] }, causale: 'fee.causale' } });
  const withChildren = (n: number) => ({ codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: Array.from({ length: n }, () => ({ nome: 'A', eta: 20 })) });

  it('a fee up to LIMITS.maxAmountCents is returned as computed', () => {
    expect(LIMITS.maxAmountCents).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(evaluate(service, withChildren(3), { today: TODAY }).fee).toMatchObject({ amountCents: 3_000_000_000 });
    expect(evaluate(service, withChildren(100), { today: TODAY }).fee).toMatchObject({ amountCents: LIMITS.maxAmountCents });
  });

  it('a larger one is fee.outOfRange with no amount', () => {
    const fee = evaluate(service, withChildren(101), { today: TODAY }).fee!;
    expect(fee.amountCents).toBeNull();
    expect(fee.error).toBe('fee.outOfRange');
  });
});

describe('an internal failure is told apart from a designer\'s or a citizen\'s problem', () => {
  const service = compileOrThrow(structuredClone(base));

  it('a rule that fails on the answers is the designer\'s (error.rule or no value), never error.internal', () => {
    const ev = evaluate(service, { codiceFiscale: 'x', haFigli: true, figli: 'not a list', dataInizio: 7, dataFine: {} }, { today: TODAY });
    expect(ev.errors.map((e) => e.key)).not.toContain('error.internal');
  });

  it('the engine failing (here: answers whose property throws when read) is error.internal', () => {
    const answers = {};
    Object.defineProperty(answers, 'haFigli', { enumerable: true, get() { throw new Error('boom'); } });
    const ev = evaluate(service, answers, { today: TODAY });
    expect(ev.errors.map((e) => e.key)).toEqual(['error.internal']);
  });

  it('compile reports its own failure as the `internal` problem', () => {
    const def = structuredClone(base);
    Object.defineProperty(def, 'rules', { enumerable: true, get() { throw new Error('boom'); } });
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['internal']);
  });
});
