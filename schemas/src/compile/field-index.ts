import type { JsonSchema, Problem, UiField } from '../types.js';
import { LIMITS } from '../limits.js';
import { escapePointerToken, parsePath, unescapePointerToken, type Segment } from '../paths.js';

export type FieldKind = 'scalar' | 'list' | 'object' | 'group';

/** One field of the data schema, found by walking properties (and items of groups). */
export interface FieldInfo {
  path: string;
  segments: Segment[];
  schema: JsonSchema;
  kind: FieldKind;
  /** Path of the enclosing object or group field, if any. */
  parent?: string;
  /** Path of the repeating group whose rows hold this field, if any. */
  group?: string;
  /** Listed in its parent's `required`. */
  requiredStatic: boolean;
  /** Children, for objects and groups, in schema order. */
  children: string[];
  ui: UiField;
  /** JSON pointer of the value; for a row field, of its group (rows add "/i" + rowSuffix). */
  pointer: string;
  /** For a row field, the part of the pointer after the row index ("/eta"); else "". */
  rowSuffix: string;
  /** Position in the index (insertion order: a parent comes before its children). */
  index: number;
  /** The enclosing object or group field, if any (the FieldInfo of `parent`). */
  up?: FieldInfo;
  /** JSON pointer of the field's schema in the definition (/data/properties/...). */
  schemaPointer: string;
}

/** The pointer of a field's value, in row `row` for fields of a repeating group. */
export function pointerAt(field: FieldInfo, row = 0): string {
  return field.group ? `${field.pointer}/${row}${field.rowSuffix}` : field.pointer;
}

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Why a data property may not be so named (the problem's code), or undefined when it may. */
export function fieldNameProblem(name: string): 'field.invalidName' | 'field.reservedName' | undefined {
  if (!IDENT.test(name)) return 'field.invalidName';
  return INHERITED.has(name) ? 'field.reservedName' : undefined;
}

/**
 * The field a designer most likely meant by a name that is none: a row field written without
 * "[]" after its group ("figli.nome" for "figli[].nome"), a pointer's "/" for ".", or another
 * letter case ("codicefiscale"). Undefined when no field is that near.
 */
export function nearField(name: string, fields: Map<string, FieldInfo>): string | undefined {
  const dotted = name.replace(/^\/+/, '').replace(/\//g, '.').replace(/\[\]/g, '');
  const lower = dotted.toLowerCase();
  for (const path of fields.keys()) {
    if (path !== name && path.replace(/\[\]/g, '').toLowerCase() === lower) return path;
  }
  return undefined;
}

/** " (did you mean "x"?)" after a message, or nothing. */
export const didYouMean = (suggestion: string | undefined): string => (suggestion ? ` (did you mean "${suggestion}"?)` : '');

/**
 * The schema a local `$ref` ("#/$defs/importo", a JSON pointer into the data schema) points to,
 * merged under the field's own keywords as JSON Schema 2020-12 applies both; the schema itself
 * when it has no `$ref`; undefined when the reference points to nothing (or leaves the data schema).
 */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (hops > 8 || !ref.startsWith('#')) return undefined;
    let target: unknown = root;
    for (const token of ref.slice(1).split('/').slice(1).map(unescapePointerToken)) {
      target = target !== null && typeof target === 'object' && Object.prototype.hasOwnProperty.call(target, token) ? (target as Record<string, unknown>)[token] : undefined;
    }
    if (target === null || typeof target !== 'object' || Array.isArray(target)) return undefined;
    const { $ref: _ref, ...own } = current;
    current = { ...(target as JsonSchema), ...own };
  }
  return current;
}

/**
 * Names every JavaScript object inherits (toString, constructor, valueOf, ...): a field so named
 * would read, while unanswered, as the inherited function, in the browser and on the server
 * alike. Refused with a clear problem rather than half-working.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

function kindOf(schema: JsonSchema): FieldKind {
  const items = schema.items as JsonSchema | undefined;
  if (schema.type === 'object' && schema.properties) return 'object';
  if (schema.type === 'array' && items && items.type === 'object' && items.properties) return 'group';
  if (schema.type === 'array') return 'list';
  return 'scalar';
}

/**
 * Indexes every field of a data schema by path. Groups may not nest: rules inside rows address
 * their row as $row, and one level keeps that unambiguous for designers and the wizard alike.
 */
