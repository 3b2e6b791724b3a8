import type { ServiceDefinition } from '@sportello/schemas';
import { conditionFields } from './ConditionEditor';
import type { ExprContext } from './ExpressionEditor';
import { fieldsOf, readableFields, type FieldInfo } from './fields';

type TFn = (key: string, options?: Record<string, unknown>) => string;

/** Names the engine provides besides the fields, by where an expression runs. */
export type Extra = '$excluded' | '$submittedAt' | '$index';
const EXTRA_INFO: Record<Extra, Omit<FieldInfo, 'label'>> = {
  $excluded: { path: '$excluded', type: 'boolean' },
  $submittedAt: { path: '$submittedAt', type: 'string', format: 'date-time' },
  $index: { path: '$index', type: 'integer' },
};

/** The service's named conditions as operands of a condition: "«name» holds" is {"condition": name}. */
export function namedConditionFields(def: ServiceDefinition, t: TFn): Array<FieldInfo & { name: string }> {
  return Object.keys(def.conditions ?? {}).map((name) => ({
    path: name, name: `§condition(${name})`, type: 'boolean' as const, label: t('ruleEditor.namedCondition', { name }), derived: { condition: name }, named: true,
  }));
}

/**
 * What the condition and expression editors offer for an expression about `target`. `named`: the
 * service's named conditions too (rules may use them; a named condition may not use another, and
 * the ranking writes its tests in full).
 */
export function exprContext(def: ServiceDefinition, target: string | undefined, t: TFn, extras: Extra[] = [], named = false): ExprContext {
  const all = fieldsOf(def);
  const readable = readableFields(all, target, t('ruleEditor.today'));
  for (const x of extras) readable.push({ ...EXTRA_INFO[x], name: x, label: t(`ruleEditor.extra.${x}`) });
  if (named) readable.push(...namedConditionFields(def, t));
  const groups = all.filter((f) => f.isGroup).map((g) => ({
    path: g.path, label: g.label,
    columns: all.filter((f) => f.group === g.path && !f.isGroup).map((f) => ({ name: f.path.slice(g.path.length + 3), label: f.label })),
  }));
  return { fields: conditionFields(readable, t), groups };
}
