import { customDirectMethods, customEagerMethods, missingNames } from './operators.js';

/**
 * A direct JSON Logic -> JavaScript compiler for the shapes definitions use in practice (see
 * `compileFast`): literals, plain dotted `var`s, comparisons, and/or/if, arithmetic, `missing`,
 * `in`, the custom operators, and the filter/some/all/none/map/reduce that `sum` and `count`
 * expand to. It reproduces what the json-logic-engine build (with engine.ts's overrides) returns
 * for those shapes, errors included (thrown; run() turns them into undefined), without its call
 * and path-splitting overhead. Any other shape returns undefined and the caller keeps
 * json-logic-engine's function. test/fast-logic.test.ts checks the two agree.
 */

type Fn = (data: unknown) => unknown;

function pre(item: unknown): unknown {
  if (typeof item === 'number' && item !== item) throw NaN;
  if (!item) return item;
  if (typeof item === 'object') throw NaN;
  return item;
}

function truthy(v: unknown): boolean {
  if (!v) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') {
    if ((v as object).constructor.name === 'Object') return Object.keys(v as object).length > 0;
    return true;
  }
  return true;
}

function depth0<T>(item: T): T {
  if (!item || typeof item !== 'object') return item;
  const values = Array.isArray(item) ? item : Object.values(item);
  for (const v of values) if (v && typeof v === 'object') throw { type: 'Exceeded Allowed Depth' };
  return item;
}

const missing = missingNames;

/** A var climbing scopes ("../../x"), read as json-logic-engine's interpreted var does. */
function up(ctx: unknown, parts: string[], def: unknown): unknown {
  const notFound = def === undefined ? null : def;
  let cur = ctx as any;
  for (const p of parts) {
    if (cur === null || cur === undefined) return notFound;
    cur = cur[p];
    if (cur === undefined) return notFound;
  }
  return typeof cur === 'function' ? null : cur;
}

/** Whether the dotted path (split) reads as missing in ctx: absent, null or "" (missingNames' test). */
function isMissingAt(parts: string[], ctx: unknown): boolean {
  let cur = ctx;
  for (let j = 0; j < parts.length; j++) {
    if (cur === null || typeof cur !== 'object') return true;
    cur = (cur as Record<string, unknown>)[parts[j]!];
  }
  return cur === undefined || cur === null || cur === '';
}

/** missingNames for names known when compiling, each already split at its dots. */
function missingPaths(names: string[], paths: string[][], ctx: unknown): string[] {
  const out: string[] = [];
  for (let i = 0; i < paths.length; i++) if (isMissingAt(paths[i]!, ctx)) out.push(names[i]!);
  return out;
}

/** Whether missingPaths would list any name (its truthiness, without the list). */
function anyMissing(paths: string[][], ctx: unknown): boolean {
  for (let i = 0; i < paths.length; i++) if (isMissingAt(paths[i]!, ctx)) return true;
  return false;
}

/** max and min of two arguments, as helpers.max / helpers.min on [a, b]. */
function max2(a: unknown, b: unknown): number {
  if (typeof a !== 'number' || typeof b !== 'number') throw { type: 'Invalid Arguments' };
  return b > a ? b : a;
}

function min2(a: unknown, b: unknown): number {
  if (typeof a !== 'number' || typeof b !== 'number') throw { type: 'Invalid Arguments' };
  return b < a ? b : a;
}

/** The length of `filter(list, fn)` without building the filtered list (count's expansion). */
function countIf(list: unknown, fn: (item: unknown) => boolean): number {
  if (Array.isArray(list)) {
    let n = 0;
    for (let i = 0; i < list.length; i++) if (fn(list[i])) n++;
    return n;
  }
  return helpers.length(((list || []) as unknown[]).filter(fn));
}