export function indexFields(
  data: JsonSchema,
  uiFields: Record<string, UiField>,
  basePointer: string,
  problems: Problem[],
  prefix = '',
): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  const walk = (obj: JsonSchema, pathPrefix: string, pointer: string, parent?: string, group?: string) => {
    const props = (obj.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(obj.required) ? (obj.required as string[]) : []);
    for (const [name, schema] of Object.entries(props)) {
      const at = `${pointer}/properties/${escapePointerToken(name)}`;
      const refused = fieldNameProblem(name);
      if (refused === 'field.invalidName') {
        problems.push({ pointer: at, code: 'field.invalidName', message: `Field name "${name}" must be a letter followed by letters, digits or _`, params: { name } });
        continue;
      }
      if (refused === 'field.reservedName') {
        problems.push({ pointer: at, code: 'field.reservedName', message: `Field name "${name}" is reserved (every JavaScript object has a "${name}"): rename the field, e.g. "${name}Campo"`, params: { name } });
        continue;
      }
      if (fields.size >= LIMITS.fields) {
        problems.push({ pointer: at, code: 'limit.fields', message: `More than ${LIMITS.fields} fields`, params: { limit: LIMITS.fields } });
        return;
      }
      if (typeof schema !== 'object' || schema === null) continue;
      const path = pathPrefix + name;
      const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
      const resolved = ref === undefined ? schema : resolveRef(schema, data);
      if (resolved === undefined) {
        problems.push({
          pointer: `${at}/$ref`, code: 'schema.badRef',
          message: `Field "${path}" refers to "${ref}", which is not in the data schema: shared definitions go under data.$defs and are named "#/$defs/NAME"`,
          params: { name: path, ref },
        }); // still indexed: rules and steps naming the field are not wrong
      }
      // A $ref gives a field its type (a list's too); a section or group is written in place, where
      // its fields can be laid out, shown and required one by one.
      const kind = kindOf(resolved ?? schema);
      if (ref !== undefined && (kind === 'object' || kind === 'group')) {
        problems.push({
          pointer: `${at}/$ref`, code: 'schema.refSection',
          message: `Field "${path}" refers to a section ("${ref}") with $ref: $ref can only give a field its type (text, number, date, list). Write the section's properties in place, in data.properties`,
          params: { name: path, ref },
        });
      }
      const token = '/' + escapePointerToken(name);
      const parentInfo = parent ? fields.get(parent) : undefined;
      const inRow = group !== undefined;
      const info: FieldInfo = {
        path, segments: parsePath(path), schema, kind, parent, group,
        requiredStatic: required.has(name), children: [], ui: uiFields[path] ?? {},
        pointer: inRow ? fields.get(group)!.pointer : (parentInfo?.pointer ?? '') + token,
        rowSuffix: inRow ? (parentInfo && parentInfo.path !== group ? parentInfo.rowSuffix : '') + token : '',
        index: fields.size, up: parentInfo, schemaPointer: at,
      };
      fields.set(path, info);
      if (parent) fields.get(parent)?.children.push(path);
      if (ref !== undefined) continue; // a section through $ref: refused above, its fields not walked
      if (kind === 'object') walk(schema, path + '.', at, path, group);
      if (kind === 'group') {
        if (group) {
          problems.push({ pointer: at, code: 'field.nestedGroup', message: `Repeating group "${path}" is inside the repeating group "${group}": groups cannot nest`, params: { path, group } });
          continue;
        }
        const max = schema.maxItems;
        if (typeof max === 'number' && max > LIMITS.rows) {
          problems.push({ pointer: `${at}/maxItems`, code: 'group.tooManyRows', message: `Repeating group "${path}" allows ${max} rows: a group may allow at most ${LIMITS.rows} (set "maxItems" to ${LIMITS.rows} or less; without it a group allows ${LIMITS.defaultRows})`, params: { name: path, maxItems: max, limit: LIMITS.rows } });
        }
        walk(schema.items as JsonSchema, path + '[].', at + '/items', path, path);
      }
    }
  };
  walk(data, prefix, basePointer);
  return fields;
}
