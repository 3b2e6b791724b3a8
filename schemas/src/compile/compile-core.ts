import type { Problem, ServiceDefinition } from '../types.js';
import type { CompiledService, CompiledStep } from './compiled-service.js';
import { guardInput } from './guard.js';
import { checkMeta } from './check-meta.js';
import { indexFields, type FieldInfo } from './field-index.js';
import { checkUi } from './check-ui.js';
import { checkPatterns } from './check-patterns.js';
import { compileRules } from './compile-rules.js';
import { checkPrefill } from './check-prefill.js';
import { checkWorkflow } from './check-workflow.js';
import { checkTranslations } from './check-translations.js';
import { checkMessageTemplates } from './check-messages.js';
import { checkLogic } from './logic-check.js';
import { checkGuards } from './check-guards.js';
import { answeredComparisons } from './answered-comparisons.js';
import { compileLogic, logicSession, type CompiledLogic } from '../logic/engine.js';
import { relaxSchema } from './relaxed-schema.js';
import type { NamedCondition } from './resolve-var.js';
import { escapePointerToken } from '../paths.js';
import { compileSchema, knownFormats } from './ajv-instance.js';
import { checkDateBounds } from './date-bounds.js';

export type CompileResult =
  | { ok: true; service: CompiledService; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

function buildValidator(schema: object, pointer: string, problems: Problem[]) {
  try {
    return compileSchema(relaxSchema(schema as Record<string, unknown>));
  } catch (e) {
    problems.push({ pointer, code: 'schema.compile', message: `The data schema cannot be compiled: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

/**
 * Turns a definition into a CompiledService, or lists every problem found. The steps run in
 * order; the first two stop early because later ones assume a well-formed document.
 * Never throws: an unexpected failure becomes an `internal` problem.
 */
export interface CompileOptions {
  /**
   * Run the generic path: evaluate uses the generic steps (compute.ts, visibility.ts,
   * required.ts, validate.ts), Ajv for validation and json-logic-engine for every expression,
   * instead of the code generated per service. Same results, slower: for debugging a report.
   */
  generic?: boolean;
}

export function compile(input: unknown, options: CompileOptions = {}): CompileResult {
  try {
    const generic = options.generic === true;
    const { value, paths } = logicSession(generic, () => compileChecked(input));
    if (value.ok) {
      value.service.generic = generic;
      value.service.logicPaths = paths;
    }
    return value;
  } catch (e) {
    return { ok: false, problems: [{ pointer: '', code: 'internal', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` }], warnings: [] };
  }
}

