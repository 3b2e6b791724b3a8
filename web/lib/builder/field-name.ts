import { renameField, type RenameResult, type ServiceDefinition } from '@sportello/schemas';

/** The id of the rule the field panel's "show the field only if" writes for a field. */
export const showIfRuleId = (path: string) => `mostra_${path.replace(/\[\]/g, '').replace(/\./g, '_')}`;

/**
 * Renames a field's data name (renameField: every place the service reads it), and the panel's
 * own "show only if" rules, whose ids are made from their field's path, follow their fields so
 * the panel still finds them; an id another rule already has stays as it was.
 */
export function renameDataName(def: ServiceDefinition, path: string, name: string): RenameResult {
  const result = renameField(def, path, name);
  if (!result.ok || result.definition === def || !result.definition.rules) return result;
  const to = result.path;
  const before = (p: string) => (p === to || p.startsWith(`${to}.`) || p.startsWith(`${to}[].`) ? path + p.slice(to.length) : p);
  const ids = new Set(result.definition.rules.map((r) => r.id));
  const rules = result.definition.rules.map((r) => {
    if (r.type !== 'show' || r.field === undefined || r.id !== showIfRuleId(before(r.field)) || ids.has(showIfRuleId(r.field))) return r;
    ids.add(showIfRuleId(r.field));
    return { ...r, id: showIfRuleId(r.field) };
  });
  return { ...result, definition: { ...result.definition, rules } };
}
