import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { clean, compile, evaluate, type Evaluation } from '../src/index.js';
import { compileOrThrow, shapedAnswers, TODAY } from './helpers.js';

const dir = new URL('../templates/', import.meta.url);
const files = [
  new URL('../examples/esempio-minimo.json', import.meta.url),
  ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => new URL(f, dir)),
];
const definitions = files.map((url) => ({ name: url.pathname.split('/').pop()!, def: JSON.parse(readFileSync(url, 'utf8')) }));

describe.each(definitions)('properties of $name', ({ def }) => {
  const service = compileOrThrow(def);

  it('evaluate never throws on arbitrary JSON answers', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (answers) => {
      const ev = evaluate(service, answers, { today: TODAY });
      expect(typeof ev.valid).toBe('boolean');
      expectNoInternal(ev);
    }), { numRuns: 200 });
  });

  it('evaluate never throws on answers shaped like the form', () => {
    fc.assert(fc.property(shapedAnswers(def), (answers) => {
      const ev = evaluate(service, answers, { today: TODAY, locale: 'en' });
      expectNoInternal(ev);
      for (const e of ev.errors) expect(e.message.length).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });

  it('evaluate gives the same verdict, fee and score on the answers and on clean(answers)', () => {
    fc.assert(fc.property(shapedAnswers(def), (answers) => {
      const a = evaluate(service, answers, { today: TODAY });
      const b = evaluate(service, clean(service, answers, { today: TODAY }), { today: TODAY });
      expect(b.fee).toEqual(a.fee);
      expect(b.ranking).toEqual(a.ranking);
      expect(b.hidden.sort()).toEqual(a.hidden.sort());
      // clean drops unknown fields and values of the wrong shape, so it can only remove errors
      expect(b.errors.filter((e) => e.key === 'error.required').map((e) => e.pointer).sort())
        .toEqual(expect.arrayContaining(a.errors.filter((e) => e.key === 'error.required' && pointerValue(clean(service, answers, { today: TODAY }), e.pointer) === undefined).map((e) => e.pointer)));
    }), { numRuns: 150 });
  }, 60_000); // 150 runs of three evaluations and two cleans on the largest template: slow on a busy machine

  it('clean is idempotent and its result evaluates without hidden values', () => {
    fc.assert(fc.property(shapedAnswers(def), (answers) => {
      const once = clean(service, answers, { today: TODAY });
      expect(clean(service, once, { today: TODAY })).toEqual(once);
      const ev = evaluate(service, once, { today: TODAY });
      for (const p of ev.hidden) expect(pointerValue(once, p)).toBeUndefined();
    }), { numRuns: 200 });
  });
});

/** `error.internal` is what evaluate returns when the engine itself failed: never a designer's or citizen's doing. */
function expectNoInternal(ev: Evaluation): void {
  expect(ev.errors.filter((e) => e.key === 'error.internal')).toEqual([]);
}

function pointerValue(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const token of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

describe('compile never throws on arbitrary input', () => {
  it('returns problems for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (input) => {
      const r = compile(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.filter((p) => p.code === 'internal')).toEqual([]);
    }), { numRuns: 300 });
  });

  it('returns problems for mutated definitions, never throwing', () => {
    const base = definitions[0]!.def;
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('data', 'ui', 'rules', 'translations', 'fees', 'prefill', 'workflow'), (junk, key) => {
      const r = compile({ ...base, [key]: junk });
      expect(typeof r.ok).toBe('boolean');
      // a designer's mistake is a problem with its own code; `internal` would be the engine's bug
      if (!r.ok) expect(r.problems.filter((p) => p.code === 'internal')).toEqual([]);
    }), { numRuns: 300 });
  });
});
