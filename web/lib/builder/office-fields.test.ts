import { describe, expect, test } from 'vitest';
import { checkOfficeData, compile, usedKeys, type JsonSchema, type ServiceDefinition } from '@sportello/schemas';
import { OFFICE_KINDS, addOfficeField, officeFields, officePropsSchema, readOfficeProps, renameOfficeField, writeOfficeProps, type OfficeKind, type OfficeProps } from './office-fields';
import { numberRuleProps, stringRuleProps } from './field-props';

const t = (key: string) => key;
const blank = (): ServiceDefinition => ({
  id: 'prova', version: '1.0.0', defaultLanguage: 'it', title: 'service.title',
  data: { type: 'object', properties: { reddito: { type: 'number' } } },
  ui: { steps: [{ id: 'domanda', title: 'step.domanda', fields: ['reddito'] }], fields: { reddito: { widget: 'currency', label: 'field.reddito' } } },
  translations: { it: { 'service.title': 'Prova', 'step.domanda': 'Domanda', 'field.reddito': 'Reddito' } },
});
const compiled = (def: ServiceDefinition) => { const r = compile(def); if (!r.ok) throw new Error(JSON.stringify(r.problems)); return r.service; };
const withKind = (kind: OfficeKind) => addOfficeField(blank(), kind, 'Verifica');
const keysOf = (s: JsonSchema) => Object.keys(s.properties as Record<string, unknown>);
/** What the office accepts for one field, as the engine checks it for operators. */
/** An office field's schema. */
const fieldOf = (def: ServiceDefinition, name: string) => (def.officeData!.properties as Record<string, JsonSchema>)[name]!;
const accepts = (def: ServiceDefinition, name: string, value: unknown) => checkOfficeData(compiled(def), { [name]: value }).valid;

describe('the office fields\' properties panel', () => {
  test('offers the citizen fields\' validation for each kind (same properties, same texts)', () => {
    const text = keysOf(officePropsSchema('text', t));
    expect(text).toEqual(expect.arrayContaining(['title', 'description', 'required', ...Object.keys(stringRuleProps(t))]));
    expect(keysOf(officePropsSchema('currency', t))).toEqual(expect.arrayContaining(Object.keys(numberRuleProps(t))));
    expect(keysOf(officePropsSchema('number', t))).not.toContain('format');
    expect(keysOf(officePropsSchema('choice', t))).toContain('options');
    expect(keysOf(officePropsSchema('yesno', t))).toEqual(['title', 'description', 'required']);
    // The same format list (codice fiscale, IBAN, email...) as the citizen's panel.
    expect((officePropsSchema('text', t).properties as Record<string, JsonSchema>).format).toEqual(stringRuleProps(t).format);
  });

  test.each([
    ['codice-fiscale', 'RSSMRA85T10A562S', 'RSSMRA85T10A562X'],
    ['iban', 'IT60X0542811101000000123456', 'IT60X0542811101000000123457'],
    ['email', 'ufficio@comune.example.it', 'non-una-email'],
    ['partita-iva', '01234567897', '01234567890'],
  ])('a text with format %s compiles, round-trips and is enforced by the engine', (format, good, bad) => {
    const { definition, name } = withKind('text');
    const p: OfficeProps = { title: 'Codice verificato', description: 'Come da banca dati', required: true, format, minLength: 5, maxLength: 40 };
    const next = writeOfficeProps(definition, name, p);
    expect(compile(next).ok).toBe(true);
    expect(readOfficeProps(next, name)).toMatchObject(p);
    expect(next.officeData!.required).toEqual([name]);
    expect(accepts(next, name, good)).toBe(true);
    expect(accepts(next, name, bad)).toBe(false);
  });

  test('length and pattern of a text, bounds (included or excluded) and multiple of a number', () => {
    const text = withKind('textarea');
    const t1 = writeOfficeProps(text.definition, text.name, { title: 'Protocollo', minLength: 3, maxLength: 8, pattern: '^[0-9]+$' });
    expect(readOfficeProps(t1, text.name)).toMatchObject({ minLength: 3, maxLength: 8, pattern: '^[0-9]+$', format: '' });
    expect(accepts(t1, text.name, '1234')).toBe(true);
    expect(accepts(t1, text.name, '12')).toBe(false);
    expect(accepts(t1, text.name, '12a4')).toBe(false);

    const num = withKind('number');
    const n1 = writeOfficeProps(num.definition, num.name, { title: 'Punti', minimum: 0, maximum: 30, maximumExcluded: true, multipleOf: 5 });
    expect(fieldOf(n1, num.name)).toMatchObject({ minimum: 0, exclusiveMaximum: 30, multipleOf: 5 });
    expect(fieldOf(n1, num.name)).not.toHaveProperty('maximum');
    expect(readOfficeProps(n1, num.name)).toMatchObject({ minimum: 0, maximum: 30, maximumExcluded: true, multipleOf: 5 });
    expect(accepts(n1, num.name, 25)).toBe(true);
    expect(accepts(n1, num.name, 30)).toBe(false);
    expect(accepts(n1, num.name, 7)).toBe(false);
    // Clearing a bound takes it out of the schema.
    const n2 = writeOfficeProps(n1, num.name, { ...readOfficeProps(n1, num.name), maximum: undefined, maximumExcluded: false });
    expect(fieldOf(n2, num.name)).not.toHaveProperty('exclusiveMaximum');
    expect(accepts(n2, num.name, 100)).toBe(true);
  });

  test('a choice\'s options: duplicates and empty values dropped, labels kept, only the options accepted', () => {
    const { definition, name } = withKind('choice');
    const next = writeOfficeProps(definition, name, { title: 'Esito', options: [{ value: 'ok', label: 'Favorevole' }, { value: 'no', label: 'Contrario' }, { value: 'ok', label: 'Doppio' }, { value: '', label: 'Vuoto' }] });
    expect(compile(next).ok).toBe(true);
    expect(readOfficeProps(next, name).options).toEqual([{ value: 'ok', label: 'Favorevole' }, { value: 'no', label: 'Contrario' }]);
    expect(accepts(next, name, 'no')).toBe(true);
    expect(accepts(next, name, 'forse')).toBe(false);
  });

  test('every kind compiles after a write of what the panel reads (round trip)', () => {
    for (const kind of OFFICE_KINDS) {
      const { definition, name } = withKind(kind);
      const read = readOfficeProps(definition, name);
      const next = writeOfficeProps(definition, name, read);
      expect(compile(next).ok, kind).toBe(true);
      expect(next.officeData).toEqual(definition.officeData);
    }
  });

  test('labels stay literal: the engine has no translation keys for office fields', () => {
    const { definition, name } = withKind('text');
    const next = writeOfficeProps(definition, name, { title: 'ISEE verificato' });
    expect(fieldOf(next, name).title).toBe('ISEE verificato');
    expect(usedKeys(next).map((k) => k.pointer).filter((p) => p.startsWith('/officeData'))).toEqual([]);
  });
});

