import { ITERATING_OPERATORS } from '../logic/operators.js';
import { resolveVar, type VarContext } from './resolve-var.js';

/** Comparisons between values (JSON Logic's, as JavaScript's). */
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==']);

const ROOT = { depth: 0, lists: [], reduce: [] };

/** The name a plain `{"var": name}` reads; a var with a default (`["x", 0]`) says what "unanswered" means itself. */
function plainVar(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  return Array.isArray(arg) && arg.length === 1 && typeof arg[0] === 'string' ? arg[0] : undefined;
}

/** The answers' fields a comparison reads outside map/filter/reduce bodies (a list walked there counts as read). */
function fieldsRead(node: unknown, ctx: VarContext, out: Set<string>): void {
  if (Array.isArray(node)) { for (const n of node) fieldsRead(n, ctx, out); return; }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length !== 1) return;
  const op = keys[0]!;
  const arg = (node as Record<string, unknown>)[op];
  if (op === 'var') {
    const name = plainVar(arg);
    if (name !== undefined && resolveVar({ name, pointer: '', scope: ROOT }, ctx).kind === 'field') out.add(name);
    return;
  }
  // A total over a group's rows is a value even with no rows (0); missing_some/missing decide for themselves.
  if (ITERATING_OPERATORS.has(op) || op === 'missing' || op === 'missing_some') return;
  fieldsRead(arg, ctx, out);
}

/**
 * The comparisons of an `error` rule that compare two or more fields, with the names they read:
 * the rule's `when` itself, or a condition of its top-level `and` (nested `and`s included).
 * Such a comparison holds only while every field it reads is answered (see guardAnswered): a
 * cross-field check waits for both values instead of comparing an unanswered one as 0.
 */
export function answeredComparisons(when: unknown, ctx: VarContext): Map<object, string[]> {
  const out = new Map<object, string[]>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const op = keys[0]!;
    const arg = (node as Record<string, unknown>)[op];
    if (op === 'and' && Array.isArray(arg)) { arg.forEach(visit); return; }
    if (!COMPARISONS.has(op)) return;
    const names = new Set<string>();
    fieldsRead(arg, ctx, names);
    if (names.size >= 2) out.set(node, [...names]);
  };
  visit(when);
  return out;
}

/**
 * The expression with each comparison of `answered` made to wait for its fields:
 * `{"if": [{"missing": names}, false, comparison]}` (missing counts null and '' as unanswered).
 */
export function guardAnswered(node: unknown, answered: ReadonlyMap<object, string[]>): unknown {
  if (answered.size === 0 || node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const names = answered.get(node);
  if (names) return { if: [{ missing: names }, false, node] };
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'and') return node;
  const arg = (node as Record<string, unknown>).and;
  return Array.isArray(arg) ? { and: arg.map((a) => guardAnswered(a, answered)) } : node;
}
