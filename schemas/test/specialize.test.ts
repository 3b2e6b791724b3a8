/**
 * evaluate runs computes, visibility, required and error rules through code generated once per
 * service (src/evaluate/specialize.ts). These tests run the generic steps it replaces
 * (applyComputes, applyVisibility, applyRequired, applyErrorRules) on the same answers and
 * expect the same state: on the templates (generated valid, invalid and rule-broken answers),
 * and on rules that throw.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledService } from '../src/index.js';
import * as engine from '../src/index.js';
import { createState, type EvalState } from '../src/evaluate/state.js';
import { applyComputes } from '../src/evaluate/compute.js';
import { applyVisibility } from '../src/evaluate/visibility.js';
import { applyRequired } from '../src/evaluate/required.js';
import { applyErrorRules } from '../src/evaluate/validate.js';
import { specialize } from '../src/evaluate/specialize.js';
// @ts-expect-error plain ESM JavaScript, no type declarations
import { generateSuite } from '../bench/generate.mjs';
import { compileOrThrow, loadTemplate, TODAY } from './helpers.js';

function generic(service: CompiledService, answers: Record<string, unknown>): EvalState {
  const state = createState(service, answers, { today: TODAY });
  applyComputes(state);
  applyVisibility(state);
  applyRequired(state);
  applyErrorRules(state);
  return state;
}

function generated(service: CompiledService, answers: Record<string, unknown>): EvalState {
  const steps = specialize(service);
  const state = createState(service, answers, { today: TODAY });
  steps.pass(state);
  steps.required(state);
  steps.errors(state);
  return state;
}

/** What the steps leave behind, in a comparable form (order included). */
function summary(state: EvalState) {
  const { $row: _row, $index: _index, ...data } = state.data;
  return {
    data,
    computed: Object.entries(state.computed),
    hidden: [...state.hidden],
    hiddenSteps: [...state.hiddenSteps],
    required: state.required,
    errors: state.errors,
  };
}

const TEMPLATES = ['contributo-affitto', 'accesso-agli-atti', 'iscrizione-mensa-scolastica', 'occupazione-suolo-pubblico', 'segnalazione-assenza'];