describe('renaming an office field', () => {
  const withRule = () => {
    const { definition, name } = withKind('number');
    const def: ServiceDefinition = {
      ...writeOfficeProps(definition, name, { title: 'Punti', required: true }),
      rules: [{ id: 'troppi', type: 'error', field: 'reddito', when: { '>': [{ var: `$office.${name}` }, 10] }, message: 'rule.troppi' }],
      translations: { it: { ...definition.translations.it, 'rule.troppi': 'Troppi punti' } },
    };
    return { def, name };
  };

  test('renames the field, its required mark and every reading of it, in place in the order', () => {
    const { def, name } = withRule();
    const other = addOfficeField(def, 'text', 'Altro');
    const next = renameOfficeField(other.definition, name, 'punteggio');
    expect(officeFields(next).map(([k]) => k)).toEqual(['punteggio', other.name]);
    expect(next.officeData!.required).toEqual(['punteggio']);
    expect(next.rules![0]!.when).toEqual({ '>': [{ var: '$office.punteggio' }, 10] });
    expect(compile(next).ok).toBe(true);
  });

  test('a name that is invalid, taken or unknown changes nothing', () => {
    const { def, name } = withRule();
    const other = addOfficeField(def, 'text', 'Altro');
    for (const [from, to] of [[name, '1punti'], [name, 'con spazio'], [name, other.name], ['nonEsiste', 'x'], [name, '']]) {
      expect(renameOfficeField(other.definition, from!, to!)).toBe(other.definition);
    }
  });

  test('a reading of another field that only starts with the same name is left alone', () => {
    const { def, name } = withRule();
    const longer = { ...def, rules: [...def.rules!, { id: 'altro', type: 'error' as const, field: 'reddito', when: { '>': [{ var: `$office.${name}x` }, 1] }, message: 'rule.troppi' }] };
    const next = renameOfficeField(longer, name, 'punteggio');
    expect(next.rules![1]!.when).toEqual({ '>': [{ var: `$office.${name}x` }, 1] });
  });
});
