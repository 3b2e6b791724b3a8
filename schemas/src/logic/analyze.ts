import { ALLOWED_OPERATORS, ITERATING_OPERATORS } from './operators.js';
import { LIMITS } from '../limits.js';
import { escapePointerToken } from '../paths.js';

/**
 * Where a var is read: at the rule's own level, or inside the body of map/filter/reduce/...
 * whose items are `item` (the list expression's own var, when it is a plain var or a filter of one).
 */
export interface VarScope {
  depth: number;
  /** For each iteration level, innermost last: the var naming the iterated list (if known). */
  lists: Array<string | null>;
  reduce: boolean[];
}

/**
 * `listOnly`: the var is the list an iterating operator walks (`{"count": [{"var": "figli"}]}`):
 * it reads the rows, and the items' fields only where the body names them (their own uses).
 */
export interface VarUse { name: string; pointer: string; scope: VarScope; listOnly?: boolean }
export interface LogicIssue { pointer: string; code: string; message: string; params?: Record<string, unknown> }
/** A named condition used (`{"condition": "name"}`), replaced by its expression before compiling. */
export interface ConditionUse { name: string; pointer: string }
export interface LogicAnalysis { vars: VarUse[]; issues: LogicIssue[]; nodes: number; conditions: ConditionUse[] }

const ROOT: VarScope = { depth: 0, lists: [], reduce: [] };

function listVar(expr: unknown): string | null {
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) {
    const [op, arg] = Object.entries(expr)[0] ?? [];
    if (op === 'var') return typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : null;
    // filter keeps the items of its list; so does ?? [list, []] that sum/count expand to.
    if ((op === 'filter' || op === '??') && Array.isArray(arg)) return listVar(arg[0]);
  }
  return null;
}

/** Walks a JSON Logic expression without running it: operators, vars, size. Never throws. */
export function analyzeLogic(logic: unknown, basePointer: string): LogicAnalysis {
  const out: LogicAnalysis = { vars: [], issues: [], nodes: 0, conditions: [] };
  const stack: Array<{ node: unknown; pointer: string; scope: VarScope; depth: number; listOnly?: boolean }> = [
    { node: logic, pointer: basePointer, scope: ROOT, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, pointer, scope, depth, listOnly } = stack.pop()!;
    if (++out.nodes > LIMITS.logicNodes) {
      out.issues.push({ pointer: basePointer, code: 'limit.logicNodes', message: `Expression has more than ${LIMITS.logicNodes} nodes`, params: { limit: LIMITS.logicNodes } });
      return out;
    }
    if (depth > LIMITS.definitionDepth) {
      out.issues.push({ pointer, code: 'limit.depth', message: `Expression nested deeper than ${LIMITS.definitionDepth}`, params: { limit: LIMITS.definitionDepth } });
      return out;
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, pointer: `${pointer}/${i}`, scope, depth: depth + 1 }));
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      out.issues.push({ pointer, code: 'logic.invalidNode', message: 'A JSON Logic operation is an object with exactly one operator', params: { keys } });
      continue;
    }
    const op = keys[0]!;
    const arg = (node as Record<string, unknown>)[op];
    const at = `${pointer}/${escapePointerToken(op)}`;
    if (op === 'condition') {
      const name = Array.isArray(arg) && arg.length === 1 ? arg[0] : arg;
      if (typeof name !== 'string') out.issues.push({ pointer: at, code: 'logic.dynamicVar', message: 'condition must name a condition with a literal string', params: {} });
      // inside map/filter/reduce names are the item's: a condition's root names would change meaning
      else if (scope.depth > 0) out.issues.push({ pointer: at, code: 'rule.conditionInIteration', message: `Condition "${name}" is used inside map/filter/reduce/sum/count, where names are the item's: use it outside, or write the test in full`, params: { name } });
      else out.conditions.push({ name, pointer: at });
      continue;
    }
    if (!ALLOWED_OPERATORS.has(op)) {
      out.issues.push({ pointer: at, code: 'logic.unknownOperator', message: `Unknown JSON Logic operator "${op}"`, params: { operator: op } });
      continue;
    }
    if (op === 'var') {
      const name = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg[0] : typeof arg === 'number' ? String(arg) : arg;
      if (typeof name === 'string') out.vars.push(listOnly ? { name, pointer: at, scope, listOnly } : { name, pointer: at, scope });
      else if (name !== undefined) out.issues.push({ pointer: at, code: 'logic.dynamicVar', message: 'var must name a field with a literal string', params: {} });
      continue;
    }
    if (op === 'missing' || op === 'missing_some') {
      const names = op === 'missing' ? arg : Array.isArray(arg) ? arg[1] : undefined;
      for (const [i, name] of (Array.isArray(names) ? names : [names]).entries()) {
        if (typeof name === 'string') out.vars.push({ name, pointer: `${at}/${i}`, scope });
      }
      continue;
    }
    const args = Array.isArray(arg) ? arg : [arg];
    if (ITERATING_OPERATORS.has(op)) {
      stack.push({ node: args[0], pointer: `${at}/0`, scope, depth: depth + 1, listOnly: true });
      const inner: VarScope = {
        depth: scope.depth + 1,
        lists: [...scope.lists, listVar(args[0])],
        reduce: [...scope.reduce, op === 'reduce'],
      };
      if (args.length > 1) stack.push({ node: args[1], pointer: `${at}/1`, scope: inner, depth: depth + 1 });
      for (let i = 2; i < args.length; i++) stack.push({ node: args[i], pointer: `${at}/${i}`, scope, depth: depth + 1 });
      continue;
    }
    // `{"??": [list, []]}` as an iterated list is still only walked (its fallback is a literal).
    args.forEach((child, i) => stack.push({ node: child, pointer: Array.isArray(arg) ? `${at}/${i}` : at, scope, depth: depth + 1, listOnly: listOnly && op === '??' && i === 0 }));
  }
  return out;
}