function compileChecked(input: unknown): CompileResult {
  const warnings: Problem[] = [];
  const guarded = guardInput(input);
  if (guarded.length > 0) return { ok: false, problems: guarded, warnings };
  const meta = checkMeta(input);
  if (meta.length > 0) return { ok: false, problems: meta, warnings };
  const def = input as ServiceDefinition;
  const problems: Problem[] = [];
  const uiFields = def.ui.fields ?? {};
  const fields = indexFields(def.data, uiFields, '/data', problems);
  const officeFields = def.officeData ? indexFields(def.officeData, {}, '/officeData', problems) : new Map<string, FieldInfo>();
  checkPatterns(def.data, '/data', problems, knownFormats());
  if (def.officeData) checkPatterns(def.officeData, '/officeData', problems, knownFormats());
  const dateBounds = checkDateBounds(def.data, fields, '/data', problems, true);
  if (def.officeData) checkDateBounds(def.officeData, officeFields, '/officeData', problems, false);
  const layout = checkUi(def, fields, problems);
  // Named conditions first, checked at root (their uses inline them: see logic-check.ts).
  const conditions = new Map<string, NamedCondition>();
  for (const [name, logic] of Object.entries(def.conditions ?? {})) {
    const checked = checkLogic(logic, `/conditions/${escapePointerToken(name)}`, { fields, officeFields }, problems, true);
    if (checked.fn) conditions.set(name, { logic, deps: checked.deps });
    checkGuards(logic, `/conditions/${escapePointerToken(name)}`, { fields, officeFields }, new Set(), warnings);
  }
  const ctx = { fields, officeFields, conditions };
  refuseConditions(def.ranking, '/ranking', problems);
  // Exclusions first: `$excluded` elsewhere stands for their condition (see resolve-var.ts).
  const before = problems.length;
  const exclusions = (def.ranking?.exclusions ?? []).map((e, i) => ({ id: e.id, reason: e.reason, checked: checkLogic(e.when, `/ranking/exclusions/${i}/when`, ctx, problems, true) }));
  const excluded = problems.length > before || exclusions.length === 0 ? false : { '!!': [{ or: (def.ranking?.exclusions ?? []).map((e) => e.when) }] };
  const withExcluded = { ...ctx, excluded };
  const rules = compileRules(def.rules ?? [], fields, officeFields, new Map(layout.steps.map((s) => [s.id, s.paths])), problems, excluded, conditions);
  checkPrefill(def, fields, problems);
  checkWorkflow(def, problems);
  checkTranslations(def, problems, warnings);
  checkMessageTemplates(def, problems);
  const guards = new Map<string, CompiledLogic>();
  (def.workflow?.transitions ?? []).forEach((t, i) => {
    if (t.guard === undefined) return;
    const checked = checkLogic(t.guard, `/workflow/transitions/${i}/guard`, ctx, problems, true);
    if (checked.fn) guards.set(t.id, checked.fn);
  });
  const paymentAmounts = new Map<string, { fn: CompiledLogic; unit: 'euro' | 'cents' }>();
  (def.workflow?.transitions ?? []).forEach((t, i) => (t.actions ?? []).forEach((a, j) => {
    if (a.type !== 'payment' || a.amount === undefined) return;
    const checked = checkLogic(a.amount, `/workflow/transitions/${i}/actions/${j}/amount`, ctx, problems);
    if (checked.fn) paymentAmounts.set(`${t.id}/${j}`, { fn: checked.fn, unit: a.unit ?? 'cents' });
  }));
  const fee = def.fees ? checkLogic(def.fees.amount, '/fees/amount', withExcluded, problems) : undefined;
  const score = def.ranking ? checkLogic(def.ranking.score, '/ranking/score', withExcluded, problems) : undefined;
  const keys = (def.ranking?.keys ?? []).map((k, i) => ({ key: k, checked: checkLogic(k.value, `/ranking/keys/${i}/value`, withExcluded, problems) }));
  const keyIds = new Set<string>();
  (def.ranking?.keys ?? []).forEach((k, i) => {
    if (keyIds.has(k.id)) problems.push({ pointer: `/ranking/keys/${i}/id`, code: 'ranking.duplicateKey', message: `Ranking key id "${k.id}" is used twice`, params: { id: k.id } });
    keyIds.add(k.id);
  });
  (def.ranking?.tieBreakers ?? []).forEach((t, i) => {
    const known = t.field === '$submittedAt' || (t.field.startsWith('$office.') ? officeFields.has(t.field.slice(8)) : fields.has(t.field));
    if (!known) problems.push({ pointer: `/ranking/tieBreakers/${i}/field`, code: 'ranking.unknownField', message: `Tie-breaker "${t.field}" is not a field of the service`, params: { name: t.field } });
  });
  const computedPaths = new Set(rules.computes.map((r) => r.field!.path));
  (def.rules ?? []).forEach((rule, i) => {
    const target = rule.field ?? rule.fields?.[0];
    const field = target !== undefined ? fields.get(target) : undefined;
    const key = rule.type === 'compute' ? 'value' : 'when';
    const ruleCtx = { fields, officeFields, group: field?.group, conditions };
    checkGuards(rule[key], `/rules/${i}/${key}`, ruleCtx, computedPaths, warnings, rule.type === 'error' ? answeredComparisons(rule.when, ruleCtx) : undefined);
  });
  if (def.fees) checkGuards(def.fees.amount, '/fees/amount', ctx, computedPaths, warnings);
  if (def.fees && def.fees.unit === undefined) {
    warnings.push({ pointer: '/fees', code: 'fees.unitMissing', message: 'The fee does not say its unit: its amount is read as euro cents (70 is 0.70 euro). Add "unit": "euro" or "unit": "cents"', params: {} });
  }
  if (def.ranking) {
    checkGuards(def.ranking.score, '/ranking/score', ctx, computedPaths, warnings);
    (def.ranking.exclusions ?? []).forEach((e, i) => checkGuards(e.when, `/ranking/exclusions/${i}/when`, ctx, computedPaths, warnings));
    (def.ranking.keys ?? []).forEach((k, i) => checkGuards(k.value, `/ranking/keys/${i}/value`, ctx, computedPaths, warnings));
  }
  warnUnplaced(fields, layout.placed, new Set(rules.computes.map((r) => r.field!.path)), new Set((def.prefill ?? []).map((p) => p.field)), warnings);
  // Ajv would only repeat (less clearly) what the checks above found, so it runs on clean input.
  if (problems.length > 0) return { ok: false, problems, warnings };
  const validate = buildValidator(def.data, '/data', problems);
  const validateOffice = def.officeData ? buildValidator(def.officeData, '/officeData', problems) : undefined;
  if (problems.length > 0 || !validate) return { ok: false, problems, warnings };

  const byPointer = new Map<string, FieldInfo>();
  for (const f of fields.values()) if (!f.group) byPointer.set(f.pointer, f);
  const steps: CompiledStep[] = layout.steps.map((s, index) => ({
    id: s.id, index, pointers: s.pointers, fields: s.pointers.map((p) => byPointer.get(p)!),
    show: rules.stepVisibility.get(s.id)?.show ?? [], hide: rules.stepVisibility.get(s.id)?.hide ?? [],
  }));
  const stepOfPointer = new Map<string, number>();
  steps.forEach((s) => s.pointers.forEach((p) => stepOfPointer.set(p, s.index)));
  const service: CompiledService = {
    definition: def, generic: false, logicPaths: { generated: 0, engine: [] }, fields, officeFields,
    groups: [...fields.values()].filter((f) => f.kind === 'group'),
    validate, validateOffice,
    computes: rules.computes,
    fieldVisibility: rules.fieldVisibility,
    steps, stepOfPointer, stepPointerDepth: Math.max(0, ...[...stepOfPointer.keys()].map((p) => p.split('/').length - 1)),
    requireRules: rules.requireRules,
    requiredCandidates: [...fields.values()].filter((f) => f.kind !== 'object' && (f.requiredStatic || rules.requireRules.has(f.path))),
    errorRules: rules.errorRules,
    dateBounds,
    guards,
    paymentAmounts,
    fee: def.fees && fee?.fn ? { amount: fee.fn, unit: def.fees.unit ?? 'cents', causale: def.fees.causale, dueDays: def.fees.dueDays } : undefined,
    ranking: def.ranking && score?.fn
      ? {
        score: score.fn, exclusions: exclusions.map((e) => ({ id: e.id, reason: e.reason, fn: e.checked.fn! })), tieBreakers: def.ranking.tieBreakers ?? [],
        keys: [
          ...keys.map(({ key, checked }) => ({ id: key.id, label: key.label, direction: key.direction, fn: checked.fn! })),
          ...(def.ranking.tieBreakers ?? []).map((t) => ({ id: t.field, label: undefined, direction: t.direction, fn: compileLogic({ var: t.field }, `/ranking/tieBreakers/${def.ranking!.tieBreakers!.indexOf(t)}/field`) })),
        ],
        tieReads: (def.ranking.tieBreakers ?? []).map((t) => (t.field === '$submittedAt' ? null : t.field.startsWith('$office.') ? { office: true, parts: t.field.slice(8).split('.') } : { office: false, parts: t.field.split('.') })),
      }
      : undefined,
  };
  return { ok: true, service, warnings };
}

