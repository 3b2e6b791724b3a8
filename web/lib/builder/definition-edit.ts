import type { JsonSchema, ServiceDefinition, Step, UiField, Widget } from '@sportello/schemas';

// Pure edits of a service definition: each takes a definition and returns a new one (never
// mutating the old: the store compares by identity, and undo-free autosave relies on it).

type Def = ServiceDefinition;
const clone = <T,>(x: T): T => structuredClone(x);

/** The widgets the engine supports (schemas/service-definition.schema.json, $defs.widget). */
export const WIDGETS: Widget[] = ['text', 'textarea', 'email', 'number', 'currency', 'date', 'select', 'radio', 'checkbox', 'yesno', 'file', 'address', 'section', 'group', 'static'];

/**
 * What the palette adds: each widget, and the multiple choice, which is the checkbox widget over a
 * list of options (the engine's `checkbox` on an array whose items are an enum).
 */
export type FieldKind = Widget | 'checkboxes';
export const FIELD_KINDS: FieldKind[] = WIDGETS.flatMap((w): FieldKind[] => (w === 'checkbox' ? ['checkbox', 'checkboxes'] : [w]));
export const widgetOfKind = (kind: FieldKind): Widget => (kind === 'checkboxes' ? 'checkbox' : kind);

/** A field's kind as the palette names it (a checkbox over a list is the multiple choice). */
export function kindOfField(def: Def, path: string): FieldKind | undefined {
  const widget = def.ui.fields?.[path]?.widget;
  return widget === 'checkbox' && schemaAt(def.data, path)?.type === 'array' ? 'checkboxes' : widget;
}

/** The data schema a new field of each kind starts with (the smallest that fits the widget). */
export function schemaForWidget(widget: FieldKind): JsonSchema | null {
  switch (widget) {
    case 'text': return { type: 'string', maxLength: 200 };
    case 'textarea': return { type: 'string', maxLength: 4000 };
    case 'email': return { type: 'string', format: 'email', maxLength: 254 };
    case 'number': return { type: 'integer' };
    case 'currency': return { type: 'number', minimum: 0 };
    case 'date': return { type: 'string', format: 'date' };
    case 'select': case 'radio': return { type: 'string', enum: ['opzione1', 'opzione2'] };
    case 'checkbox': case 'yesno': return { type: 'boolean' };
    case 'checkboxes': return { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['opzione1', 'opzione2'] } };
    case 'file': return { type: 'string', maxLength: 200 };
    case 'address': return {
      type: 'object', required: ['street', 'cap', 'comune'],
      properties: {
        street: { type: 'string', minLength: 3, maxLength: 150 }, cap: { type: 'string', format: 'cap' },
        comune: { type: 'string', minLength: 2, maxLength: 100 }, provincia: { type: 'string', pattern: '^[A-Z]{2}$' },
      },
    };
    case 'section': return { type: 'object', properties: {} };
    case 'group': return { type: 'array', minItems: 1, maxItems: 20, items: { type: 'object', properties: {} } };
    case 'static': return null;
  }
}

/** A field path's parts: `nucleo[].eta` -> [{name: 'nucleo', group: true}, {name: 'eta', group: false}]. */
function parts(path: string): Array<{ name: string; group: boolean }> {
  return path.split('.').map((p) => (p.endsWith('[]') ? { name: p.slice(0, -2), group: true } : { name: p, group: false }));
}

/** The object schema that holds a path's last part (the root, a section, or a group's rows). */
export function containerSchema(data: JsonSchema, path: string): JsonSchema | null {
  let s: JsonSchema | undefined = data;
  const ps = parts(path);
  for (const p of ps.slice(0, -1)) {
    const child: JsonSchema | undefined = ownProperty(s, p.name);
    s = p.group ? (child?.items as JsonSchema | undefined) : child;
    if (!s) return null;
  }
  return s ?? null;
}

/** A schema's own property (never one of Object.prototype's: `__proto__`, `constructor`). */
function ownProperty(s: JsonSchema | null | undefined, name: string): JsonSchema | undefined {
  const props = s?.properties as Record<string, JsonSchema> | undefined;
  return props && Object.hasOwn(props, name) ? props[name] : undefined;
}

/** The data schema of a field path (null for static texts and unknown paths). */
export function schemaAt(data: JsonSchema, path: string): JsonSchema | null {
  const c = containerSchema(data, path);
  const last = parts(path).at(-1)!;
  return ownProperty(c, last.name) ?? null;
}

