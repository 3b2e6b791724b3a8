/**
 * A plain view of a service definition shared by the generator and the converters: every field
 * of `data` (path, schema, kind, group, static required-ness, widget), the rules per target, the
 * steps. It follows the engine's reading of a definition (schemas/src/compile/field-index.ts):
 * objects with properties are sections, arrays of objects with properties are repeating groups
 * (one level, rows addressed as $row), everything else is a leaf.
 */

/** @typedef {{ name: string, group: boolean }} Segment */

export function parsePath(path) {
  return path.split('.').map((part) => (part.endsWith('[]') ? { name: part.slice(0, -2), group: true } : { name: part, group: false }));
}

function kindOf(schema) {
  const items = schema.items;
  if (schema.type === 'object' && schema.properties) return 'object';
  if (schema.type === 'array' && items && items.type === 'object' && items.properties) return 'group';
  if (schema.type === 'array') return 'list';
  return 'scalar';
}

/** The JSON types a leaf schema accepts. */
export function typesOf(schema) {
  if (Array.isArray(schema.type)) return schema.type.filter((t) => t !== 'null');
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.const !== undefined) return [jsonType(schema.const)];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(jsonType))];
  return [];
}

export function jsonType(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Enumerated values of a leaf (enum, const, oneOf of consts), or undefined. */
export function enumOf(schema) {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((s) => s && s.const !== undefined)) return schema.oneOf.map((s) => s.const);
  if (Array.isArray(schema.anyOf) && schema.anyOf.every((s) => s && s.const !== undefined)) return schema.anyOf.map((s) => s.const);
  return undefined;
}

/**
 * @returns {{
 *   definition: any,
 *   fields: Map<string, any>,
 *   roots: string[],
 *   rules: any[],
 *   rulesByField: Map<string, any[]>,
 *   rulesByStep: Map<string, any[]>,
 *   computed: Set<string>,
 *   steps: Array<{ id: string, fields: string[] }>,
 * }}
 */
export function buildModel(definition) {
  const fields = new Map();
  const uiFields = definition.ui?.fields ?? {};
  const walk = (obj, prefix, parent, group) => {
    const required = new Set(Array.isArray(obj.required) ? obj.required : []);
    for (const [name, schema] of Object.entries(obj.properties ?? {})) {
      if (!schema || typeof schema !== 'object') continue;
      const path = prefix + name;
      const kind = kindOf(schema);
      const info = {
        path, name, segments: parsePath(path), schema, kind, parent, group,
        requiredStatic: required.has(name), children: [], ui: uiFields[path] ?? {},
      };
      fields.set(path, info);
      if (parent) fields.get(parent).children.push(path);
      if (kind === 'object') walk(schema, path + '.', path, group);
      if (kind === 'group' && !group) walk(schema.items, path + '[].', path, path);
    }
  };
  walk(definition.data, '', undefined, undefined);
  const rules = definition.rules ?? [];
  const rulesByField = new Map();
  const rulesByStep = new Map();
  const computed = new Set();
  for (const rule of rules) {
    if (rule.field) {
      if (!rulesByField.has(rule.field)) rulesByField.set(rule.field, []);
      rulesByField.get(rule.field).push(rule);
      if (rule.type === 'compute') computed.add(rule.field);
    } else if (rule.step) {
      if (!rulesByStep.has(rule.step)) rulesByStep.set(rule.step, []);
      rulesByStep.get(rule.step).push(rule);
    }
  }
  const roots = [...fields.values()].filter((f) => !f.parent).map((f) => f.path);
  const steps = (definition.ui?.steps ?? []).map((s) => ({ id: s.id, title: s.title, fields: s.fields.filter((p) => fields.has(p)) }));
  return { definition, fields, roots, rules, rulesByField, rulesByStep, computed, steps };
}

/** "nucleo/2/eta" style pointer -> "nucleo[].eta" field path (numeric tokens enter rows). */
export function fieldPathOfPointer(pointer) {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = '';
  for (const t of tokens) {
    if (/^\d+$/.test(t)) { path += '[]'; continue; }
    path += (path ? '.' : '') + t;
  }
  return path;
}

