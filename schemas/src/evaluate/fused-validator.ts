import type { CompiledService } from '../compile/compiled-service.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { JsonSchema } from '../types.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { ajv } from '../compile/ajv-instance.js';
import { italianFormats } from '../formats/index.js';
import { ENTER_ROW, isHiddenExpr, missingExpr, readExpr, requiredTest } from './specialize.js';
import { LIMITS } from '../limits.js';
import { isPointerHiddenIn, rowsOf, type EvalState, type PendingError } from './state.js';

/**
 * Schema validation generated per service as plain JavaScript, for the data schemas designers
 * write (objects, repeating groups, lists and leaves with type, enum, const, format, pattern,
 * lengths, ranges, multipleOf, items counts, uniqueItems, additionalProperties false).
 *
 * Why not Ajv alone: the same checks Ajv makes on the relaxed schema (relaxed-schema.ts) with the
 * same results, but (1) errors come out as the engine's own errors (no Ajv error objects, schema
 * paths and messages built only to be converted, no pointer parsing to find the field), (2) the
 * fields a rule hides are skipped, not validated and then filtered, and (3) the code is cut in
 * small functions per part of the form, which V8 optimizes in milliseconds, where Ajv's single
 * function for a 139-field form takes hundreds of milliseconds of compiling and stays slower.
 * A schema using anything else (anyOf, $ref, if/then, patternProperties, ...) keeps Ajv:
 * `fusedValidator` returns undefined. test/fused-validator.test.ts compares both on the
 * templates' submissions and on random answers, error for error.
 */
export type FusedValidator = (state: EvalState) => void;

const cache = new WeakMap<CompiledService, FusedValidator | string>();
/** The keyword that kept a service's schema on Ajv, when that was the reason (said in the designer's language by `sportello check`). */
const keywords = new WeakMap<CompiledService, string>();

/** The service's generated validator, or a string: why its schema keeps Ajv. */
function fusedOrReason(service: CompiledService): FusedValidator | string {
  let v = cache.get(service);
  if (v === undefined && service.generic) cache.set(service, (v = 'the service was compiled with { generic: true }'));
  if (v === undefined) {
    try {
      v = generate(service);
    } catch (e) {
      v = `the generator failed: ${e instanceof Error ? e.message : String(e)}`; // anything it did not foresee keeps Ajv
    }
    cache.set(service, v);
  }
  return v;
}

const sources = new WeakMap<CompiledService, string>();

/** The generated validator's JavaScript (undefined when Ajv validates): see generatedCode. */
export function validatorSource(service: CompiledService): string | undefined {
  fusedOrReason(service);
  return sources.get(service);
}

export function fusedValidator(service: CompiledService): FusedValidator | undefined {
  const v = fusedOrReason(service);
  return typeof v === 'string' ? undefined : v;
}

/**
 * Which code validates the service's answers, and why: the generated validator, or Ajv on the
 * relaxed schema when the schema uses something the generator does not cover (same results,
 * slower). `sportello check` shows it, so a designer's report can say which path ran.
 */
export function validationPath(service: CompiledService): { path: 'generated' } | { path: 'ajv'; reason: string; keyword?: string } {
  const v = fusedOrReason(service);
  if (typeof v !== 'string') return { path: 'generated' };
  const keyword = keywords.get(service);
  return keyword === undefined ? { path: 'ajv', reason: v } : { path: 'ajv', reason: v, keyword };
}

