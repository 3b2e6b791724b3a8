import type { JsonSchema } from '../types.js';

/**
 * The schema Ajv validates answers with. Two changes from the designer's data schema:
 * - `required` is removed from every object of the field tree: the engine checks required-ness
 *   itself, only for visible fields (the fix for Form.io #752 / Open Forms #72, where hidden
 *   required fields block submission);
 * - every leaf accepts null, which means "not answered" (a cleared input): "null" is appended to
 *   its `type` (and to its `enum`) when its keywords all ignore null anyway (formats, patterns,
 *   ranges, lengths, items: the common case, about 3x faster in Ajv than a wrapper); any other
 *   leaf is wrapped as `{ if: { type: 'null' }, else: leaf }`. validate.ts strips the added
 *   "null" from type errors, so both forms report what the designer wrote.
 * Everything else (types, formats, ranges, patterns) Ajv checks as written.
 */
export function relaxSchema(schema: JsonSchema): JsonSchema {
  const root = relaxObject(schema);
  // The engine's own context values travel beside the answers (see evaluate/state.ts).
  const own = { $today: true, $office: true, $submittedAt: true, $row: true, $index: true };
  return { ...root, properties: { ...(root.properties as object), ...own } };
}

function relaxObject(schema: JsonSchema): JsonSchema {
  const { required: _required, ...rest } = schema;
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const properties: Record<string, JsonSchema> = {};
  for (const [name, child] of Object.entries(props)) properties[name] = relaxField(child);
  return { ...rest, properties };
}

function relaxField(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object' || schema === null) return schema;
  if (schema.type === 'object' && schema.properties) return relaxObject(schema);
  const items = schema.items as JsonSchema | undefined;
  if (schema.type === 'array' && items?.type === 'object' && items.properties) {
    return { ...schema, items: relaxObject(items) };
  }
  return nullable(schema) ?? { if: { type: 'null' }, else: schema };
}

/** Keywords that constrain only non-null values (or annotate): safe beside an appended "null" type. */
const NULL_BLIND = new Set([
  'type', 'enum', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'items', 'minItems', 'maxItems', 'uniqueItems', 'title', 'description',
  'default', 'examples', '$comment', 'dateBounds',
]);

/**
 * The enum lists relaxSchema made from a `const` (`{ const: c }` -> `{ enum: [c, null] }`, which
 * Ajv checks without the if/else wrapper's throwaway error objects): validate.ts reports an enum
 * error on one of them as the designer's `const`.
 */
export const constEnums = new WeakSet<unknown[]>();

function nullable(schema: JsonSchema): JsonSchema | undefined {
  for (const key of Object.keys(schema)) if (!NULL_BLIND.has(key) && !(key === 'const' && schema.enum === undefined)) return undefined;
  const out: JsonSchema = { ...schema };
  if ('const' in schema) {
    const list = [schema.const, null];
    constEnums.add(list);
    delete out.const;
    out.enum = list;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('null') || !types.every((t) => typeof t === 'string')) return undefined;
    out.type = [...types, 'null'];
  }
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum)) return undefined;
    if (!schema.enum.includes(null)) out.enum = [...schema.enum, null];
  }
  return out;
}
