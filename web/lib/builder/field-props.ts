import type { JsonSchema, PrefillItem, PrefillSource, Rule, ServiceDefinition, UiField, Widget } from '@sportello/schemas';
import { isRequired, schemaAt, setFieldSchema, setFieldUi, setRequired, setText, textOf } from './definition-edit';

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
export const STRING_FORMATS = ['', 'codice-fiscale', 'partita-iva', 'iban', 'cap', 'telefono', 'email', 'uri'] as const;

export interface FieldProps {
  label?: string; help?: string; placeholder?: string; text?: string;
  required?: boolean; readOnly?: boolean;
  minLength?: number; maxLength?: number; pattern?: string; format?: string;
  minimum?: number; maximum?: number; integer?: boolean;
  dateFrom?: string; dateTo?: string; notFuture?: boolean; notPast?: boolean;
  options?: Array<{ value: string; label: string }>;
  accept?: string; maxSizeMb?: number;
  minItems?: number; maxItems?: number; addLabel?: string;
  prefillSource?: string; prefillEditable?: boolean;
}

/** Labels of the panel's properties, from the platform's texts (builder.props.*). */
export type Translate = (key: string) => string;

const keyBase = (path: string) => `field.${path.replace(/\[\]/g, '')}`;
const ruleBase = (path: string) => path.replace(/\[\]/g, '').replace(/\./g, '_');

/** What a rule inside a group reads for its own row's value. */
function varOf(path: string): string {
  const i = path.lastIndexOf('[].');
  return i < 0 ? path : `$row.${path.slice(i + 3)}`;
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
    props.format = { type: 'string', title: title('format'), oneOf: STRING_FORMATS.map((f) => ({ const: f, title: t(`builder.format.${f || 'none'}`) })) };
    props.minLength = s('integer', { title: title('minLength'), minimum: 0, maximum: 100000 });
    props.maxLength = s('integer', { title: title('maxLength'), minimum: 1, maximum: 100000 });
    props.pattern = s('string', { title: title('pattern'), maxLength: 500 });
  }
  if (kind === 'number' || kind === 'integer') {
    props.minimum = s('number', { title: title('minimum') });
    props.maximum = s('number', { title: title('maximum') });
    if (widget === 'number') props.integer = s('boolean', { title: title('integer') });
  }
  if (widget === 'date') {
    props.dateFrom = s('string', { title: title('dateFrom'), format: 'date' });
    props.dateTo = s('string', { title: title('dateTo'), format: 'date' });
    props.notPast = s('boolean', { title: title('notPast') });
    props.notFuture = s('boolean', { title: title('notFuture') });
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
  }
  if (widget === 'group') {
    props.minItems = s('integer', { title: title('minItems'), minimum: 0, maximum: 1000 });
    props.maxItems = s('integer', { title: title('maxItems'), minimum: 1, maximum: 1000 });
    props.addLabel = s('string', { title: title('addLabel'), maxLength: 200 });
  }
  if (!path.includes('[]')) {
    props.prefillSource = { type: 'string', title: title('prefillSource'), oneOf: ['', ...PREFILL_SOURCES].map((p) => ({ const: p, title: p ? t(`builder.prefill.${p}`) : t('builder.prefill.none') })) };
    props.prefillEditable = s('boolean', { title: title('prefillEditable') });
  }
  return { type: 'object', properties: props };
}

const dateRuleIds = (path: string) => ({ from: `data_${ruleBase(path)}_dal`, to: `data_${ruleBase(path)}_al`, past: `data_${ruleBase(path)}_passata`, future: `data_${ruleBase(path)}_futura` });

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
  for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    if (data[k] !== undefined) (out as Record<string, unknown>)[k] = data[k];
  }
  if (data.type === 'string') out.format = typeof data.format === 'string' ? data.format : '';
  if (ui.widget === 'number') out.integer = data.type === 'integer';
  const values = (Array.isArray(data.enum) ? data.enum : Array.isArray((data.items as JsonSchema | undefined)?.enum) ? (data.items as JsonSchema).enum : null) as unknown[] | null;
  if (values) out.options = values.map((v) => ({ value: String(v), label: text(ui.options?.[String(v)]) ?? '' }));
  if (ui.widget === 'file') { out.accept = (ui.accept ?? []).join(', '); if (ui.maxSizeMb !== undefined) out.maxSizeMb = ui.maxSizeMb; }
  if (ui.widget === 'group') out.addLabel = text(ui.addLabel) ?? '';
  if (ui.widget === 'date') {
    const ids = dateRuleIds(path);
    const rules = def.rules ?? [];
    const bound = (id: string) => { const r = rules.find((x) => x.id === id); const w = r?.when as { and?: Array<Record<string, unknown[]>> } | undefined; const cmp = w?.and?.[1]; const v = cmp ? Object.values(cmp)[0]?.[1] : undefined; return typeof v === 'string' ? v : undefined; };
    const from = bound(ids.from); const to = bound(ids.to);
    if (from) out.dateFrom = from;
    if (to) out.dateTo = to;
    out.notPast = rules.some((r) => r.id === ids.past);
    out.notFuture = rules.some((r) => r.id === ids.future);
  }
  const pre = (def.prefill ?? []).find((p) => p.field === path);
  out.prefillSource = pre?.source ?? '';
  out.prefillEditable = pre ? pre.editable !== false : true;
  return out;
}

