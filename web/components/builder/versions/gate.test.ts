import { describe, expect, test } from 'vitest';
import { publishGate } from './gate';

const missing = (language: string, key: string, pointer = '/ui/steps/0/title') => ({ pointer, code: 'translation.missing', message: `Missing "${language}" translation of "${key}"`, params: { language, key } });

describe('the publish gate is the server\'s answer, with where each item is', () => {
  test('a clean, saved, publishable copy is not blocked', () => {
    expect(publishGate({ problems: [], warnings: [], publishable: true, status: 'saved' })).toMatchObject({ blocked: false, checking: false, languages: [], problems: [] });
  });

  test('problems and missing strings block, each missing string pointing at its cell', () => {
    const problem = { pointer: '/rules/2/field', code: 'rule.unknownField', message: 'Unknown field' };
    const g = publishGate({
      problems: [problem], publishable: false, status: 'saved',
      warnings: [
        missing('de', 'step.a'), missing('de', 'field.x/y~z', '/ui/fields/x/label'), missing('de', 'step.a', '/ui/steps/1/title'),
        { pointer: '/translations', code: 'translation.missingLanguage', message: 'No en', params: { language: 'en' } },
        { pointer: '/ui/fields/x', code: 'some.otherWarning', message: 'not a gate', params: { language: 'de' } },
        { pointer: '/x', code: 'translation.missing', message: 'hostile params', params: 'nonsense' },
      ],
    });
    expect(g.blocked).toBe(true);
    expect(g.problems).toEqual([problem]);
    expect(g.languages).toEqual([
      { language: 'de', absent: false, missing: [{ key: 'step.a', pointer: '/translations/de/step.a' }, { key: 'field.x/y~z', pointer: '/translations/de/field.x~1y~0z' }] },
      { language: 'en', absent: true, missing: [] },
    ]);
  });

  test('an unsaved or refused copy is not judged yet, whatever the last answer said', () => {
    for (const status of ['pending', 'saving', 'error', 'offline'] as const) {
      expect(publishGate({ problems: [], warnings: [], publishable: true, status })).toMatchObject({ blocked: true, checking: true });
    }
    expect(publishGate({ problems: [], warnings: [], publishable: true, status: 'conflict' })).toMatchObject({ blocked: true, conflict: true, checking: false });
    // The first answer has not come yet.
    expect(publishGate({ problems: [], warnings: [], publishable: false, status: 'saved' })).toMatchObject({ blocked: true, checking: true });
  });
});
