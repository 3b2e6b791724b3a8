import type { JsonSchema, Logic, ServiceDefinition, UiField } from './types.js';
import { fieldNameProblem, indexFields, type FieldInfo } from './compile/field-index.js';
import { resolveVar, type VarContext } from './compile/resolve-var.js';
import { analyzeLogic, type VarUse } from './logic/analyze.js';
import { unescapePointerToken } from './paths.js';

export type RenameRefusal = 'field.unknown' | 'field.invalidName' | 'field.reservedName' | 'field.nameTaken' | 'field.prefillAddress';
export type RenameResult = { ok: true; definition: ServiceDefinition; path: string } | { ok: false; code: RenameRefusal };

type Def = ServiceDefinition;
type Obj = Record<string, unknown>;
/** Definitions are JSON (types.ts): a JSON copy is a deep copy (no structuredClone: the engine assumes no DOM or Node). */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** What one rename changes: the field's path, the new one, and how any field path maps. */
interface Renaming { from: string; to: string; oldName: string; name: string; fields: Map<string, FieldInfo>; office: Map<string, FieldInfo> }

const mapPath = (r: Renaming, path: string): string =>
  path === r.from || path.startsWith(`${r.from}.`) || path.startsWith(`${r.from}[].`) ? r.to + path.slice(r.from.length) : path;

/**
 * Renames a field of the data schema (a section or a group too: every path under it follows) and
 * every place the definition names it: `required`, ui.fields and their `order`, steps, rules'
 * targets, prefill (and the rows' map of anpr.family), date bounds, tie-breakers, workflow
 * messages' {{answers.x}}, and the vars of every expression, resolved as the engine resolves them
 * ($row, map/filter/reduce items, ../../), so a literal, an option value or a text equal to the
 * old name stays. Translation keys are opaque and stay. A name the engine would refuse, or one a
 * sibling has, is refused, and so is a part of an address ANPR fills: nothing changes.
 */
export function renameField(def: Def, path: string, name: string): RenameResult {
  const fields = indexFields(def.data, def.ui.fields ?? {}, '/data', []);
  const field = fields.get(path);
  const refused = nameRefusal(def, field, name);
  if (refused) return { ok: false, code: refused };
  const oldName = field!.segments.at(-1)!.name;
  if (name === oldName) return { ok: true, definition: def, path };
  const to = path.slice(0, path.length - oldName.length) + name;
  const office = def.officeData ? indexFields(def.officeData, {}, '/officeData', []) : new Map<string, FieldInfo>();
  const r: Renaming = { from: path, to, oldName, name, fields, office };
  const next = copy(def);
  renameInLogic(next, r); // first: a rule's groups are looked up by its targets' old paths
  renameInData(next.data, r);
  renameInLayout(next, r);
  renameInMessages(next, r);
  return { ok: true, definition: next, path: to };
}

/** Why the field at `path` may not be renamed `name` (renameField's refusal), or undefined when it may (its own name included). */
export function renameRefusal(def: Def, path: string, name: string): RenameRefusal | undefined {
  return nameRefusal(def, indexFields(def.data, def.ui.fields ?? {}, '/data', []).get(path), name);
}

function nameRefusal(def: Def, field: FieldInfo | undefined, name: string): RenameRefusal | undefined {
  if (!field) return 'field.unknown';
  if (name === field.segments.at(-1)!.name) return undefined;
  if (fillsAddress(def, field)) return 'field.prefillAddress';
  const siblings = parentSchema(def.data, field).properties as Obj;
  return fieldNameProblem(name) ?? (Object.prototype.hasOwnProperty.call(siblings, name) ? 'field.nameTaken' : undefined);
}

/** The parts an ANPR address is written into: their names are ANPR's (check-prefill.ts). */
const ADDRESS_PARTS = ['street', 'cap', 'comune', 'provincia'];
const fillsAddress = (def: Def, field: FieldInfo) => ADDRESS_PARTS.includes(field.segments.at(-1)!.name)
  && (def.prefill ?? []).some((p) => p.source === 'anpr.resident.address' && p.field === field.parent);

