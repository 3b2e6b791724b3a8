import { describe, expect, it } from 'vitest';
import { compile, guardHolds } from '../src/index.js';
import { readFileSync } from 'node:fs';

const loadExample = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8'));

/** The minimal example with office fields and a workflow whose approval is guarded. */
function guarded(guard: unknown) {
  const def = loadExample('esempio-minimo');
  def.officeData = { type: 'object', properties: { verificato: { type: 'boolean' } } };
  def.workflow = {
    initial: 'presentata',
    states: [{ id: 'presentata', label: 'service.title' }, { id: 'accolta', label: 'service.title', final: true }],
    transitions: [
      { id: 'accogli', from: 'presentata', to: 'accolta', label: 'service.title', guard, guardMessage: 'service.title' },
      { id: 'libera', from: 'presentata', to: 'accolta', label: 'service.title' },
    ],
  };
  return def;
}

describe('transition guards', () => {
  it('a guard over answers, computed values and office fields holds only when all do', () => {
    const r = compile(guarded({ and: [{ '==': [{ var: '$office.verificato' }, true] }, { '>=': [{ var: 'numeroFigli' }, 2] }, { '==': [{ var: 'haFigli' }, true] }] }));
    expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
    if (!r.ok) return;
    const answers = { codiceFiscale: 'RSSMRA80A01H501U', haFigli: true };
    const base = { answers, today: '2026-12-04' };
    expect(guardHolds(r.service, 'accogli', { ...base, computed: { '/numeroFigli': 2 }, office: { verificato: true } })).toBe(true);
    expect(guardHolds(r.service, 'accogli', { ...base, computed: { '/numeroFigli': 2 }, office: { verificato: false } })).toBe(false);
    expect(guardHolds(r.service, 'accogli', { ...base, computed: { '/numeroFigli': 1 }, office: { verificato: true } })).toBe(false);
    expect(guardHolds(r.service, 'accogli', { ...base, office: { verificato: true } })).toBe(false);
    expect(guardHolds(r.service, 'libera', base)).toBe(true);
    expect(answers).toEqual({ codiceFiscale: 'RSSMRA80A01H501U', haFigli: true }); // the stored answers are not touched
  });

  it('a guard naming an unknown field or office field is a problem at its pointer', () => {
    const r = compile(guarded({ and: [{ var: 'nonEsiste' }, { var: '$office.nemmeno' }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/workflow/transitions/0/guard/and/0/var', '/workflow/transitions/0/guard/and/1/var']));
  });
});
