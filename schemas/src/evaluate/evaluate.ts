import type { CompiledService } from '../compile/compiled-service.js';
import type { AnswerError, EvaluateOptions, Evaluation } from '../types.js';
import { localize } from '../messages/localize.js';
import type { PendingError } from './state.js';
import { prepare } from './prepare.js';
import { applyRequired } from './required.js';
import { applyErrorRules, applyRowLimit, applySchemaValidation } from './validate.js';
import { feeOf, rankingOf, stepStates } from './outcome.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


function localizeAll(service: CompiledService, errors: PendingError[], locale: string): AnswerError[] {
  const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
  return errors.map((e) => {
    const out: AnswerError = { pointer: e.pointer, key: e.key, message: localize(catalogue, e.key, locale, e.params) };
    if (e.params) out.params = e.params;
    if (e.rule) out.rule = e.rule;
    return out;
  });
}

function failed(service: CompiledService, key: string, locale: string): Evaluation {
  return {
    valid: false, steps: [], hidden: [], required: [], computed: {},
    errors: localizeAll(service, [{ pointer: '', key }], locale), fee: null, ranking: null,
  };
}

/**
 * Evaluates answers against a compiled service, in this order (see schemas/README.md):
 * computes -> visibility (repeated without hidden values until stable) -> required -> schema validation -> error rules -> row limits ->
 * steps, fee, ranking. Pure and never throws: the same call runs in the wizard on every
 * change and on the server at submission.
 */
export function evaluate(service: CompiledService, answers: unknown, options: EvaluateOptions = {}): Evaluation {
  const locale = options.locale ?? service.definition.defaultLanguage;
  if (!isPlainObject(answers)) return failed(service, 'error.answersNotObject', locale);
  try {
    const state = prepare(service, answers, options);
    applyRequired(state);
    applySchemaValidation(state);
    applyErrorRules(state);
    applyRowLimit(state);
    return {
      valid: state.errors.length === 0,
      steps: stepStates(state),
      hidden: [...state.hidden],
      required: state.required,
      computed: state.computed,
      errors: localizeAll(service, state.errors, locale),
      fee: feeOf(state),
      ranking: rankingOf(state, options.office ?? {}),
    };
  } catch {
    return failed(service, 'error.internal', locale);
  }
}
