import type { LogicEngine } from 'json-logic-engine';
import { compileFast } from './fast.js';

/** A compiled rule: data in, value out. May throw on bad arithmetic; callers catch. */
export type CompiledLogic = (data: unknown) => unknown;

/**
 * json-logic-engine (json-logic.ts) once some module of the process imported it: compile.ts does,
 * so the server and the builder always have it; the wizard's runtime (runtime.ts) loads it only
 * for a definition with an expression the direct compiler (fast.ts) does not cover alone.
 */
let engineOf: (() => LogicEngine) | undefined;
export function installLogicEngine(get: () => LogicEngine): void { engineOf = get; }
export const hasLogicEngine = (): boolean => engineOf !== undefined;

/** Thrown by compileLogic, without json-logic-engine, for an expression that needs it. */
class NeedsLogicEngine extends Error {
  constructor() { super('json-logic-engine is not loaded'); }
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
  if (!engineOf) return withoutEngine(expanded);
  const engine = engineOf();
  const built = engine.build(expanded as any) as CompiledLogic;
  if (session?.generic) return built;
  const fast = compileFast(expanded, (node) => engine.run(node as any));
  if (fast) {
    if (session) session.paths.generated++;
    return fast;
  }
  session?.paths.engine.push({ pointer, code: 'uncoveredShape', reason: 'the expression uses a shape the direct compiler (src/logic/fast.ts) does not cover: json-logic-engine runs it' });
  return built;
}

/**
 * A published version compiled before json-logic-engine is loaded (runtime.ts): the direct
 * compiler's function, the same compileLogic returns with the engine, when it needs no constant
 * folded by the engine; otherwise NeedsLogicEngine (runtime.ts then loads it and compiles again).
 */
function withoutEngine(expanded: unknown): CompiledLogic {
  const fast = session?.generic ? undefined : compileFast(expanded, () => { throw new NeedsLogicEngine(); });
  if (!fast) throw new NeedsLogicEngine();
  if (session) session.paths.generated++;
  return fast;
}

/** Which code runs a compiled service's expressions: how many by the direct compiler, which by json-logic-engine and why. */
export interface LogicPaths { generated: number; engine: Array<{ pointer: string; code: 'uncoveredShape'; reason: string }> }

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
