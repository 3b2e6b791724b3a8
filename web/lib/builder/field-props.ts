import { romeDate, type JsonSchema, type PrefillItem, type PrefillSource, type ServiceDefinition, type UiField } from '@sportello/schemas';
import { ADDRESS_PARTS, type FieldKind, allFieldPaths, isRequired, schemaAt, setFieldSchema, setFieldUi, setRequired, setText, textOf } from './definition-edit';

// The properties panel's contract: for a field, a JSON Schema of its properties (rendered by
// @rjsf/core), the form data read from the definition, and the write back. Texts are edited in
// the default language; their keys are made from the field's path when missing.

type Def = ServiceDefinition;

export const PREFILL_SOURCES: PrefillSource[] = [
  'identity.fiscalCode', 'identity.givenName', 'identity.familyName', 'identity.email',
  'anpr.resident.birthDate', 'anpr.resident.birthPlace', 'anpr.resident.sex', 'anpr.resident.citizenship',
  'anpr.resident.address', 'anpr.resident.address.street', 'anpr.resident.address.cap', 'anpr.resident.address.comune',
  'anpr.resident.address.provincia', 'anpr.family', 'anpr.family.size', 'inps.isee.value', 'inps.isee.dsuProtocol', 'inps.isee.validUntil',
];
/** What ANPR gives about each family member (a row column of a group filled from anpr.family). */
export const FAMILY_ITEMS = ['fiscalCode', 'givenName', 'familyName', 'birthDate', 'sex', 'relationship'] as const;
/** The kinds of ISEE an inps.isee.* source may ask for (the attestation's type). */
export const ISEE_KINDS = ['ordinario', 'minorenni', 'universitario', 'sociosanitario', 'corrente'] as const;
export const STRING_FORMATS = ['', 'codice-fiscale', 'partita-iva', 'iban', 'cap', 'telefono', 'email', 'uri'] as const;

export interface FieldProps {
  label?: string; help?: string; placeholder?: string; text?: string;
  required?: boolean; readOnly?: boolean;
  minLength?: number; maxLength?: number; pattern?: string; format?: string;
  minimum?: number; maximum?: number; integer?: boolean; minimumExcluded?: boolean; maximumExcluded?: boolean; multipleOf?: number;
  notBeforeMessage?: string; notAfterMessage?: string;
  notBeforeKind?: BoundKind; notBeforeAmount?: number; notBeforeUnit?: OffsetUnit; notBeforeDirection?: 'after' | 'before'; notBeforeDate?: string; notBeforeField?: string;
  notAfterKind?: BoundKind; notAfterAmount?: number; notAfterUnit?: OffsetUnit; notAfterDirection?: 'after' | 'before'; notAfterDate?: string; notAfterField?: string;
  options?: Array<{ value: string; label: string }>;
  accept?: string; maxSizeMb?: number; multipleFiles?: boolean; maxFiles?: number;
  minItems?: number; maxItems?: number; addLabel?: string;
  prefillSource?: string; prefillEditable?: boolean; prefillIseeKind?: string; prefillMap?: Record<string, string>;
}

/** A date bound's kind in the panel: none, today (moved by an offset), a date, another date field (moved by an offset). */
export type BoundKind = '' | 'today' | 'date' | 'field';
export type OffsetUnit = 'd' | 'w' | 'm' | 'y';
export const OFFSET_UNITS: OffsetUnit[] = ['d', 'w', 'm', 'y'];
const BOUNDS = ['notBefore', 'notAfter'] as const;

/** Labels of the panel's properties, from the platform's texts (builder.props.*). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const keyBase = (path: string) => `field.${path.replace(/\[\]/g, '')}`;
const ruleBase = (path: string) => path.replace(/\[\]/g, '').replace(/\./g, '_');

export const setOrDelete = (o: JsonSchema, k: string, v: unknown) => { if (v === undefined || v === '' || v === null) delete o[k]; else o[k] = v; };

// Validation of a text or a number, the same for the citizen's fields and the office fields
// (both are JSON Schema checked by the engine's Ajv with its Italian formats).

/** The panel's properties for a text's validation: format, length, pattern. */
export function stringRuleProps(t: Translate): Record<string, JsonSchema> {
  const title = (k: string) => t(`builder.props.${k}`);
  return {
    format: { type: 'string', title: title('format'), oneOf: STRING_FORMATS.map((f) => ({ const: f, title: t(`builder.format.${f || 'none'}`) })) },
    minLength: { type: 'integer', title: title('minLength'), minimum: 0, maximum: 100000 },
    maxLength: { type: 'integer', title: title('maxLength'), minimum: 1, maximum: 100000 },
    pattern: { type: 'string', title: title('pattern'), maxLength: 500 },
  };
}

