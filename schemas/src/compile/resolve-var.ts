import type { VarUse } from '../logic/analyze.js';
import type { FieldInfo } from './field-index.js';

export interface VarContext {
  fields: Map<string, FieldInfo>;
  officeFields: Map<string, FieldInfo>;
  /** The group whose rows the rule runs on, if it is a row rule. */
  group?: string;
  /**
   * What `$excluded` stands for: the ranking's exclusions as one condition, written in place of
   * the var (so its reads are the expression's own dependencies). Absent where it cannot be
   * read: in the exclusions themselves.
   */
  excluded?: unknown;
  /** The definition's named conditions that compile (absent while the conditions themselves are checked: no nesting). */
  conditions?: ReadonlyMap<string, NamedCondition>;
}

/** A named condition, checked: its expression and the fields it reads. */
export interface NamedCondition { logic: unknown; deps: string[] }

/** What a var reads: a field (for dependencies), something the engine provides, or an error. */
export type Resolution =
  | { kind: 'field'; path: string; office?: boolean }
  | { kind: 'special' }
  | { kind: 'error'; code: string; message: string; suggestion?: string };

const SPECIALS = new Set(['$today', '$submittedAt']);

function unknown(name: string): Resolution {
  // A JSON pointer ("/richiedente/isee") where a field name is expected: say how fields are named.
  if (name.includes('/') && !name.startsWith('../')) {
    const suggestion = name.replace(/^\/+/, '').split('/').join('.');
    return { kind: 'error', code: 'rule.unknownField', message: `"${name}" is not a field of the service: fields are named without "/", with dots between sections (write "${suggestion}")`, suggestion };
  }
  return { kind: 'error', code: 'rule.unknownField', message: `"${name}" is not a field of the service` };
}

/** Resolves a dotted name ("nucleo.0.eta", "richiedente.nome") against a field index. */
export function resolveDotted(name: string, fields: Map<string, FieldInfo>, prefix = ''): Resolution {
  const parts = name.split('.');
  let path = prefix + parts[0];
  let field = fields.get(path);
  if (!field) return unknown(name);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) {
      if (field.kind === 'list') return { kind: 'field', path };
      if (field.kind !== 'group') return unknown(name);
      const next = parts[++i];
      if (next === undefined) return { kind: 'field', path };
      path = `${path}[].${next}`;
    } else {
      path = `${path}.${part}`;
    }
    field = fields.get(path);
    if (!field) return unknown(name);
  }
  return { kind: 'field', path };
}

function resolveRoot(name: string, ctx: VarContext): Resolution {
  if (SPECIALS.has(name)) return { kind: 'special' };
  if (name === '$index') {
    return ctx.group ? { kind: 'special' } : { kind: 'error', code: 'rule.rowOutsideGroup', message: '$index is only available in rules on fields of a repeating group' };
  }
  if (name === '$row' || name.startsWith('$row.')) {
    if (!ctx.group) return { kind: 'error', code: 'rule.rowOutsideGroup', message: '$row is only available in rules on fields of a repeating group' };
    if (name === '$row') return { kind: 'field', path: ctx.group };
    return resolveDotted(name.slice(5), ctx.fields, `${ctx.group}[].`);
  }
  if (name.startsWith('$office.')) {
    const r = resolveDotted(name.slice(8), ctx.officeFields);
    return r.kind === 'field' ? { ...r, office: true } : r;
  }
  if (name === '') return { kind: 'special' };
  if (name === '$excluded') {
    return { kind: 'error', code: 'rule.excludedUnavailable', message: '$excluded (whether an exclusion of the ranking holds) cannot be read here: not by the exclusions themselves, nor inside map/filter/reduce/sum/count' };
  }
  return resolveDotted(name, ctx.fields);
}

/**
 * Resolves a var as json-logic-engine will read it: inside map/filter/reduce bodies names are
 * relative to the current item (reduce: `current`, `accumulator`), and each "../../" climbs
 * one iteration level.
 */
export function resolveVar(use: VarUse, ctx: VarContext): Resolution {
  let name = use.name;
  let depth = use.scope.depth;
  while (name.startsWith('../../') && depth > 0) {
    name = name.slice(6);
    depth -= 1;
  }
  if (depth === 0) return resolveRoot(name, ctx);
  const listName = use.scope.lists[depth - 1];
  if (use.scope.reduce[depth - 1]) {
    if (name === 'accumulator' || name.startsWith('accumulator.')) return { kind: 'special' };
    if (name !== 'current' && !name.startsWith('current.')) return { kind: 'special' };
    name = name === 'current' ? '' : name.slice(8);
  }
  if (listName === null || listName === undefined) return { kind: 'special' }; // items of a computed list: not checkable
  const outer: VarUse = { name: listName, pointer: use.pointer, scope: { depth: depth - 1, lists: use.scope.lists, reduce: use.scope.reduce } };
  const list = resolveVar(outer, ctx);
  if (list.kind !== 'field') return list.kind === 'error' ? list : { kind: 'special' };
  const listField = (list.office ? ctx.officeFields : ctx.fields).get(list.path);
  if (!listField || name === '' || listField.kind !== 'group') return list;
  const r = resolveDotted(name, list.office ? ctx.officeFields : ctx.fields, `${list.path}[].`);
  return r.kind === 'field' ? { ...r, office: list.office } : r;
}
