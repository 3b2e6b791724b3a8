import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compile, type Problem } from '../src/index.js';
import { compileOrThrow, evalAt } from './helpers.js';

const base = JSON.parse(readFileSync(new URL('../examples/esempio-minimo.json', import.meta.url), 'utf8'));

/**
 * A canteen's sibling discount, cheapest first: the most expensive child pays in full, the next
 * 20% less, every other 40% less, and only with two children or more. Each row's value reads
 * the group's total (numeroFigli) and the other rows (how many siblings cost more).
 */
function siblingDiscount() {
  const def = structuredClone(base);
  Object.assign(def.data.properties.figli.items.properties, {
    retta: { type: 'number', minimum: 0 },
    posto: { type: 'integer' },
    quota: { type: 'number' },
  });
  def.data.properties.totale = { type: 'number' };
  def.rules.push(
    { id: 'posto', type: 'compute', field: 'figli[].posto', value: { count: [{ var: 'figli' }, { '>': [{ var: 'retta' }, { var: '../../$row.retta' }] }] } },
    {
      id: 'quota', type: 'compute', field: 'figli[].quota',
      value: { if: [
        { '<': [{ var: 'numeroFigli' }, 2] }, { var: '$row.retta' },
        { '==': [{ var: '$row.posto' }, 0] }, { var: '$row.retta' },
        { '==': [{ var: '$row.posto' }, 1] }, { round: [{ '*': [{ var: '$row.retta' }, 0.8] }, 2] },
        { round: [{ '*': [{ var: '$row.retta' }, 0.6] }, 2] },
      ] },
    },
    { id: 'totale', type: 'compute', field: 'totale', value: { sum: [{ var: 'figli' }, { var: 'quota' }] } },
  );
  def.fees = { amount: { '*': [{ var: 'totale' }, 100] }, causale: 'fee.causale' };
  return def;
}

const family = (...rette: number[]) => ({
  codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: rette.map((retta, i) => ({ nome: `F${i}`, eta: 20, retta })),
});

function codes(def: unknown): Problem[] {
  const r = compile(def);
  return r.ok ? [] : r.problems;
}

describe('group totals without false cycles: dependencies per value read', () => {
  it('a sibling discount ordered by price compiles and evaluates in dependency order', () => {
    const service = compileOrThrow(siblingDiscount());
    const ev = evalAt(service, family(100, 300, 200));
    expect(ev.errors).toEqual([]);
    expect(ev.computed).toMatchObject({
      '/numeroFigli': 3,
      '/figli/0/posto': 2, '/figli/1/posto': 0, '/figli/2/posto': 1,
      '/figli/0/quota': 60, '/figli/1/quota': 300, '/figli/2/quota': 160,
      '/totale': 520,
    });
    expect(ev.fee?.amountCents).toBe(52_000);
    // one child: no discount, whatever its place
    expect(evalAt(service, family(250)).fee?.amountCents).toBe(25_000);
  });

  it('a real cycle through the group total is still refused, the loop named', () => {
    const def = siblingDiscount();
    // the total now reads the quotas and a quota the total
    def.rules.find((r: { id: string }) => r.id === 'quota').value = { '/': [{ var: 'totale' }, { var: 'numeroFigli' }] };
    const found = codes(def);
    expect(found.map((p) => p.code)).toEqual(['rule.cycle']);
    expect(found[0]!.params?.fields).toEqual(expect.arrayContaining(['totale', 'figli[].quota']));
    expect(found[0]!.message).toMatch(/totale -> figli\[\]\.quota -> totale|figli\[\]\.quota -> totale -> figli\[\]\.quota/);
    // the fields of the loop are still computed ones: no warning says they are not, or may be unanswered
    const r = compile(def);
    expect(r.warnings.filter((w) => w.code === 'field.notInStep' || w.code === 'logic.unguardedComparison')).toEqual([]);
  });

  it('a row value that reads the same value in the other rows is a cycle', () => {
    const def = siblingDiscount();
    def.rules.find((r: { id: string }) => r.id === 'posto').value = { count: [{ var: 'figli' }, { '>': [{ var: 'posto' }, 0] }] };
    expect(codes(def).map((p) => [p.pointer, p.code])).toEqual([[expect.stringMatching(/^\/rules\/\d+\/value$/), 'rule.cycle']]);
  });
});

describe('a field whose visibility depends on itself is refused (rule.visibilityCycle)', () => {
  it('directly', () => {
    const def = structuredClone(base);
    def.rules.push({ id: 'fineSeFine', type: 'show', field: 'dataFine', when: { var: 'dataFine' } });
    const found = codes(def);
    expect(found.map((p) => [p.pointer, p.code, p.params?.fields])).toEqual([[`/rules/${def.rules.length - 1}/when`, 'rule.visibilityCycle', ['dataFine', 'dataFine']]]);
    expect(found[0]!.message).toContain('dataFine -> dataFine');
  });

  it('through a computed value', () => {
    const def = structuredClone(base);
    def.data.properties.durata = { type: 'integer' };
    def.rules.push(
      { id: 'durata', type: 'compute', field: 'durata', value: { days_between: [{ var: 'dataInizio' }, { var: 'dataFine' }] } },
      { id: 'fineSeLunga', type: 'hide', field: 'dataFine', when: { '>': [{ var: 'durata' }, 30] } },
    );
    expect(codes(def).map((p) => [p.code, p.params?.fields])).toEqual([['rule.visibilityCycle', ['dataFine', 'durata', 'dataFine']]]);
  });

  it('a group shown by its own row count, and a step by a field it lays out', () => {
    const def = structuredClone(base);
    def.rules.push({ id: 'figliSeCe', type: 'show', field: 'figli', when: { '>': [{ count: [{ var: 'figli' }] }, 0] } });
    def.rules[0].when = { '==': [{ var: 'numeroFigli' }, 0] }; // step "figli" lays out numeroFigli, a count of figli
    expect(codes(def).map((p) => [p.pointer, p.code])).toEqual([
      ['/rules/0/when', 'rule.visibilityCycle'],
      [`/rules/${def.rules.length - 1}/when`, 'rule.visibilityCycle'],
    ]);
  });

  it('a row field may depend on the group\'s row count; a field on another field', () => {
    const def = structuredClone(base);
    def.rules.push({ id: 'scuolaSePiuFigli', type: 'show', field: 'figli[].scuola', when: { '>': [{ count: [{ var: 'figli' }] }, 1] } });
    def.rules.push({ id: 'fineDopoInizio', type: 'show', field: 'dataFine', when: { var: 'dataInizio' } });
    expect(codes(def)).toEqual([]);
  });
});
