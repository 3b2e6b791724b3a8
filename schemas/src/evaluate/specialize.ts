import type { CompiledRule, CompiledService, CompiledVisibility } from '../compile/compiled-service.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { Segment } from '../paths.js';
import { applyComputes, writeAt, writePlanOf, type WritePlan } from './compute.js';
import { markHidden, rowsOf, run, type EvalState } from './state.js';
import { applyVisibility } from './visibility.js';
import { applyRequired } from './required.js';
import { applyErrorRules } from './validate.js';
import { validationPath, validatorSource } from './fused-validator.js';
import { sourceOf } from '../logic/fast.js';
import type { LogicPaths } from '../logic/engine.js';

/**
 * The rule-running steps of evaluate, generated once per compiled service as plain JavaScript
 * (as Ajv does for schemas and fast.ts for each rule): one statement per rule, in the order of
 * the generic steps, so each rule is called from its own (monomorphic) call site, with its own
 * try/catch, its field's pointer, hidden-flag indexes and container path written in as
 * constants. Same results as the generic steps they replace (applyComputes + applyVisibility,
 * applyRequired, applyErrorRules); test/specialize.test.ts runs both on the templates.
 */
export interface Specialized {
  /** applyComputes then applyVisibility. */
  pass: (state: EvalState) => void;
  /** applyRequired. */
  required: (state: EvalState) => void;
  /** applyErrorRules. */
  errors: (state: EvalState) => void;
  /** The ranking's score (undefined when its rule throws) and the reasons of the exclusions that hold, in order. */
  ranking: (state: EvalState) => { value: unknown; reasons: string[] };
}

const cache = new WeakMap<CompiledService, Specialized>();

/** The service's specialized steps, generated on first use. */
export function specialized(service: CompiledService): Specialized {
  let s = cache.get(service);
  if (!s) cache.set(service, (s = service.generic ? GENERIC : specialize(service)));
  return s;
}

/** The generic steps the generated code replaces (and is tested against): a service compiled with `{ generic: true }` runs them. */
const GENERIC: Specialized = {
  pass: (state) => { applyComputes(state); applyVisibility(state); },
  required: (state) => applyRequired(state),
  errors: (state) => applyErrorRules(state),
  ranking: (state) => {
    const r = state.service.ranking;
    if (!r) return { value: undefined, reasons: [] };
    return { value: run(r.score, state.data), reasons: r.exclusions.filter((e) => run(e.fn, state.data)).map((e) => e.reason) };
  },
};

/** Which path each part of evaluate takes for this service, and why (sportello check --paths prints it). */
export interface ExecutionPaths {
  /** Computes, visibility, required and error rules, and the ranking's rules. */
  rules: { path: 'generated' | 'generic'; reason?: string };
  /** Required checks and schema validation. */
  validation: { path: 'generated' | 'ajv'; reason?: string; keyword?: string };
  /** The JSON Logic expressions: by the direct compiler, or json-logic-engine (each fall-back with its pointer and reason). */
  logic: { path: 'generated' | 'generic' | 'mixed'; generated: number; engine: LogicPaths['engine']; reason?: string };
}

export function executionPaths(service: CompiledService): ExecutionPaths {
  const generic = 'the service was compiled with { generic: true }';
  const v = validationPath(service);
  const { generated, engine } = service.logicPaths;
  return {
    rules: service.generic ? { path: 'generic', reason: generic } : { path: 'generated' },
    validation: v.path === 'ajv' ? v : { path: 'generated' },
    logic: service.generic ? { path: 'generic', generated: 0, engine: [], reason: generic } : { path: engine.length === 0 ? 'generated' : 'mixed', generated, engine },
  };
}

/** Helpers the generated code calls. */
const H = { writeAt, markHidden, rowsOf, hasOwn: Object.prototype.hasOwnProperty };