/**
 * Named conditions are not read in the ranking: the server reads a stored pratica's score and
 * exclusions term by term from the definition as written (ranking-terms.ts), so there they are
 * written in full. Reported at each use.
 */
function refuseConditions(node: unknown, pointer: string, problems: Problem[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) { node.forEach((n, i) => refuseConditions(n, `${pointer}/${i}`, problems)); return; }
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${escapePointerToken(key)}`;
    if (key === 'condition' && Object.keys(node).length === 1) {
      problems.push({ pointer: at, code: 'ranking.condition', message: 'The ranking cannot use a named condition: write its test in full here', params: { name: value } });
    } else refuseConditions(value, at, problems);
  }
}

/** A field in no step can only be filled by a rule or prefill; otherwise the citizen never sees it. */
function warnUnplaced(fields: Map<string, FieldInfo>, placed: Set<string>, computed: Set<string>, prefilled: Set<string>, warnings: Problem[]): void {
  for (const field of fields.values()) {
    let p: FieldInfo | undefined = field;
    let covered = false;
    while (p && !covered) {
      covered = placed.has(p.path) || computed.has(p.path) || prefilled.has(p.path);
      p = p.parent ? fields.get(p.parent) : undefined;
    }
    if (!covered) warnings.push({ pointer: `/data`, code: 'field.notInStep', message: `"${field.path}" is in no step and is neither computed nor prefilled`, params: { name: field.path } });
  }
}
