import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, type JsonSchema, type ServiceDefinition, type Widget } from '@sportello/schemas';
import { addField, isRequired, schemaAt, textOf } from './definition-edit';
import { propsSchema, readProps, writeProps, type FieldProps } from './field-props';

const dir = new URL('../../../schemas/templates/', import.meta.url);
const templates = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as ServiceDefinition] as const);
const t = (key: string) => key;

const blank = (): ServiceDefinition => ({
  id: 'prova', version: '1.0.0', defaultLanguage: 'it', title: 'service.title',
  data: { type: 'object', properties: {} },
  ui: { steps: [{ id: 'domanda', title: 'step.domanda', fields: [] }], fields: {} },
  translations: { it: { 'service.title': 'Prova', 'step.domanda': 'Domanda' } },
});
const withField = (widget: Widget) => addField(blank(), widget, { step: 0 }, 'Campo');
const props = (def: ServiceDefinition, path: string) => Object.keys((propsSchema(def, path, t).properties ?? {}) as Record<string, unknown>);

describe('the properties panel\'s mapping', () => {
  test('each widget offers the properties that make sense for it', () => {
    const of = (w: Widget) => { const { definition, path } = withField(w); return props(definition, path); };
    expect(of('static')).toEqual(['text']);
    expect(of('text')).toEqual(expect.arrayContaining(['label', 'help', 'placeholder', 'required', 'format', 'minLength', 'maxLength', 'pattern', 'prefillSource']));
    expect(of('number')).toEqual(expect.arrayContaining(['minimum', 'maximum', 'integer']));
    expect(of('number')).not.toContain('pattern');
    expect(of('currency')).not.toContain('integer');
    expect(of('select')).toContain('options');
    expect(of('file')).toEqual(expect.arrayContaining(['accept', 'maxSizeMb']));
    expect(of('group')).toEqual(expect.arrayContaining(['minItems', 'maxItems', 'addLabel']));
    expect(of('group')).not.toContain('readOnly');
    expect(of('yesno')).not.toContain('format');
    // An unknown widget (a newer engine's, or a hand-edited file) gets the common properties, no crash.
    const odd = { ...blank(), data: { type: 'object', properties: { x: { type: 'string' } } }, ui: { steps: [{ id: 'domanda', title: 'step.domanda', fields: ['x'] }], fields: { x: { widget: 'slider' as Widget, label: 'k' } } } } as ServiceDefinition;
    expect(props(odd, 'x')).toEqual(expect.arrayContaining(['label', 'help', 'required']));
    expect(readProps(odd, 'x').label).toBe('');
    // A path that is not a field.
    expect(readProps(blank(), 'nonEsiste')).toMatchObject({ label: '', required: false });
  });

  test('reading then writing every field of every template changes nothing', () => {
    let fields = 0;
    for (const [file, def] of templates) {
      for (const path of Object.keys(def.ui.fields ?? {})) {
        const next = writeProps(def, path, readProps(def, path), t);
        expect(next.data, `${file} ${path}`).toEqual(def.data);
        expect(next.ui, `${file} ${path}`).toEqual(def.ui);
        expect(next.translations, `${file} ${path}`).toEqual(def.translations);
        expect(next.prefill ?? [], `${file} ${path}`).toEqual(def.prefill ?? []);
        fields++;
      }
    }
    expect(fields).toBeGreaterThan(200);
  });

  test('written properties land where the engine reads them, and compile', () => {
    const { definition, path } = withField('text');
    const next = writeProps(definition, path, { label: 'Codice fiscale', help: 'Sedici caratteri', required: true, format: 'codice-fiscale', minLength: 16, maxLength: 16, prefillSource: 'identity.fiscalCode', prefillEditable: false }, t);
    expect(schemaAt(next.data, path)).toEqual({ type: 'string', format: 'codice-fiscale', minLength: 16, maxLength: 16 });
    expect(isRequired(next, path)).toBe(true);
    expect(textOf(next, next.ui.fields![path]!.help)).toBe('Sedici caratteri');
    expect(next.prefill).toEqual([{ field: path, source: 'identity.fiscalCode', editable: false }]);
    expect(compile(next).ok).toBe(true);
    // Clearing takes them away again (help's key goes; the label stays, empty).
    const cleared = writeProps(next, path, { label: '', help: '', required: false, format: '', minLength: 16, maxLength: 16, prefillSource: '' }, t);
    expect(cleared.ui.fields![path]!.help).toBeUndefined();
    expect(schemaAt(cleared.data, path)).toEqual({ type: 'string', minLength: 16, maxLength: 16 });
    expect(cleared.prefill).toEqual([]);
  });

  test('options: duplicates and blanks are dropped, labels keyed per value, values like __proto__ kept as own keys', () => {
    const { definition, path } = withField('select');
    const options: FieldProps['options'] = [{ value: 'a', label: 'A' }, { value: 'a', label: 'A bis' }, { value: '', label: 'vuota' }, { value: '__proto__', label: 'P' }, { value: 'b', label: 'B' }];
    const next = writeProps(definition, path, { label: 'Scelta', options }, t);
    expect(schemaAt(next.data, path)!.enum).toEqual(['a', '__proto__', 'b']);
    const ui = next.ui.fields![path]!.options!;
    expect(Object.keys(ui)).toEqual(['a', '__proto__', 'b']);
    expect(Object.getPrototypeOf(ui)).toBe(Object.prototype);
    expect(JSON.stringify(ui)).toBe('{"a":"field.campo1.a","__proto__":"field.campo1.__proto__","b":"field.campo1.b"}');
    expect(readProps(next, path).options).toEqual([{ value: 'a', label: 'A bis' }, { value: '__proto__', label: 'P' }, { value: 'b', label: 'B' }]);
  });

  test('huge and odd texts are stored as typed, never evaluated', () => {
    const { definition, path } = withField('text');
    const huge = 'x'.repeat(500_000);
    const next = writeProps(definition, path, { label: '{{answers.x}} <b>' + huge }, t);
    expect(textOf(next, next.ui.fields![path]!.label)).toBe('{{answers.x}} <b>' + huge);
    // Numbers that are not numbers are not written as bounds.
    const { definition: n, path: np } = withField('number');
    const bounded = writeProps(n, np, { label: 'N', minimum: undefined, maximum: Number.NaN as unknown as number }, t);
    const s = schemaAt(bounded.data, np) as JsonSchema;
    expect('minimum' in s).toBe(false);
  });
});
