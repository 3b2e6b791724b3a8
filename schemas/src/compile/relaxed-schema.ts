import type { JsonSchema } from '../types.js';

/**
 * The schema Ajv validates answers with. Two changes from the designer's data schema:
 * - `required` is removed from every object of the field tree: the engine checks required-ness
 *   itself, only for visible fields (the fix for Form.io #752 / Open Forms #72, where hidden
 *   required fields block submission);
 * - every leaf accepts null, which means "not answered" (a cleared input).
 * Everything else (types, formats, ranges, patterns) Ajv checks as written.
 */
export function relaxSchema(schema: JsonSchema): JsonSchema {
  const root = relaxObject(schema);
  // The engine's own context values travel beside the answers (see evaluate/state.ts).
  const own = { $today: true, $office: true, $row: true, $index: true };
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
  return { if: { type: 'null' }, else: schema };
}
