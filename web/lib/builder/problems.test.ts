import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { fixture } from '../../components/builder/rules/fixture';
import { dataPointerOf, fieldOfPointer, fieldPointers, fieldProblems } from './problems';

const def: ServiceDefinition = { ...fixture, prefill: [{ field: 'cognome', source: 'identity.familyName' }] };

describe('problem pointers and fields', () => {
  test('every pointer that names a field leads back to it', () => {
    expect(fieldOfPointer(def, '/ui/fields/isee/label')).toBe('isee');
    expect(fieldOfPointer(def, '/ui/fields/figli[].eta')).toBe('figli[].eta');
    expect(fieldOfPointer(def, '/ui/steps/1/fields/0')).toBe('figli');
    expect(fieldOfPointer(def, '/prefill/0/source')).toBe('cognome');
    expect(fieldOfPointer(def, '/data/properties/isee/minimum')).toBe('isee');
    expect(fieldOfPointer(def, '/data/properties/figli/items/properties/eta/minimum')).toBe('figli[].eta');
    // A column the UI does not list: the deepest field it has (the group).
    expect(fieldOfPointer(def, '/data/properties/figli/items/properties/calcolata')).toBe('figli');
    expect(fieldOfPointer(def, '/data/properties/figli/maxItems')).toBe('figli');
    for (const path of ['isee', 'figli', 'figli[].eta', 'cognome']) {
      for (const p of fieldPointers(def, path)) expect(fieldOfPointer(def, p)).toBe(path);
    }
    expect(fieldPointers(def, 'cognome')).toEqual(['/ui/fields/cognome', '/data/properties/cognome', '/ui/steps/0/fields/8', '/prefill/0']);
  });

  test('hostile and foreign pointers name no field', () => {
    for (const p of ['', '/', '/rules/0', '/ui/fields/nope', '/ui/steps/99/fields/0', '/ui/steps/x/fields/0', '/prefill/7', '/data', '/data/properties',
      '/data/items/properties/x', '/data/properties/__proto__', '/ui/fields/__proto__', '/ui/fields/constructor', `/data/properties/${'a/properties/'.repeat(5000)}a`]) {
      expect(fieldOfPointer(def, p)).toBeNull();
    }
    // Escaped tokens: a field whose name has a slash or a tilde.
    const odd: ServiceDefinition = { ...def, ui: { ...def.ui, fields: { ...def.ui.fields, 'a/b': { widget: 'text' }, 'c~d': { widget: 'text' } } } };
    expect(fieldOfPointer(odd, '/ui/fields/a~1b/label')).toBe('a/b');
    expect(fieldOfPointer(odd, '/ui/fields/c~0d')).toBe('c~d');
  });

  test('a field\'s problems are its own, not its columns\'', () => {
    expect(dataPointerOf('figli[].eta')).toBe('/data/properties/figli/items/properties/eta');
    const problems = [
      { pointer: '/data/properties/figli/maxItems', code: 'a', message: 'group' },
      { pointer: '/data/properties/figli/items/properties/eta/minimum', code: 'b', message: 'column' },
      { pointer: '/ui/steps/1/fields/0', code: 'c', message: 'placed' },
      { pointer: '/rules/1/value', code: 'd', message: 'not figli: numeroFigli' },
    ];
    expect(fieldProblems(def, problems, 'figli').map((p) => p.message)).toEqual(['group', 'placed']);
    expect(fieldProblems(def, problems, 'figli[].eta').map((p) => p.message)).toEqual(['column']);
    expect(fieldProblems(def, problems, 'numeroFigli').map((p) => p.message)).toEqual(['not figli: numeroFigli']);
  });
});
