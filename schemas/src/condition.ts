import type { CompiledService } from './compile/compiled-service.js';
import { checkLogic } from './compile/logic-check.js';
import { run } from './evaluate/state.js';
import type { CompiledLogic } from './logic/engine.js';
import type { Problem } from './types.js';

/**
 * A JSON Logic condition over a submission's answers that lives outside the definition (an
 * Ente's routing rule names the office that receives a service's pratiche), checked against the
 * service's fields like any rule of the definition: allowed operators, bounded size, every var a
 * field. Office fields ($office) are not readable: nobody has filled them at submission.
 */
export type Condition = { ok: true; fn: CompiledLogic } | { ok: false; problems: Problem[] };

export function compileCondition(service: CompiledService, logic: unknown, pointer = ''): Condition {
  const problems: Problem[] = [];
  const checked = checkLogic(logic, pointer, { fields: service.fields, officeFields: new Map() }, problems, true);
  return checked.fn && problems.length === 0 ? { ok: true, fn: checked.fn } : { ok: false, problems };
}

/**
 * Whether the condition holds for stored answers (cleaned: computed values written in) on the
 * Ente's `today` (YYYY-MM-DD). A condition that throws on odd data does not hold.
 */
export function conditionHolds(condition: CompiledLogic, answers: Record<string, unknown>, today: string): boolean {
  return run(condition, { ...answers, $office: {}, $today: today }) === true;
}