const lastName = (path: string) => parts(path).at(-1)!.name;
/** The path of the container holding `path` ('' for the root). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}
/** The path of a child of `parent` (a group's children live in its rows: `parent[].name`). */
export function childPath(def: Def, parent: string, name: string): string {
  if (!parent) return name;
  const isGroup = schemaAt(def.data, parent)?.type === 'array';
  return `${parent}${isGroup ? '[]' : ''}.${name}`;
}
/** Children of a section or group, in their display order. */
export function childrenOf(def: Def, parent: string): string[] {
  const s = schemaAt(def.data, parent);
  const obj = (s?.type === 'array' ? s.items : s) as JsonSchema | undefined;
  const names = Object.keys((obj?.properties as Record<string, unknown>) ?? {});
  const all = names.map((n) => childPath(def, parent, n));
  const order = def.ui.fields?.[parent]?.order;
  if (!order) return all;
  return [...order.filter((p) => all.includes(p)), ...all.filter((p) => !order.includes(p))];
}

/** Every field path the definition has (data fields, then static texts), for pickers. */
export function allFieldPaths(def: Def): string[] {
  const out: string[] = [];
  const walk = (schema: JsonSchema | undefined, prefix: string) => {
    for (const [name, child] of Object.entries((schema?.properties as Record<string, JsonSchema>) ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.push(path);
      if (child.type === 'array' && (child.items as JsonSchema | undefined)?.type === 'object') walk(child.items as JsonSchema, `${path}[]`);
      else if (child.type === 'object') walk(child, path);
    }
  };
  walk(def.data, '');
  return out;
}

function uniqueName(taken: (name: string) => boolean, base: string): string {
  for (let n = 1; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}

/** Sets a text of the default language under `key` (a key every element uses for its label). */
export function setText(def: Def, key: string, text: string, language = def.defaultLanguage): Def {
  const next = { ...def, translations: { ...def.translations, [language]: { ...(def.translations[language] ?? {}), [key]: text } } };
  return next;
}
export function textOf(def: Def, key: string | undefined, language = def.defaultLanguage): string {
  if (!key) return '';
  return def.translations[language]?.[key] ?? '';
}

// ---- steps

export function addStep(def: Def, title: string): Def {
  const id = uniqueName((n) => def.ui.steps.some((s) => s.id === n), 'passo');
  const step: Step = { id, title: `step.${id}`, fields: [] };
  return setText({ ...def, ui: { ...def.ui, steps: [...def.ui.steps, step] } }, step.title, title);
}

export function renameStep(def: Def, index: number, title: string): Def {
  const step = def.ui.steps[index];
  return step ? setText(def, step.title, title) : def;
}

/** A step's description (shown under its title): keyed after the step; an empty text removes it. */
export function describeStep(def: Def, index: number, text: string): Def {
  const step = def.ui.steps[index];
  if (!step) return def;
  if (!text) {
    if (!step.description) return def;
    const { description: _d, ...rest } = step;
    return { ...def, ui: { ...def.ui, steps: def.ui.steps.map((s, i) => (i === index ? rest : s)) } };
  }
  const key = step.description ?? `step.${step.id}.description`;
  const next = step.description ? def : { ...def, ui: { ...def.ui, steps: def.ui.steps.map((s, i) => (i === index ? { ...s, description: key } : s)) } };
  return setText(next, key, text);
}

/** The service's tags from what the designer typed (comma-separated): trimmed, lower case, each once. */
export function setTags(def: Def, typed: string): Def {
  const tags = [...new Set(typed.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))];
  if (!tags.length) { const { tags: _t, ...rest } = def; return rest as Def; }
  return { ...def, tags };
}

export function moveStep(def: Def, from: number, to: number): Def {
  const steps = [...def.ui.steps];
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return def;
  const [s] = steps.splice(from, 1);
  steps.splice(to, 0, s!);
  return { ...def, ui: { ...def.ui, steps } };
}

/** Removes a step and every field laid out in it (the last step cannot go: a wizard needs one). */
export function removeStep(def: Def, index: number): Def {
  const step = def.ui.steps[index];
  if (!step || def.ui.steps.length < 2) return def;
  let next: Def = { ...def, ui: { ...def.ui, steps: def.ui.steps.filter((_, i) => i !== index) } };
  for (const f of step.fields) next = removeField(next, f);
  next = { ...next, rules: (next.rules ?? []).filter((r) => r.step !== step.id) };
  return next;
}

/** The step's show-if: a show rule on the step, written as JSON Logic (null removes it). */
export function setStepCondition(def: Def, stepId: string, when: unknown | null): Def {
  const rules = (def.rules ?? []).filter((r) => !(r.step === stepId && r.type === 'show' && r.id === `mostra_${stepId}`));
  if (when !== null) rules.push({ id: `mostra_${stepId}`, type: 'show', step: stepId, when: when as never });
  return { ...def, rules };
}

// ---- fields

/** Where a new field goes: a step (top-level field) or inside a section or group. */
export type FieldPlace = { step: number; index?: number } | { parent: string; index?: number };

/** The parts of a new address, in the order the wizard shows them. */
export const ADDRESS_PARTS = ['street', 'cap', 'comune', 'provincia'] as const;
/** The file types a new file field accepts (the server's own default: PDF, JPEG, PNG), said explicitly so the citizen sees them. */
export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * Adds a field of the widget with a default label in the default language; returns it and its path.
 * A new address's parts get labels too (`partLabels`, in the designer's language), so the citizen
 * never sees "street" or "cap".
 */
