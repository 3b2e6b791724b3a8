import type { Problem } from '../types.js';
import type { FieldInfo } from './field-index.js';
import { ITERATING_OPERATORS } from '../logic/operators.js';
import { escapePointerToken } from '../paths.js';
import { resolveVar, type VarContext } from './resolve-var.js';

/** Comparisons where an unanswered (null) value counts as 0, as in JavaScript. */
const ORDERING = new Set(['<', '>', '<=', '>=']);
/** Operators whose earlier arguments guard the later ones (they decide whether those run). */
const GUARDING = new Set(['and', 'or', 'if', '?:']);

function varName(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return undefined;
  const arg = (node as Record<string, unknown>).var;
  return typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
}

/** Every name a subtree reads (var and missing), to know what an earlier argument guards. */
function namesIn(node: unknown, out: Set<string>): Set<string> {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) { stack.push(...n); continue; }
    if (n === null || typeof n !== 'object') continue;
    for (const [op, arg] of Object.entries(n)) {
      if (op === 'var') { const name = varName(n); if (name) out.add(name); continue; }
      if (op === 'missing' || op === 'missing_some') {
        const names = op === 'missing' ? arg : Array.isArray(arg) ? arg[1] : undefined;
        for (const name of Array.isArray(names) ? names : [names]) if (typeof name === 'string') out.add(name);
        continue;
      }
      stack.push(arg);
    }
  }
  return out;
}

/** A field the citizen may leave unanswered: not required, or in a section that is not (rows count as present). */
function mayBeMissing(field: FieldInfo, fields: Map<string, FieldInfo>): boolean {
  for (let f: FieldInfo | undefined = field; f; f = f.parent ? fields.get(f.parent) : undefined) {
    if (f.kind === 'group' && f !== field) return false;
    if (!f.requiredStatic) return true;
  }
  return false;
}

/** Whether the comparison holds with argument i at 0, when the others are number literals (else: maybe). */
function holdsAtZero(op: string, args: unknown[], i: number): boolean {
  const values = args.map((a, j) => (j === i ? 0 : a));
  if (!values.every((v) => typeof v === 'number')) return true;
  const nums = values as number[];
  for (let j = 0; j + 1 < nums.length; j++) {
    const [a, b] = [nums[j]!, nums[j + 1]!];
    const ok = op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
    if (!ok) return false;
  }
  return true;
}

/**
 * Warns where `<`, `>`, `<=` or `>=` reads a field that may be unanswered with nothing guarding
 * it: JSON Logic compares an unanswered value like 0, so "no ISEE" would pass `ISEE < 5000`.
 * A guard is any earlier argument of an enclosing `and`, `or` or `if` that reads the same name
 * (`{"!=": [{"var": "isee"}, null]}`, `{"missing": ["isee"]}`, ...). Computed fields and names
 * inside map/filter/reduce bodies are left alone, and so are an error rule's comparisons between
 * fields (`answered`), which wait for their fields. Warnings, not problems: the designer decides.
 */
export function checkGuards(
  logic: unknown, pointer: string, ctx: VarContext, computed: ReadonlySet<string>, warnings: Problem[], answered?: ReadonlyMap<object, string[]>,
): void {
  const visit = (node: unknown, at: string, guarded: ReadonlySet<string>): void => {
    if (Array.isArray(node)) { node.forEach((n, i) => visit(n, `${at}/${i}`, guarded)); return; }
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const op = keys[0]!;
    const arg = (node as Record<string, unknown>)[op];
    const opAt = `${at}/${escapePointerToken(op)}`;
    if (op === 'var' || ITERATING_OPERATORS.has(op)) {
      if (ITERATING_OPERATORS.has(op) && Array.isArray(arg)) visit(arg[0], `${opAt}/0`, guarded);
      return;
    }
    const args = Array.isArray(arg) ? arg : [arg];
    const argAt = (i: number) => (Array.isArray(arg) ? `${opAt}/${i}` : opAt);
    if (ORDERING.has(op) && answered?.has(node)) return; // waits for its fields (answered-comparisons.ts)
    if (ORDERING.has(op)) {
      args.forEach((a, i) => {
        const name = varName(a);
        if (name === undefined || guarded.has(name)) return visit(a, argAt(i), guarded);
        const r = resolveVar({ name, pointer: argAt(i), scope: { depth: 0, lists: [], reduce: [] } }, ctx);
        if (r.kind !== 'field' || r.office || computed.has(r.path)) return;
        const field = ctx.fields.get(r.path);
        if (!field || !mayBeMissing(field, ctx.fields)) return;
        if (!holdsAtZero(op, args, i)) return; // e.g. {">": [x, 3]}: an unanswered x does not pass
        warnings.push({
          pointer: `${argAt(i)}/var`, code: 'logic.unguardedComparison',
          message: `"${op}" reads "${name}", which may be unanswered: an unanswered value compares like 0 here. `
            + `Guard it, e.g. {"and": [{"!=": [{"var": "${name}"}, null]}, <this comparison>]}, or make the field required`,
          params: { name, operator: op },
        });
      });
      return;
    }
    if (GUARDING.has(op)) {
      const seen = new Set(guarded);
      args.forEach((a, i) => {
        visit(a, argAt(i), seen);
        namesIn(a, seen);
      });
      return;
    }
    args.forEach((a, i) => visit(a, argAt(i), guarded));
  };
  visit(logic, pointer, new Set());
}
