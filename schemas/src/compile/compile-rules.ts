import type { Problem, Rule } from '../types.js';
import { didYouMean, nearField, type FieldInfo } from './field-index.js';
import type { CompiledRule, CompiledVisibility } from './compiled-service.js';
import { checkLogic, readsExcluded, type CheckedLogic } from './logic-check.js';
import { answeredComparisons } from './answered-comparisons.js';
import type { NamedCondition } from './resolve-var.js';
import { checkVisibilityCycles, orderComputes, type ComputeNode, type VisibilityNode } from './order-computes.js';

export interface CompiledRules {
  computes: CompiledRule[];
  fieldVisibility: Map<string, CompiledVisibility>;
  stepVisibility: Map<string, CompiledVisibility>;
  requireRules: Map<string, CompiledRule[]>;
  errorRules: CompiledRule[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function visibilityOf(map: Map<string, CompiledVisibility>, key: string): CompiledVisibility {
  let v = map.get(key);
  if (!v) map.set(key, (v = { show: [], hide: [] }));
  return v;
}

/**
 * Checks and compiles the rules. A rule on a field inside a repeating group runs once per row,
 * with $row (that row) and $index beside the root answers; all others run once on the root.
 */
export function compileRules(
  rules: Rule[],
  fields: Map<string, FieldInfo>,
  officeFields: Map<string, FieldInfo>,
  stepFields: Map<string, string[]>,
  problems: Problem[],
  excluded?: unknown,
  conditions?: ReadonlyMap<string, NamedCondition>,
  /** The fields the exclusions read: what `$excluded` reads, to name it in a cycle. */
  excludedDeps: string[] = [],
): CompiledRules {
  const out: CompiledRules = { computes: [], fieldVisibility: new Map(), stepVisibility: new Map(), requireRules: new Map(), errorRules: [] };
  const computeNodes: ComputeNode[] = [];
  const visibilityNodes: VisibilityNode[] = [];
  const ids = new Set<string>();
  const computed = new Set<string>();
  rules.forEach((rule, index) => {
    const at = `/rules/${index}`;
    if (ids.has(rule.id)) problems.push({ pointer: `${at}/id`, code: 'rule.duplicateId', message: `Rule id "${rule.id}" is used twice`, params: { id: rule.id } });
    ids.add(rule.id);
    if (rule.step !== undefined && !stepFields.has(rule.step)) {
      problems.push({ pointer: `${at}/step`, code: 'rule.unknownStep', message: `Rule "${rule.id}" targets step "${rule.step}", which does not exist`, params: { step: rule.step } });
      return;
    }
    // `fields`: one rule acting on several fields, compiled as if written once for each.
    const targets: Array<{ name: string; at: string } | undefined> = rule.fields !== undefined
      ? rule.fields.map((name, k) => ({ name, at: `${at}/fields/${k}` }))
      : [rule.field !== undefined ? { name: rule.field, at: `${at}/field` } : undefined];
    const checkedIn = new Map<string | undefined, CheckedLogic>(); // the logic, checked once per group it runs in
    for (const target of targets) {
      let field: FieldInfo | undefined;
      if (target !== undefined) {
        field = fields.get(target.name);
        if (!field) {
          const suggestion = nearField(target.name, fields);
          problems.push({ pointer: target.at, code: 'rule.unknownField', message: `Rule "${rule.id}" targets "${target.name}", which is not a field of the service${didYouMean(suggestion)}`, params: suggestion ? { name: target.name, suggestion } : { name: target.name } });
          continue;
        }
      }
      const group = field?.group ? fields.get(field.group) : undefined;
      const logicKey = rule.type === 'compute' ? 'value' : 'when';
      let checked = checkedIn.get(group?.path);
      if (!checked) {
        const ctx = { fields, officeFields, group: group?.path, excluded, conditions };
        const answered = rule.type === 'error' ? answeredComparisons(rule.when, ctx) : undefined;
        checkedIn.set(group?.path, (checked = checkLogic(rule[logicKey], `${at}/${logicKey}`, ctx, problems, logicKey === 'when', answered)));
      }
      if (!checked.fn) continue;
      const compiled: CompiledRule = { id: rule.id, index, type: rule.type, field, step: rule.step, group, fn: checked.fn, message: rule.message };
      switch (rule.type) {
        case 'show':
        case 'hide':
          visibilityOf(field ? out.fieldVisibility : out.stepVisibility, field ? field.path : rule.step!)[rule.type].push(compiled);
          visibilityNodes.push({ rule: compiled, pointer: `${at}/when`, targets: field ? [field.path] : stepFields.get(rule.step!) ?? [], deps: checked.deps });
          break;
        case 'require':
          push(out.requireRules, field!.path, compiled);
          break;
        case 'error':
          out.errorRules.push(compiled);
          break;
        case 'compute':
          if (field!.kind === 'object' || field!.kind === 'group') {
            problems.push({ pointer: `${at}/field`, code: 'rule.computeTarget', message: `Rule "${rule.id}" computes "${field!.path}", a section or repeating group: compute its fields instead`, params: { name: field!.path } });
            continue;
          }
          if (computed.has(field!.path)) {
            problems.push({ pointer: `${at}/field`, code: 'rule.duplicateCompute', message: `"${field!.path}" is computed by more than one rule`, params: { name: field!.path } });
            continue;
          }
          computed.add(field!.path);
          computeNodes.push({ rule: compiled, pointer: `${at}/value`, deps: checked.deps, excludedDeps: excluded && readsExcluded(rule.value) ? excludedDeps : undefined });
          break;
      }
    }
  });
  out.computes = orderComputes(computeNodes, problems);
  checkVisibilityCycles(visibilityNodes, computeNodes, problems);
  return out;
}
