/**
 * Keeps the benchmark honest in CI: on a small deterministic sample, the generated valid
 * submissions are accepted and the invalid ones rejected by all four contestants (Sportello's
 * evaluate, raw Ajv, @formio/core and survey-core on the converted forms), and submissions that
 * break only rules are rejected by the three that know the rules (plain Ajv accepts them).
 * No timing here: speed is measured by `npm run bench -w schemas`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as engine from '../src/index.js';
// @ts-expect-error plain ESM JavaScript, no type declarations
import { generateSuite } from './generate.mjs';
// @ts-expect-error plain ESM JavaScript, no type declarations
import { checkAgreement, createTools } from './harness.mjs';
// @ts-expect-error plain ESM JavaScript, no type declarations
import { createRunner, threadCpuMs } from './contestant.mjs';

const TODAY = '2026-11-25';

function load(relative: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));
}

const cases: Array<[string, string, number]> = [
  ['contributo-affitto (the benchmark template)', '../templates/contributo-affitto.json', 8],
  ['esempio-minimo (a group a step hides)', '../examples/esempio-minimo.json', 10],
];

describe('benchmark generators and converters', () => {
  for (const [name, file, n] of cases) {
    const present = existsSync(fileURLToPath(new URL(file, import.meta.url)));
    it.skipIf(!present)(`all four agree on ${n} valid, ${n} invalid and some rule-broken submissions of ${name}`, () => {
      const definition = load(file);
      const suite = generateSuite(definition, { engine, n, seed: 7, today: TODAY, ruleBroken: Math.ceil(n / 2) });
      expect(suite.valid).toHaveLength(n);
      expect(suite.invalid).toHaveLength(n);
      const tools = createTools(definition, engine, { today: TODAY });
      const result = checkAgreement(tools, suite, definition, { freshSample: 2 });
      expect(result.disagreements.slice(0, 5)).toEqual([]);
      expect(result.total).toBeGreaterThan(2 * n);
      expect(result.agreed).toBe(result.total);
    }, 120_000);
  }

  it('generates the same submissions from the same seed', () => {
    const definition = load('../examples/esempio-minimo.json');
    const a = generateSuite(definition, { engine, n: 5, seed: 42, today: TODAY });
    const b = generateSuite(definition, { engine, n: 5, seed: 42, today: TODAY });
    expect(b).toEqual(a);
  });

  it('times a contestant: warm-up, passes per batch, one round (wall clock and thread CPU time)', () => {
    const definition = load('../examples/esempio-minimo.json');
    const suite = generateSuite(definition, { engine, n: 3, seed: 42, today: TODAY });
    const tools = createTools(definition, engine, { today: TODAY });
    const data = [...suite.valid, ...suite.invalid.map((x: { data: unknown }) => x.data)];
    const runner = createRunner(tools.sportello, data, { targetMs: 20, warmupMs: 20 });
    const warm = runner.warmUp();
    expect(warm.passes).toBeGreaterThanOrEqual(1);
    expect(warm.reps).toBeGreaterThanOrEqual(1);
    const round = runner.round();
    expect(round.perSec).toBeGreaterThan(0);
    expect(round.compileMs).toBeGreaterThan(0);
    if (threadCpuMs() === null) expect(round.cpuPerSec).toBeNull();
  });
});