/** The panel's properties for a number's validation: bounds (included or not), multiple of. */
export function numberRuleProps(t: Translate): Record<string, JsonSchema> {
  const title = (k: string) => t(`builder.props.${k}`);
  return {
    minimum: { type: 'number', title: title('minimum') },
    minimumExcluded: { type: 'boolean', title: title('minimumExcluded') },
    maximum: { type: 'number', title: title('maximum') },
    maximumExcluded: { type: 'boolean', title: title('maximumExcluded') },
    multipleOf: { type: 'number', title: title('multipleOf'), exclusiveMinimum: 0 },
  };
}

/** Reads a text's or a number's validation from its schema. */
export function readRules(data: JsonSchema): FieldProps {
  const out: FieldProps = {};
  for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'multipleOf'] as const) {
    if (data[k] !== undefined) (out as Record<string, unknown>)[k] = data[k];
  }
  if (data.type === 'number' || data.type === 'integer') {
    // JSON Schema 2020-12's exclusive bounds are numbers: shown as the bound and "excluded".
    if (typeof data.exclusiveMinimum === 'number') { out.minimum = data.exclusiveMinimum; out.minimumExcluded = true; }
    if (typeof data.exclusiveMaximum === 'number') { out.maximum = data.exclusiveMaximum; out.maximumExcluded = true; }
  }
  if (data.type === 'string') out.format = typeof data.format === 'string' ? data.format : '';
  return out;
}

/** Writes a text's validation into its schema (in place). */
export function writeStringRules(data: JsonSchema, p: FieldProps): void {
  setOrDelete(data, 'format', p.format);
  setOrDelete(data, 'minLength', p.minLength);
  setOrDelete(data, 'maxLength', p.maxLength);
  setOrDelete(data, 'pattern', p.pattern);
}

/** Writes a number's validation into its schema (in place). */
export function writeNumberRules(data: JsonSchema, p: FieldProps): void {
  delete data.exclusiveMinimum; delete data.exclusiveMaximum;
  setOrDelete(data, p.minimumExcluded ? 'exclusiveMinimum' : 'minimum', p.minimum);
  if (p.minimumExcluded) delete data.minimum;
  setOrDelete(data, p.maximumExcluded ? 'exclusiveMaximum' : 'maximum', p.maximum);
  if (p.maximumExcluded) delete data.maximum;
  setOrDelete(data, 'multipleOf', typeof p.multipleOf === 'number' && p.multipleOf > 0 ? p.multipleOf : undefined);
}

