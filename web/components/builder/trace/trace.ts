import { compile, evaluate, pointerOf, type Evaluation, type EvaluateOptions, type JsonSchema, type Logic, type Rule, type ServiceDefinition } from '@sportello/schemas';
import { groupOf } from '../rules/fields';
import { ruleReads, ruleTargets } from '../rules/rule-summary';

/** Whether a rule's condition held: once, or once per row for a rule inside a repeating group. */
export type Held = { kind: 'once'; held: boolean | null } | { kind: 'rows'; rows: Array<boolean | null> } | { kind: 'none' };

/** What one rule did on the test answers. */
export interface RuleTraceRow {
  id: string;
  type: Rule['type'];
  target: string;
  onStep: boolean;
  reads: string[];
  held: Held;
  /** The effect now, per target pointer: visible / required / the computed value / the error messages. */
  effects: Array<{ pointer: string; visible?: boolean; required?: boolean; value?: unknown; errors?: string[] }>;
}

const PREFIX = 'sportelloTrace';

/**
 * The rule trace, by the engine itself: each condition becomes a computed yes/no field of a copy
 * of the definition (inside the group's rows for a row rule), so it is evaluated exactly as the
 * engine evaluates rules (hidden values unseen, computed values first, `$row`, `$today`,
 * `$office`); the effects come from the same evaluation's visible, required, computed and errors.
 * Returns null when the instrumented copy does not compile (the preview shows the problems).
 */
export function traceRules(definition: ServiceDefinition, answers: Record<string, unknown>, options: EvaluateOptions = {}): { rows: RuleTraceRow[]; evaluation: Evaluation } | null {
  const copy = structuredClone(definition);
  const rules = copy.rules ?? [];
  const taken = new Set(Object.keys((copy.data.properties as Record<string, unknown>) ?? {}));
  let prefix = PREFIX;
  while ([...taken].some((k) => k.startsWith(prefix))) prefix += 'X';
  const probes: Array<string | null> = [];
  rules.forEach((rule, i) => {
    if (rule.when === undefined) { probes.push(null); return; }
    const group = groupOf(ruleTargets(rule)[0]);
    const name = `${prefix}${i}`;
    const holder = group ? itemsOf(copy.data, group) : copy.data;
    if (!holder) { probes.push(null); return; }
    holder.properties = { ...(holder.properties as Record<string, unknown>), [name]: { type: 'boolean' } };
    const field = group ? `${group}[].${name}` : name;
    probes.push(field);
    rules.push({ id: name, type: 'compute', field, value: { if: [structuredClone(rule.when) as Logic, true, false] } });
  });
  const compiled = compile(copy);
  if (!compiled.ok) return null;
  const evaluation = evaluate(compiled.service, answers, options);
  const hidden = new Set(evaluation.hidden);
  const required = new Set(evaluation.required);
  const rows = (definition.rules ?? []).map((rule, i): RuleTraceRow => {
    const probe = probes[i];
    const targets = ruleTargets(rule);
    const group = groupOf(targets[0]);
    const count = group ? rowCount(answers, group) : 0;
    let held: Held = { kind: 'none' };
    if (probe) {
      held = group
        ? { kind: 'rows', rows: Array.from({ length: count }, (_, r) => asHeld(evaluation.computed[pointerOf(probe, r)])) }
        : { kind: 'once', held: asHeld(evaluation.computed[pointerOf(probe)]) };
    }
    const pointers = rule.step ? [] : targets.flatMap((f) => (groupOf(f) ? Array.from({ length: rowCount(answers, groupOf(f)!) }, (_, r) => pointerOf(f, r)) : [pointerOf(f)]));
    const effects = rule.step
      ? [{ pointer: `step:${rule.step}`, visible: evaluation.steps.find((s) => s.id === rule.step)?.visible ?? false }]
      : pointers.map((pointer) => ({
        pointer,
        visible: !hidden.has(pointer) && !evaluation.hidden.some((h) => pointer.startsWith(`${h}/`)),
        required: required.has(pointer),
        ...(rule.type === 'compute' ? { value: evaluation.computed[pointer] ?? null } : {}),
        ...(rule.type === 'error' ? { errors: evaluation.errors.filter((e) => e.rule === rule.id && e.pointer === pointer).map((e) => e.message) } : {}),
      }));
    return { id: rule.id, type: rule.type, target: rule.step ?? targets.join(', '), onStep: !!rule.step, reads: ruleReads(rule), held, effects };
  });
  return { rows, evaluation };
}

function asHeld(v: unknown): boolean | null {
  return v === true ? true : v === false ? false : null;
}

function itemsOf(schema: JsonSchema, group: string): JsonSchema | null {
  let node: unknown = schema;
  for (const part of group.split('.')) {
    const props = (node as JsonSchema | undefined)?.properties as Record<string, unknown> | undefined;
    node = props?.[part];
  }
  const items = (node as JsonSchema | undefined)?.items;
  return items && typeof items === 'object' ? (items as JsonSchema) : null;
}

function rowCount(answers: Record<string, unknown>, group: string): number {
  let node: unknown = answers;
  for (const part of group.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return Array.isArray(node) ? node.length : 0;
}