class Source {
  readonly constants: unknown[] = [];
  private readonly names = new Map<unknown, string>();
  /** A constant's local name (declared once, outside the generated functions). */
  k(value: unknown): string {
    let name = this.names.get(value);
    if (name === undefined) {
      name = `k${this.constants.length}`;
      this.constants.push(value);
      this.names.set(value, name);
    }
    return name;
  }
  private readonly rowCaches = new Map<FieldInfo, string>();
  /** A field's pointer in row `row` (pointerAt), from a per-field cache filled as rows appear. */
  rowPointer(field: FieldInfo, row: string): string {
    let cache = this.rowCaches.get(field);
    if (cache === undefined) this.rowCaches.set(field, (cache = `rp${this.rowCaches.size}`));
    const f = this.k(field);
    return `(${cache}[${row}] ?? (${cache}[${row}] = ${f}.pointer + "/" + ${row} + ${f}.rowSuffix))`;
  }
  /** Declarations of the constants and row-pointer caches, outside the generated functions. */
  prelude(): string {
    const caches = [...this.rowCaches.values()].map((name) => `const ${name} = [];`);
    return [...this.constants.map((_, i) => `const k${i} = K[${i}];`), ...caches].join('\n');
  }
}

/** `v = rule(d)`, undefined when the rule throws (as state.ts run()); `k` names a constant. */
function callExpr(k: (value: unknown) => string, rule: CompiledRule, target = 'v'): string {
  return `try { ${target} = ${k(rule.fn)}(d); } catch (e) { ${target} = undefined; }`;
}

function call(src: Source, rule: CompiledRule, target = 'v'): string {
  return callExpr((value) => src.k(value), rule, target);
}

/**
 * Sets `q` to whether the field is required: listed in `required`, or one of its require rules
 * holds on `d` (each result in `temp`). Shared with fused-validator.ts.
 */
export function requiredTest(service: CompiledService, field: FieldInfo, k: (value: unknown) => string, temp = 'v'): string {
  if (field.requiredStatic) return 'q = true;';
  const rules = service.requireRules.get(field.path) ?? [];
  return ['q = false;', ...rules.map((rule) => `if (!q) { ${callExpr(k, rule, temp)} if (${temp}) q = true; }`)].join(' ');
}

/** Whether the value in `v` counts as not answered (paths.ts isMissing). Shared with fused-validator.ts. */
export function missingExpr(v: string): string {
  return `(${v} === undefined || ${v} === null || ${v} === '' || (Array.isArray(${v}) && ${v}.length === 0))`;
}

/** Enters row `i` (value in `r`) as atRow does: $row and $index for the rules. Shared with fused-validator.ts. */
export const ENTER_ROW = `d.$row = r !== null && typeof r === 'object' ? r : {}; d.$index = i;`;

/** Sets `h` to whether the visibility rules hide (hiddenBy in visibility.ts). */
function hiddenBy(src: Source, vis: CompiledVisibility): string {
  const out: string[] = ['h = false;'];
  for (const rule of vis.hide) out.push(`if (!h) { ${call(src, rule)} if (v) h = true; }`);
  if (vis.show.length > 0) {
    out.push('if (!h) { h = true;');
    for (const rule of vis.show) out.push(`if (h) { ${call(src, rule)} if (v) h = false; }`);
    out.push('}');
  }
  return out.join('\n');
}

/**
 * The expression isFieldHidden(state, field, row) with the field's ancestry unrolled (`st` the
 * state, `x` a free local). Shared with fused-validator.ts.
 */
export function isHiddenExpr(field: FieldInfo, row: string, names = { any: 'st.hiddenEntries.length !== 0', own: 'st.hiddenOwn', rows: 'st.hiddenRows' }): string {
  const parts: string[] = [];
  for (let f: FieldInfo | undefined = field; f !== undefined; f = f.up) {
    if (f.group !== undefined) {
      if (row === '-1') continue; // rows < 0 never match a row flag
      parts.push(`((x = ${names.rows}[${f.index}]) !== undefined && x[${row}] === 1)`);
    } else parts.push(`${names.own}[${f.index}] === 1`);
  }
  if (parts.length === 0) return 'false';
  return `(${names.any} && (${parts.join(' || ')}))`;
}

/**
 * `v` = the value at `segs` read from the local `start`: paths.ts readAt unrolled (plain objects
 * only; a group's segment followed by row `row`). Shared with fused-validator.ts.
 */
export function readExpr(segs: readonly Segment[], row: string, start = 'd'): string {
  const out: string[] = [`v = ${start};`];
  const plain = `v !== null && typeof v === 'object' && !Array.isArray(v)`;
  let depth = 0;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    out.push(`${depth > 0 ? 'if (v !== undefined) ' : ''}v = ${plain} ? v[${JSON.stringify(seg.name)}] : undefined;`);
    depth++;
    if (seg.group && !last) {
      out.push(row === '-1' ? 'v = undefined;' : `if (v !== undefined) v = Array.isArray(v) ? v[${row}] : undefined;`);
    }
  });
  return out.join(' ');
}