// Ajv's own runtime helpers, so lengths, enum, const and uniqueItems are decided as Ajv decides
// them: ucs2length (a surrogate pair is one character) and deep equality (fast-deep-equal).
// CommonJS: Node gives the module object, some bundlers the function.
const runtime = <T>(module: unknown): T => ((module as { default?: unknown }).default ?? module) as T;
const ucs2length = runtime<(s: string) => number>(ucs2lengthModule);
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Ajv's deep equality (fast-deep-equal) on JSON values, without its one trap: it calls an
 * object's own `valueOf`/`toString`, so an answer like {"toString": "x"} compared with an enum of
 * objects threw. Same results on every JSON value otherwise (the differential tests say so).
 */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // As fast-deep-equal's constructor test, except that an object without a prototype (a GraphQL
  // JSON literal's) is the plain object it stands for: the same JSON value.
  if (protoOf(a) !== protoOf(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!hasOwn.call(b, k) || !equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function protoOf(o: object): unknown {
  const p: unknown = Object.getPrototypeOf(o);
  return p === null ? Object.prototype : p;
}

/** uniqueItems over any values (Ajv's generic form). */
function hasDuplicate(list: unknown[]): boolean {
  for (let i = list.length; i-- > 0;) for (let j = i; j-- > 0;) if (equal(list[i], list[j])) return true;
  return false;
}

/** uniqueItems when the items' types are scalars (Ajv's typed form: other values are skipped). */
function hasDuplicateScalar(list: unknown[], wrong: (v: unknown) => boolean): boolean {
  const seen = new Set<unknown>();
  for (let i = list.length; i-- > 0;) {
    const item = list[i];
    if (wrong(item)) continue;
    if (seen.has(item)) return true;
    seen.add(item);
  }
  return false;
}

/**
 * The results of the costly format checks made during the current validation (cleared at its
 * start): the same value is checked once per evaluation. Bounded; nothing is kept across calls.
 */
const seen = { fns: [] as unknown[], values: [] as string[], results: [] as boolean[], n: 0 };

function once(check: (value: string) => boolean, value: string): boolean {
  for (let i = 0; i < seen.n; i++) if (seen.values[i] === value && seen.fns[i] === check) return seen.results[i]!;
  const result = check(value);
  if (seen.n < 16) {
    seen.fns[seen.n] = check;
    seen.values[seen.n] = value;
    seen.results[seen.n++] = result;
  }
  return result;
}

function forget(): void {
  for (let i = 0; i < seen.n; i++) seen.values[i] = '';
  seen.n = 0;
}

const H = { ucs2length, equal, hasDuplicate, hasDuplicateScalar, rowsOf, once };

class Unsupported extends Error {}

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$comment', 'deprecated', 'readOnly', 'writeOnly']);
const LEAF_KEYS = new Set([
  'type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'items', 'minItems', 'maxItems', 'uniqueItems', 'dateBounds', ...ANNOTATIONS,
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);

/** Ajv's type test (strictNumbers off, as the engine's instance). */
function typeTest(type: string, v: string): string {
  switch (type) {
    case 'string': return `typeof ${v} === "string"`;
    case 'number': return `typeof ${v} == "number"`;
    case 'integer': return `(typeof ${v} == "number" && !(${v} % 1) && !isNaN(${v}))`;
    case 'boolean': return `typeof ${v} === "boolean"`;
    case 'null': return `${v} === null`;
    case 'array': return `Array.isArray(${v})`;
    case 'object': return `(${v} && typeof ${v} == "object" && !Array.isArray(${v}))`;
  }
  throw new Unsupported(type);
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  const list = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const t of list) if (typeof t !== 'string' || !TYPES.has(t)) throw new Unsupported('type');
  return list as string[];
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isCount(x: unknown): x is number {
  return Number.isInteger(x) && (x as number) >= 0;
}

class Gen {
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private tmp = 0;
  readonly candidates: Set<FieldInfo>;
  constructor(readonly service: CompiledService) {
    this.candidates = new Set(service.requiredCandidates);
  }

  k(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  local(prefix: string): string {
    return `${prefix}${this.tmp++}`;
  }

  /** `E.push(...)` of an error at the pointer expression. */
  err(pointer: string, key: string, params: string): string {
    return `E.push({ pointer: ${pointer}, key: ${JSON.stringify(key)}, params: ${params} });`;
  }

  /** A new top-level function of the generated code; returns its name. */
  fn(params: string, body: string): string {
    const name = `f${this.functions.length}`;
    this.functions.push(`function ${name}(${params}) {\n${body}\n}`);
    return name;
  }
}

/**
 * The checks of one leaf, in Ajv's order: type, const, enum, then the number, string and array
 * keywords, each group only for values of its type. `relaxed`: the leaf as relaxed-schema.ts
 * makes it nullable (null, "unanswered", is valid; the type error names the designer's types);
 * otherwise the schema as written (list items).
 */
function leaf(g: Gen, schema: JsonSchema, v: string, ptr: string, relaxed: boolean): string {
  for (const key of Object.keys(schema)) if (!LEAF_KEYS.has(key)) throw new Unsupported(key);
  if (relaxed && schema.const !== undefined && schema.enum !== undefined) throw new Unsupported('const+enum');
  const types = typesOf(schema);
  if (relaxed && types.includes('null')) throw new Unsupported('null type');
  const out: string[] = [];
  // Ajv tests the type first when it cannot fold the test into a keyword group: always for the
  // relaxed leaves (their type lists "null" too); for a single type with keywords of its group,
  // the type error comes in that group's place (see below).
  const groupOf: Record<string, string> = { number: 'number', string: 'string', array: 'array' };
  const numberKeys = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'];
  const stringKeys = ['maxLength', 'minLength', 'pattern', 'format'];
  const arrayKeys = ['maxItems', 'minItems', 'items', 'uniqueItems'];
  const has = (keys: string[]) => keys.some((k) => schema[k] !== undefined);
  const format = schema.format !== undefined ? formatOf(g, schema.format) : undefined;
  if (format?.type === 'number') throw new Unsupported('number format');
  const typeParam = relaxed ? (types.length === 1 ? JSON.stringify(types[0]) : g.k(types)) : Array.isArray(schema.type) && schema.type[schema.type.length - 1] === 'null' ? (schema.type.length === 2 ? JSON.stringify(schema.type[0]) : g.k(schema.type.slice(0, -1))) : g.k(schema.type);
  const typeError = g.err(ptr, 'error.type', `{ type: ${typeParam} }`);
  const single = !relaxed && types.length === 1 ? groupOf[types[0]!] : undefined;
  const folded = single !== undefined && has(single === 'number' ? numberKeys : single === 'string' ? stringKeys : arrayKeys);
  if (types.length > 0 && !folded) out.push(`if (!(${types.map((t) => typeTest(t, v)).join(' || ')})) ${typeError}`);
  if (schema.const !== undefined) {
    const c = schema.const;
    const test = c !== null && typeof c === 'object' ? `H.equal(${v}, ${g.k(c)})` : `${v} === ${g.k(c)}`;
    out.push(`if (!(${test})) ${g.err(ptr, 'error.const', '{}')}`);
  }
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum)) throw new Unsupported('enum');
    const tests = schema.enum.map((e) => (e !== null && typeof e === 'object' ? `H.equal(${v}, ${g.k(e)})` : `${v} === ${g.k(e)}`));
    out.push(`if (!(${tests.length ? tests.join(' || ') : 'false'})) ${g.err(ptr, 'error.enum', '{}')}`);
  }
  const group = (name: string, test: string, body: string[]) => {
    if (body.length === 0) return;
    out.push(`if (${test}) {\n${body.join('\n')}\n}${folded && single === name ? ` else ${typeError}` : ''}`);
  };
  const num: string[] = [];
  const limit = (key: string, cmp: string) => {
    const m = schema[key];
    if (m === undefined) return;
    if (!isNumber(m)) throw new Unsupported(key);
    num.push(`if (${v} ${cmp} ${m} || isNaN(${v})) ${g.err(ptr, `error.${key}`, `{ limit: ${m} }`)}`);
  };
  limit('maximum', '>');
  limit('minimum', '<');
  limit('exclusiveMaximum', '>=');
  limit('exclusiveMinimum', '<=');
  if (schema.multipleOf !== undefined) {
    const m = schema.multipleOf;
    if (!isNumber(m)) throw new Unsupported('multipleOf');
    const r = g.local('r');
    num.push(`{ let ${r}; if (${m} === 0 || (${r} = ${v} / ${m}, ${r} !== parseInt(${r}))) ${g.err(ptr, 'error.multipleOf', `{ multipleOf: ${m} }`)} }`);
  }
  group('number', `typeof ${v} == "number"`, num);
  const str: string[] = [];
  if (schema.maxLength !== undefined) {
    const m = schema.maxLength;
    if (!isCount(m)) throw new Unsupported('maxLength');
    // A string of at most m UTF-16 units has at most m characters: no need to count them.
    str.push(`if (${v}.length > ${m} && H.ucs2length(${v}) > ${m}) ${g.err(ptr, 'error.maxLength', `{ limit: ${m} }`)}`);
  }
  if (schema.minLength !== undefined) {
    const m = schema.minLength;
    if (!isCount(m)) throw new Unsupported('minLength');
    // Fewer units than m is fewer characters; at least 2m units is at least m characters.
    str.push(`if (${v}.length < ${m} || (${v}.length < ${2 * m} && H.ucs2length(${v}) < ${m})) ${g.err(ptr, 'error.minLength', `{ limit: ${m} }`)}`);
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== 'string') throw new Unsupported('pattern');
    str.push(`if (!${g.k(g.service.patterns(schema.pattern))}.test(${v})) ${g.err(ptr, 'error.pattern', '{}')}`);
  }
  if (format && format.test) {
    str.push(`if (!${format.test(v)}) ${g.err(ptr, `error.format.${schema.format as string}`, `{ format: ${JSON.stringify(schema.format)} }`)}`);
  }
  group('string', `typeof ${v} === "string"`, str);
  const arr = itemCounts(g, schema, v, ptr);
  if (schema.items !== undefined) {
    const items = schema.items;
    if (items === null || typeof items !== 'object' || Array.isArray(items)) throw new Unsupported('items');
    const i = g.local('i');
    const x = g.local('x');
    arr.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { const ${x} = ${v}[${i}];\n${leaf(g, items as JsonSchema, x, `${ptr} + "/" + ${i}`, false)}\n}`);
  }
  if (schema.uniqueItems === true) {
    const itemTypes = schema.items && typeof schema.items === 'object' ? typesOf(schema.items as JsonSchema) : [];
    if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
      const wrong = g.k(new Function('x', `return !(${itemTypes.map((t) => typeTest(t, 'x')).join(' || ')});`));
      arr.push(`if (${v}.length > 1 && H.hasDuplicateScalar(${v}, ${wrong})) ${g.err(ptr, 'error.uniqueItems', '{}')}`);
    } else arr.push(`if (${v}.length > 1 && H.hasDuplicate(${v})) ${g.err(ptr, 'error.uniqueItems', '{}')}`);
  } else if (schema.uniqueItems !== undefined && schema.uniqueItems !== false) throw new Unsupported('uniqueItems');
  group('array', `Array.isArray(${v})`, arr);
  const body = out.join('\n');
  // A field holding null or '' is unanswered: the required check alone speaks for it.
  return relaxed ? `if (${v} !== null && ${v} !== "") {\n${body}\n}` : body;
}

/** maxItems, then minItems, of the array in `v` (a list or a repeating group). */
function itemCounts(g: Gen, schema: JsonSchema, v: string, ptr: string): string[] {
  const out: string[] = [];
  for (const [key, cmp] of [['maxItems', '>'], ['minItems', '<']] as const) {
    const m = schema[key];
    if (m === undefined) continue;
    if (!isCount(m)) throw new Unsupported(key);
    out.push(`if (${v}.length ${cmp} ${m}) ${g.err(ptr, `error.${key}`, `{ limit: ${m} }`)}`);
  }
  return out;
}

/** How the shared Ajv instance checks a format, as an expression on `v` (undefined test: always valid). */
function formatOf(g: Gen, name: unknown): { type: string; test?: (v: string) => string } {
  if (typeof name !== 'string') throw new Unsupported('format');
  const def = (ajv().formats as Record<string, unknown>)[name];
  if (def === undefined) throw new Unsupported(`format ${name}`);
  if (def === true) return { type: 'string' };
  if (def instanceof RegExp) { const r = g.k(def); return { type: 'string', test: (v) => `${r}.test(${v})` }; }
  if (typeof def === 'function') { const f = g.k(def); return { type: 'string', test: (v) => `${f}(${v})` }; }
  if (def && typeof def === 'object') {
    const d = def as { type?: string; validate?: unknown; async?: boolean };
    if (d.async) throw new Unsupported('async format');
    const type = d.type ?? 'string';
    if (d.validate instanceof RegExp) { const r = g.k(d.validate); return { type, test: (v) => `${r}.test(${v})` }; }
    if (typeof d.validate === 'function') {
      const f = g.k(d.validate);
      // Check-digit formats (codice fiscale, IBAN, partita IVA) are the costly ones, and a form
      // often holds the same identifier twice (the applicant in the household, as the payee).
      const costly = (Object.values(italianFormats) as unknown[]).includes(d.validate);
      return { type, test: (v) => (costly ? `H.once(${f}, ${v})` : `${f}(${v})`) };
    }
  }
  throw new Unsupported(`format ${name}`);
}

const OBJECT_KEYS = new Set(['type', 'properties', 'required', 'additionalProperties', ...ANNOTATIONS]);

/**
 * The checks of an object node (the answers, a section, a row of a group) held in `o` (a plain
 * object when the expression `ok` holds; else its fields read as absent), pointer expression
 * `ptr`: additionalProperties, then each property (skipped while its field is hidden).
 * `extra`: names allowed beside the properties (the engine's own $today... at the root).
 */
function object(g: Gen, schema: JsonSchema, o: string, ok: string, ptr: string, prefix: string, row: string, extra: string[] = []): string[] {
  for (const key of Object.keys(schema)) if (!OBJECT_KEYS.has(key)) throw new Unsupported(key);
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  if (schema.additionalProperties === false) {
    const names = [...Object.keys(props), ...extra];
    const known = g.k(new Set(names));
    const loop = `for (const key in ${o}) if (!${known}.has(key)) ${g.err(`${ptr} + "/" + key`, 'error.additionalProperties', '{ additionalProperty: key }')}`;
    out.push(ok === 'true' ? loop : `if (${ok}) ${loop}`);
  } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) throw new Unsupported('additionalProperties');
  for (const [name, child] of Object.entries(props)) {
    if (child === null || typeof child !== 'object' || Array.isArray(child)) throw new Unsupported('boolean schema');
    const field = g.service.fields.get(prefix + name);
    if (!field) throw new Unsupported('unindexed field');
    out.push(property(g, field, child as JsonSchema, o, ok, ptr, row));
  }
  return out;
}

/** Sets `q` to whether the field is required (rule results in `u`, as `v` holds the row field's value). */
function holds(g: Gen, field: FieldInfo): string {
  return requiredTest(g.service, field, (value) => g.k(value), 'u');
}

/**
 * A required field outside groups, checked where its value is read for validation (as
 * applyRequired: when visible and required, its pointer is listed, and a missing value is the
 * error "required"). A missing value is not validated further: every error it could have is at
 * its own pointer, where the Ajv path drops them for the same reason.
 */
function requiredHere(g: Gen, field: FieldInfo, v: string, ptr: string): string {
  if (field.group !== undefined || !g.candidates.has(field)) return '';
  return `${holds(g, field)} if (q) { R[st.requiredCount++] = ${ptr}; if (${missingExpr(v)}) { RE.push({ pointer: ${ptr}, key: 'error.required' }); s = true; } }`;
}

/** `v` = the field's value in row `r` (the segments after its group's; groups do not nest). */
function readFromRow(field: FieldInfo): string {
  return readExpr(field.segments.slice(field.segments.findIndex((seg) => seg.group) + 1), '-1', 'r');
}

/**
 * The required checks of a group's row fields (value `v` of the group), field by field over the
 * rows as applyRequired: the same order of pointers and errors, and $row/$index set for each
 * row where a require rule reads them and, at the end, left on the last row as applyRequired
 * leaves them.
 */
function requiredRows(g: Gen, group: FieldInfo, list: string): string {
  const fields = g.service.requiredCandidates.filter((f) => f.group === group.path);
  if (fields.length === 0) return '';
  const out: string[] = [`rows = Array.isArray(${list}) ? (${list}.length > ${LIMITS.rows} ? ${list}.slice(0, ${LIMITS.rows}) : ${list}) : [];`];
  for (const field of fields) {
    const cache = g.k([]);
    const f = g.k(field);
    const setRow = field.requiredStatic ? '' : ENTER_ROW;
    out.push(`for (let i = 0; i < rows.length; i++) {
  r = rows[i]; ${setRow}
  if (!${isHiddenExpr(field, 'i', HIDDEN)}) {
    ${holds(g, field)}
    if (q) { w = (${cache}[i] ?? (${cache}[i] = ${f}.pointer + "/" + i + ${f}.rowSuffix)); R[st.requiredCount++] = w; ${readFromRow(field)} if (${missingExpr('v')}) RE.push({ pointer: w, key: 'error.required' }); }
  }
}`);
  }
  out.push(`if (rows.length > 0) { const i = rows.length - 1; r = rows[i]; ${ENTER_ROW} }`);
  return out.join('\n');
}

/** The hidden flags as the generated functions' locals (see LOCALS). */
const HIDDEN = { any: 'hid', own: 'ho', rows: 'hr' };

function property(g: Gen, field: FieldInfo, schema: JsonSchema, o: string, ok: string, parentPtr: string, row: string): string {
  const v = g.local('v');
  const name = field.segments[field.segments.length - 1]!.name;
  const ptr = row === '-1' ? JSON.stringify(field.pointer) : `${parentPtr} + ${JSON.stringify('/' + name)}`;
  const read = ok === 'true' ? `${o}[${JSON.stringify(name)}]` : `(${ok} ? ${o}[${JSON.stringify(name)}] : undefined)`;
  const hidden = isHiddenExpr(field, row, HIDDEN);
  if (field.kind === 'object') {
    // Descended into even when absent: the required fields inside still need their check.
    const okV = g.local('ok');
    const inner = object(g, schema, v, okV, ptr, field.path + '.', row);
    return `{ const ${v} = ${read};\nif (!${hidden}) {\nconst ${okV} = ${typeTest('object', v)};\nif (${v} !== undefined && !${okV}) ${g.err(ptr, 'error.type', '{ type: "object" }')}\n${inner.join('\n')}\n} }`;
  }
  const body = field.kind === 'group' ? group(g, field, schema, v, ptr) : leaf(g, schema, v, ptr, true);
  const required = requiredHere(g, field, v, ptr);
  const rows = field.kind === 'group' ? requiredRows(g, field, v) : '';
  return `{ const ${v} = ${read};\nif (!${hidden}) {\nlet s = false; ${required}\nif (${v} !== undefined && !s) {\n${body}\n}\n${rows}\n} }`;
}

const GROUP_KEYS = new Set(['type', 'items', 'minItems', 'maxItems', 'uniqueItems', ...ANNOTATIONS]);

/** A repeating group: its own checks, then each row's object in a function of its own. */
function group(g: Gen, field: FieldInfo, schema: JsonSchema, v: string, ptr: string): string {
  for (const key of Object.keys(schema)) if (!GROUP_KEYS.has(key)) throw new Unsupported(key);
  const items = schema.items as JsonSchema;
  const own = itemCounts(g, schema, v, ptr);
  const rowBody = object(g, items, 'o', 'true', 'p', field.path + '[].', 'i');
  const rowFn = g.fn('st, E, o, p, i', `${LOCALS}\nif (${typeTest('object', 'o')}) {\n${rowBody.join('\n')}\n} else ${g.err('p', 'error.type', '{ type: "object" }')}`);
  own.push(`for (let i = 0; i < ${v}.length; i++) ${rowFn}(st, E, ${v}[i], ${ptr} + "/" + i, i);`);
  if (schema.uniqueItems === true) own.push(`if (${v}.length > 1 && H.hasDuplicate(${v})) ${g.err(ptr, 'error.uniqueItems', '{}')}`);
  else if (schema.uniqueItems !== undefined && schema.uniqueItems !== false) throw new Unsupported('uniqueItems');
  return `if (Array.isArray(${v})) {\n${own.join('\n')}\n} else ${g.err(ptr, 'error.type', '{ type: "array" }')}`;
}

/** Every generated function's locals: scratch, and the state's hidden flags and lists (fixed while validating). */
const LOCALS = 'let x, v, q, w, r, u, rows; const hid = st.hiddenEntries.length !== 0, ho = st.hiddenOwn, hr = st.hiddenRows, R = st.required, RE = st.errors;';

/** The engine's own context values, allowed beside the answers (relaxed-schema.ts). */
const OWN = ['$today', '$office', '$submittedAt', '$row', '$index'];

/** Properties per generated function at the root: small functions, optimized quickly. */
const CHUNK = 6;

function generate(service: CompiledService): FusedValidator | string {
  const g = new Gen(service);
  let statements: string[];
  try {
    if (service.definition.data.type !== 'object') throw new Unsupported('root type');
    statements = object(g, service.definition.data, 'd', 'true', '""', '', '-1', OWN);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    keywords.set(service, e.message);
    return `the data schema uses "${e.message}", which the generated validator does not cover`;
  }
  const calls: string[] = [];
  for (let i = 0; i < statements.length; i += CHUNK) {
    calls.push(`${g.fn('st, E, d', `${LOCALS}\n${statements.slice(i, i + CHUNK).join('\n')}`)}(st, E, d);`);
  }
  const body = `${g.functions.join('\n')}\nreturn function validate(st, E) { const d = st.data; ${calls.join(' ')} };`;
  const check = new Function('H', 'K', body)(H, g.constants) as (st: EvalState, errors: PendingError[]) => void;
  sources.set(service, body);
  // The required pointers are written by index into a list sized for the usual case (pushing
  // ~130 pointers one by one regrew the list several times per evaluation); it grows past that.
  const usual = service.requiredCandidates.filter((f) => f.group === undefined).length + 4 * service.requiredCandidates.filter((f) => f.group !== undefined).length;
  return (state) => {
    const found: PendingError[] = [];
    state.requiredCount = state.required.length;
    if (state.requiredCount === 0) state.required = new Array(usual);
    try {
      check(state, found);
    } finally {
      forget(); // the memo of format results lives for one validation only
    }
    state.required.length = state.requiredCount;
    if (found.length === 0) return;
    // As the Ajv path: an empty required field already says "required" (minLength on '' would
    // repeat it), and nothing is reported under a hidden field.
    // Hidden fields were skipped, so only an additional property's name (any text, even with a
    // "/" that makes its pointer look like a field's) needs the pointer-based check.
    const missing = state.errors.length > 0 ? new Set(state.errors.map((e) => e.pointer)) : undefined;
    for (const e of found) {
      if (missing?.has(e.pointer)) continue;
      if (e.key === 'error.additionalProperties' && isPointerHiddenIn(state, e.pointer)) continue;
      state.errors.push(e);
    }
  };
}