const helpers = {
  pre, truthy, depth0, up, missingPaths, countIf, anyMissing, max2, min2, direct: customDirectMethods,
  arr: (v: unknown) => (Array.isArray(v) ? v : [v]),
  missing: (args: unknown[], ctx: unknown) => missing(Array.isArray(args[0]) ? args[0] : args, ctx),
  missingSome: (args: unknown[], ctx: unknown) => {
    const [need, names] = args as [number, unknown[]];
    const list = Array.isArray(names) ? names : [];
    const absent = missing(list, ctx);
    return list.length - absent.length >= need ? [] : absent;
  },
  max: (data: unknown[]) => {
    if (!data.length || typeof data[0] !== 'number') throw { type: 'Invalid Arguments' };
    let m = data[0];
    for (let i = 1; i < data.length; i++) {
      if (typeof data[i] !== 'number') throw { type: 'Invalid Arguments' };
      if ((data[i] as number) > m) m = data[i] as number;
    }
    return m;
  },
  min: (data: unknown[]) => {
    if (!data.length || typeof data[0] !== 'number') throw { type: 'Invalid Arguments' };
    let m = data[0];
    for (let i = 1; i < data.length; i++) {
      if (typeof data[i] !== 'number') throw { type: 'Invalid Arguments' };
      if ((data[i] as number) < m) m = data[i] as number;
    }
    return m;
  },
  substr: ([string, from, end]: any[]) => {
    if (end < 0) {
      const result = string.substr(from);
      return result.substr(0, result.length + end);
    }
    return string.substr(from, end);
  },
  length: (i: unknown) => {
    if (typeof i === 'string' || Array.isArray(i)) return i.length;
    if (i && typeof i === 'object') return Object.keys(i).length;
    throw { type: 'Invalid Arguments' };
  },
  custom: customEagerMethods,
};

class Unsupported extends Error {}
const no = (): never => { throw new Unsupported(); };

const isPrimitive = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const lit = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? no() : JSON.stringify(v));

const COMPARE: Record<string, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const ITERATORS = new Set(['map', 'filter', 'some', 'all', 'none', 'reduce']);

/**
 * Whether json-logic-engine folds the node at build time (its isDeterministic, for the operators
 * allowed here): then it runs the node once with its interpreted methods and inlines the value.
 */
function deterministic(node: unknown, insideIterator: boolean): boolean {
  if (Array.isArray(node)) return node.every((n) => deterministic(n, insideIterator));
  if (node === null || typeof node !== 'object') return true;
  const keys = Object.keys(node);
  if (keys.length !== 1) return false;
  const op = keys[0]!;
  const arg = (node as Record<string, unknown>)[op];
  if (op === 'var') return insideIterator && !String(Array.isArray(arg) ? arg[0] : arg).includes('../../') && deterministic(arg, insideIterator);
  if (op === 'missing' || op === 'missing_some' || op === 'today') return false;
  if (ITERATORS.has(op)) {
    if (!Array.isArray(arg)) return false;
    return deterministic(arg[0], insideIterator) && deterministic(arg[1], true) && (arg.length < 3 || deterministic(arg.slice(2), insideIterator));
  }
  return deterministic(arg, insideIterator);
}

/** Names that JSON values (objects, arrays, strings, numbers, booleans) inherit. */
const INHERITED = new Set<string>([Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype]
  .flatMap((proto) => Object.getOwnPropertyNames(proto)));

/** Operators whose compiled value is always a boolean (so JSON Logic truthiness is the value itself). */
const BOOLEAN_OPS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', '!', '!!', 'in', 'some', 'all', 'none']);

/** The names of a {"missing": [...literal names]} node, else undefined. */
function literalMissing(node: unknown): string[] | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'missing') return undefined;
  const list = (node as { missing: unknown }).missing;
  if (!Array.isArray(list)) return undefined;
  const names = list.length === 1 && Array.isArray(list[0]) ? list[0] : list;
  return names.every((n: unknown) => typeof n === 'string') ? (names as string[]) : undefined;
}

function isBool(node: unknown): boolean {
  if (typeof node === 'boolean') return true;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  if (keys.length !== 1) return false;
  const op = keys[0]!;
  if (BOOLEAN_OPS.has(op)) return true;
  const arg = (node as Record<string, unknown>)[op];
  return (op === 'and' || op === 'or') && Array.isArray(arg) && arg.length > 0 && arg.every(isBool);
}

class Builder {
  temps = 0;
  /** Reads of an enclosing scope ("../../x") made once before the iteration that would repeat them, by that iteration's depth. */
  private readonly hoisted = new Map<number, string[]>();
  constants: unknown[] = [];
  constructor(private readonly fold: (node: unknown) => unknown) {}
  temp(): string { return `t${this.temps++}`; }

