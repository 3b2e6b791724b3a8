import { describe, expect, it } from 'vitest';
import { checkOfficeData, compile, type CompiledService } from '../src/index.js';
import { loadTemplate } from './helpers.js';

function withOffice(): CompiledService {
  const def = loadTemplate('segnalazione-assenza') as any;
  def.officeData = { type: 'object', properties: { verificato: { type: 'boolean' }, punti: { type: 'integer', minimum: 0, maximum: 10 }, nota: { type: 'string', maxLength: 5 } } };
  const r = compile(def);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.service;
}

describe('checkOfficeData', () => {
  const service = withOffice();

  it('accepts known fields within their schema, and null as "not filled"', () => {
    expect(checkOfficeData(service, { verificato: true, punti: 7, nota: null })).toEqual({ valid: true, errors: [] });
    expect(checkOfficeData(service, {})).toEqual({ valid: true, errors: [] });
  });

  it('lists every problem with its pointer, localized', () => {
    const r = checkOfficeData(service, { punti: 11, nota: 'troppo lunga' }, 'en');
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.pointer, e.key])).toEqual([['/punti', 'error.maximum'], ['/nota', 'error.maxLength']]);
    expect(checkOfficeData(service, { punti: 'x' }, 'it').errors[0]!.message).toMatch(/tipo integer/);
  });

  it('refuses unknown fields, and anything but an object', () => {
    expect(checkOfficeData(service, { 'a/b': 1 }).errors).toMatchObject([{ pointer: '/a~1b', key: 'error.additionalProperties' }]);
    expect(checkOfficeData(service, [1]).errors).toMatchObject([{ pointer: '', key: 'error.officeData.notObject' }]);
  });

  it('a service without office fields accepts none', () => {
    const r = compile(loadTemplate('segnalazione-assenza'));
    if (!r.ok) throw new Error('compile');
    expect(checkOfficeData(r.service, {}).valid).toBe(true);
    expect(checkOfficeData(r.service, { x: 1 }).errors).toMatchObject([{ pointer: '/x', key: 'error.additionalProperties' }]);
  });
});
