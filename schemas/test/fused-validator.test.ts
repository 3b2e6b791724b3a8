import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompiledService } from '../src/index.js';
import * as engine from '../src/index.js';
import { prepare } from '../src/evaluate/prepare.js';
import { specialized } from '../src/evaluate/specialize.js';
import { applyAjvValidation } from '../src/evaluate/validate.js';
import { fusedValidator } from '../src/evaluate/fused-validator.js';
import { compileOrThrow, evalAt, loadExample, loadTemplate, TODAY } from './helpers.js';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateSuite } from '../bench/generate.mjs';

const TEMPLATES = ['contributo-affitto', 'iscrizione-mensa-scolastica', 'occupazione-suolo-pubblico', 'accesso-agli-atti', 'bonus-nuovi-nati', 'segnalazione-assenza'];

/**
 * What required checks and schema validation leave: errors, required pointers and the row
 * context later rules see. By the fused validator (both in one pass), or by the specialized
 * required step and then Ajv.
 */
function errorsBy(service: CompiledService, answers: Record<string, unknown>, how: 'fused' | 'ajv'): unknown {
  const state = prepare(service, answers, { today: TODAY });
  if (how === 'ajv') {
    specialized(service).required(state);
    applyAjvValidation(state);
  } else fusedValidator(service)!(state);
  return { errors: state.errors, required: state.required, row: state.data.$row, index: state.data.$index };
}

/** Errors, or that it threw (Ajv's deep equality throws on objects without a prototype; evaluate says error.internal). */
function outcome(service: CompiledService, answers: Record<string, unknown>, how: 'fused' | 'ajv'): unknown {
  try {
    return errorsBy(service, answers, how);
  } catch (e) {
    return { threw: (e as Error).constructor.name };
  }
}

function expectSame(service: CompiledService, answers: Record<string, unknown>): void {
  expect(outcome(service, answers, 'fused')).toEqual(outcome(service, answers, 'ajv'));
}

/** Values of every JSON type, with the edge cases of each keyword (surrogate pairs, -0, fractions, big numbers). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, '', ' ', 'a', '😀', '😀😀x', '\ud83d', '2026-02-30', '2026-11-25', 'RSSMRA80A01H501U', 'IT60X0542811101000000123456', 0, -0, 1, 1.5, -3, 1e21, 0.1, 10, 100, true, false, [], {}, [1, 1], ['a', 'a'], [{ a: 1 }, { a: 1 }]),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every field path of the answers, with row indexes for rows that exist. */
function pointersOf(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const p = `${at}/${k}`;
    out.push(p, ...pointersOf(v, p));
  }
  return out;
}

function setAt(root: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  const tokens = pointer.split('/').slice(1);
  let cur: any = copy;
  for (const t of tokens.slice(0, -1)) cur = cur[t];
  if (value === undefined) delete cur[tokens[tokens.length - 1]!];
  else cur[tokens[tokens.length - 1]!] = value;
  return copy;
}

