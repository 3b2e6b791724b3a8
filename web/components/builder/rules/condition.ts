import type { Logic } from '@sportello/schemas';
import type { Field, RuleGroupType, RuleType } from 'react-querybuilder';
import { defaultRuleProcessorJsonLogic, formatQuery } from 'react-querybuilder/formatQuery';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import type { FieldInfo } from './fields';
import { sameLogic, withinLimits } from './logic-utils';
import { fromDerived, toDerived } from './derived';

/**
 * A rule's condition as the visual editor holds it: a react-querybuilder query over the fields the
 * rule may read. Written as the engine's JSON Logic by react-querybuilder's `formatQuery` and read
 * back by its `parseJsonLogic`, with three adjustments that keep what designers and templates
 * write by hand readable in the visual form: a condition of one comparison is that comparison
 * (not `{"and": [it]}`), "not" over one comparison is `{"!": it}`, and values are typed by their
 * field (a number field's "18" is 18, a yes/no's "true" is true).
 */
export type Condition = RuleGroupType;
export type ConditionField = Field & { value: string; info: FieldInfo & { name: string } };

/**
 * Comparisons whose negation react-querybuilder reads back as an operator of its own (`in` is
 * "is one of" and "contains", a three-argument `<=` is "between"): "not" over one of them stays
 * a negated group, so the visual form reads back as it was built.
 */
function selfNegating(logic: Record<string, unknown>): boolean {
  const [op, arg] = Object.entries(logic)[0] ?? [];
  return op === 'in' || op === '!' || ((op === '<=' || op === '<') && Array.isArray(arg) && arg.length === 3);
}

/**
 * Operators without a value. `truthy` is JSON Logic's bare `{"var": x}`: the field has a value
 * that is not empty, 0 or "no" (how templates write "when x is filled in").
 */
export const UNARY_OPERATORS = new Set(['null', 'notNull', 'truthy']);

export function operatorsFor(f: FieldInfo): string[] {
  if (f.isGroup) return ['='];
  if (f.type === 'boolean') return ['=', '!=', 'truthy', 'null', 'notNull'];
  if (f.type === 'number' || f.type === 'integer') return ['=', '!=', '<', '<=', '>', '>=', 'between', 'notBetween', 'in', 'notIn', 'truthy', 'null', 'notNull'];
  if (f.type === 'array') return ['contains', 'doesNotContain', 'truthy', 'null', 'notNull'];
  if (f.enum) return ['=', '!=', 'in', 'notIn', 'truthy', 'null', 'notNull'];
  if (f.format === 'date' || f.format === 'date-time' || f.format === 'time') return ['=', '!=', '<', '<=', '>', '>=', 'between', 'notBetween', 'truthy', 'null', 'notNull'];
  return ['=', '!=', 'contains', 'doesNotContain', 'in', 'notIn', 'truthy', 'null', 'notNull'];
}

/** Two fields can be compared when they hold the same kind of value. */
export function comparable(a: FieldInfo, b: FieldInfo): boolean {
  const kind = (f: FieldInfo) => (f.type === 'integer' ? 'number' : f.type === 'string' ? `string:${f.format === 'date' ? 'date' : ''}` : f.type);
  return kind(a) === kind(b);
}