export function pointerTokens(pointer) {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(root, pointer) {
  let cur = root;
  for (const t of pointerTokens(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[t];
  }
  return cur;
}

/** Sets a value at a pointer, creating objects (never arrays) on the way; undefined deletes. */
export function setAt(root, pointer, value) {
  const tokens = pointerTokens(pointer);
  let cur = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (cur[t] === null || typeof cur[t] !== 'object') cur[t] = {};
    cur = cur[t];
  }
  const last = tokens[tokens.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) return;
    delete cur[last];
  } else cur[last] = value;
}

/** True when the pointer or one of its ancestors is in the hidden list (as the engine reads it). */
export function isHidden(hidden, pointer) {
  let p = pointer;
  while (p.length > 0) {
    if (hidden.has(p)) return true;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return false;
}

/** Pointer of a field outside groups, or of a field in row `row` of its group. */
export function pointerOf(path, row) {
  let out = '';
  for (const seg of parsePath(path)) {
    out += '/' + seg.name;
    if (seg.group) {
      if (row === undefined) break;
      out += '/' + row;
    }
  }
  return out;
}

/**
 * Every var a JSON Logic expression reads, resolved to a field path as the engine resolves it:
 * root names ("a.b"), "$row.x" for the rule's group, and names inside map/filter/reduce/all/
 * some/none/sum/count bodies relative to the iterated group's rows.
 */
export function varsOf(logic, model, group) {
  const out = new Set();
  const ITER = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some', 'sum', 'count']);
  const resolveRoot = (name) => {
    if (name.startsWith('$row.')) return group ? `${group}[].${name.slice(5)}` : null;
    if (name.startsWith('$')) return null;
    const parts = name.split('.');
    let path = parts[0];
    for (let i = 1; i < parts.length; i++) {
      if (/^\d+$/.test(parts[i])) { path += '[]'; continue; }
      path += '.' + parts[i];
    }
    return path;
  };
  const visit = (node, listPath) => {
    if (Array.isArray(node)) { node.forEach((n) => visit(n, listPath)); return; }
    if (!node || typeof node !== 'object') return;
    const [op, arg] = Object.entries(node)[0] ?? [];
    if (op === undefined) return;
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name !== 'string' || name === '') return;
      let p;
      if (listPath !== undefined) {
        const inner = name.replace(/^current\.?/, '');
        if (name.startsWith('accumulator')) return;
        p = listPath && inner ? `${listPath}[].${inner}` : null;
      } else p = resolveRoot(name);
      if (p && model.fields.has(p)) out.add(p);
      else if (p) {
        // "a.b.c" may name a section path; keep the longest known prefix.
        const parts = p.split('.');
        while (parts.length > 1 && !model.fields.has(parts.join('.'))) parts.pop();
        if (model.fields.has(parts.join('.'))) out.add(parts.join('.'));
      }
      return;
    }
    const args = Array.isArray(arg) ? arg : [arg];
    if (ITER.has(op)) {
      visit(args[0], listPath);
      const lv = listVarOf(args[0]);
      const lp = lv ? (listPath !== undefined ? null : resolveRoot(lv)) : null;
      if (lp && model.fields.has(lp)) out.add(lp);
      for (let i = 1; i < args.length; i++) visit(args[i], i === 1 ? (lp && model.fields.get(lp)?.kind === 'group' ? lp : null) : listPath);
      return;
    }
    args.forEach((a) => visit(a, listPath));
  };
  visit(logic, undefined);
  return [...out];
}

export function listVarOf(expr) {
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) {
    const [op, arg] = Object.entries(expr)[0] ?? [];
    if (op === 'var') return typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : null;
    if ((op === 'filter' || op === '??') && Array.isArray(arg)) return listVarOf(arg[0]);
  }
  return null;
}

/** Deep copy of plain JSON. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