/** The JSON Schema of a field's properties for its widget (what the panel shows). */
export function propsSchema(def: Def, path: string, t: Translate): JsonSchema {
  const ui = def.ui.fields?.[path] ?? {};
  const widget = ui.widget;
  const data = schemaAt(def.data, path);
  const s = (type: string, extra: JsonSchema = {}) => ({ type, ...extra });
  const props: Record<string, JsonSchema> = {};
  const title = (k: string) => t(`builder.props.${k}`);
  if (widget === 'static') {
    props.text = s('string', { title: title('text'), maxLength: 10000 });
    return { type: 'object', properties: props };
  }
  props.label = s('string', { title: title('label'), maxLength: 500 });
  props.help = s('string', { title: title('help'), maxLength: 2000 });
  const kind = data?.type;
  if (kind === 'string' || kind === 'number' || kind === 'integer') props.placeholder = s('string', { title: title('placeholder'), maxLength: 200 });
  props.required = s('boolean', { title: title('required') });
  if (widget !== 'section' && widget !== 'group' && widget !== 'address') props.readOnly = s('boolean', { title: title('readOnly') });
  if (kind === 'string' && widget !== 'date' && widget !== 'file' && !data?.enum) {
    Object.assign(props, stringRuleProps(t));
  }
  if (kind === 'number' || kind === 'integer') {
    Object.assign(props, numberRuleProps(t));
    if (widget === 'number') props.integer = s('boolean', { title: title('integer') });
  }
  if (widget === 'date') {
    // The engine's dateBounds (schemas/README.md, "Date bounds"): each bound shows the inputs its kind needs.
    const current = readProps(def, path);
    const others = dateFieldsFor(def, path);
    for (const b of BOUNDS) {
      const kind = current[`${b}Kind`] ?? '';
      const kinds: BoundKind[] = ['', 'today', 'date', ...(others.length || kind === 'field' ? ['field' as const] : [])];
      props[`${b}Kind`] = { type: 'string', title: title(`${b}Kind`), oneOf: kinds.map((k) => ({ const: k, title: t(`builder.dateBound.kind.${k || 'none'}`) })) };
      if (kind === 'date') props[`${b}Date`] = s('string', { title: title(`${b}Date`), format: 'date' });
      if (kind === 'field') props[`${b}Field`] = { type: 'string', title: title(`${b}Field`), oneOf: others.map((p) => ({ const: p, title: `${textOf(def, def.ui.fields?.[p]?.label) || p} (${p})` })) };
      if (kind === 'today' || kind === 'field') {
        props[`${b}Amount`] = s('integer', { title: title(`${b}Amount`), minimum: 0, maximum: 99999 });
        props[`${b}Unit`] = { type: 'string', title: title(`${b}Unit`), oneOf: OFFSET_UNITS.map((u) => ({ const: u, title: t(`builder.dateBound.unit.${u}`) })) };
        props[`${b}Direction`] = { type: 'string', title: title(`${b}Direction`), oneOf: (['after', 'before'] as const).map((d) => ({ const: d, title: t(`builder.dateBound.${d}`) })) };
      }
      if (kind) props[`${b}Message`] = s('string', { title: t(`builder.props.${b}Message`, { limit: '{{limit}}' }), maxLength: 500 });
    }
  }
  if (widget === 'select' || widget === 'radio' || (widget === 'checkbox' && data?.type === 'array')) {
    props.options = {
      type: 'array', title: title('options'), minItems: 1, maxItems: 500,
      items: {
        type: 'object', required: ['value', 'label'],
        properties: {
          value: s('string', { title: title('optionValue'), pattern: '^[A-Za-z0-9_]+$', maxLength: 64 }),
          label: s('string', { title: title('optionLabel'), maxLength: 500 }),
        },
      },
    };
  }
  if (widget === 'file') {
    props.accept = s('string', { title: title('accept'), maxLength: 500 });
    props.maxSizeMb = s('number', { title: title('maxSizeMb'), exclusiveMinimum: 0, maximum: 100 });
    props.multipleFiles = s('boolean', { title: title('multipleFiles') });
    if (kind === 'array') props.maxFiles = s('integer', { title: title('maxFiles'), minimum: 1, maximum: 100 });
  }
  if (widget === 'checkbox' && kind === 'array') {
    // The multiple choice: how many options the citizen may tick.
    props.minItems = s('integer', { title: title('minChoices'), minimum: 0, maximum: 500 });
    props.maxItems = s('integer', { title: title('maxChoices'), minimum: 1, maximum: 500 });
  }
  if (widget === 'group') {
    props.minItems = s('integer', { title: title('minItems'), minimum: 0, maximum: 1000 });
    props.maxItems = s('integer', { title: title('maxItems'), minimum: 1, maximum: 1000 });
    props.addLabel = s('string', { title: title('addLabel'), maxLength: 200 });
  }
  if (!path.includes('[]')) {
    props.prefillSource = { type: 'string', title: title('prefillSource'), oneOf: ['', ...PREFILL_SOURCES].map((p) => ({ const: p, title: p ? t(`builder.prefill.${p}`) : t('builder.prefill.none') })) };
    props.prefillEditable = s('boolean', { title: title('prefillEditable') });
    const source = (def.prefill ?? []).find((p) => p.field === path)?.source;
    if (source?.startsWith('inps.isee.')) {
      props.prefillIseeKind = { type: 'string', title: title('prefillIseeKind'), oneOf: ['', ...ISEE_KINDS].map((k) => ({ const: k, title: t(`builder.iseeKind.${k || 'any'}`) })) };
    }
    if (source === 'anpr.family' && widget === 'group') {
      // One choice per column of the rows: which member datum fills it (none: the citizen types it).
      const columns = allFieldPaths(def).filter((p) => p.startsWith(`${path}[].`) && !p.slice(path.length + 3).includes('.'));
      props.prefillMap = {
        type: 'object', title: title('prefillMap'),
        properties: Object.fromEntries(columns.map((c) => [c.slice(path.length + 3), {
          type: 'string', title: textOf(def, def.ui.fields?.[c]?.label) || c,
          oneOf: ['', ...FAMILY_ITEMS].map((k) => ({ const: k, title: t(`builder.familyItem.${k || 'none'}`) })),
        }])),
      };
    }
  }
  return { type: 'object', properties: props };
}

