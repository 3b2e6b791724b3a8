import { LogicEngine } from 'json-logic-engine';
import { customEagerMethods } from './operators.js';

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

export function compileLogic(logic: unknown): CompiledLogic {
  return logicEngine().build(expandMacros(logic) as any) as CompiledLogic;
}
