import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fusedValidator } from '../src/evaluate/fused-validator.js';
import { compileOrThrow, errorsOf, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

/** Optional fields with a format, a pattern, a length and a number type; one required with a format. */
function definition(extra: Record<string, unknown>) {
  const def = structuredClone(base);
  Object.assign(def.data.properties, {
    pec: { type: 'string', format: 'email', ...structuredClone(extra) },
    targa: { type: 'string', pattern: '^[A-Z]{2}[0-9]{3}[A-Z]{2}$', minLength: 7, ...structuredClone(extra) },
    piano: { type: 'integer', ...structuredClone(extra) },
    iban: { type: 'string', format: 'iban', ...structuredClone(extra) },
  });
  def.data.required.push('iban');
  def.ui.steps[0].fields.push('pec', 'targa', 'piano', 'iban');
  return def;
}

describe("'' means no answer, as null does, on both validation paths", () => {
  for (const [path, extra] of [['generated validator', {}], ['Ajv', { not: { const: 'zz' } }]] as const) {
    it(`an optional field left '' is not checked; a required one is only "required" (${path})`, () => {
      const service = compileOrThrow(definition(extra));
      expect(fusedValidator(service) !== undefined).toBe(path === 'generated validator');
      const ev = evalAt(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false, pec: '', targa: '', piano: '', iban: '' });
      expect(errorsOf(ev)).toEqual([['/iban', 'error.required']]);
      const wrong = evalAt(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: false, pec: 'x', targa: 'x', piano: 'x', iban: 'x' });
      expect(errorsOf(wrong)).toEqual([
        ['/iban', 'error.format.iban'], ['/pec', 'error.format.email'], ['/piano', 'error.type'], ['/targa', 'error.minLength'], ['/targa', 'error.pattern'],
      ]);
    });
  }
});