describe('fused validator: the same errors as Ajv on the relaxed schema', () => {
  it('covers every template (none falls back to Ajv)', () => {
    for (const id of TEMPLATES) expect(fusedValidator(compileOrThrow(loadTemplate(id))), id).toBeDefined();
  }, 60_000); // compiles every template: seconds on a busy machine

  it.each(TEMPLATES)('agrees on generated valid and invalid submissions of %s', (id) => {
    const def = loadTemplate(id) as any;
    const service = compileOrThrow(def);
    const suite = generateSuite(def, { engine, n: 20, today: TODAY });
    const all = [...suite.valid, ...suite.invalid.map((x: { data: unknown }) => x.data)];
    expect(all.length).toBeGreaterThan(20);
    let failing = 0;
    for (const answers of all) {
      const result = errorsBy(service, answers, 'fused') as { errors: unknown[] };
      if (result.errors.length > 0) failing++;
      expect(result).toEqual(errorsBy(service, answers, 'ajv'));
    }
    expect(failing).toBeGreaterThanOrEqual(suite.invalid.length); // the invalid ones did fail
  }, 60_000); // compiling a large template and generating its submissions: seconds on a busy machine

  it.each([
    ['contributo-affitto', 'contributo-affitto'],
    ['occupazione-suolo-pubblico', 'occupazione-suolo-pubblico'],
    ['accesso-agli-atti', 'accesso-agli-atti-foia'],
  ])('agrees when any answer of %s is replaced by any JSON value (hidden fields included)', (id, example) => {
    const service = compileOrThrow(loadTemplate(id));
    const worked = loadExample(example);
    const pointers = pointersOf(worked);
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...pointers), fc.option(anyValue, { nil: undefined })), { minLength: 1, maxLength: 4 }), (edits) => {
      let answers = worked;
      for (const [pointer, value] of edits) {
        try { answers = setAt(answers, pointer, value); } catch { /* an edit above removed the container */ }
      }
      expectSame(service, answers);
    }), { numRuns: 300 });
  });

  it('reports a costly format check at every place the same value is (checked once per evaluation)', () => {
    const service = compileOrThrow(loadTemplate('contributo-affitto'));
    const answers = structuredClone(loadExample('contributo-affitto'));
    answers.richiedente.codiceFiscale = 'RSSMRA80A01H501X'; // wrong check character
    answers.nucleo[0].codiceFiscale = 'RSSMRA80A01H501X';
    for (let i = 0; i < 2; i++) {
      const formats = evalAt(service, answers).errors.filter((e) => e.key === 'error.format.codice-fiscale').map((e) => e.pointer);
      expect(formats).toEqual(['/richiedente/codiceFiscale', '/nucleo/0/codiceFiscale']);
    }
    expect(evalAt(service, loadExample('contributo-affitto')).valid).toBe(true); // nothing kept from the call before
  });

  const everyKeyword = {
    id: 'ogni-parola-chiave', version: '1.0.0', title: 't.title', defaultLanguage: 'it',
    translations: { it: { 't.title': 'Titolo', 'e.x': 'x' } },
    data: {
      type: 'object', additionalProperties: false, required: ['testo', 'lista', 'righe'],
      properties: {
        testo: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z😀]+$' },
        data: { type: 'string', format: 'date' },
        cf: { type: 'string', format: 'codice-fiscale' },
        email: { type: 'string', format: 'email' },
        intero: { type: 'integer', minimum: 1, maximum: 100, multipleOf: 3 },
        numero: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10.5, multipleOf: 0.5 },
        scelta: { type: 'string', enum: ['a', 'b'] },
        misto: { type: ['string', 'number'], enum: ['a', 1, { x: 1 }] },
        consenso: { type: 'boolean', const: true },
        oggetto: { const: { a: [1, 2] } },
        senzaTipo: { minLength: 3, minimum: 5 },
        lista: { type: 'array', items: { type: 'string', enum: ['x', 'y', 'z'] }, minItems: 1, maxItems: 2, uniqueItems: true },
        listaNumeri: { type: 'array', items: { type: 'number', maximum: 5 }, uniqueItems: true },
        listaLibera: { type: 'array', uniqueItems: true },
        listaNullabile: { type: 'array', items: { type: ['string', 'null'], minLength: 2 } },
        sezione: {
          type: 'object', additionalProperties: false, required: ['a'],
          properties: { a: { type: 'string', maxLength: 3 }, b: { type: 'object', properties: { c: { type: 'integer' } } } },
        },
        righe: {
          type: 'array', minItems: 1, maxItems: 3, uniqueItems: true,
          items: { type: 'object', additionalProperties: false, required: ['n'], properties: { n: { type: 'integer', minimum: 0 }, s: { type: 'object', properties: { t: { type: 'string', minLength: 1 } } } } },
        },
      },
    },
    ui: { steps: [{ id: 'uno', title: 't.title', fields: ['testo', 'data', 'cf', 'email', 'intero', 'numero', 'scelta', 'misto', 'consenso', 'oggetto', 'senzaTipo', 'lista', 'listaNumeri', 'listaLibera', 'listaNullabile', 'sezione', 'righe'] }] },
    rules: [
      { id: 'nascondi', type: 'hide', field: 'sezione', when: { '==': [{ var: 'testo' }, 'zz'] } },
      { id: 'numeroSeTre', type: 'require', field: 'numero', when: { '==': [{ var: 'intero' }, 3] } },
      { id: 'testoInRiga', type: 'require', field: 'righe[].s.t', when: { '>': [{ var: '$row.n' }, 1] } },
      { id: 'nascondiRiga', type: 'hide', field: 'righe[].s', when: { '==': [{ var: '$row.n' }, 7] } },
    ],
  };
  const names = Object.keys(everyKeyword.data.properties);

  it('agrees on every keyword it supports, for arbitrary values (a schema written for the purpose)', () => {
    const service = compileOrThrow(everyKeyword);
    expect(fusedValidator(service)).toBeDefined();
    // Answers are JSON: JSON.parse never makes a null-prototype object, which fast-check may (and
    // on which Ajv's deep equality throws while a JSON value's comparison cannot).
    const answers = fc.dictionary(fc.constantFrom(...names, 'extra', 'altro'), fc.oneof(anyValue,
      fc.record({ a: anyValue, b: fc.oneof(anyValue, fc.record({ c: anyValue })), z: anyValue }, { requiredKeys: [], noNullPrototype: true }),
      fc.array(fc.oneof(anyValue, fc.record({ n: anyValue, s: fc.oneof(anyValue, fc.record({ t: anyValue })), q: anyValue }, { requiredKeys: [], noNullPrototype: true })), { maxLength: 5 })), { noNullPrototype: true });
    fc.assert(fc.property(answers, (a) => expectSame(service, a)), { numRuns: 2000 });
  });

  it('reports what a designer expects on that schema', () => {
    const service = compileOrThrow(everyKeyword);
    const ev = evalAt(service, {
      testo: 'a', intero: 4, numero: 10.5, consenso: false, lista: ['x', 'x', 'q'], sezione: { a: 'abcd', z: 1 },
      righe: [{ n: -1 }, { n: -1 }], extra: 1, listaNullabile: [null, 'a'], senzaTipo: 'ab', oggetto: { a: [1, 2] },
    });
    expect(ev.errors.map((e) => [e.pointer, e.key])).toEqual([
      ['/extra', 'error.additionalProperties'],
      ['/testo', 'error.minLength'],
      ['/intero', 'error.multipleOf'],
      ['/numero', 'error.exclusiveMaximum'],
      ['/consenso', 'error.const'],
      ['/senzaTipo', 'error.minLength'],
      ['/lista', 'error.maxItems'],
      ['/lista/2', 'error.enum'],
      ['/lista', 'error.uniqueItems'],
      ['/listaNullabile/1', 'error.minLength'],
      ['/sezione/z', 'error.additionalProperties'],
      ['/sezione/a', 'error.maxLength'],
      ['/righe/0/n', 'error.minimum'],
      ['/righe/1/n', 'error.minimum'],
      ['/righe', 'error.uniqueItems'],
    ]);
    // A hidden section is not validated at all.
    const hidden = evalAt(service, { testo: 'zz', lista: ['x'], righe: [{ n: 0 }], sezione: { a: 'abcd', z: 1 } });
    expect(hidden.errors).toEqual([]);
    // Required fields (listed, or by a rule per row), hidden rows' fields skipped; a row that is
    // not an object is reported, and its fields are missing.
    const rows = evalAt(service, { testo: 'ab', lista: ['x'], righe: [{ n: 2 }, { n: 7 }, 5] });
    expect(rows.errors.map((e) => [e.pointer, e.key])).toEqual([
      ['/sezione/a', 'error.required'], // inside a section not answered at all
      ['/righe/2/n', 'error.required'],
      ['/righe/0/s/t', 'error.required'],
      ['/righe/2', 'error.type'],
    ]);
    expect(rows.required).toEqual(['/testo', '/lista', '/sezione/a', '/righe', '/righe/0/n', '/righe/1/n', '/righe/2/n', '/righe/0/s/t']);
  });

  it('leaves schemas with other keywords to Ajv, with the same results as before', () => {
    const def = structuredClone(everyKeyword) as any;
    def.data.properties.scelta = { anyOf: [{ type: 'string', maxLength: 1 }, { type: 'integer' }] };
    const service = compileOrThrow(def);
    expect(fusedValidator(service)).toBeUndefined();
    const ev = evalAt(service, { scelta: 'ab', testo: 'abc', lista: ['x'], righe: [{ n: 1 }], consenso: false, oggetto: null });
    // const is checked by Ajv as enum [value, null] (relaxed-schema.ts) and still reported as const.
    expect(ev.errors.map((e) => [e.pointer, e.key])).toEqual([
      ['/sezione/a', 'error.required'], ['/scelta', 'error.maxLength'], ['/scelta', 'error.type'], ['/scelta', 'error.anyOf'], ['/consenso', 'error.const'],
    ]);
  });
});
