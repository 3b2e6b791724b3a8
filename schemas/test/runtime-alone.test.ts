import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
// Only the runtime entry, as the wizard imports it: neither json-logic-engine nor re2js loaded up front.
import { compilePublished, evaluate } from '../src/runtime.js';
import { hasLogicEngine } from '../src/logic/engine.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('the runtime entry alone (what the wizard loads)', () => {
  it('compiles the rent subsidy without json-logic-engine (every expression on the direct compiler)', async () => {
    const r = await compilePublished(read('../templates/contributo-affitto.json'));
    expect(r.ok).toBe(true);
    expect(hasLogicEngine()).toBe(false);
    if (r.ok) expect(r.service.logicPaths.engine).toEqual([]);
  });

  it('loads json-logic-engine for an expression that needs it (a constant it folds), with the same result', async () => {
    const def = read('../examples/esempio-minimo.json');
    def.fees.amount = { '*': [{ var: 'numeroFigli' }, { '+': [1000, 600] }] };
    const r = await compilePublished(def);
    expect(hasLogicEngine()).toBe(true);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const ev = evaluate(r.service, { codiceFiscale: 'RSSMRA85T10A562S', haFigli: true, figli: [{ nome: 'A', eta: 3 }, { nome: 'B', eta: 5 }] }, { today: '2026-11-25' });
    expect(ev.fee?.amountCents).toBe(3200);
  });
});