export function addField(def: Def, kind: FieldKind, place: FieldPlace, label: string, partLabels?: Partial<Record<(typeof ADDRESS_PARTS)[number], string>>): { definition: Def; path: string } {
  // A widget the engine does not know would make a field with no data: refused, nothing changes.
  if (!FIELD_KINDS.includes(kind)) return { definition: def, path: '' };
  const widget = widgetOfKind(kind);
  const next = clone(def);
  const parent = 'parent' in place ? place.parent : '';
  const container = parent ? (() => { const s = schemaAt(next.data, parent); return (s?.type === 'array' ? s.items : s) as JsonSchema | undefined; })() : next.data;
  if (!container) return { definition: def, path: '' };
  const props = ((container.properties ??= {}) as Record<string, JsonSchema>);
  const base = widget === 'static' ? 'testo' : widget === 'group' ? 'elenco' : widget === 'section' ? 'sezione' : 'campo';
  const ui = (next.ui.fields ??= {});
  const name = uniqueName((n) => n in props || Object.keys(ui).some((p) => p === (parent ? childPath(next, parent, n) : n)), base);
  const path = parent ? childPath(next, parent, name) : name;
  const schema = schemaForWidget(kind);
  if (schema) props[name] = schema;
  const key = `field.${path.replace(/\[\]/g, '')}`;
  const entry: UiField = widget === 'static' ? { widget, text: `${key}.text` } : { widget, label: `${key}.label` };
  if (widget === 'select' || widget === 'radio' || kind === 'checkboxes') entry.options = { opzione1: `${key}.opzione1`, opzione2: `${key}.opzione2` };
  if (widget === 'group') entry.addLabel = `${key}.add`;
  if (widget === 'file') entry.accept = [...DEFAULT_ACCEPT];
  ui[path] = entry;
  const parts = widget === 'address' ? ADDRESS_PARTS.filter((part) => partLabels?.[part]) : [];
  for (const part of parts) ui[`${path}.${part}`] = { widget: 'text', label: `${key}.${part}.label` };
  let out: Def = next;
  out = setText(out, widget === 'static' ? `${key}.text` : `${key}.label`, label);
  if (entry.options) out = setText(setText(out, `${key}.opzione1`, 'Opzione 1'), `${key}.opzione2`, 'Opzione 2');
  if (widget === 'group') out = setText(out, `${key}.add`, '+');
  for (const part of parts) out = setText(out, `${key}.${part}.label`, partLabels![part]!);
  if ('step' in place) {
    const steps = out.ui.steps.map((s, i) => {
      if (i !== place.step) return s;
      const fields = [...s.fields];
      fields.splice(place.index ?? fields.length, 0, path);
      return { ...s, fields };
    });
    out = { ...out, ui: { ...out.ui, steps } };
  } else if (place.index !== undefined) {
    const order = childrenOf(out, parent).filter((p) => p !== path);
    order.splice(place.index, 0, path);
    out = { ...out, ui: { ...out.ui, fields: { ...out.ui.fields, [parent]: { ...(out.ui.fields?.[parent] ?? {}), order } } } };
  }
  return { definition: out, path };
}

