import type { Problem } from '../types.js';
import type { CompiledRule } from './compiled-service.js';

export interface ComputeNode { rule: CompiledRule; pointer: string; deps: string[] }

/** True when reading `dep` reads (part of) the value at `target`, or the other way round. */
function touches(dep: string, target: string): boolean {
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
    const names = cycle.map((i) => nodes[i]!.rule.field!.path);
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
