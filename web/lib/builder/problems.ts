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

const unesc = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The pointers that name one field: its UI, its data schema, its places in steps, its prefill. */
export function fieldPointers(def: ServiceDefinition, path: string): string[] {
  const placed = def.ui.steps.flatMap((s, i) => s.fields.map((f, j) => (f === path ? `/ui/steps/${i}/fields/${j}` : null))).filter((x): x is string => x !== null);
  const pre = (def.prefill ?? []).map((p, i) => (p.field === path ? `/prefill/${i}` : null)).filter((x): x is string => x !== null);
  return [`/ui/fields/${esc(path)}`, dataPointerOf(path), ...placed, ...pre];
}

/**
 * The field a problem's pointer concerns, or null: `/ui/fields/<path>/...`, `/ui/steps/i/fields/j`,
 * `/data/properties/a/items/properties/b/...` (the deepest field the pointer reaches) and
 * `/prefill/i`. Only fields the definition has are answered.
 */
export function fieldOfPointer(def: ServiceDefinition, pointer: string): string | null {
  const fields = def.ui.fields ?? {};
  const known = (p: string | undefined | null) => (p && Object.prototype.hasOwnProperty.call(fields, p) ? p : null);
  let m = /^\/ui\/fields\/([^/]+)/.exec(pointer);
  if (m) return known(unesc(m[1]!));
  m = /^\/ui\/steps\/(\d+)\/fields\/(\d+)/.exec(pointer);
  if (m) return known(def.ui.steps[Number(m[1])]?.fields[Number(m[2])]);
  m = /^\/prefill\/(\d+)/.exec(pointer);
  if (m) return known(def.prefill?.[Number(m[1])]?.field);
  if (!pointer.startsWith('/data/properties/')) return null;
  const tokens = pointer.slice('/data/'.length).split('/').map(unesc);
  let path = '';
  let found: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'properties' && tokens[i + 1] !== undefined) {
      path = path ? `${path}.${tokens[i + 1]}` : tokens[i + 1]!;
      i++;
      if (known(path)) found = path;
    } else if (tokens[i] === 'items') {
      if (!path) break;
      path = `${path}[]`;
    } else break;
  }
  return found;
}
