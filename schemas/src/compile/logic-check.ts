import type { Problem } from '../types.js';
import { analyzeLogic } from '../logic/analyze.js';
import { ITERATING_OPERATORS } from '../logic/operators.js';
import { compileLogic, type CompiledLogic } from '../logic/engine.js';
import { resolveVar, type NamedCondition, type VarContext } from './resolve-var.js';
import { guardAnswered } from './answered-comparisons.js';

/**
 * `deps`: the field paths the expression reads; `g[]` for the rows of group `g` alone (see
 * order-computes.ts `touches`).
 */
export interface CheckedLogic { fn?: CompiledLogic; deps: string[] }

/**
 * Checks one JSON Logic expression (operators, size, every var names a field in scope) and
 * compiles it. Problems are pushed with pointers into the definition; never throws.
 * `condition`: the expression is a rule's `when` (show, hide, require, error, exclusion), so it
 * is compiled to a boolean by JSON Logic's truthiness (`!!`), where an empty array is false:
 * `{"missing": ["a"]}` holds only when something is missing, as jsonlogic.com defines it
 * (JavaScript's own truthiness would make every list, even an empty one, true).
 * `answered`: comparisons (answered-comparisons.ts) that hold only while the fields they read are answered.
 */
export function checkLogic(
  input: unknown, pointer: string, ctx: VarContext, problems: Problem[], condition = false, answered?: ReadonlyMap<object, string[]>,
): CheckedLogic {
  const logic = ctx.excluded === undefined ? input : withExcluded(input, ctx.excluded, 0);
  const analysis = analyzeLogic(logic, pointer);
  const before = problems.length;
  for (const issue of analysis.issues) problems.push(issue);
  const deps = new Set<string>();
  for (const use of analysis.conditions) {
    const named = ctx.conditions?.get(use.name);
    if (named) { for (const d of named.deps) deps.add(d); continue; }
    problems.push(ctx.conditions === undefined
      ? { pointer: use.pointer, code: 'rule.nestedCondition', message: `A condition cannot use another condition ("${use.name}"): write its test in full`, params: { name: use.name } }
      : { pointer: use.pointer, code: 'rule.unknownCondition', message: `"${use.name}" is not a condition of the service (conditions are named under "conditions")`, params: { name: use.name, known: [...ctx.conditions.keys()] } });
  }
  for (const use of analysis.vars) {
    const r = resolveVar(use, ctx);
    if (r.kind === 'error') problems.push({ pointer: use.pointer, code: r.code, message: r.message, params: r.suggestion ? { name: use.name, suggestion: r.suggestion } : { name: use.name } });
    else if (r.kind === 'field' && !r.office) {
      // A group walked by an iterating operator is read as its rows (`figli[]`): which of their
      // fields are read, the body's own vars say. So a total over a group does not depend on
      // a row field it never reads, and a row's computed value may read that total.
      deps.add(use.listOnly && ctx.fields.get(r.path)?.kind === 'group' ? `${r.path}[]` : r.path);
    }
  }
  if (problems.length > before) return { deps: [...deps] };
  // Checked as written (problems point into it); compiled with its cross-field comparisons waiting for their fields.
  const guarded = answered === undefined || answered.size === 0 ? input : guardAnswered(input, answered);
  const excludedIn = ctx.excluded === undefined ? guarded : withExcluded(guarded, ctx.excluded, 0);
  const run = analysis.conditions.length === 0 ? excludedIn : withConditions(excludedIn, ctx.conditions!);
  try {
    return { fn: compileLogic(condition ? { '!!': [run] } : run, pointer), deps: [...deps] };
  } catch (e) {
    const detail = e instanceof Error ? e.message : JSON.stringify(e);
    problems.push({ pointer, code: 'logic.invalid', message: `The expression cannot be compiled: ${detail}`, params: { detail } });
    return { deps: [...deps] };
  }
}


/** The expression with each `{"condition": "name"}` replaced by that condition's expression (bounded: definitions are at most LIMITS.definitionDepth deep). */
function withConditions(node: unknown, conditions: ReadonlyMap<string, NamedCondition>): unknown {
  if (Array.isArray(node)) return node.map((n) => withConditions(n, conditions));
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length !== 1) return node;
  const op = keys[0]!;
  const arg = (node as Record<string, unknown>)[op];
  if (op === 'condition') {
    const name = Array.isArray(arg) ? arg[0] : arg;
    return typeof name === 'string' ? conditions.get(name)?.logic ?? node : node;
  }
  return { [op]: withConditions(arg, conditions) };
}

function isExcludedVar(node: Record<string, unknown>): boolean {
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return false;
  const arg = node.var;
  return arg === '$excluded' || (Array.isArray(arg) && arg.length === 1 && arg[0] === '$excluded');
}

/** Whether an expression reads `$excluded` at root level (where withExcluded replaces it). */
export function readsExcluded(node: unknown, depth = 0): boolean {
  if (Array.isArray(node)) return node.some((n) => readsExcluded(n, depth));
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (depth === 0 && isExcludedVar(record)) return true;
  const keys = Object.keys(record);
  if (keys.length !== 1) return false;
  const arg = record[keys[0]!];
  if (ITERATING_OPERATORS.has(keys[0]!) && Array.isArray(arg)) return arg.some((a, i) => readsExcluded(a, i === 1 ? depth + 1 : depth));
  return readsExcluded(arg, depth);
}

/**
 * The expression with each root-level `{"var": "$excluded"}` replaced by the exclusions' condition
 * (inside an iteration names are the item's, so there it stays and is refused by resolveVar).
 * Definitions are at most LIMITS.definitionDepth deep (guard.ts), so the recursion is bounded.
 */
function withExcluded(node: unknown, excluded: unknown, depth: number): unknown {
  if (Array.isArray(node)) return node.map((n) => withExcluded(n, excluded, depth));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (depth === 0 && isExcludedVar(record)) return excluded;
  const keys = Object.keys(record);
  if (keys.length !== 1) return node;
  const op = keys[0]!;
  const arg = record[op];
  if (ITERATING_OPERATORS.has(op) && Array.isArray(arg)) {
    return { [op]: arg.map((a, i) => withExcluded(a, excluded, i === 1 ? depth + 1 : depth)) };
  }
  return { [op]: withExcluded(arg, excluded, depth) };
}