/** Coerces what an input holds to the field's type (an <input> gives strings). */
export function typedValue(f: FieldInfo | undefined, value: unknown): unknown {
  if (!f) return value;
  if (Array.isArray(value)) return value.map((v) => typedValue(f, v));
  if (f.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (f.type === 'number' || f.type === 'integer' || (f.type === 'array' && f.enum?.every((v) => typeof v === 'number'))) {
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  if (f.enum?.every((v) => typeof v === 'number') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unwrap(logic: unknown, top: boolean): unknown {
  if (!isObject(logic)) return logic;
  const [op, arg] = Object.entries(logic)[0] ?? [];
  if ((op === 'and' || op === 'or') && Array.isArray(arg)) {
    const items = arg.map((x) => unwrap(x, false));
    return top && op === 'and' && items.length === 1 && !isGroupLogic(arg[0]) ? items[0] : { [op]: items };
  }
  if (op === '!' && isObject(arg)) {
    const [innerOp, innerArg] = Object.entries(arg)[0] ?? [];
    if (innerOp === 'and' && Array.isArray(innerArg) && innerArg.length === 1 && isObject(innerArg[0]) && !isGroupLogic(innerArg[0]) && !selfNegating(innerArg[0])) {
      return { '!': innerArg[0] };
    }
    return { '!': unwrap(arg, false) };
  }
  return logic;
}

/** Logic the visual form reads as a group: and/or, and "not" over anything but a self-negating comparison. */
const isGroupLogic = (l: unknown) => isObject(l) && ('and' in l || 'or' in l || ('!' in l && !(isObject(l['!']) && selfNegating(l['!']))));

function formatGroup(query: Condition, fields: ConditionField[]): Logic | null {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out = formatQuery(query, {
    format: 'jsonlogic',
    fields,
    parseNumbers: false,
    ruleProcessor: (rule: RuleType, options) => {
      const field = byName.get(rule.field);
      if (rule.match && isObject(rule.value) && Array.isArray(rule.value.rules)) {
        // "some / every / no row where ...": the rows' condition over the group's columns, written
        // with the same typing and shapes as a top-level condition (react-querybuilder's own
        // writer drops a "not" over a single comparison there).
        const inner = formatGroup(rule.value as unknown as Condition, (field?.subproperties as ConditionField[] | undefined) ?? []);
        return inner === null ? false : { [rule.match.mode]: [{ var: rule.field }, unwrap(inner, true)] };
      }
      if (rule.operator === 'truthy') return { var: rule.field };
      return defaultRuleProcessorJsonLogic(
        { ...rule, value: rule.valueSource === 'field' ? rule.value : typedValue(field?.info, rule.value) },
        { ...options, parseNumbers: false, preserveValueOrder: true },
      );
    },
  });
  return out === false || out === null || out === undefined ? null : (out as Logic);
}

/** The JSON Logic of a condition (null when it has no complete comparison yet). */
export function conditionToLogic(query: Condition, fields: ConditionField[]): Logic | null {
  const out = formatGroup(query, fields);
  return out === null ? null : fromDerived(unwrap(out, true) as Logic, fields);
}

/** Every comparison names a field the editor offers (react-querybuilder does not check a group's rows). */
function namesKnown(query: Condition, fields: ConditionField[]): boolean {
  return query.rules.every((r) => {
    if ('rules' in r) return namesKnown(r as Condition, fields);
    const field = fields.find((f) => f.name === r.field);
    if (!field) return false;
    // A derived operand (days between dates) is compared, never "filled in" on its own.
    if (field.info?.derived !== undefined && UNARY_OPERATORS.has(r.operator) && !(field.info.named && r.operator === 'truthy')) return false;
    if (r.valueSource === 'field' && !fields.some((f) => f.name === r.value)) return false;
    return r.match ? isObject(r.value) && namesKnown(r.value as unknown as Condition, (field.subproperties as ConditionField[] | undefined) ?? []) : true;
  });
}

/** Strips what the editor adds (ids, paths, empty value sources) to compare visual forms. */
export function plainCondition(query: Condition): Condition {
  const strip = (node: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'id' || k === 'path' || v === undefined) continue;
      if (k === 'valueSource' && v === 'value') continue;
      if (k === 'not' && v === false) continue;
      out[k] = k === 'rules' && Array.isArray(v) ? v.map((r) => strip(r as Record<string, unknown>)) : v;
    }
    return out;
  };
  return strip(query as unknown as Record<string, unknown>) as unknown as Condition;
}

/**
 * The visual form of a condition, or null when the visual editor cannot show it without loss
 * (an operator it does not offer, a field it does not know, a computed operand): the caller then
 * shows the Advanced view. Lossless means writing the form back gives the same JSON Logic.
 */
export function logicToCondition(logic: Logic | undefined, fields: ConditionField[]): Condition | null {
  // No condition yet, or the `false` an empty condition is written as (a rule that never holds).
  if (logic === undefined || logic === null || logic === false) return { combinator: 'and', rules: [] };
  if (!isObject(logic) || !withinLimits(logic)) return null;
  let query: Condition;
  try {
    query = parseJsonLogic(toDerived(logic, fields) as never, {
      fields, listsAsArrays: true,
      jsonLogicOperations: { var: (name: unknown) => (typeof name === 'string' ? { field: name, operator: 'truthy', value: null } : false) },
    });
  } catch {
    return null;
  }
  const plain = plainCondition(query);
  if (!namesKnown(plain, fields)) return null;
  const back = conditionToLogic(plain, fields);
  return back !== null && sameLogic(back, unwrap(logic, true) as Logic) ? plain : null;
}