describe('generated rule steps', () => {
  for (const id of TEMPLATES) {
    it(`match the generic steps on ${id}`, () => {
      const definition = loadTemplate(id);
      const service = compileOrThrow(definition);
      const suite = generateSuite(definition, { engine, n: 6, seed: 7, today: TODAY, ruleBroken: 3 });
      const all = [...suite.valid, ...suite.invalid.map((x: { data: unknown }) => x.data), ...suite.ruleBroken.map((x: { data: unknown }) => x.data), {}];
      for (const answers of all) expect(summary(generated(service, answers))).toEqual(summary(generic(service, answers)));
    }, 60_000); // compiling the largest template and generating its submissions: seconds on a busy machine
  }

  it('treat a rule that throws as not holding (compute left empty), as the generic steps do', () => {
    const service = compileOrThrow({
      id: 'regole-che-falliscono', version: '1.0.0', defaultLanguage: 'it', title: 't', description: 'd', category: 'c',
      data: {
        type: 'object', required: ['a'],
        properties: {
          a: { type: 'number' }, b: { type: 'number' }, c: { type: 'string' }, d: { type: 'string' }, e: { type: 'string' },
          righe: { type: 'array', items: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' }, z: { type: 'string' } } } },
        },
      },
      ui: { steps: [{ id: 's', title: 't', fields: ['a', 'b', 'c', 'd', 'e', 'righe'] }] },
      rules: [
        // "-" on a string throws (NaN) in the compiled logic; years_between on a non-date throws.
        { id: 'calcola', type: 'compute', field: 'b', value: { '-': [{ var: 'c' }, 1] } },
        { id: 'calcolaRiga', type: 'compute', field: 'righe[].y', value: { years_between: [{ var: '$row.z' }, { var: '$today' }] } },
        { id: 'mostra', type: 'show', field: 'd', when: { '>': [{ '-': [{ var: 'c' }, 1] }, 0] } },
        { id: 'nascondi', type: 'hide', field: 'e', when: { '>': [{ '-': [{ var: 'c' }, 1] }, 0] } },
        { id: 'richiedi', type: 'require', field: 'e', when: { '>': [{ '-': [{ var: 'c' }, 1] }, 0] } },
        { id: 'errore', type: 'error', field: 'a', message: 'error.x', when: { '>': [{ '-': [{ var: 'c' }, 1] }, 0] } },
        { id: 'erroreRiga', type: 'error', field: 'righe[].x', message: 'error.x', when: { '<': [{ days_between: [{ var: '$row.z' }, { var: '$today' }] }, 0] } },
      ],
      translations: { it: { t: 'T', d: 'D', c: 'C', 'error.x': 'X' } },
    });
    for (const answers of [
      { a: 1, c: 'non un numero', righe: [{ x: 1, z: 'non una data' }, { x: 2, z: '2027-02-30' }, null, { z: '2000-01-01' }] },
      { a: 1, c: 'x', righe: 'non una lista' },
      { c: '5', righe: [{ z: '2030-01-01' }] },
    ]) {
      const state = generated(service, answers);
      expect(summary(state)).toEqual(summary(generic(service, answers)));
      expect(state.computed['/b']).toBe(answers.c === '5' ? 4 : undefined);
    }
    const ev = engine.evaluate(service, { a: 1, c: 'x', righe: [{ z: 'no' }] }, { today: TODAY });
    expect(ev.computed).toEqual({});
    expect(ev.hidden).toEqual(['/d']);
    expect(ev.errors).toEqual([]);
  });

  it('write computed values without copying containers that already hold them, and never into the answers', () => {
    const service = compileOrThrow({
      id: 'valori-gia-calcolati', version: '1.0.0', defaultLanguage: 'it', title: 't', description: 'd', category: 'c',
      data: {
        type: 'object',
        properties: {
          a: { type: 'number' },
          sez: { type: 'object', properties: { x: { type: 'number' } } },
          righe: { type: 'array', items: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } } } },
        },
      },
      ui: { steps: [{ id: 's', title: 't', fields: ['a', 'sez', 'righe'] }] },
      rules: [
        { id: 'x', type: 'compute', field: 'sez.x', value: { '+': [1, 1] } },
        { id: 'y', type: 'compute', field: 'righe[].y', value: { '*': [{ var: '$row.x' }, 2] } },
        // The write creates a missing section, as before: rules after it see sez as {x: 2}.
        { id: 'sezMancante', type: 'error', field: 'a', message: 'error.x', when: { '!': { var: 'sez' } } },
      ],
      translations: { it: { t: 'T', d: 'D', c: 'C', 'error.x': 'X' } },
    });
    const freeze = <T>(x: T): T => {
      if (x && typeof x === 'object') { Object.values(x).forEach(freeze); Object.freeze(x); }
      return x;
    };
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ sez: { x: 2 }, righe: [{ x: 1, y: 2 }, { x: 2, y: 4 }] }, { '/sez/x': 2, '/righe/0/y': 2, '/righe/1/y': 4 }],
      [{ sez: { x: 5 }, righe: [{ x: 1, y: 2 }, { x: 2, y: 0 }, 'riga'] }, { '/sez/x': 2, '/righe/0/y': 2, '/righe/1/y': 4, '/righe/2/y': 0 }],
      [{}, { '/sez/x': 2 }],
      [{ sez: 'testo' }, { '/sez/x': 2 }],
    ];
    for (const [answers, computed] of cases) {
      const frozen = freeze(structuredClone(answers));
      const ev = engine.evaluate(service, frozen, { today: TODAY });
      expect(ev.computed).toEqual(computed);
      expect(ev.errors.map((e) => e.key)).not.toContain('error.internal');
      expect(ev.errors.map((e) => e.key)).not.toContain('error.x');
      expect(frozen).toEqual(answers);
      expect(summary(generated(service, frozen))).toEqual(summary(generic(service, frozen)));
    }
    // A row that is not an object becomes one holding the computed value, as before.
    const state = generated(service, freeze({ righe: [{ x: 1, y: 2 }, 'riga'] }));
    expect(state.data.righe).toEqual([{ x: 1, y: 2 }, { y: 0 }]);
  });
});