/** Reads the panel's values from the definition. */
export function readProps(def: Def, path: string): FieldProps {
  const ui = def.ui.fields?.[path] ?? {};
  const data = schemaAt(def.data, path) ?? {};
  const out: FieldProps = {};
  const text = (k?: string) => (k ? textOf(def, k) : undefined);
  if (ui.widget === 'static') return { text: text(ui.text) ?? '' };
  out.label = text(ui.label) ?? '';
  out.help = text(ui.help) ?? '';
  out.placeholder = text(ui.placeholder) ?? '';
  out.required = isRequired(def, path);
  out.readOnly = !!ui.readOnly;
  for (const k of ['minItems', 'maxItems'] as const) if (data[k] !== undefined) out[k] = data[k] as number;
  Object.assign(out, readRules(data));
  if (ui.widget === 'number') out.integer = data.type === 'integer';
  const values = (Array.isArray(data.enum) ? data.enum : Array.isArray((data.items as JsonSchema | undefined)?.enum) ? (data.items as JsonSchema).enum : null) as unknown[] | null;
  if (values) out.options = values.map((v) => ({ value: String(v), label: text(ui.options?.[String(v)]) ?? '' }));
  if (ui.widget === 'file') {
    out.accept = (ui.accept ?? []).join(', ');
    if (ui.maxSizeMb !== undefined) out.maxSizeMb = ui.maxSizeMb;
    out.multipleFiles = data.type === 'array';
    if (data.type === 'array') { delete out.maxItems; delete out.minItems; if (typeof data.maxItems === 'number') out.maxFiles = data.maxItems; }
  }
  if (ui.widget === 'group') out.addLabel = text(ui.addLabel) ?? '';
  if (ui.widget === 'date') Object.assign(out, readBounds(def, path, data));
  const pre = (def.prefill ?? []).find((p) => p.field === path);
  out.prefillSource = pre?.source ?? '';
  out.prefillEditable = pre ? pre.editable !== false : true;
  if (pre?.source.startsWith('inps.isee.')) out.prefillIseeKind = pre.iseeKind ?? '';
  if (pre?.source === 'anpr.family') out.prefillMap = { ...(pre.map ?? {}) };
  return out;
}


