import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, evaluate, type JsonSchema, type ServiceDefinition, type Widget } from '@sportello/schemas';
import { addField, isRequired, schemaAt, textOf } from './definition-edit';
import { dateFieldsFor, propsSchema, readProps, writeProps, type FieldProps } from './field-props';

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

describe('date bounds in the properties panel (the engine\'s dateBounds)', () => {
  const twoDates = () => {
    const a = addField(blank(), 'date', { step: 0 }, 'Inizio');
    const b = addField(a.definition, 'date', { step: 0 }, 'Fine');
    return { def: b.definition, start: a.path, end: b.path };
  };
  const compiled = (def: ServiceDefinition) => { const r = compile(def); if (!r.ok) throw new Error(JSON.stringify(r.problems)); return r.service; };
  const errorsOf = (def: ServiceDefinition, answers: Record<string, unknown>) => evaluate(compiled(def), answers, { today: '2026-12-04' }).errors.map((e) => `${e.pointer} ${e.key}`);

  test('each bound shows the inputs its kind needs; another field is offered only when there is one', () => {
    const { definition, path } = withField('date');
    expect(props(definition, path).filter((p) => p.startsWith('not'))).toEqual(['notBeforeKind', 'notAfterKind']);
    const kinds = (def: ServiceDefinition, p: string) => ((propsSchema(def, p, t).properties as Record<string, JsonSchema>).notBeforeKind!.oneOf as Array<{ const: string }>).map((o) => o.const);
    expect(kinds(definition, path)).toEqual(['', 'today', 'date']);
    const { def, end } = twoDates();
    expect(kinds(def, end)).toEqual(['', 'today', 'date', 'field']);
    const today = writeProps(def, end, { label: 'Fine', notBeforeKind: 'today' }, t);
    expect(props(today, end).filter((p) => p.startsWith('notBefore'))).toEqual(['notBeforeKind', 'notBeforeAmount', 'notBeforeUnit', 'notBeforeDirection', 'notBeforeMessage']);
    const field = writeProps(def, end, { label: 'Fine', notBeforeKind: 'field' }, t);
    expect(props(field, end).filter((p) => p.startsWith('notBefore'))).toEqual(['notBeforeKind', 'notBeforeField', 'notBeforeAmount', 'notBeforeUnit', 'notBeforeDirection', 'notBeforeMessage']);
  });

  test('"of age" and "from the day after the start" are written as dateBounds the engine applies', () => {
    const { def, start, end } = twoDates();
    let next = writeProps(def, start, { label: 'Inizio', notAfterKind: 'today', notAfterAmount: 18, notAfterUnit: 'y', notAfterDirection: 'before' }, t);
    next = writeProps(next, end, { label: 'Fine', notBeforeKind: 'field', notBeforeField: start, notBeforeAmount: 1, notBeforeUnit: 'd', notBeforeDirection: 'after', notAfterKind: 'date', notAfterDate: '2027-12-31' }, t);
    expect(schemaAt(next.data, start)!.dateBounds).toEqual({ notAfter: 'today-18y' });
    expect(schemaAt(next.data, end)!.dateBounds).toEqual({ notBefore: { field: start, offset: '+1d' }, notAfter: '2027-12-31' });
    expect(readProps(next, end)).toMatchObject({ notBeforeKind: 'field', notBeforeField: start, notBeforeAmount: 1, notBeforeUnit: 'd', notBeforeDirection: 'after', notAfterKind: 'date', notAfterDate: '2027-12-31' });
    expect(errorsOf(next, { [start]: '2008-12-04', [end]: '2008-12-05' })).toEqual([]);
    expect(errorsOf(next, { [start]: '2008-12-05', [end]: '2008-12-05' })).toEqual([`/${start} error.dateBound.notAfter`, `/${end} error.dateBound.notBeforeField`]);
    expect(errorsOf(next, { [start]: '2000-01-01', [end]: '2028-01-01' })).toEqual([`/${end} error.dateBound.notAfter`]);
    // Back to no limit: the keyword goes.
    const none = writeProps(next, start, { label: 'Inizio', notAfterKind: '' }, t);
    expect(schemaAt(none.data, start)!.dateBounds).toBeUndefined();
  });

  test('hostile panel values are made sane: offsets clamped, unknown units and fields replaced, no date means today', () => {
    const { def, start, end } = twoDates();
    const next = writeProps(def, end, { label: 'Fine', notBeforeKind: 'today', notBeforeAmount: 1e12, notBeforeUnit: 'q' as never, notBeforeDirection: 'before', notAfterKind: 'field', notAfterField: '__proto__', notAfterAmount: -5 }, t);
    expect(schemaAt(next.data, end)!.dateBounds).toEqual({ notBefore: 'today-99999d', notAfter: { field: start } });
    expect(compile(next).ok).toBe(true);
    const dated = writeProps(def, end, { label: 'Fine', notBeforeKind: 'date', notBeforeDate: '31/12/2027' }, t);
    expect((schemaAt(dated.data, end)!.dateBounds as { notBefore: string }).notBefore).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A bound written by hand with its own message keeps it while its kind stays.
    const own = { ...def, data: { ...def.data, properties: { ...(def.data.properties as Record<string, JsonSchema>), [end]: { type: 'string', format: 'date', dateBounds: { notBefore: { date: 'today', message: 'error.mio' } } } } } } as ServiceDefinition;
    expect(schemaAt(writeProps(own, end, { ...readProps(own, end), notBeforeAmount: 2 }, t).data, end)!.dateBounds).toEqual({ notBefore: { date: 'today+2d', message: 'error.mio' } });
    // A row's date may be bounded by the same row's dates and by fields outside groups only.
    const g = addField(def, 'group', { step: 0 }, 'Tappe');
    const r1 = addField(g.definition, 'date', { parent: g.path }, 'Arrivo');
    const r2 = addField(r1.definition, 'date', { parent: g.path }, 'Partenza');
    expect(dateFieldsFor(r2.definition, r2.path)).toEqual([start, end, r1.path]);
    expect(dateFieldsFor(r2.definition, start)).toEqual([end]);
  });

  test('the error rules older copies used for date ranges are read as bounds and replaced by them', () => {
    const { def, start } = twoDates();
    const legacy: ServiceDefinition = {
      ...def,
      rules: [
        { id: `data_${start}_passata`, type: 'error', field: start, message: `error.${start}.passata`, when: { and: [{ var: start }, { '<': [{ days_between: [{ var: '$today' }, { var: start }] }, 0] }] } },
        { id: `data_${start}_al`, type: 'error', field: start, message: `error.${start}.al`, when: { and: [{ var: start }, { '>': [{ var: start }, '2027-06-30'] }] } },
        { id: 'altra', type: 'error', field: start, message: 'error.altra', when: false },
      ],
      translations: { it: { ...def.translations.it, [`error.${start}.passata`]: 'Non nel passato', [`error.${start}.al`]: 'Non dopo giugno', 'error.altra': 'Altra' } },
    };
    expect(readProps(legacy, start)).toMatchObject({ notBeforeKind: 'today', notBeforeAmount: 0, notAfterKind: 'date', notAfterDate: '2027-06-30' });
    const next = writeProps(legacy, start, readProps(legacy, start), t);
    expect(schemaAt(next.data, start)!.dateBounds).toEqual({ notBefore: 'today', notAfter: '2027-06-30' });
    expect(next.rules!.map((r) => r.id)).toEqual(['altra']);
    expect(Object.keys(next.translations.it!).filter((k) => k.startsWith('error.'))).toEqual(['error.altra']);
    expect(compile(next).ok).toBe(true);
  });
});