/** Loops over the rows of a group, with $row and $index set as atRow does. */
function forRows(src: Source, group: FieldInfo, body: string): string {
  return `rows = H.rowsOf(st, ${src.k(group)});
for (let i = 0; i < rows.length; i++) {
  r = rows[i]; ${ENTER_ROW}
  ${body}
}`;
}

/**
 * For a computed field outside groups: `if (<not already there>)`, compute.ts unchanged() unrolled
 * (the common case, a submission that carries its computed values, then skips writeAt's call).
 */
function sameAlready(plan: WritePlan): string {
  if (plan.kinds.some((k) => k !== 'object')) return '';
  const walk = plan.names.map((n) => `if (x !== undefined) { x = x[${JSON.stringify(n)}]; if (x === null || typeof x !== 'object' || Array.isArray(x)) x = undefined; }`).join(' ');
  const last = JSON.stringify(plan.last);
  return `x = d; ${walk}\nif (x === undefined || !(v === undefined ? !H.hasOwn.call(x, ${last}) : H.hasOwn.call(x, ${last}) && Object.is(x[${last}], v)))`;
}

function computes(src: Source, service: CompiledService): string[] {
  const out: string[] = [];
  const normalize = `if (typeof v === 'number' && !Number.isFinite(v)) v = undefined;`;
  for (const rule of service.computes) {
    const field = rule.field!;
    if (rule.group) {
      out.push(forRows(src, rule.group, `${call(src, rule)} ${normalize}
  H.writeAt(st, ${src.k(writePlanOf(service, field))}, i, v);
  if (v !== undefined) st.computed[${src.rowPointer(field, 'i')}] = v;`));
    } else {
      const plan = writePlanOf(service, field);
      out.push(`${call(src, rule)} ${normalize}
${sameAlready(plan)} H.writeAt(st, ${src.k(plan)}, undefined, v);
if (v !== undefined) st.computed[${JSON.stringify(field.pointer)}] = v;`);
    }
  }
  return out;
}

function visibility(src: Source, service: CompiledService): string[] {
  const out: string[] = [];
  for (const step of service.steps) {
    if (step.show.length + step.hide.length === 0) continue;
    out.push(`${hiddenBy(src, step)}
if (h) {
  st.hiddenSteps.add(${step.index});
  for (let j = 0; j < ${src.k(step.pointers)}.length; j++) H.markHidden(st, ${src.k(step.fields)}[j], -1, ${src.k(step.pointers)}[j]);
}`);
  }
  for (const [path, vis] of service.fieldVisibility) {
    const field = service.fields.get(path)!;
    const f = src.k(field);
    if (!field.group) {
      out.push(`${hiddenBy(src, vis)}\nif (h) H.markHidden(st, ${f}, -1, ${src.k(field.pointer)});`);
      continue;
    }
    out.push(forRows(src, service.fields.get(field.group)!, `${hiddenBy(src, vis)}
  if (h) H.markHidden(st, ${f}, i, ${src.rowPointer(field, 'i')});`));
  }
  return out;
}

function required(src: Source, service: CompiledService): string[] {
  const out: string[] = [];
  const k = (value: unknown) => src.k(value);
  for (const field of service.requiredCandidates) {
    if (!field.group) {
      const p = src.k(field.pointer);
      out.push(`if (!${isHiddenExpr(field, '-1')}) {
  ${requiredTest(service, field, k)}
  if (q) { st.required.push(${p}); ${readExpr(field.segments, '-1')} if (${missingExpr('v')}) st.errors.push({ pointer: ${p}, key: 'error.required' }); }
}`);
      continue;
    }
    out.push(forRows(src, service.fields.get(field.group)!, `if (!${isHiddenExpr(field, 'i')}) {
    ${requiredTest(service, field, k)}
    if (q) { p = ${src.rowPointer(field, 'i')}; st.required.push(p); ${readExpr(field.segments, 'i')} if (${missingExpr('v')}) st.errors.push({ pointer: p, key: 'error.required' }); }
  }`));
  }
  return out;
}

