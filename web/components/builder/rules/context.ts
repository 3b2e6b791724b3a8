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

/** What the condition and expression editors offer for an expression about `target`. */
export function exprContext(def: ServiceDefinition, target: string | undefined, t: TFn, extras: Extra[] = []): ExprContext {
  const all = fieldsOf(def);
  const readable = readableFields(all, target, t('ruleEditor.today'));
  for (const x of extras) readable.push({ ...EXTRA_INFO[x], name: x, label: t(`ruleEditor.extra.${x}`) });
  const groups = all.filter((f) => f.isGroup).map((g) => ({
    path: g.path, label: g.label,
    columns: all.filter((f) => f.group === g.path && !f.isGroup).map((f) => ({ name: f.path.slice(g.path.length + 3), label: f.label })),
  }));
  return { fields: conditionFields(readable, t), groups };
}