describe('the rest of what the format allows a field (exclusive bounds, steps, several files, prefill details, bound messages)', () => {
  const errorsOf = (def: ServiceDefinition, answers: Record<string, unknown>) => {
    const r = compile(def);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return evaluate(r.service, answers, { today: '2026-12-04' }).errors.map((e) => `${e.pointer} ${e.key}`);
  };

  test('a number above 0 (excluded) in steps of 0.5: written as exclusiveMinimum and multipleOf, read back the same', () => {
    const { definition, path } = withField('currency');
    expect(props(definition, path)).toEqual(expect.arrayContaining(['minimumExcluded', 'maximumExcluded', 'multipleOf']));
    const next = writeProps(definition, path, { label: 'Area', minimum: 0, minimumExcluded: true, maximum: 100, multipleOf: 0.5 }, t);
    expect(schemaAt(next.data, path)).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 100, multipleOf: 0.5 });
    expect(readProps(next, path)).toMatchObject({ minimum: 0, minimumExcluded: true, maximum: 100, multipleOf: 0.5 });
    expect(errorsOf(next, { [path]: 0 })).toEqual([`/${path} error.exclusiveMinimum`]);
    expect(errorsOf(next, { [path]: 0.7 })).toEqual([`/${path} error.multipleOf`]);
    expect(errorsOf(next, { [path]: 2.5 })).toEqual([]);
    const back = writeProps(next, path, { ...readProps(next, path), minimumExcluded: false, multipleOf: undefined }, t);
    expect(schemaAt(back.data, path)).toEqual({ type: 'number', minimum: 0, maximum: 100 });
  });

  test('a file field taking several files, at most 3; back to one file', () => {
    const { definition, path } = withField('file');
    const many = writeProps(definition, path, { ...readProps(definition, path), multipleFiles: true, accept: 'application/pdf' }, t);
    expect(schemaAt(many.data, path)).toEqual({ type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 10 });
    expect(props(many, path)).toContain('maxFiles');
    const three = writeProps(many, path, { ...readProps(many, path), maxFiles: 3 }, t);
    expect(schemaAt(three.data, path)!.maxItems).toBe(3);
    expect(readProps(three, path)).toMatchObject({ multipleFiles: true, maxFiles: 3 });
    expect(errorsOf(three, { [path]: ['a', 'b', 'c', 'd'] })).toEqual([`/${path} error.maxItems`]);
    const one = writeProps(three, path, { ...readProps(three, path), multipleFiles: false }, t);
    expect(schemaAt(one.data, path)).toEqual({ type: 'string', maxLength: 200 });
  });

  test('an ISEE prefill names its kind; a group filled from the family maps each column to a member datum', () => {
    const { definition, path } = withField('currency');
    const isee = writeProps(definition, path, { label: 'ISEE', prefillSource: 'inps.isee.value' }, t);
    expect(props(isee, path)).toContain('prefillIseeKind');
    const kind = writeProps(isee, path, { ...readProps(isee, path), prefillIseeKind: 'minorenni' }, t);
    expect(kind.prefill).toEqual([{ field: path, source: 'inps.isee.value', iseeKind: 'minorenni' }]);
    expect(writeProps(kind, path, { ...readProps(kind, path), prefillSource: 'identity.email' }, t).prefill).toEqual([{ field: path, source: 'identity.email' }]);

    const g = addField(blank(), 'group', { step: 0 }, 'Famiglia');
    const cf = addField(g.definition, 'text', { parent: g.path }, 'Codice fiscale');
    const nome = addField(cf.definition, 'text', { parent: g.path }, 'Nome');
    const fam = writeProps(nome.definition, g.path, { ...readProps(nome.definition, g.path), prefillSource: 'anpr.family' }, t);
    const famResult = compile(fam);
    expect(famResult.ok ? [] : famResult.problems.map((p) => p.code)).toContain('prefill.missingMap');
    const col = (p: string) => p.slice(g.path.length + 3);
    expect(Object.keys((propsSchema(fam, g.path, t).properties as Record<string, JsonSchema>).prefillMap!.properties as object)).toEqual([col(cf.path), col(nome.path)]);
    const mapped = writeProps(fam, g.path, { ...readProps(fam, g.path), prefillMap: { [col(cf.path)]: 'fiscalCode', [col(nome.path)]: 'givenName' } }, t);
    expect(mapped.prefill).toEqual([{ field: g.path, source: 'anpr.family', map: { [col(cf.path)]: 'fiscalCode', [col(nome.path)]: 'givenName' } }]);
    expect(compile(mapped).ok).toBe(true);
    expect(readProps(mapped, g.path).prefillMap).toEqual({ [col(cf.path)]: 'fiscalCode', [col(nome.path)]: 'givenName' });
    // A value that is not a member datum is not written.
    const odd = writeProps(mapped, g.path, { ...readProps(mapped, g.path), prefillMap: { [col(cf.path)]: '__proto__', [col(nome.path)]: '' } }, t);
    expect(odd.prefill).toEqual([{ field: g.path, source: 'anpr.family' }]);
  });

  test('a date bound with its own message: keyed after the field, text in the default language, shown to the citizen', () => {
    const { definition, path } = withField('date');
    const next = writeProps(definition, path, { ...readProps(definition, path), notAfterKind: 'today', notAfterAmount: 18, notAfterUnit: 'y', notAfterDirection: 'before', notAfterMessage: 'Devi essere maggiorenne' }, t);
    expect(schemaAt(next.data, path)!.dateBounds).toEqual({ notAfter: { date: 'today-18y', message: `field.${path}.notAfter` } });
    expect(textOf(next, `field.${path}.notAfter`)).toBe('Devi essere maggiorenne');
    expect(readProps(next, path).notAfterMessage).toBe('Devi essere maggiorenne');
    const r = compile(next);
    expect(r.ok).toBe(true);
    if (r.ok) expect(evaluate(r.service, { [path]: '2020-01-01' }, { today: '2026-12-04' }).errors.map((e) => e.message)).toEqual(['Devi essere maggiorenne']);
    // An empty message goes back to the engine's own.
    const plain = writeProps(next, path, { ...readProps(next, path), notAfterMessage: '' }, t);
    expect(schemaAt(plain.data, path)!.dateBounds).toEqual({ notAfter: 'today-18y' });
  });
});