  /** JSON Logic truthiness of a compiled node: the value itself when it is always a boolean. */
  truthy(node: unknown, src: string): string {
    return isBool(node) ? `(${src})` : `H.truthy(${src})`;
  }

  /** The JSON Logic truthiness of a node, compiled (a literal `missing` as a boolean test, no list built). */
  test(node: unknown, depth: number): string {
    const names = literalMissing(node);
    if (names) { // never folded: missing reads the data
      this.constants.push(names.map((n) => n.split('.')));
      return `H.anyMissing(K[${this.constants.length - 1}], c${depth})`;
    }
    return this.truthy(node, this.expr(node, depth));
  }

  /** Builds an iteration body at `inner`; returns it with the reads hoisted out of it, to run first. */
  body(inner: number, build: () => string): { body: string; before: string[] } {
    const outer = this.hoisted.get(inner);
    this.hoisted.set(inner, []);
    try {
      const body = build();
      return { body, before: this.hoisted.get(inner)! };
    } finally {
      if (outer) this.hoisted.set(inner, outer);
      else this.hoisted.delete(inner);
    }
  }

  /** Source of the expression, evaluated with `c<depth>` as the current context. */
  expr(node: unknown, depth: number): string {
    if (isPrimitive(node)) return lit(node);
    if (node !== null && typeof node === 'object' && !Array.isArray(node) && deterministic(node, false)) {
      let value: unknown;
      try {
        value = this.fold(node);
      } catch {
        return no(); // json-logic-engine rejects it at build time
      }
      if (value === undefined) return 'undefined';
      if (isPrimitive(value) && !(typeof value === 'number' && !Number.isFinite(value))) return lit(value);
      this.constants.push(value);
      return `K[${this.constants.length - 1}]`;
    }
    if (Array.isArray(node)) {
      if (node.every(isPrimitive)) return `[${node.map(lit).join(',')}]`;
      return no();
    }
    if (typeof node !== 'object' || node === undefined) return no();
    const keys = Object.keys(node as object);
    if (keys.length !== 1) return no();
    const op = keys[0]!;
    const arg = (node as Record<string, unknown>)[op];
    const list = Array.isArray(arg) ? arg : undefined;
    const args = (n?: number) => {
      if (!list || (n !== undefined && list.length !== n)) return no();
      return list.map((a) => this.expr(a, depth));
    };
    /** Arguments of an eager method, as the engine passes them: always an array. */
    const eager = () => (list ? `[${args().join(',')}]` : isPrimitive(arg) ? `[${lit(arg)}]` : `H.arr(${this.expr(arg, depth)})`);
    const ctx = `c${depth}`;
    switch (op) {
      case 'var': return this.varRead(arg, depth);
      case '==': case '!=': case '===': case '!==': {
        const [a, b] = args(2);
        return `(${a} ${op} ${b})`;
      }
      case '<': case '<=': case '>': case '>=': {
        if (!list || (list.length !== 2 && list.length !== 3)) return no();
        const xs = args();
        if (xs.length === 2) return `(${xs[0]} ${COMPARE[op]} ${xs[1]})`;
        const [a, b, c] = [this.temp(), this.temp(), this.temp()];
        return `((${a} = ${xs[0]}, ${b} = ${xs[1]}, ${c} = ${xs[2]}), (${a} ${COMPARE[op]} ${b} && ${b} ${COMPARE[op]} ${c}))`;
      }
      case 'and': case 'or': {
        if (!list || list.length === 0) return no();
        const t = this.temp();
        const xs = args();
        let out = t;
        for (let i = xs.length - 1; i >= 0; i--) {
          const test = this.truthy(list[i], `${t} = ${xs[i]}`);
          out = op === 'and' ? `(!${test} ? ${t} : ${out})` : `(${test} ? ${t} : ${out})`;
        }
        return out;
      }
      case '!': case '!!': {
        if (list && list.length === 0) return op === '!' ? '(!H.truthy(undefined))' : '(H.truthy(undefined))';
        const test = this.test(list ? list[0] : arg, depth);
        return op === '!' ? `(!${test})` : `(${test})`;
      }
      case 'if': case '?:': {
        if (!list || list.length < 3) return no();
        // Conditions at even places before the last; a missing last value is null.
        const n = list.length % 2 === 1 ? list.length : list.length + 1;
        const xs = list.map((a, i) => (i % 2 === 0 && i < n - 1 ? this.test(a, depth) : this.expr(a, depth)));
        if (xs.length < n) xs.push('null');
        let out = xs[n - 1]!;
        for (let i = n - 3; i >= 0; i -= 2) out = `(${xs[i]} ? ${xs[i + 1]} : ${out})`;
        return out;
      }
      case '??': {
        if (!list || list.length === 0) return no();
        return `(${args().map((x) => `(${x})`).join(' ?? ')})`;
      }
      case 'missing': {
        // Literal names (the usual {"missing": ["a.b", "c"]}): split once, here.
        const names = literalMissing(node);
        if (names) {
          this.constants.push(names, names.map((n: string) => n.split('.')));
          return `H.missingPaths(K[${this.constants.length - 2}], K[${this.constants.length - 1}], ${ctx})`;
        }
        return `H.missing(${eager()}, ${ctx})`;
      }
      case 'missing_some': return `H.missingSome(${eager()}, ${ctx})`;
      case 'today': return `(${eager()}, ${ctx}?.$today ?? null)`;
      case 'in': {
        const [a, b] = args(2);
        return `((${b}) || []).includes(${a})`;
      }
      case 'max': case 'min': {
        if (list && list.length === 2) return `H.${op}2(${args().join(', ')})`;
        return `H.${op}(${eager()})`;
      }
      case 'substr': return `H.substr(${eager()})`;
      case '+': case '-': case '*': case '/': case '%': return this.arithmetic(op, list, depth);
      case 'length': {
        if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return no();
        const filter = (arg as Record<string, unknown>).filter;
        if (Object.keys(arg).length === 1 && Array.isArray(filter) && filter.length === 2 && !deterministic(arg, false)) {
          return this.iterate('count', filter, depth); // count: no filtered list built
        }
        return `H.length(${this.expr(arg, depth)})`;
      }
      case 'filter': case 'some': case 'all': case 'none': case 'map': return this.iterate(op, list, depth);
      case 'reduce': {
        if (!list || list.length !== 3) return no();
        const sel = this.expr(list[0], depth);
        const init = this.expr(list[2], depth);
        const inner = depth + 1;
        const { body, before } = this.body(inner, () => this.expr(list[1], inner));
        const first = before.length > 0 ? `${before.join(', ')}, ` : '';
        return `(${first}((${sel}) || []).reduce((a, b) => { const c${inner} = { accumulator: a, current: b }; return H.depth0(${body}); }, H.depth0(${init})))`;
      }
      default:
        if (Object.prototype.hasOwnProperty.call(customEagerMethods, op)) {
          if (list && list.length <= 2) return `H.direct[${JSON.stringify(op)}](${args().join(', ')})`;
          return `H.custom[${JSON.stringify(op)}](${eager()})`;
        }
        return no();
    }
  }