function errors(src: Source, service: CompiledService): string[] {
  const out: string[] = [];
  for (const rule of service.errorRules) {
    const field = rule.field!;
    const message = src.k(rule.message!);
    const id = src.k(rule.id);
    if (!rule.group) {
      out.push(`if (!${isHiddenExpr(field, '-1')}) { ${call(src, rule)} if (v) st.errors.push({ pointer: ${src.k(field.pointer)}, key: ${message}, rule: ${id} }); }`);
      continue;
    }
    out.push(forRows(src, rule.group, `if (!${isHiddenExpr(field, 'i')}) { ${call(src, rule)} if (v) st.errors.push({ pointer: ${src.rowPointer(field, 'i')}, key: ${message}, rule: ${id} }); }`));
  }
  return out;
}

/** The ranking's rules, each from its own call site (outcome.ts rankingOf reads the result). */
function ranking(src: Source, service: CompiledService): string {
  const r = service.ranking;
  if (!r) return 'return { value: undefined, reasons: [] };';
  const out = ['const d = st.data; let v, x; const reasons = [];', `try { v = ${src.k(r.score)}(d); } catch (e) { v = undefined; }`];
  for (const e of r.exclusions) out.push(`try { x = ${src.k(e.fn)}(d); } catch (e) { x = undefined; } if (x) reasons.push(${src.k(e.reason)});`);
  out.push('return { value: v, reasons };');
  return out.join('\n');
}

const LOCALS = 'const d = st.data; let v, h, q, x, r, p, rows;';

/**
 * Statements per generated function. Each statement stands alone (its locals are its own), so a
 * step is a sequence of calls to functions of a few statements each: small functions that
 * TurboFan optimizes in milliseconds, where one function per step took it up to 0.7 s on the
 * rent template, run meanwhile unoptimized.
 */
const CHUNK = 8;

function chunked(name: string, statements: string[], functions: string[]): string {
  const calls: string[] = [];
  for (let i = 0; i < statements.length; i += CHUNK) {
    const fn = `${name}${i / CHUNK}`;
    functions.push(`function ${fn}(st) { ${LOCALS}\n${statements.slice(i, i + CHUNK).join('\n')}\n}`);
    calls.push(`${fn}(st);`);
  }
  return calls.join(' ');
}

export function specialize(service: CompiledService): Specialized {
  const src = new Source();
  const functions: string[] = [];
  const pass = chunked('pass', [...computes(src, service), ...visibility(src, service)], functions);
  const req = chunked('required', required(src, service), functions);
  const err = chunked('errors', errors(src, service), functions);
  const rank = ranking(src, service);
  const body = `${src.prelude()}
${functions.join('\n')}
return {
  pass(st) { ${pass} },
  required(st) { ${req} },
  errors(st) { ${err} },
  ranking(st) { ${rank} },
};`;
  const factory = new Function('H', 'K', body) as (h: typeof H, k: unknown[]) => Specialized;
  ruleSources.set(service, body);
  return factory(H, src.constants);
}

const ruleSources = new WeakMap<CompiledService, string>();

/**
 * The JavaScript generated for a service, as a reader sees it (schemas/README.md's walk-through
 * shows it, and a test keeps the README equal to it): the rule steps (constants K[i] are the
 * compiled expressions, listed in `expressions` by rule), the validator (none when Ajv validates),
 * and each expression's own code (json-logic-engine's are marked as such).
 */
export function generatedCode(service: CompiledService): { rules: string; validation?: string; expressions: Array<{ rule: string; code: string }> } {
  if (!ruleSources.has(service)) specialize(service);
  const rules = ruleSources.get(service)!;
  const validation = validatorSource(service);
  const expressions: Array<{ rule: string; code: string }> = [];
  const seen = new Set<unknown>();
  const add = (rule: string, fn: unknown) => {
    if (seen.has(fn)) return;
    seen.add(fn);
    expressions.push({ rule, code: sourceOf(fn) ?? '(json-logic-engine)' });
  };
  for (const r of service.computes) add(r.id, r.fn);
  for (const s of service.steps) for (const r of [...s.show, ...s.hide]) add(r.id, r.fn);
  for (const v of service.fieldVisibility.values()) for (const r of [...v.show, ...v.hide]) add(r.id, r.fn);
  for (const list of service.requireRules.values()) for (const r of list) add(r.id, r.fn);
  for (const r of service.errorRules) add(r.id, r.fn);
  if (service.fee) add('fees.amount', service.fee.amount);
  if (service.ranking) add('ranking.score', service.ranking.score);
  return { rules, ...(validation ? { validation } : {}), expressions };
}
