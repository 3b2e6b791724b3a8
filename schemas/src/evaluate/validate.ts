import type { ErrorObject } from 'ajv';
import { LIMITS } from '../limits.js';
import { unescapePointerToken } from '../paths.js';
import { fusedValidator } from './fused-validator.js';
import { specialized } from './specialize.js';
import { constEnums } from '../compile/relaxed-schema.js';
import { pointerAt, type FieldInfo } from '../compile/field-index.js';
import type { CompiledService } from '../compile/compiled-service.js';
import { atRow, isFieldHidden, isPointerHiddenIn, rowsOf, run, type EvalState, type PendingError } from './state.js';

const PARAM_NAMES: Record<string, string> = { type: 'type', format: 'format', additionalProperty: 'additionalProperty', limit: 'limit', multipleOf: 'multipleOf' };

export function toPending(e: ErrorObject): PendingError | null {
  // `if` errors come from the null-means-unanswered wrapper and repeat the inner error.
  if (e.keyword === 'if') return null;
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    return { pointer: `${e.instancePath}/${String(params.additionalProperty)}`, key: 'error.additionalProperties', params: { additionalProperty: params.additionalProperty } };
  }
  if (e.keyword === 'required') return { pointer: `${e.instancePath}/${String(params.missingProperty)}`, key: 'error.required' };
  if (e.keyword === 'enum' && constEnums.has(params.allowedValues as unknown[])) return { pointer: e.instancePath, key: 'error.const', params: {} };
  const key = e.keyword === 'format' ? `error.format.${String(params.format)}` : `error.${e.keyword}`;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(params)) if (PARAM_NAMES[name]) out[name] = params[name];
  // relaxed-schema.ts appended "null" to this leaf's type: report the type as the designer wrote it.
  if (e.keyword === 'type' && Array.isArray(params.type) && params.type[params.type.length - 1] === 'null' && !e.schemaPath.includes('/else/')) {
    const types = params.type.slice(0, -1);
    out.type = types.length === 1 ? types[0] : types;
  }
  return { pointer: e.instancePath, key, params: out };
}

/**
 * Required checks, then schema validation of the answers (with computed values), errors under
 * hidden fields dropped: in one pass by the service's generated validator (fused-validator.ts)
 * when its schema allows, else the specialized required step and Ajv.
 */
export function applyRequiredAndSchema(state: EvalState): void {
  const fused = fusedValidator(state.service);
  if (fused) return fused(state);
  specialized(state.service).required(state);
  applyAjvValidation(state);
}

/** Schema validation by Ajv on the relaxed schema: for schemas the fused validator does not cover, and its reference in tests. */
export function applyAjvValidation(state: EvalState): void {
  const { validate } = state.service;
  let ok: boolean;
  try {
    ok = validate(state.data) as boolean;
  } catch {
    // Ajv's deep equality (enum, const, uniqueItems of objects) calls an object's valueOf when it
    // is not Object.prototype's: it throws on an object without a prototype (a GraphQL JSON
    // literal's), validated again as plain objects; and on an answer's own valueOf/toString
    // ({"toString": "x"} against an enum of objects), refused as such rather than an internal error.
    try {
      ok = validate(plainCopy(state.data)) as boolean;
    } catch {
      state.errors.push({ pointer: '', key: 'error.invalid' });
      return;
    }
  }
  if (ok) return;
  // An empty required field already says "required"; Ajv's minLength on '' would repeat it.
  const missing = new Set(state.errors.map((e) => e.pointer));
  for (const e of validate.errors ?? []) {
    const pending = toPending(e);
    if (!pending || missing.has(pending.pointer) || isPointerHiddenIn(state, pending.pointer)) continue;
    if (e.keyword !== 'additionalProperties' && e.keyword !== 'required' && isEmptyAnswer(state, e.instancePath)) continue;
    state.errors.push(pending);
  }
}

/** The same JSON value made of plain objects and arrays (an own "__proto__" key dropped, as copyRecord does). */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key !== '__proto__') out[key] = plainCopy((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Whether the pointer names a field (not a section, a group or an item of a list) holding '':
 * '' means "no answer" as null does, so only the required check speaks for it (as in the
 * generated validator).
 */
function isEmptyAnswer(state: EvalState, pointer: string): boolean {
  const tokens = pointer.split('/').slice(1).map(unescapePointerToken);
  let cur: unknown = state.data;
  let path = '';
  let field: FieldInfo | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (cur === null || typeof cur !== 'object') return false;
    const name = tokens[i]!;
    path = field ? (field.kind === 'group' ? `${path}[].${name}` : `${path}.${name}`) : name;
    field = state.service.fields.get(path);
    if (!field) return false;
    cur = (cur as Record<string, unknown>)[name];
    if (field.kind === 'group' && i + 1 < tokens.length) {
      if (!Array.isArray(cur)) return false;
      cur = cur[Number(tokens[++i])];
    }
  }
  return cur === '' && field !== undefined && (field.kind === 'scalar' || field.kind === 'list');
}

/** Cross-field error rules: the designer's message at the field, when the field is visible. */
export function applyErrorRules(state: EvalState): void {
  for (const rule of state.service.errorRules) {
    const field = rule.field!;
    if (!rule.group) {
      const pointer = field.pointer;
      if (!isFieldHidden(state, field) && run(rule.fn, state.data)) state.errors.push({ pointer, key: rule.message!, rule: rule.id });
      continue;
    }
    const rows = rowsOf(state, rule.group);
    for (let i = 0; i < rows.length; i++) {
      if (!isFieldHidden(state, field, i) && run(rule.fn, atRow(state, rows, i))) state.errors.push({ pointer: pointerAt(field, i), key: rule.message!, rule: rule.id });
    }
  }
}

/** The rows a repeating group allows: its `maxItems` (compile keeps it within LIMITS.rows), else LIMITS.defaultRows. */
export function rowLimitOf(group: FieldInfo): number {
  const max = group.schema.maxItems;
  return typeof max === 'number' && max >= 0 ? Math.min(max, LIMITS.rows) : LIMITS.defaultRows;
}

/**
 * Groups holding more rows than they allow, checked before anything is evaluated: such answers
 * are refused as they are (an error at each group: error.maxItems, or error.tooManyRows for a
 * group without maxItems), at the cost of reading a length, instead of running every rule on
 * every row of a hostile or broken submission.
 */
export function rowsOverLimit(service: CompiledService, answers: Record<string, unknown>): PendingError[] {
  const out: PendingError[] = [];
  for (const group of service.groups) {
    let cur: unknown = answers;
    for (const seg of group.segments) cur = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>)[seg.name] : undefined;
    const limit = rowLimitOf(group);
    // The designer's own bound keeps its own message (error.maxItems, as schema validation words it).
    const key = typeof group.schema.maxItems === 'number' ? 'error.maxItems' : 'error.tooManyRows';
    if (Array.isArray(cur) && cur.length > limit) out.push({ pointer: group.pointer, key, params: { limit } });
  }
  return out;
}
