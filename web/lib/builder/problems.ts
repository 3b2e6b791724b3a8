import type { ServiceDefinition } from '@sportello/schemas';

export interface Problem { pointer: string; code: string; message: string; params?: unknown }

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The data schema pointer of a field path: nucleo[].eta -> /data/properties/nucleo/items/properties/eta. */
export function dataPointerOf(path: string, root = '/data'): string {
  return root + path.split('.').map((p) => (p.endsWith('[]') ? `/properties/${p.slice(0, -2)}/items` : `/properties/${p}`)).join('');
}

/**
 * Problems that concern one field (its data schema, its UI, its place in a step, rules on it),
 * so each shows at the element it concerns. Children's problems stay with the children.
 */
export function fieldProblems(def: ServiceDefinition, problems: Problem[], path: string): Problem[] {
  const data = dataPointerOf(path);
  const ui = `/ui/fields/${esc(path)}`;
  const placed = def.ui.steps.flatMap((s, i) => s.fields.map((f, j) => (f === path ? `/ui/steps/${i}/fields/${j}` : null))).filter(Boolean) as string[];
  const rules = (def.rules ?? []).map((r, i) => (r.field === path ? `/rules/${i}` : null)).filter(Boolean) as string[];
  const pre = (def.prefill ?? []).map((p, i) => (p.field === path ? `/prefill/${i}` : null)).filter(Boolean) as string[];
  const exact = [ui, ...placed];
  const under = [...rules, ...pre];
  return problems.filter((p) =>
    exact.some((x) => p.pointer === x || p.pointer.startsWith(`${x}/`))
    || under.some((x) => p.pointer === x || p.pointer.startsWith(`${x}/`))
    // The field's own schema, not its children's (they have their own rows).
    || p.pointer === data || (p.pointer.startsWith(`${data}/`) && !p.pointer.slice(data.length).startsWith('/properties/') && !p.pointer.slice(data.length).startsWith('/items/properties/')));
}
