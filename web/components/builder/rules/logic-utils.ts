import { LIMITS, type Logic } from '@sportello/schemas';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a JSON value is within the engine's caps (nesting depth and nodes of one expression):
 * what is beyond them the engine refuses anyway, and the visual editor leaves to the Advanced
 * view instead of walking it (no stack overflow on a hostile paste). Iterative.
 */
export function withinLimits(value: unknown, maxDepth: number = LIMITS.definitionDepth, maxNodes: number = LIMITS.logicNodes): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes || depth > maxDepth) return false;
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else if (isObject(v)) for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return true;
}

/** Deep equality of two JSON values (key order ignored). */
export function sameLogic(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameLogic(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameLogic(a[k], b[k]));
  }
  return false;
}

/**
 * The names an expression reads with `var` (and `missing`), as written: `$row.eta`, `isee`,
 * `$office.punti`. Inside an iterating operator's body names are relative to the item, so they
 * are reported as columns of the walked group (`figli[].eta`) when the group is a literal var.
 */
export function readsOf(logic: Logic | undefined, out = new Set<string>(), scope?: string, depth = 0): Set<string> {
  // Beyond the engine's depth cap the definition does not compile: what is read below is not listed.
  if (depth > LIMITS.definitionDepth) return out;
  if (Array.isArray(logic)) { logic.forEach((x) => readsOf(x, out, scope, depth + 1)); return out; }
  if (!isObject(logic)) return out;
  const [op, arg] = Object.entries(logic)[0] ?? [];
  if (op === undefined) return out;
  const add = (name: unknown) => {
    if (typeof name !== 'string' || name === '') return;
    if (name.startsWith('../')) out.add(name.replace(/^(\.\.\/)+/, ''));
    else out.add(scope && !name.startsWith('$') ? `${scope}[].${name}` : name);
  };
  if (op === 'var') { add(Array.isArray(arg) ? arg[0] : arg); return out; }
  if (op === 'missing') { (Array.isArray(arg) ? arg : [arg]).forEach(add); return out; }
  if (op === 'missing_some' && Array.isArray(arg)) { (Array.isArray(arg[1]) ? arg[1] : []).forEach(add); return out; }
  if (['map', 'filter', 'reduce', 'all', 'none', 'some', 'sum', 'count'].includes(op) && Array.isArray(arg)) {
    readsOf(arg[0] as Logic, out, scope, depth + 1);
    const list = arg[0];
    const group = isObject(list) && typeof list.var === 'string' ? list.var : undefined;
    arg.slice(1).forEach((x) => readsOf(x as Logic, out, group, depth + 1));
    return out;
  }
  return readsOf(arg as Logic, out, scope, depth + 1);
}