/** Removes a field, its children, its UI, its place in steps, required lists, prefill and rules on it. */
export function removeField(def: Def, path: string): Def {
  const next = clone(def);
  const container = containerSchema(next.data, path);
  const name = lastName(path);
  if (container?.properties) {
    delete (container.properties as Record<string, unknown>)[name];
    if (Array.isArray(container.required)) {
      container.required = (container.required as string[]).filter((r) => r !== name);
      if (!(container.required as string[]).length) delete container.required;
    }
  }
  const under = (p: string) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[].`);
  for (const p of Object.keys(next.ui.fields ?? {})) if (under(p)) delete next.ui.fields![p];
  const parent = parentPath(path).replace(/\[\]$/, '');
  const pui = parent ? next.ui.fields?.[parent] : undefined;
  if (pui?.order) pui.order = pui.order.filter((p) => p !== path);
  next.ui.steps = next.ui.steps.map((s) => ({ ...s, fields: s.fields.filter((f) => !under(f)) }));
  if (next.prefill) next.prefill = next.prefill.filter((p) => !under(p.field));
  if (next.rules) next.rules = next.rules.filter((r) => !(r.field && under(r.field)));
  return next;
}

/** Moves a top-level field within its step or into another step, at `index`. */
export function moveFieldToStep(def: Def, path: string, toStep: number, index?: number): Def {
  const steps = def.ui.steps.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== path) }));
  const target = steps[toStep];
  if (!target) return def;
  target.fields.splice(index ?? target.fields.length, 0, path);
  return { ...def, ui: { ...def.ui, steps } };
}

/** Reorders the children of a section or group. */
export function moveChild(def: Def, parent: string, from: number, to: number): Def {
  const order = childrenOf(def, parent);
  if (from < 0 || to < 0 || from >= order.length || to >= order.length) return def;
  const [p] = order.splice(from, 1);
  order.splice(to, 0, p!);
  return { ...def, ui: { ...def.ui, fields: { ...def.ui.fields, [parent]: { ...(def.ui.fields?.[parent] ?? {}), order } } } };
}

/** Whether the field is required (in its container's `required`). */
export function isRequired(def: Def, path: string): boolean {
  const c = containerSchema(def.data, path);
  return Array.isArray(c?.required) && (c.required as string[]).includes(lastName(path)) && ownProperty(c, lastName(path)) !== undefined;
}

export function setRequired(def: Def, path: string, required: boolean): Def {
  if (isRequired(def, path) === required) return def;
  const next = clone(def);
  const c = containerSchema(next.data, path);
  if (!c) return def;
  const name = lastName(path);
  const list = ((c.required as string[] | undefined) ?? []).filter((r) => r !== name);
  if (required) list.push(name);
  if (list.length) c.required = list; else delete c.required;
  return next;
}

/** Replaces a field's data schema (the panel's type-specific validation). */
export function setFieldSchema(def: Def, path: string, schema: JsonSchema): Def {
  const next = clone(def);
  const c = containerSchema(next.data, path);
  if (!c?.properties) return def;
  (c.properties as Record<string, JsonSchema>)[lastName(path)] = schema;
  return next;
}

export function setFieldUi(def: Def, path: string, ui: UiField): Def {
  return { ...def, ui: { ...def.ui, fields: { ...def.ui.fields, [path]: ui } } };
}

/**
 * The step a drag ends over, whatever it is over: the step itself (`step:<id>`), its drop zone
 * (`drop:<index>`) or one of its fields (`field:<path>`); -1 for anything else. A step moved by
 * keyboard lands over whatever is nearest above or below it, usually a field or a drop zone of
 * the next step, not that step's own card.
 */
export function stepOfDropTarget(def: Def, over: string): number {
  if (over.startsWith('step:')) return def.ui.steps.findIndex((s) => s.id === over.slice(5));
  if (over.startsWith('drop:')) { const i = Number(over.slice(5)); return Number.isInteger(i) && i >= 0 && i < def.ui.steps.length ? i : -1; }
  if (over.startsWith('field:')) return stepOfField(def, over.slice(6));
  return -1;
}

/** The step a top-level field is placed in (-1 when none). */
export function stepOfField(def: Def, path: string): number {
  const top = path.split('.')[0]!.replace(/\[\]$/, '');
  return def.ui.steps.findIndex((s) => s.fields.some((f) => f === top || f === path));
}
