import type { Logic } from '@sportello/schemas';
import { conditionToLogic, logicToCondition, type Condition, type ConditionField } from './condition';
import { sameLogic, withinLimits } from './logic-utils';

/**
 * A value expression as the visual editor holds it (a computed field's value, a fee amount, a
 * score term, a ranking key): a number, a text, yes/no, a field, arithmetic, a count or sum
 * over a group's rows, the days or years between two dates, or "when ... then ... otherwise"
 * cases (tariff bands, ISEE brackets). Anything else is edited in the Advanced view.
 */
export type ArithOp = '+' | '-' | '*' | '/' | 'min' | 'max';
export type RoundOp = 'round' | 'floor' | 'ceil' | 'abs';
export type Expr =
  | { kind: 'const'; value: number | string | boolean | null }
  | { kind: 'field'; name: string }
  | { kind: 'arith'; op: ArithOp; args: Expr[] }
  | { kind: 'round'; op: RoundOp; arg: Expr; digits?: number }
  | { kind: 'count'; group: string; where?: Condition }
  | { kind: 'sum'; group: string; column: string }
  | { kind: 'between'; unit: 'days' | 'years'; from: Expr; to: Expr }
  | { kind: 'cases'; cases: Array<{ when: Condition; then: Expr }>; otherwise: Expr };

export const ARITH_OPS: ArithOp[] = ['+', '-', '*', '/', 'min', 'max'];
export const ROUND_OPS: RoundOp[] = ['round', 'floor', 'ceil', 'abs'];

export function exprToLogic(e: Expr, fields: ConditionField[]): Logic {
  switch (e.kind) {
    case 'const': return e.value;
    case 'field': return { var: e.name };
    case 'arith': return { [e.op]: e.args.map((a) => exprToLogic(a, fields)) };
    case 'round': return { [e.op]: e.digits === undefined ? [exprToLogic(e.arg, fields)] : [exprToLogic(e.arg, fields), e.digits] };
    case 'count': return e.where ? { count: [{ var: e.group }, conditionToLogic(e.where, columnsOf(e.group, fields)) ?? false] } : { count: [{ var: e.group }] };
    case 'sum': return { sum: [{ var: e.group }, { var: e.column }] };
    case 'between': return { [`${e.unit}_between`]: [exprToLogic(e.from, fields), exprToLogic(e.to, fields)] };
    case 'cases': {
      const out: Logic[] = [];
      for (const c of e.cases) out.push(conditionToLogic(c.when, fields) ?? false, exprToLogic(c.then, fields));
      out.push(exprToLogic(e.otherwise, fields));
      return { if: out };
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function read(logic: unknown, fields: ConditionField[]): Expr | null {
  if (logic === null || typeof logic === 'number' || typeof logic === 'string' || typeof logic === 'boolean') return { kind: 'const', value: logic };
  if (!isObject(logic) || Object.keys(logic).length !== 1) return null;
  const [op, arg] = Object.entries(logic)[0]!;
  if (op === 'var') return typeof arg === 'string' ? { kind: 'field', name: arg } : null;
  if (!Array.isArray(arg)) return null;
  if ((ARITH_OPS as string[]).includes(op)) {
    const args = arg.map((a) => read(a, fields));
    return args.length >= 1 && args.every(Boolean) ? { kind: 'arith', op: op as ArithOp, args: args as Expr[] } : null;
  }
  if ((ROUND_OPS as string[]).includes(op) && arg.length === 1) {
    const inner = read(arg[0], fields);
    return inner && { kind: 'round', op: op as RoundOp, arg: inner };
  }
  if (op === 'round' && arg.length === 2 && Number.isInteger(arg[1]) && (arg[1] as number) >= 0) {
    const inner = read(arg[0], fields);
    return inner && { kind: 'round', op: 'round', arg: inner, digits: arg[1] as number };
  }
  if (op === 'count' && arg.length === 1 && isObject(arg[0]) && typeof arg[0].var === 'string') return { kind: 'count', group: arg[0].var };
  if (op === 'count' && arg.length === 2 && isObject(arg[0]) && typeof arg[0].var === 'string') {
    // "the rows where ...": a condition over the group's columns, named as the rows read them.
    const columns = columnsOf(arg[0].var, fields);
    const where = columns.length ? logicToCondition(arg[1] as Logic, columns) : null;
    return where && where.rules.length ? { kind: 'count', group: arg[0].var, where } : null;
  }
  if (op === 'sum' && arg.length === 2 && isObject(arg[0]) && typeof arg[0].var === 'string' && isObject(arg[1]) && typeof arg[1].var === 'string') {
    return { kind: 'sum', group: arg[0].var, column: arg[1].var };
  }
  if ((op === 'days_between' || op === 'years_between') && arg.length === 2) {
    const from = read(arg[0], fields), to = read(arg[1], fields);
    return from && to && { kind: 'between', unit: op === 'days_between' ? 'days' : 'years', from, to };
  }
  if (op === 'if' && arg.length >= 3 && arg.length % 2 === 1) {
    const cases: Array<{ when: Condition; then: Expr }> = [];
    for (let i = 0; i + 1 < arg.length; i += 2) {
      const when = logicToCondition(arg[i] as Logic, fields);
      const then = read(arg[i + 1], fields);
      if (!when || !then) return null;
      cases.push({ when, then });
    }
    const otherwise = read(arg[arg.length - 1], fields);
    return otherwise && { kind: 'cases', cases, otherwise };
  }
  return null;
}

/** The columns of a group as a condition over its rows names them (the group's own condition field). */
export function columnsOf(group: string, fields: ConditionField[]): ConditionField[] {
  return (fields.find((f) => f.name === group)?.subproperties as ConditionField[] | undefined) ?? [];
}

/** The visual form of an expression, or null when it cannot be shown without loss. */
export function logicToExpr(logic: Logic | undefined, fields: ConditionField[]): Expr | null {
  if (logic === undefined) return { kind: 'const', value: 0 };
  if (!withinLimits(logic)) return null;
  const e = read(logic, fields);
  return e && sameLogic(exprToLogic(e, fields), logic) ? e : null;
}