/** Writes the panel's values into the definition (data schema, UI, texts, rules, prefill). */
export function writeProps(def: Def, path: string, p: FieldProps, _t?: Translate): Def {
  const ui: UiField = { ...(def.ui.fields?.[path] ?? {}) };
  const base = keyBase(path);
  let next = def;
  const text = (prop: 'label' | 'help' | 'placeholder' | 'text' | 'addLabel', value: string | undefined) => {
    if (value === undefined) return;
    if (!value && prop !== 'label' && prop !== 'text') { delete ui[prop]; return; }
    const key = ui[prop] ?? `${base}.${prop}`;
    ui[prop] = key;
    next = setText(next, key, value);
  };
  if (ui.widget === 'static') { text('text', p.text ?? ''); return setFieldUi(next, path, ui); }
  text('label', p.label ?? '');
  text('help', p.help);
  text('placeholder', p.placeholder);
  if (ui.widget === 'group') text('addLabel', p.addLabel);
  if (p.readOnly) ui.readOnly = true; else delete ui.readOnly;

  const data: JsonSchema = structuredClone(schemaAt(next.data, path) ?? {});
  // The same fields the panel offers: a date's or a file's format is the widget's own, never cleared.
  if (data.type === 'string' && !data.enum && ui.widget !== 'date' && ui.widget !== 'file') {
    writeStringRules(data, p);
  }
  if (data.type === 'number' || data.type === 'integer') {
    writeNumberRules(data, p);
    if (ui.widget === 'number' && p.integer !== undefined) data.type = p.integer ? 'integer' : 'number';
  }
  if (data.type === 'array' && (ui.widget === 'group' || ui.widget === 'checkbox')) { setOrDelete(data, 'minItems', p.minItems); setOrDelete(data, 'maxItems', p.maxItems); }
  if (p.options) {
    const values = [...new Set(p.options.map((o) => o.value).filter(Boolean))];
    if (values.length) {
      if (data.type === 'array') data.items = { ...(data.items as JsonSchema), enum: values }; else data.enum = values;
      // Own keys even for values such as "__proto__" (a plain assignment would set the prototype).
      const oldOptions = def.ui.fields?.[path]?.options ?? {};
      const entries: Array<[string, string]> = [];
      for (const o of p.options) {
        if (!o.value || entries.some(([v]) => v === o.value)) continue;
        const key = Object.hasOwn(oldOptions, o.value) ? oldOptions[o.value]! : `${base}.${o.value}`;
        entries.push([o.value, key]);
      }
      ui.options = Object.fromEntries(entries);
      for (const o of p.options) if (o.value && Object.hasOwn(ui.options, o.value)) next = setText(next, ui.options[o.value]!, o.label ?? '');
    }
  }
  if (ui.widget === 'file') {
    const accept = (p.accept ?? '').split(',').map((a) => a.trim()).filter(Boolean);
    if (accept.length) ui.accept = accept; else delete ui.accept;
    if (p.maxSizeMb) ui.maxSizeMb = p.maxSizeMb; else delete ui.maxSizeMb;
    // One file (its id) or a list of them: the wizard's file field takes either.
    const item: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
    if (p.multipleFiles && data.type !== 'array') { for (const k of Object.keys(data)) delete data[k]; Object.assign(data, { type: 'array', items: item, maxItems: 10 }); }
    else if (p.multipleFiles === false && data.type === 'array') { for (const k of Object.keys(data)) delete data[k]; Object.assign(data, { type: 'string', maxLength: 200 }); }
    if (data.type === 'array' && p.multipleFiles !== false && p.maxFiles !== undefined) data.maxItems = Math.min(100, Math.max(1, Math.trunc(p.maxFiles) || 1));
  }
  if (ui.widget === 'date') {
    const written = writeBounds(def, path, p, data.dateBounds);
    if (written.bounds) data.dateBounds = written.bounds; else delete data.dateBounds;
    for (const [key, text] of written.texts) next = setText(next, key, text);
  }
  next = setFieldSchema(next, path, data);
  next = setFieldUi(next, path, ui);
  if (p.required !== undefined) next = setRequired(next, path, p.required);
  if (ui.widget === 'date') next = dropLegacyDateRules(next, path);
  if (!path.includes('[]')) next = writePrefill(next, path, p);
  return next;
}

const isDate = (s: JsonSchema | null | undefined) => !!s && s.type === 'string' && s.format === 'date';

/** The date fields a date field's bound may name: fields outside groups, and the same row's for a row field. */
export function dateFieldsFor(def: Def, path: string): string[] {
  const i = path.lastIndexOf('[].');
  const row = i < 0 ? null : path.slice(0, i + 3);
  return allFieldPaths(def).filter((p) => p !== path && isDate(schemaAt(def.data, p))
    && (!p.includes('[]') || (row !== null && p.startsWith(row) && !p.slice(row.length).includes('[]'))));
}