  varRead(arg: unknown, depth: number): string {
    let key: unknown = arg;
    let def: unknown = null;
    if (Array.isArray(arg)) {
      if (arg.length === 0 || arg.length > 2) return no();
      key = arg[0];
      if (arg.length === 2) {
        if (!isPrimitive(arg[1])) return no();
        def = arg[1];
      }
    }
    if (key === null || key === undefined || key === '') return `c${depth}`;
    if (typeof key === 'number') key = String(key);
    if (typeof key !== 'string' || key.includes('\\') || /^\.+$/.test(key)) return no();
    let name = key as string;
    let d = depth;
    if (name.startsWith('../')) {
      while (name.startsWith('../../') && d > 0) { name = name.slice(6); d -= 1; }
      if (name.includes('../') || d === depth || /^\.+$/.test(name)) return no();
      const parts = name === '' ? [] : name.split('.');
      const read = `H.up(c${d}, ${JSON.stringify(parts)}, ${Array.isArray(arg) && arg.length === 2 ? lit(def) : 'undefined'})`;
      // c<d> does not change while the iteration that made c<d+1> runs: read it once, before.
      const hoist = this.hoisted.get(d + 1);
      if (!hoist) return read;
      const t = this.temp();
      hoist.push(`${t} = ${read}`);
      return t;
    }
    if (name.includes('/')) return no();
    const parts = name.split('.');
    const read = `(c${d}${parts.map((p) => `?.[${JSON.stringify(p)}]`).join('')} ?? ${lit(def)})`;
    // JSON values hold no functions: only a name their prototypes define (toString, map...) can
    // read one, and json-logic-engine turns that into null.
    if (!parts.some((p) => INHERITED.has(p))) return read;
    const t = this.temp();
    return `(typeof (${t} = ${read}) === 'function' ? null : ${t})`;
  }

