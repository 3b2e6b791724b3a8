import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from './compile/compile.js';
import { evaluate } from './evaluate/evaluate.js';
import { romeDate } from './rome-date.js';

describe('romeDate: the date in Italy, whatever the time zone of the machine', () => {
  it('is already tomorrow in Rome late in the UTC evening (winter +1, summer +2)', () => {
    expect(romeDate(new Date('2026-12-04T22:59:59Z'))).toBe('2026-12-04');
    expect(romeDate(new Date('2026-12-04T23:00:00Z'))).toBe('2026-12-05');
    expect(romeDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(romeDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('follows the DST changes (last Sunday of March and of October, at 01:00 UTC)', () => {
    expect(romeDate(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(romeDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(romeDate(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(romeDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
  });

  afterEach(() => { vi.useRealTimers(); });

  it('is the engine\'s default $today (at 23:30 UTC, Rome is a day ahead)', () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T23:30:00Z'), toFake: ['Date'] });
    const result = compile({
      $schema: 'https://sportello.example/service-definition.schema.json', id: 'oggi', version: '1.0.0', title: 't', defaultLanguage: 'it',
      data: { type: 'object', properties: { oggi: { type: 'string' } } },
      ui: { steps: [{ id: 's', title: 't', fields: ['oggi'] }] },
      rules: [{ id: 'oggi', type: 'compute', field: 'oggi', value: { var: '$today' } }],
      translations: { it: { t: 'T' } },
    } as never);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(evaluate(result.service, {}).computed).toEqual({ '/oggi': '2026-12-05' });
  });
});