/** An offset "+30d" / "-18y" as the panel shows it (18, years, before). */
function readOffset(text: string): { amount: number; unit: OffsetUnit; direction: 'after' | 'before' } | null {
  if (text === '') return { amount: 0, unit: 'd', direction: 'after' };
  const m = /^([+-])(\d{1,5})([dwmy])$/.exec(text);
  return m ? { amount: Number(m[2]), unit: m[3] as OffsetUnit, direction: m[1] === '-' ? 'before' : 'after' } : null;
}

// The error rules the panel wrote before the engine had dateBounds: read as bounds, replaced on write.
const legacyIds = (path: string) => ({ from: `data_${ruleBase(path)}_dal`, to: `data_${ruleBase(path)}_al`, past: `data_${ruleBase(path)}_passata`, future: `data_${ruleBase(path)}_futura` });

function readBounds(def: Def, path: string, data: JsonSchema): FieldProps {
  const out: Record<string, unknown> = {};
  const spec = data.dateBounds && typeof data.dateBounds === 'object' && !Array.isArray(data.dateBounds) ? data.dateBounds as Record<string, unknown> : {};
  const rules = def.rules ?? [];
  const ids = legacyIds(path);
  const legacyDate = (id: string) => {
    const w = rules.find((x) => x.id === id)?.when as { and?: Array<Record<string, unknown[]>> } | undefined;
    const cmp = w?.and?.[1];
    const v = cmp ? Object.values(cmp)[0]?.[1] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  for (const b of BOUNDS) {
    let value = spec[b];
    if (value === undefined) {
      // Older copies: the rules the panel used to write.
      const date = legacyDate(b === 'notBefore' ? ids.from : ids.to);
      if (rules.some((r) => r.id === (b === 'notBefore' ? ids.past : ids.future))) value = 'today';
      else if (date) value = date;
    }
    const asText = typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as { date?: unknown }).date === 'string' ? (value as { date: string }).date : undefined;
    const field = value && typeof value === 'object' && typeof (value as { field?: unknown }).field === 'string' ? (value as { field: string; offset?: unknown }) : undefined;
    let kind: BoundKind = '';
    if (asText?.startsWith('today')) {
      const o = readOffset(asText.slice(5));
      if (o) { kind = 'today'; out[`${b}Amount`] = o.amount; out[`${b}Unit`] = o.unit; out[`${b}Direction`] = o.direction; }
    } else if (asText !== undefined) {
      kind = 'date'; out[`${b}Date`] = asText;
    } else if (field) {
      const o = readOffset(typeof field.offset === 'string' ? field.offset : '');
      kind = 'field'; out[`${b}Field`] = field.field;
      if (o) { out[`${b}Amount`] = o.amount; out[`${b}Unit`] = o.unit; out[`${b}Direction`] = o.direction; }
    }
    out[`${b}Kind`] = kind;
    const key = value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : undefined;
    // A key with no text of the service (an engine message it reuses) stays as it is until typed over.
    const text = key ? def.translations[def.defaultLanguage]?.[key] : '';
    if (kind && text !== undefined) out[`${b}Message`] = text;
  }
  return out as FieldProps;
}

/**
 * The field's dateBounds from the panel's values (undefined when neither bound is set). A bound's
 * own message (written by hand) is kept while its kind stays; a date bound with no date yet
 * starts at today (Rome), a field bound at the first date field it may name.
 */
