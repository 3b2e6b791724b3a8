import type { Rule } from '@sportello/schemas';
import { readsOf } from './logic-utils';

/** What a rule reads (the var names of its condition and value, as written) and what it acts on. */
export function ruleReads(rule: Rule): string[] {
  const out = new Set<string>();
  readsOf(rule.when, out);
  readsOf(rule.value, out);
  return [...out];
}

/** The fields a rule acts on: its `field`, or the several of `fields` (as if written once for each). */
export function ruleTargets(rule: Rule): string[] {
  return Array.isArray(rule.fields) ? rule.fields : rule.field ? [rule.field] : [];
}

export function ruleTouches(rule: Rule): { kind: 'field' | 'step'; names: string[] } | null {
  if (rule.step) return { kind: 'step', names: [rule.step] };
  const fields = ruleTargets(rule);
  return fields.length ? { kind: 'field', names: fields } : null;
}

/** The rule acting on these fields: one is `field`, several are `fields` (show, hide and require only). */
export function withTargets(rule: Rule, targets: string[]): Rule {
  const { field: _f, fields: _fs, step: _s, ...rest } = rule;
  const list = [...new Set(targets.filter(Boolean))];
  if (list.length > 1 && (rule.type === 'show' || rule.type === 'hide' || rule.type === 'require')) return { ...rest, fields: list };
  return list.length ? { ...rest, field: list[0] } : rest;
}

/** A fresh id: `regola` and the first free number. */
export function freshRuleId(rules: Rule[], base = 'regola'): string {
  const taken = new Set(rules.map((r) => r.id));
  for (let n = rules.length + 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A rule changed to another type keeps what the new type uses and drops the rest. */
export function withType(rule: Rule, type: Rule['type']): Rule {
  const { when, value, message, step, ...rest } = rule;
  const next: Rule = { ...rest, type };
  if (type === 'compute') next.value = value ?? 0;
  else next.when = when ?? false;
  if (type === 'error') next.message = message ?? `error.${rule.id}`;
  if ((type === 'show' || type === 'hide') && step) next.step = step;
  if (!next.step && !next.field) delete next.field;
  // Only show, hide and require act on several fields: the others keep the first.
  if (next.fields && type !== 'show' && type !== 'hide' && type !== 'require') return withTargets(next, next.fields);
  return next;
}
