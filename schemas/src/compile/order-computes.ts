import type { Problem } from '../types.js';
import type { CompiledRule } from './compiled-service.js';

export interface ComputeNode {
  rule: CompiledRule; pointer: string; deps: string[];
  /** When the value reads `$excluded`: the fields the exclusions read (part of deps), to name `$excluded` in a loop. */
  excludedDeps?: string[];
}

/**
 * True when reading `dep` reads (part of) the value at `target`, or the other way round.
 * `g[]` (the rows of group g, walked by count/sum/map/...) touches g itself and the sections
 * holding it, never a field inside the rows: the fields read there are deps of their own.
 */
export function touches(dep: string, target: string): boolean {
  if (dep.endsWith('[]')) {
    const group = dep.slice(0, -2);
    return target === group || group.startsWith(target + '.');
  }
  return dep === target || target.startsWith(dep + '.') || target.startsWith(dep + '[]') ||
    dep.startsWith(target + '.') || dep.startsWith(target + '[]');
}

/**
 * Orders compute rules so each runs after the values it reads (Kahn's algorithm). What cannot
 * be ordered depends on itself: each such cycle is reported once, naming its fields in order.
 */
export function orderComputes(nodes: ComputeNode[], problems: Problem[]): CompiledRule[] {
  const edges = nodes.map((n) =>
    nodes.flatMap((m, j) => (n.deps.some((d) => touches(d, m.rule.field!.path)) ? [j] : [])),
  );
  const indegree = edges.map((e) => e.length);
  const dependents = nodes.map(() => [] as number[]);
  edges.forEach((e, i) => e.forEach((j) => dependents[j]!.push(i)));
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  const ordered: CompiledRule[] = [];
  while (queue.length > 0) {
    const i = queue.shift()!;
    ordered.push(nodes[i]!.rule);
    for (const k of dependents[i]!) if (--indegree[k]! === 0) queue.push(k);
  }
  if (ordered.length === nodes.length) return ordered;
  const reported = new Set<number>();
  for (let start = 0; start < nodes.length; start++) {
    if (indegree[start] === 0 || reported.has(start)) continue;
    const cycle = findCycle(start, edges, indegree);
    if (!cycle || cycle.some((i) => reported.has(i))) continue;
    cycle.forEach((i) => reported.add(i));
    // Each field reads the next; `$excluded` named between them when the exclusions read it.
    const names = cycle.flatMap((i, k) => {
      const node = nodes[i]!;
      const next = nodes[cycle[(k + 1) % cycle.length]!]!.rule.field!.path;
      const viaExcluded = node.excludedDeps?.some((d) => touches(d, next));
      return viaExcluded ? [node.rule.field!.path, '$excluded'] : [node.rule.field!.path];
    });
    problems.push({
      pointer: nodes[cycle[0]!]!.pointer,
      code: 'rule.cycle',
      message: `Computed values depend on themselves: ${[...names, names[0]].join(' -> ')}`,
      params: { fields: names },
    });
  }
  return ordered;
}

function findCycle(start: number, edges: number[][], indegree: number[]): number[] | null {
  const path: number[] = [];
  const onPath = new Set<number>();
  const visit = (i: number): number[] | null => {
    if (onPath.has(i)) return path.slice(path.indexOf(i));
    if (indegree[i] === 0) return null;
    onPath.add(i);
    path.push(i);
    for (const j of edges[i]!) {
      const found = visit(j);
      if (found) return found;
    }
    path.pop();
    onPath.delete(i);
    return null;
  };
  return visit(start);
}

export interface VisibilityNode { rule: CompiledRule; pointer: string; targets: string[]; deps: string[] }

/**
 * A field whose visibility depends on its own value, directly, through computed values or
 * through other fields' visibility, has no stable meaning: hidden values are invisible to rules,
 * so hiding it changes what decides whether it is hidden (two fields each hidden while the other
 * is answered flip back and forth). Each such loop is reported with `rule.visibilityCycle`, named
 * (`haAuto -> costoAuto -> haAuto`). A step's rule counts for every field the step lays out.
 */
export function checkVisibilityCycles(visibility: VisibilityNode[], computes: ComputeNode[], problems: Problem[]): void {
  for (const node of visibility) {
    for (const target of node.targets) {
      const loop = readsItself(target, node.deps, computes, visibility);
      if (!loop) continue;
      const names = [target, ...loop];
      problems.push({
        pointer: node.pointer,
        code: 'rule.visibilityCycle',
        message: `Rule "${node.rule.id}" decides whether "${target}" is shown from its own value: ${names.join(' -> ')}. `
          + 'A hidden field\'s value is not seen by rules, so this has no stable answer: decide from other fields',
        params: { rule: node.rule.id, fields: names },
      });
      break;
    }
  }
}

/**
 * The chain of fields through which `deps` read `target` (ending with target), or null. Reading
 * a computed field reads what it is computed from; reading any field reads what decides whether
 * it is shown (a hidden value reads as unanswered).
 */
function readsItself(target: string, deps: string[], computes: ComputeNode[], visibility: VisibilityNode[]): string[] | null {
  const seen = new Set<ComputeNode | VisibilityNode>();
  const walk = (reads: string[]): string[] | null => {
    if (reads.some((d) => touches(d, target))) return [target];
    for (const c of computes) {
      if (seen.has(c) || !reads.some((d) => touches(d, c.rule.field!.path))) continue;
      seen.add(c);
      const rest = walk(c.deps);
      if (rest) return [c.rule.field!.path, ...rest];
    }
    for (const v of visibility) {
      if (seen.has(v)) continue;
      const read = v.targets.find((t) => reads.some((d) => touches(d, t)));
      if (read === undefined) continue;
      seen.add(v);
      const rest = walk(v.deps);
      if (rest) return [read, ...rest];
    }
    return null;
  };
  return walk(deps);
}
