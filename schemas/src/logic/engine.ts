import { LogicEngine } from 'json-logic-engine';
import { customEagerMethods, missingNames } from './operators.js';
import { compileFast } from './fast.js';

/** A compiled rule: data in, value out. May throw on bad arithmetic; callers catch. */
export type CompiledLogic = (data: unknown) => unknown;

/**
 * One engine per module, as Ajv recommends for its instances: operators are registered once and
 * json-logic-engine compiles each expression to a plain JavaScript function.
 */
function createEngine(): LogicEngine {
  const engine = new LogicEngine(undefined, { maxDepth: 64, maxArrayLength: 100_000, maxStringLength: 1_000_000 });
  for (const [name, method] of Object.entries(customEagerMethods)) {
    engine.addMethod(name, (args: unknown) => method(Array.isArray(args) ? args : [args]), { deterministic: true });
  }
  // JSON Logic (jsonlogic.com, json-logic-js) defines == and != as JavaScript's loose equality;
  // json-logic-engine coerces both sides to numbers, so 0 == null would hold and "is the ISEE
  // unanswered?" would be true for an ISEE of 0.
  engine.addMethod('==', (args: unknown) => { const [a, b] = args as unknown[]; return a == b; }, { deterministic: true });
  engine.addMethod('!=', (args: unknown) => { const [a, b] = args as unknown[]; return a != b; }, { deterministic: true });
  // Comparisons as plain eager methods: json-logic-engine 5.0.7's compiled comparators share
  // a temporary with compiled var lookups, so {"<": [0, {"days_between": [...]}]} threw NaN.
  // Semantics as in json-logic-js: JavaScript comparison, and "between" with three arguments.
  const comparator = (test: (a: any, b: any) => boolean) => (args: unknown) => {
    const list = args as unknown[];
    for (let i = 0; i + 1 < list.length; i++) if (!test(list[i], list[i + 1])) return false;
    return list.length >= 2;
  };
  engine.addMethod('<', comparator((a, b) => a < b), { deterministic: true });
  engine.addMethod('<=', comparator((a, b) => a <= b), { deterministic: true });
  engine.addMethod('>', comparator((a, b) => a > b), { deterministic: true });
  engine.addMethod('>=', comparator((a, b) => a >= b), { deterministic: true });
  // missing: as in json-logic-js, null and "" count as missing (null is "unanswered" here).
  const missing = missingNames;
  engine.addMethod('missing', (args: unknown, context: unknown) => missing(Array.isArray(args) ? (Array.isArray(args[0]) ? args[0] : args) : [args], context), { deterministic: false });
  engine.addMethod('missing_some', (args: unknown, context: unknown) => {
    const [need, names] = args as [number, unknown[]];
    const list = Array.isArray(names) ? names : [];
    const absent = missing(list, context);
    return list.length - absent.length >= need ? [] : absent;
  }, { deterministic: false });
  engine.addMethod('today', (_args: unknown, context: any) => context?.$today ?? null, { deterministic: false });
  return engine;
}

let shared: LogicEngine | undefined;
export function logicEngine(): LogicEngine {
  shared ??= createEngine();
  return shared;
}

/**
 * sum and count are macros over standard operators, so they compile to the same fast code:
 * {"sum": [list, expr]} -> reduce over map; {"count": [list, pred]} -> length of filter.
 */
export function expandMacros(logic: unknown): unknown {
  if (Array.isArray(logic)) return logic.map(expandMacros);
  if (logic === null || typeof logic !== 'object') return logic;
  const entries = Object.entries(logic);
  if (entries.length !== 1) return logic;
  const [op, raw] = entries[0]!;
  const args = (Array.isArray(raw) ? raw : [raw]).map(expandMacros);
  // A missing group is an empty list, not an error: rows are optional until the citizen adds one.
  const rows = { '??': [args[0], []] };
  if (op === 'sum') {
    const list = args[1] === undefined ? rows : { map: [rows, args[1]] };
    return { reduce: [list, { '+': [{ var: 'accumulator' }, { var: 'current' }] }, 0] };
  }
  if (op === 'count') {
    return { length: { filter: [rows, args[1] === undefined ? true : args[1]] } };
  }
  return { [op]: Array.isArray(raw) ? args : args[0] };
}

/**
 * json-logic-engine always builds the expression (so what it rejects at build time, such as a
 * constant division by zero, stays a compile problem); fast.ts's direct compilation runs it
 * when it covers the expression's shapes, which for the templates is every expression.
 */
export function compileLogic(logic: unknown, pointer = ''): CompiledLogic {
  const expanded = expandMacros(logic);
  const built = logicEngine().build(expanded as any) as CompiledLogic;
  const engine = logicEngine();
  if (session?.generic) return built;
  const fast = compileFast(expanded, (node) => engine.run(node as any));
  if (fast) {
    if (session) session.paths.generated++;
    return fast;
  }
  session?.paths.engine.push({ pointer, reason: 'the expression uses a shape the direct compiler (src/logic/fast.ts) does not cover: json-logic-engine runs it' });
  return built;
}

/** Which code runs a compiled service's expressions: how many by the direct compiler, which by json-logic-engine and why. */
export interface LogicPaths { generated: number; engine: Array<{ pointer: string; reason: string }> }

let session: { generic: boolean; paths: LogicPaths } | undefined;

/**
 * Runs `body` (one compile) recording which path each expression compiled by compileLogic
 * takes; with `generic`, every expression is json-logic-engine's own (the reference the direct
 * compiler is tested against), for debugging a designer's report.
 */
export function logicSession<T>(generic: boolean, body: () => T): { value: T; paths: LogicPaths } {
  const previous = session;
  const current = (session = { generic, paths: { generated: 0, engine: [] } });
  try {
    return { value: body(), paths: current.paths };
  } finally {
    session = previous;
  }
}