const setOrDelete = (o: JsonSchema, k: string, v: unknown) => { if (v === undefined || v === '' || v === null) delete o[k]; else o[k] = v; };

/** Writes the panel's values into the definition (data schema, UI, texts, rules, prefill). */
export function writeProps(def: Def, path: string, p: FieldProps, t: Translate): Def {
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
  if (data.type === 'string' && !data.enum) {
    setOrDelete(data, 'format', p.format);
    setOrDelete(data, 'minLength', p.minLength);
    setOrDelete(data, 'maxLength', p.maxLength);
    setOrDelete(data, 'pattern', p.pattern);
  }
  if (data.type === 'number' || data.type === 'integer') {
    setOrDelete(data, 'minimum', p.minimum);
    setOrDelete(data, 'maximum', p.maximum);
    if (ui.widget === 'number' && p.integer !== undefined) data.type = p.integer ? 'integer' : 'number';
  }
  if (data.type === 'array' && ui.widget === 'group') { setOrDelete(data, 'minItems', p.minItems); setOrDelete(data, 'maxItems', p.maxItems); }
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
  }
  next = setFieldSchema(next, path, data);
  next = setFieldUi(next, path, ui);
  if (p.required !== undefined) next = setRequired(next, path, p.required);
  if (ui.widget === 'date') next = writeDateRules(next, path, p, t);
  if (!path.includes('[]')) next = writePrefill(next, path, p.prefillSource, p.prefillEditable);
  return next;
}

/** Date ranges are error rules (JSON Schema has no date bounds the engine checks). */
function writeDateRules(def: Def, path: string, p: FieldProps, t: Translate): Def {
  const ids = dateRuleIds(path);
  const v = { var: varOf(path) };
  const keep = (def.rules ?? []).filter((r) => !Object.values(ids).includes(r.id));
  const add: Rule[] = [];
  let next = def;
  const rule = (id: string, when: unknown, message: string, text: string) => {
    add.push({ id, type: 'error', field: path, message, when: { and: [v, when] } as never });
    next = setText(next, message, text);
  };
  const mk = `error.${ruleBase(path)}`;
  if (p.dateFrom) rule(ids.from, { '<': [v, p.dateFrom] }, `${mk}.dal`, t('builder.props.dateFromError').replace('{{date}}', p.dateFrom));
  if (p.dateTo) rule(ids.to, { '>': [v, p.dateTo] }, `${mk}.al`, t('builder.props.dateToError').replace('{{date}}', p.dateTo));
  if (p.notPast) rule(ids.past, { '<': [{ days_between: [{ var: '$today' }, v] }, 0] }, `${mk}.passata`, t('builder.props.notPastError'));
  if (p.notFuture) rule(ids.future, { '>': [{ days_between: [{ var: '$today' }, v] }, 0] }, `${mk}.futura`, t('builder.props.notFutureError'));
  return { ...next, rules: [...keep, ...add] };
}

/** The field's prefill entry, changed in place (its order and an explicit `editable: true` kept). */
function writePrefill(def: Def, path: string, source: string | undefined, editable: boolean | undefined): Def {
  const list = def.prefill ?? [];
  const at = list.findIndex((p) => p.field === path);
  if (!source) return at < 0 ? def : { ...def, prefill: list.filter((p) => p.field !== path) };
  const old = at < 0 ? undefined : list[at]!;
  const item: PrefillItem = { ...(old ?? {}), field: path, source: source as PrefillSource };
  if (editable === false) item.editable = false;
  else if (old?.editable !== true) delete item.editable;
  if (old && JSON.stringify(old) === JSON.stringify(item)) return def;
  return { ...def, prefill: at < 0 ? [...list, item] : list.map((p, i) => (i === at ? item : p)) };
}

/** The widget's name in the platform's language. */
export const widgetLabel = (t: Translate, w: Widget | undefined) => t(`builder.widget.${w ?? 'text'}`);
