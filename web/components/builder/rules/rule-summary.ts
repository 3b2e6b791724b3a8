import type { Rule } from '@sportello/schemas';
import { readsOf } from './logic-utils';

/** What a rule reads (the var names of its condition and value, as written) and what it acts on. */
export function ruleReads(rule: Rule): string[] {
  const out = new Set<string>();
  readsOf(rule.when, out);
  readsOf(rule.value, out);
  return [...out];
}

export function ruleTouches(rule: Rule): { kind: 'field' | 'step'; name: string } | null {
  if (rule.step) return { kind: 'step', name: rule.step };
  if (rule.field) return { kind: 'field', name: rule.field };
  return null;
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
  return next;
}
