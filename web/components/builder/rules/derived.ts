import type { Logic } from '@sportello/schemas';
import type { FieldInfo } from './fields';

/**
 * Derived operands for conditions: the days or years between a date field and today, offered in
 * the condition editor beside the fields ("days from today to «Date of absence»" < 0). Templates
 * write date rules this way (`{"<": [{"days_between": [{"var": "$today"}, {"var": "d"}]}, 0]}`);
 * the editor holds such an operand as a field of its own, named `§days_between($today;d)`, and
 * writes it back as the same JSON Logic. Only conditions use them (an expression has its own
 * "days between" form). No comma in the name: react-querybuilder reads a comma in a number's
 * value as a list, and cut an operand compared against ("ISEE = whole years from «Al» to today")
 * to `§years_between(dataFine` as soon as the rule was opened, rewriting the rule.
 */
export type Derived = FieldInfo & { name: string; derived: Logic };

type Readable = FieldInfo & { name: string };
type TFn = (key: string, options?: Record<string, unknown>) => string;

const KINDS = [
  { op: 'days_between', today: 'from', key: 'daysUntil' },
  { op: 'days_between', today: 'to', key: 'daysSince' },
  { op: 'years_between', today: 'to', key: 'yearsSince' },
] as const;

/** The derived operands of the readable date fields (not of $today itself, not of a group's columns). */
export function derivedFields(readable: Readable[], t: TFn): Derived[] {
  const out: Derived[] = [];
  for (const f of readable) {
    if (f.isGroup || f.name === '$today' || (f.format !== 'date')) continue;
    for (const k of KINDS) {
      const args = k.today === 'from' ? [{ var: '$today' }, { var: f.name }] : [{ var: f.name }, { var: '$today' }];
      const derived = { [k.op]: args } as Logic;
      out.push({ path: f.name, name: `§${k.op}(${args.map((a) => a.var).join(';')})`, type: 'integer', label: t(`ruleEditor.derived.${k.key}`, { label: f.label }), derived });
    }
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces each derived operand's logic by `{"var": <its name>}` (before react-querybuilder reads it). */
export function toDerived(logic: Logic, fields: Array<{ name: string; info?: FieldInfo & { derived?: Logic } }>): Logic {
  const byLogic = new Map<string, string>();
  for (const f of fields) if (f.info?.derived !== undefined) byLogic.set(JSON.stringify(f.info.derived), f.name);
  if (!byLogic.size) return logic;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    const name = byLogic.get(JSON.stringify(v));
    if (name !== undefined) return { var: name };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(logic) as Logic;
}

/** Writes each `{"var": <derived name>}` back as the logic it stands for. */
export function fromDerived(logic: Logic, fields: Array<{ name: string; info?: FieldInfo & { derived?: Logic } }>): Logic {
  const byName = new Map<string, Logic>();
  for (const f of fields) if (f.info?.derived !== undefined) byName.set(f.name, f.info.derived);
  if (!byName.size) return logic;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    if (typeof v.var === 'string' && Object.keys(v).length === 1 && byName.has(v.var)) return structuredClone(byName.get(v.var));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(logic) as Logic;
}
