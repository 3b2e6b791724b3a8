import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { addField, addStep, moveStep, removeField, setText } from './definition-edit';
import { summarizeChanges } from './diff';

const template = (name: string) => JSON.parse(readFileSync(new URL(`../../../schemas/templates/${name}.json`, import.meta.url), 'utf8')) as ServiceDefinition;
const keys = (before: ServiceDefinition, after: ServiceDefinition) => summarizeChanges(before, after).map((c) => c.key);

describe('the summary of what changed', () => {
  test('a copy against itself (and a deep copy of it) has no changes', () => {
    const def = template('contributo-affitto');
    expect(summarizeChanges(def, def)).toEqual([]);
    expect(summarizeChanges(def, structuredClone(def))).toEqual([]);
  });

  test('each kind of edit is named once, with its words', () => {
    const def = template('segnalazione-assenza');
    const step = addStep(def, 'Allegati');
    expect(summarizeChanges(def, step)).toEqual([
      { key: 'stepAdded', params: { step: 'Allegati' } },
      { key: 'texts', params: { language: 'it', changed: 0, added: 1, removed: 0 } },
    ]);
    const first = def.ui.steps[0]!;
    const renamed = setText(def, first.title, 'Nuovo titolo');
    expect(summarizeChanges(def, renamed)).toContainEqual({ key: 'stepRenamed', params: { from: def.translations.it![first.title], to: 'Nuovo titolo' } });
    if (def.ui.steps.length > 1) expect(keys(def, moveStep(def, 0, 1))).toEqual(['stepsReordered']);
    const { definition: withField } = addField(def, 'email', { step: 0 }, 'E-mail di contatto');
    expect(keys(def, withField)).toEqual(expect.arrayContaining(['stepFields', 'fieldAdded', 'texts']));
    expect(summarizeChanges(def, withField)).toContainEqual({ key: 'fieldAdded', params: { field: 'E-mail di contatto' } });
    // A static text is a field too: removing it is named.
    const target = def.ui.steps[0]!.fields[0]!;
    expect(def.ui.fields![target]!.widget).toBe('static');
    const without = removeField(def, target);
    expect(summarizeChanges(def, without)).toContainEqual({ key: 'fieldRemoved', params: { field: def.translations.it![def.ui.fields![target]!.text!] } });
    const de = { ...def, translations: { ...def.translations, de: { 'service.title': 'X' } } };
    expect(summarizeChanges(def, de)).toEqual([{ key: 'languageAdded', params: { language: 'de' } }]);
    expect(summarizeChanges(de, def)).toEqual([{ key: 'languageRemoved', params: { language: 'de' } }]);
    const noRules = { ...def, rules: [] };
    expect(summarizeChanges(def, noRules).map((c) => c.key)).toEqual((def.rules ?? []).map(() => 'ruleRemoved'));
  });

  test('hostile copies: missing parts, odd keys and huge texts are summarised, not thrown on', () => {
    const def = template('segnalazione-assenza');
    const bare = { ...def, rules: undefined, prefill: undefined, fees: undefined, ranking: undefined, workflow: undefined, officeData: undefined, ui: { steps: def.ui.steps } } as unknown as ServiceDefinition;
    expect(() => summarizeChanges(def, bare)).not.toThrow();
    expect(() => summarizeChanges(bare, def)).not.toThrow();
    const huge = setText(def, 'service.title', 'T'.repeat(2_000_000));
    const title = summarizeChanges(def, huge).find((c) => c.key === 'title')!;
    expect(String(title.params.to)).toHaveLength(2_000_000);
    // Keys named like Object.prototype's are texts like any other (JSON.parse makes __proto__ an own key).
    const odd = { ...def, translations: { ...def.translations, it: { ...def.translations.it, ...JSON.parse('{"__proto__": "x", "constructor": "y"}') } } } as ServiceDefinition;
    expect(summarizeChanges(def, odd)).toContainEqual({ key: 'texts', params: { language: 'it', changed: 0, added: 2, removed: 0 } });
    expect(summarizeChanges(odd, def)).toContainEqual({ key: 'texts', params: { language: 'it', changed: 0, added: 0, removed: 2 } });
  });
});