describe('the multiple choice (checkboxes over a list of options)', () => {
  const ok = (def: ServiceDefinition) => { const r = compile(def); if (!r.ok) throw new Error(JSON.stringify(r.problems)); return r.service; };
  const errors = (def: ServiceDefinition, answers: Record<string, unknown>) =>
    evaluate(ok(def), answers, { locale: 'it' }).errors.map((e) => [e.pointer, e.key]);

  test('the palette adds it, the panel edits its options and how many may be chosen, and the engine checks them', () => {
    const { definition, path } = addField(blank(), 'checkboxes', { step: 0 }, 'Giorni');
    expect(definition.ui.fields?.[path]?.widget).toBe('checkbox');
    expect(props(definition, path)).toEqual(expect.arrayContaining(['options', 'minItems', 'maxItems', 'required']));
    expect(props(withField('checkbox').definition, withField('checkbox').path)).not.toContain('options');
    const p: FieldProps = { ...readProps(definition, path), required: true, minItems: 2, maxItems: 3,
      options: [{ value: 'lun', label: 'Lunedì' }, { value: 'mar', label: 'Martedì' }, { value: 'mer', label: 'Mercoledì' }, { value: 'gio', label: 'Giovedì' }] };
    const def = writeProps(definition, path, p, t);
    expect(schemaAt(def.data, path)).toEqual({ type: 'array', uniqueItems: true, minItems: 2, maxItems: 3, items: { type: 'string', enum: ['lun', 'mar', 'mer', 'gio'] } });
    expect(readProps(def, path)).toMatchObject({ minItems: 2, maxItems: 3, options: p.options });
    expect(textOf(def, def.ui.fields?.[path]?.options?.mer)).toBe('Mercoledì');
    expect(errors(def, { [path]: ['lun', 'mer'] })).toEqual([]);
    expect(errors(def, { [path]: ['lun'] })).toEqual([[`/${path}`, 'error.minItems']]);
    expect(errors(def, { [path]: ['lun', 'mar', 'mer', 'gio'] })).toEqual([[`/${path}`, 'error.maxItems']]);
    expect(errors(def, { [path]: ['lun', 'dom'] })).toEqual([[`/${path}/1`, 'error.enum']]);
    expect(errors(def, {})).toEqual([[`/${path}`, 'error.required']]);
    // Clearing the bounds removes them.
    expect(schemaAt(writeProps(def, path, { ...p, minItems: undefined, maxItems: undefined }, t).data, path)).not.toHaveProperty('minItems');
  });

  test('the engine takes checkboxes over items given as a oneOf of consts', () => {
    const { definition, path } = addField(blank(), 'checkboxes', { step: 0 }, 'Servizi');
    const def = structuredClone(definition);
    (def.data.properties as Record<string, JsonSchema>)[path] = { type: 'array', uniqueItems: true, items: { oneOf: [{ const: 'opzione1' }, { const: 'opzione2' }] } };
    expect(errors(def, { [path]: ['opzione2'] })).toEqual([]);
    expect(new Set(errors(def, { [path]: ['altro'] }).map(([p]) => p))).toEqual(new Set([`/${path}/0`]));
  });
});
