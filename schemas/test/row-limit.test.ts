/** Each repeating group states its row limit (maxItems, at most LIMITS.rows; LIMITS.defaultRows without it), checked before evaluating. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, LIMITS } from '../src/index.js';
import { compileOrThrow, errorsOf, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ nome: `F${i}`, eta: 15 }));

describe('row limits of repeating groups', () => {
  it('a group may not allow more than LIMITS.rows rows (group.tooManyRows, with what to do)', () => {
    const def = structuredClone(base);
    def.data.properties.figli.maxItems = LIMITS.rows + 1;
    const r = compile(def);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => [p.pointer, p.code])).toEqual([['/data/properties/figli/maxItems', 'group.tooManyRows']]);
      expect(r.problems[0]!.message).toContain('"maxItems" to 1000 or less');
    }
    def.data.properties.figli.maxItems = LIMITS.rows;
    expect(compile(def).ok).toBe(true);
  });

  it('answers with more rows than the group allows are refused before any rule runs', () => {
    const service = compileOrThrow(base); // figli: maxItems 10
    const ev = evalAt(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: rows(11) }, { locale: 'en' });
    expect(errorsOf(ev)).toEqual([['/figli', 'error.maxItems']]); // the designer's own bound, in its own words
    expect(ev.errors[0]!.message).toBe('Add at most 10 items');
    expect([ev.valid, ev.computed, ev.fee]).toEqual([false, {}, null]);
    expect(evalAt(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: rows(10) }).valid).toBe(true);
  });

  it(`a group without maxItems allows ${LIMITS.defaultRows} rows; a hostile 100,000 rows cost a length check`, () => {
    const def = structuredClone(base);
    delete def.data.properties.figli.maxItems;
    const service = compileOrThrow(def);
    expect(evalAt(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: rows(LIMITS.defaultRows) }).valid).toBe(true);
    const huge = rows(100_000);
    const ev = evalAt(service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: huge });
    expect(ev.errors.map((e) => [e.pointer, e.key, e.params])).toEqual([['/figli', 'error.tooManyRows', { limit: LIMITS.defaultRows }]]);
  });
});
