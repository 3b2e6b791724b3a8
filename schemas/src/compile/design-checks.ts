import type { Problem, ServiceDefinition } from '../types.js';
import type { CompiledRule } from './compiled-service.js';
import type { FieldInfo } from './field-index.js';
import type { VarContext } from './resolve-var.js';
import { guardInput } from './guard.js';
import { checkMeta } from './check-meta.js';
import { checkPatterns } from './check-patterns.js';
import { checkPrefill } from './check-prefill.js';
import { checkWorkflow } from './check-workflow.js';
import { checkTranslations } from './check-translations.js';
import { checkMessageTemplates } from './check-messages.js';
import { checkGuards } from './check-guards.js';
import { answeredComparisons } from './answered-comparisons.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { knownFormats, newAjv } from './ajv-instance.js';
import { nativeWhenLinear } from '../formats/linear-regexp.js';
import { escapePointerToken } from '../paths.js';

/**
 * What compile() checks besides building the service: only problems and warnings for the designer
 * (the input's size and depth, the meta-schema, patterns and formats, prefill, workflow, translations, message templates,
 * unguarded comparisons, ...). compile-core.ts calls each at its place, so problems come in the
 * same order as ever. A published version passed them all: the wizard's runtime (runtime.ts)
 * builds the service without them, and without their code in the browser.
 */
export interface DesignChecks {
  /** The limits of limits.ts on the input as a whole (size, depth, ...): hostile input stops here. */
  guard(input: unknown): Problem[];
  meta(input: unknown): Problem[];
  /** A data schema against JSON Schema's meta-schema: why it is invalid, or undefined. */
  dataSchema(schema: object): string | undefined;
  schemas(def: ServiceDefinition, problems: Problem[]): void;
  ranking(def: ServiceDefinition, problems: Problem[]): void;
  definition(def: ServiceDefinition, fields: Map<string, FieldInfo>, problems: Problem[], warnings: Problem[]): void;
  rankingKeys(def: ServiceDefinition, fields: Map<string, FieldInfo>, officeFields: Map<string, FieldInfo>, problems: Problem[]): void;
  warnings(def: ServiceDefinition, ctx: VarContext, computes: CompiledRule[], placed: Set<string>, warnings: Problem[]): void;
}

let schemaChecker: ReturnType<typeof newAjv> | undefined;

export const designChecks: DesignChecks = {
  guard: guardInput,
  meta: checkMeta,
  dataSchema(schema) {
    // JSON Schema 2020-12's meta-schema, compiled once (its patterns are simple ones of native-linear.ts's
    // grammar); checking adds nothing to the instance.
    const checker = (schemaChecker ??= newAjv(nativeWhenLinear(), Ajv2020));
    return checker.validateSchema(schema) ? undefined : checker.errorsText(checker.errors);
  },
  schemas(def, problems) {
    checkPatterns(def.data, '/data', problems, knownFormats());
    if (def.officeData) checkPatterns(def.officeData, '/officeData', problems, knownFormats());
  },
  ranking: (def, problems) => refuseConditions(def.ranking, '/ranking', problems),
  definition(def, fields, problems, warnings) {
    checkPrefill(def, fields, problems);
    checkWorkflow(def, problems);
    checkTranslations(def, problems, warnings);
    checkMessageTemplates(def, problems);
  },
  rankingKeys(def, fields, officeFields, problems) {
    const keyIds = new Set<string>();
    (def.ranking?.keys ?? []).forEach((k, i) => {
      if (keyIds.has(k.id)) problems.push({ pointer: `/ranking/keys/${i}/id`, code: 'ranking.duplicateKey', message: `Ranking key id "${k.id}" is used twice`, params: { id: k.id } });
      keyIds.add(k.id);
    });
    (def.ranking?.tieBreakers ?? []).forEach((t, i) => {
      const known = t.field === '$submittedAt' || (t.field.startsWith('$office.') ? officeFields.has(t.field.slice(8)) : fields.has(t.field));
      if (!known) problems.push({ pointer: `/ranking/tieBreakers/${i}/field`, code: 'ranking.unknownField', message: `Tie-breaker "${t.field}" is not a field of the service`, params: { name: t.field } });
    });
  },
  warnings(def, ctx, computes, placed, warnings) {
    const { fields, officeFields, conditions } = ctx;
    // Every field a compute rule fills, also one refused for a cycle (rule.cycle says what is wrong there).
    const computedPaths = new Set(computes.map((r) => r.field!.path));
    for (const rule of def.rules ?? []) if (rule.type === 'compute' && typeof rule.field === 'string' && fields.has(rule.field)) computedPaths.add(rule.field);
    // Named conditions first (they come first in the definition), read at root like a rule there.
    for (const [name, logic] of Object.entries(def.conditions ?? {})) {
      checkGuards(logic, `/conditions/${escapePointerToken(name)}`, { fields, officeFields }, computedPaths, warnings);
    }
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
    (def.workflow?.transitions ?? []).forEach((t, i) => (t.actions ?? []).forEach((a, j) => {
      if (a.type !== 'payment' || a.amount === undefined || a.unit !== undefined) return;
      warnings.push({ pointer: `/workflow/transitions/${i}/actions/${j}`, code: 'payment.unitMissing', message: `The payment of transition "${t.id}" does not say the unit of its amount: it is read as euro cents (70 is 0.70 euro). Add "unit": "euro" or "unit": "cents" to the action`, params: { transition: t.id } });
    }));
    if (def.ranking) {
      checkGuards(def.ranking.score, '/ranking/score', ctx, computedPaths, warnings);
      (def.ranking.exclusions ?? []).forEach((e, i) => checkGuards(e.when, `/ranking/exclusions/${i}/when`, ctx, computedPaths, warnings));
      (def.ranking.keys ?? []).forEach((k, i) => checkGuards(k.value, `/ranking/keys/${i}/value`, ctx, computedPaths, warnings));
    }
    warnUnplaced(fields, placed, computedPaths, new Set((def.prefill ?? []).map((p) => p.field)), warnings);
  },
};

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
