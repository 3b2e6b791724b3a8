import type { Problem, ServiceDefinition } from '../types.js';
import type { CompiledService, CompiledStep } from './compiled-service.js';
import { indexFields, type FieldInfo } from './field-index.js';
import { checkUi } from './check-ui.js';
import { compileRules } from './compile-rules.js';
import { checkLogic } from './logic-check.js';
import { compileLogic, logicSession, type CompiledLogic } from '../logic/engine.js';
import { relaxSchema } from './relaxed-schema.js';
import type { NamedCondition } from './resolve-var.js';
import { escapePointerToken } from '../paths.js';
import { compileSchema } from './ajv-instance.js';
import { checkDateBounds } from './date-bounds.js';
import type { PatternEngine } from '../formats/linear-regexp.js';
import type { DesignChecks } from './design-checks.js';

export type CompileResult =
  | { ok: true; service: CompiledService; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

function buildValidator(schema: object, pointer: string, problems: Problem[], { checks, patterns }: CompileWith) {
  try {
    const relaxed = relaxSchema(schema as Record<string, unknown>);
    const invalid = checks?.dataSchema(relaxed);
    if (invalid !== undefined) throw new Error(`schema is invalid: ${invalid}`);
    return compileSchema(relaxed, patterns);
  } catch (e) {
    problems.push({ pointer, code: 'schema.compile', message: `The data schema cannot be compiled: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

export interface CompileOptions {
  /**
   * Run the generic path: evaluate uses the generic steps (compute.ts, visibility.ts,
   * required.ts, validate.ts), Ajv for validation and json-logic-engine for every expression,
   * instead of the code generated per service. Same results, slower: for debugging a report.
   */
  generic?: boolean;
}

/** What a compile adds to building the service: the designer's checks (none for a published version) and how patterns run. */
export interface CompileWith {
  checks?: DesignChecks;
  patterns: PatternEngine;
}

/**
 * Turns a definition into a CompiledService, or lists every problem found. The steps run in
 * order; the first two stop early because later ones assume a well-formed document. Without
 * `checks` (runtime.ts: a version the server checked when it was published) only what building
 * the service needs runs; the checks only add problems and warnings, so the service built is the
 * same. Never throws: an unexpected failure becomes an `internal` problem.
 */
export function compileDefinition(input: unknown, options: CompileOptions, how: CompileWith): CompileResult {
  try {
    const generic = options.generic === true;
    const { value, paths } = logicSession(generic, () => compileChecked(input, how));
    if (value.ok) {
      value.service.generic = generic;
      value.service.logicPaths = paths;
    }
    return value;
  } catch (e) {
    return { ok: false, problems: [{ pointer: '', code: 'internal', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` }], warnings: [] };
  }
}

function compileChecked(input: unknown, how: CompileWith): CompileResult {
  const { checks, patterns } = how;
  const warnings: Problem[] = [];
  const guarded = checks?.guard(input) ?? [];
  if (guarded.length > 0) return { ok: false, problems: guarded, warnings };
  const meta = checks?.meta(input) ?? [];
  if (meta.length > 0) return { ok: false, problems: meta, warnings };
  const def = input as ServiceDefinition;
  const problems: Problem[] = [];
  const uiFields = def.ui.fields ?? {};
  const fields = indexFields(def.data, uiFields, '/data', problems);
  const officeFields = def.officeData ? indexFields(def.officeData, {}, '/officeData', problems) : new Map<string, FieldInfo>();
  checks?.schemas(def, problems);
  const dateBounds = checkDateBounds(def.data, fields, '/data', problems, true);
  if (def.officeData) checkDateBounds(def.officeData, officeFields, '/officeData', problems, false);
  const layout = checkUi(def, fields, problems);
  // Named conditions first, checked at root (their uses inline them: see logic-check.ts).
  const conditions = new Map<string, NamedCondition>();
  for (const [name, logic] of Object.entries(def.conditions ?? {})) {
    const checked = checkLogic(logic, `/conditions/${escapePointerToken(name)}`, { fields, officeFields }, problems, true);
    if (checked.fn) conditions.set(name, { logic, deps: checked.deps });
  }
  const ctx = { fields, officeFields, conditions };
  checks?.ranking(def, problems);
  // Exclusions first: `$excluded` elsewhere stands for their condition (see resolve-var.ts).
  const before = problems.length;
  const exclusions = (def.ranking?.exclusions ?? []).map((e, i) => ({ id: e.id, reason: e.reason, checked: checkLogic(e.when, `/ranking/exclusions/${i}/when`, ctx, problems, true) }));
  const excluded = problems.length > before || exclusions.length === 0 ? false : { '!!': [{ or: (def.ranking?.exclusions ?? []).map((e) => e.when) }] };
  const withExcluded = { ...ctx, excluded };
  const rules = compileRules(def.rules ?? [], fields, officeFields, new Map(layout.steps.map((s) => [s.id, s.paths])), problems, excluded, conditions, exclusions.flatMap((e) => e.checked.deps));
  checks?.definition(def, fields, problems, warnings);
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
  checks?.rankingKeys(def, fields, officeFields, problems);
  checks?.warnings(def, { fields, officeFields, conditions }, rules.computes, layout.placed, warnings);
  // Ajv would only repeat (less clearly) what the checks above found, so it runs on clean input.
  if (problems.length > 0) return { ok: false, problems, warnings };
  const validate = buildValidator(def.data, '/data', problems, how);
  const validateOffice = def.officeData ? buildValidator(def.officeData, '/officeData', problems, how) : undefined;
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
    definition: def, generic: false, logicPaths: { generated: 0, engine: [] }, patterns, fields, officeFields,
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
