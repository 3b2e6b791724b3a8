import { LogicEngine } from 'json-logic-engine';
import { customEagerMethods, missingNames } from './operators.js';
import { installLogicEngine } from './engine.js';

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
/** The module's json-logic-engine, with the operators above. */
export function logicEngine(): LogicEngine {
  shared ??= createEngine();
  return shared;
}

// Importing this module gives compileLogic its engine (compile.ts and ranking-terms.ts import it; runtime.ts only when needed).
installLogicEngine(logicEngine);