/** The object schema holding the field among its properties (a section, a group's items, the root). */
function parentSchema(data: JsonSchema, field: FieldInfo): JsonSchema {
  const tokens = field.schemaPointer.split('/').slice(2, -2).map(unescapePointerToken); // under /data, up to .../properties/<name>
  return tokens.reduce<JsonSchema>((s, t) => s[t] as JsonSchema, data);
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

function renameInData(data: JsonSchema, r: Renaming): void {
  // Date bounds relative to another field name it by path; rewritten while the old paths still lead to it.
  for (const f of r.fields.values()) {
    const bounds = parentSchema(data, f).properties as Record<string, JsonSchema>;
    const spec = bounds[f.segments.at(-1)!.name]!.dateBounds as Record<string, { field?: unknown }> | undefined;
    for (const bound of Object.values(spec ?? {})) {
      if (bound && typeof bound === 'object' && typeof bound.field === 'string') bound.field = mapPath(r, bound.field);
    }
  }
  const parent = parentSchema(data, r.fields.get(r.from)!);
  parent.properties = renameKey(parent.properties as Obj, r.oldName, r.name);
  if (Array.isArray(parent.required)) parent.required = parent.required.map((n: string) => (n === r.oldName ? r.name : n));
}

function renameInLayout(def: Def, r: Renaming): void {
  const map = (p: string) => mapPath(r, p);
  if (def.ui.fields) {
    def.ui.fields = Object.fromEntries(Object.entries(def.ui.fields).map(([p, ui]): [string, UiField] => [map(p), ui.order ? { ...ui, order: ui.order.map(map) } : ui]));
  }
  for (const step of def.ui.steps) step.fields = step.fields.map(map);
  for (const rule of def.rules ?? []) {
    if (rule.field !== undefined) rule.field = map(rule.field);
    if (rule.fields) rule.fields = rule.fields.map(map);
  }
  for (const item of def.prefill ?? []) {
    // anpr.family's map names the group's columns by their own name
    if (item.map && r.fields.get(r.from)!.parent === item.field && r.fields.get(item.field)?.kind === 'group') item.map = renameKey(item.map, r.oldName, r.name);
    item.field = map(item.field);
  }
  for (const t of def.ranking?.tieBreakers ?? []) t.field = map(t.field);
}

/** Every expression of the definition, with the groups whose rows it runs in (none: the root). */
function renameInLogic(def: Def, r: Renaming): void {
  const at = (logic: Logic | undefined, groups: Array<string | undefined> = [undefined]) =>
    logic === undefined ? logic : renameVars(logic, groups, r);
  for (const rule of def.rules ?? []) {
    const targets = rule.fields ?? (rule.field !== undefined ? [rule.field] : []);
    const groups = targets.length ? [...new Set(targets.map((t) => r.fields.get(t)?.group))] : [undefined];
    if (rule.when !== undefined) rule.when = at(rule.when, groups);
    if (rule.value !== undefined) rule.value = at(rule.value, groups);
  }
  if (def.conditions) def.conditions = Object.fromEntries(Object.entries(def.conditions).map(([k, v]) => [k, at(v)!]));
  if (def.fees) def.fees.amount = at(def.fees.amount)!;
  if (def.ranking) {
    def.ranking.score = at(def.ranking.score)!;
    for (const e of def.ranking.exclusions ?? []) e.when = at(e.when)!;
    for (const k of def.ranking.keys ?? []) k.value = at(k.value)!;
  }
  for (const t of def.workflow?.transitions ?? []) {
    if (t.guard !== undefined) t.guard = at(t.guard);
    for (const a of t.actions ?? []) if (a.type === 'payment' && a.amount !== undefined) a.amount = at(a.amount);
  }
}

/** The expression with each var that reads the renamed field (or below it) written with its new name. */
function renameVars(logic: Logic, groups: Array<string | undefined>, r: Renaming): Logic {
  const out = copy(logic);
  for (const use of analyzeLogic(logic, '').vars) {
    const renamed = groups.map((group) => renamedVar(use, { fields: r.fields, officeFields: r.office, group }, r)).find((n) => n !== use.name);
    if (renamed !== undefined) setVarName(out, use.pointer, renamed);
  }
  return out;
}

/**
 * The var's name with the part that names the renamed field replaced: each dotted prefix of the
 * name is resolved as the engine would, and the part whose prefix resolves to the field is it.
 */
function renamedVar(use: VarUse, ctx: VarContext, r: Renaming): string {
  const up = /^(?:\.\.\/\.\.\/)*/.exec(use.name)![0];
  const parts = use.name.slice(up.length).split('.');
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== r.oldName) continue;
    const res = resolveVar({ ...use, name: up + parts.slice(0, i + 1).join('.') }, ctx);
    if (res.kind === 'field' && !res.office && res.path === r.from) {
      return up + [...parts.slice(0, i), r.name, ...parts.slice(i + 1)].join('.');
    }
  }
  return use.name;
}

/** Writes a var's name where analyzeLogic found it: `.../var`, or `.../missing/i`, `.../missing_some/i`. */
function setVarName(root: unknown, pointer: string, name: string): void {
  const tokens = pointer.split('/').slice(1).map(unescapePointerToken);
  const isVar = tokens.at(-1) === 'var';
  const holderPath = tokens.slice(0, isVar ? -1 : -2);
  let holder = root as Obj;
  // analyzeLogic writes an iterating operator's single, unwrapped argument as index 0
  for (const t of holderPath) holder = (Array.isArray(holder) || t !== '0' || t in holder ? holder[t] : holder) as Obj;
  const op = isVar ? 'var' : tokens.at(-2)!;
  const i = Number(tokens.at(-1));
  const arg = holder[op];
  if (op === 'var') holder.var = Array.isArray(arg) ? [name, ...arg.slice(1)] : name;
  else {
    const names = op === 'missing' ? arg : (arg as unknown[])[1];
    if (Array.isArray(names)) names[i] = name;
    else if (op === 'missing') holder.missing = name;
    else (arg as unknown[])[1] = name;
  }
}

/** {{answers.x.y}} in the workflow's message texts (every language) reads a field by its dotted path. */
function renameInMessages(def: Def, r: Renaming): void {
  const keys = new Set<string>();
  for (const t of def.workflow?.transitions ?? []) {
    for (const a of t.actions ?? []) for (const k of ['subject', 'body', 'causale']) {
      const key = (a as Obj)[k];
      if (typeof key === 'string') keys.add(key);
    }
  }
  const tag = /(\{\{\{?[&#^/]?\s*answers\.)([A-Za-z0-9_.]+)/g;
  for (const strings of Object.values(def.translations)) {
    for (const key of keys) {
      const text = strings[key];
      if (typeof text === 'string') strings[key] = text.replace(tag, (_m, head: string, dotted: string) => head + mapPath(r, dotted));
    }
  }
}