  arithmetic(op: string, list: unknown[] | undefined, depth: number): string {
    if (!list) return no();
    if (list.length === 0) return op === '+' ? '(+0)' : op === '*' ? '1' : no();
    if (op === '%' && list.length < 2) return no();
    const items = op === '/' && list.length === 1 ? [1, list[0]] : list;
    const coerced = items.map((item, i) => {
      let x: string;
      if (typeof item === 'number' || typeof item === 'boolean') x = `(+${lit(item)})`;
      else if (item === null) x = '0';
      else if (typeof item === 'string') {
        const n = +item;
        if (Number.isNaN(n)) return no();
        x = `(${lit(n)})`;
      } else if (Array.isArray(item)) return no();
      else x = `(+H.pre(${this.expr(item, depth)}))`;
      if (op === '/' && i > 0) {
        if (x === '(+0)' || x === '0' || x === '(0)') return no();
        x = `H.pre(${x} || NaN)`;
      }
      return x;
    });
    const joined = coerced.join(` ${op} `);
    return op === '-' && items.length === 1 ? `(-H.pre(${joined}))` : `H.pre(${joined})`;
  }

  iterate(op: string, list: unknown[] | undefined, depth: number): string {
    if (!list || list.length !== 2) return no();
    const sel = this.expr(list[0], depth);
    const mapper = list[1];
    const inner = depth + 1;
    const { body, before } = this.body(inner, () => (mapper && typeof mapper === 'object' ? this.expr(mapper, inner) : lit(mapper)));
    const test = op === 'map' ? body : this.truthy(mapper, body);
    const first = before.length > 0 ? `${before.join(', ')}, ` : '';
    if (op === 'count') return `(${first}H.countIf(${sel}, (c${inner}) => ${test}))`;
    const method = op === 'none' ? 'some' : op === 'all' ? 'every' : op;
    const t = this.temp();
    const call = `((${t} || []).${method}((c${inner}) => ${test}))`;
    if (op === 'all') return `(Array.isArray(${t} = ${sel}) && ${t}.length === 0 ? false : (${first}${call}))`;
    return op === 'none' ? `(${t} = ${sel}, ${first}!${call})` : `(${t} = ${sel}, ${first}${call})`;
  }
}

/**
 * The compiled function, or undefined when the expression uses a shape this compiler leaves to
 * json-logic-engine. `fold` evaluates a constant subtree as json-logic-engine does when it builds.
 */
/** The compiled function, or undefined when the expression uses a shape this compiler leaves to json-logic-engine. */
export function compileFast(logic: unknown, fold: (node: unknown) => unknown): Fn | undefined {
  const b = new Builder(fold);
  let body: string;
  try {
    body = b.expr(logic, 0);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const temps = b.temps > 0 ? `let ${Array.from({ length: b.temps }, (_, i) => `t${i}`).join(', ')};` : '';
  const source = `return function (c0) { ${temps} return ${body}; };`;
  const factory = new Function('H', 'K', source) as (h: typeof helpers, k: unknown[]) => Fn;
  const fn = factory(helpers, b.constants);
  sources.set(fn, source);
  return fn;
}

const sources = new WeakMap<Fn, string>();

/** The JavaScript compileFast generated for a function (undefined for json-logic-engine's): for readers (generatedCode). */
export function sourceOf(fn: unknown): string | undefined {
  return sources.get(fn as Fn);
}
