import type { JsonSchema, ServiceDefinition } from '@sportello/schemas';

/**
 * The fields a rule, a fee or a ranking can read, as the editors offer them: every leaf of the
 * answers' schema (sections flattened to dotted paths, a group's columns as `group[].x`) and
 * every office field. `label` is the designer's own text in the default language, the path when
 * there is none yet.
 */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'unknown';
export interface FieldInfo {
  path: string;
  type: FieldType;
  format?: string;
  enum?: Array<string | number>;
  widget?: string;
  label: string;
  /** The group whose rows hold this field (`figli` for `figli[].eta`). */
  group?: string;
  isGroup?: boolean;
  office?: boolean;
  /** A group's columns, named as a condition over its rows reads them (`eta`). */
  columns?: Array<FieldInfo & { name: string }>;
  /** A derived operand of conditions (days or years between a date and today: derived.ts): the logic it stands for. */
  derived?: import('@sportello/schemas').Logic;
  /** A named condition (`conditions`), used as {"condition": name}: a derived operand that holds or not. */
  named?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(schema: JsonSchema): FieldType {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  return typeof t === 'string' && ['string', 'number', 'integer', 'boolean', 'array', 'object'].includes(t) ? (t as FieldType) : 'unknown';
}

function walk(def: ServiceDefinition, schema: unknown, prefix: string, group: string | undefined, office: boolean, out: FieldInfo[]): void {
  if (!isObject(schema) || !isObject(schema.properties)) return;
  const strings = def.translations?.[def.defaultLanguage] ?? {};
  for (const [name, raw] of Object.entries(schema.properties)) {
    if (!isObject(raw)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const ui = office ? undefined : def.ui?.fields?.[path];
    const type = typeOf(raw);
    const label = (ui?.label && strings[ui.label]) || path;
    const items = raw.items;
    if (type === 'object') {
      walk(def, raw, path, group, office, out);
      continue;
    }
    if (type === 'array' && isObject(items) && typeOf(items) === 'object' && !group) {
      out.push({ path, type, label, isGroup: true, widget: ui?.widget, office });
      walk(def, items, `${path}[]`, path, office, out);
      continue;
    }
    const values = Array.isArray(raw.enum) ? raw.enum : type === 'array' && isObject(items) && Array.isArray(items.enum) ? items.enum : undefined;
    out.push({
      path, type, label, group, office, widget: ui?.widget,
      ...(typeof raw.format === 'string' ? { format: raw.format } : {}),
      ...(values ? { enum: values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number') } : {}),
    });
  }
}

/** Every field of the answers (and of the office data, as `$office.x`). */
export function fieldsOf(def: ServiceDefinition): FieldInfo[] {
  const out: FieldInfo[] = [];
  walk(def, def.data, '', undefined, false, out);
  const office: FieldInfo[] = [];
  walk(def, def.officeData, '', undefined, true, office);
  return [...out, ...office.map((f) => ({ ...f, path: `$office.${f.path}`, label: `${f.label}` }))];
}

/** The group a path sits in (`figli` for `figli[].eta`), undefined at the root. */
export function groupOf(path: string | undefined): string | undefined {
  const at = path?.indexOf('[]') ?? -1;
  return at > 0 ? path!.slice(0, at) : undefined;
}

/**
 * The var name by which a rule on `target` reads `field`: `$row.x` for a column of the target's
 * own group (the engine runs such a rule once per row), the path itself otherwise.
 */
export function varNameFor(field: FieldInfo, target: string | undefined): string {
  const group = groupOf(target);
  if (group && field.group === group) return `$row.${field.path.slice(group.length + 3)}`;
  return field.path;
}

/**
 * What a rule on `target` may compare: root leaves, its own group's columns, office fields,
 * today, and the other groups as a whole ("some / every / no row where ...").
 */
export function readableFields(fields: FieldInfo[], target: string | undefined, todayLabel = 'today'): Array<FieldInfo & { name: string }> {
  const group = groupOf(target);
  const out = fields
    .filter((f) => (f.isGroup ? f.path !== group && !f.office : !f.group || f.group === group))
    .map((f) => ({
      ...f, name: varNameFor(f, target),
      ...(f.isGroup ? { columns: fields.filter((c) => c.group === f.path && !c.isGroup).map((c) => ({ ...c, name: c.path.slice(f.path.length + 3) })) } : {}),
    }));
  out.push({ path: '$today', name: '$today', type: 'string', format: 'date', label: todayLabel });
  return out;
}