function writeBounds(def: Def, path: string, p: FieldProps, previous: unknown): { bounds: Record<string, unknown> | undefined; texts: Array<[string, string]> } {
  const prev = previous && typeof previous === 'object' && !Array.isArray(previous) ? previous as Record<string, unknown> : {};
  const out: Record<string, unknown> = {};
  const texts: Array<[string, string]> = [];
  for (const b of BOUNDS) {
    const kind = p[`${b}Kind`] ?? '';
    const old = prev[b] && typeof prev[b] === 'object' ? prev[b] as { message?: unknown; field?: unknown } : undefined;
    // The bound's own message: its text in the default language under its key (made from the
    // field's path when new); an empty text goes back to the engine's message.
    const oldKey = typeof old?.message === 'string' && old.message ? old.message : undefined;
    const typed = p[`${b}Message`];
    let message = typed === undefined ? oldKey : typed ? oldKey ?? `${keyBase(path)}.${b}` : undefined;
    if (typed && message) texts.push([message, typed]);
    if (typed === undefined && kind && old && ('field' in old) !== (kind === 'field')) message = undefined;
    const amount = Math.min(99999, Math.max(0, Math.trunc(Number(p[`${b}Amount`] ?? 0)) || 0));
    const unit: OffsetUnit = OFFSET_UNITS.includes(p[`${b}Unit`] as OffsetUnit) ? p[`${b}Unit`] as OffsetUnit : 'd';
    const offset = amount ? `${p[`${b}Direction`] === 'before' ? '-' : '+'}${amount}${unit}` : '';
    if (kind === 'today' || kind === 'date') {
      const given = p[`${b}Date`];
      const text = kind === 'today' ? `today${offset}` : typeof given === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given) ? given : romeDate(new Date());
      out[b] = message ? { date: text, message } : text;
    } else if (kind === 'field') {
      const others = dateFieldsFor(def, path);
      const field = others.includes(p[`${b}Field`] ?? '') ? p[`${b}Field`]! : others[0];
      if (!field) continue;
      out[b] = { field, ...(offset ? { offset } : {}), ...(message ? { message } : {}) };
    }
  }
  return { bounds: Object.keys(out).length ? out : undefined, texts };
}

/** Takes away the error rules (and their texts) the panel wrote for date ranges before dateBounds. */
function dropLegacyDateRules(def: Def, path: string): Def {
  const ids = Object.values(legacyIds(path));
  const gone = (def.rules ?? []).filter((r) => ids.includes(r.id));
  if (!gone.length) return def;
  const keys = new Set(gone.map((r) => r.message).filter((k): k is string => !!k));
  const translations = Object.fromEntries(Object.entries(def.translations).map(([l, strings]) => [l, Object.fromEntries(Object.entries(strings).filter(([k]) => !keys.has(k)))]));
  return { ...def, rules: (def.rules ?? []).filter((r) => !ids.includes(r.id)), translations };
}

function writePrefill(def: Def, path: string, p: FieldProps): Def {
  const { prefillSource: source, prefillEditable: editable } = p;
  const list = def.prefill ?? [];
  const at = list.findIndex((x) => x.field === path);
  if (!source) return at < 0 ? def : { ...def, prefill: list.filter((x) => x.field !== path) };
  const old = at < 0 ? undefined : list[at]!;
  const item: PrefillItem = { ...(old ?? {}), field: path, source: source as PrefillSource };
  if (editable === false) item.editable = false;
  else if (old?.editable !== true) delete item.editable;
  // The ISEE's kind only for an ISEE source, the member map only for the family.
  const iseeKind = ISEE_KINDS.find((k) => k === p.prefillIseeKind);
  if (source.startsWith('inps.isee.') && iseeKind) item.iseeKind = iseeKind;
  else if (!source.startsWith('inps.isee.') || p.prefillIseeKind !== undefined) delete item.iseeKind;
  if (source === 'anpr.family') {
    const map = p.prefillMap === undefined ? item.map ?? {} : Object.fromEntries(Object.entries(p.prefillMap).filter((e): e is [string, (typeof FAMILY_ITEMS)[number]] => (FAMILY_ITEMS as readonly string[]).includes(e[1])));
    if (Object.keys(map).length) item.map = map; else delete item.map;
  } else delete item.map;
  if (old && JSON.stringify(old) === JSON.stringify(item)) return def;
  return { ...def, prefill: at < 0 ? [...list, item] : list.map((p, i) => (i === at ? item : p)) };
}

/** A new address's part labels in the platform's language (addField's partLabels). */
export const addressLabels = (t: Translate) => Object.fromEntries(ADDRESS_PARTS.map((p) => [p, t(`builder.address.${p}`)]));

/** The widget's name in the platform's language. */
export const widgetLabel = (t: Translate, w: FieldKind | undefined) => t(`builder.widget.${w ?? 'text'}`);
