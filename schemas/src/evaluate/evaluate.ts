import type { CompiledService } from '../compile/compiled-service.js';
import type { AnswerError, EvaluateOptions, Evaluation, Notice } from '../types.js';
import { interpolate, textOf } from '../messages/localize.js';
import type { PendingError } from './state.js';
import { prepare } from './prepare.js';
import { releaseState } from './state.js';
import { applyRequiredAndSchema, rowsOverLimit } from './validate.js';
import { specialized } from './specialize.js';
import { feeOf, rankingOf, stepStates } from './outcome.js';
import { applyDateBounds } from './date-bounds.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


/** Per service and locale, each message key's text (translations do not change after compile). */
const texts = new WeakMap<CompiledService, Map<string, Map<string, string>>>();

function localizeAll(service: CompiledService, errors: PendingError[], locale: string): AnswerError[] {
  if (errors.length === 0) return [];
  let byLocale = texts.get(service);
  if (!byLocale) texts.set(service, (byLocale = new Map()));
  let known = byLocale.get(locale);
  if (!known) {
    known = new Map();
    if (byLocale.size < 64) byLocale.set(locale, known); // a locale is any string the caller passes: bounded
  }
  const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
  return errors.map((e) => {
    let text = known.get(e.key);
    if (text === undefined) {
      text = textOf(catalogue, e.key, locale);
      if (known.size < 10_000) known.set(e.key, text);
    }
    const out: AnswerError = { pointer: e.pointer, key: e.key, message: interpolate(text, e.dateBound ? boundWords(service, e.params!, locale) : e.params) };
    if (e.params) out.params = e.params;
    if (e.rule) out.rule = e.rule;
    return out;
  });
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date as a reader of the language writes it: 28 February 2008 in English, else 28/02/2008. */
export function localDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-');
  if (locale === 'en') return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
  return `${d}/${m}/${y}`;
}

/** A date bound's params in words: the limit as a local date, the other field by its label. */
function boundWords(service: CompiledService, params: Record<string, unknown>, locale: string): Record<string, unknown> {
  const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
  const out: Record<string, unknown> = { ...params, limit: localDate(String(params.limit), locale) };
  if (typeof params.field === 'string') {
    const label = service.fields.get(params.field)?.ui.label;
    out.field = label ? textOf(catalogue, label, locale) : params.field;
  }
  return out;
}

function failed(service: CompiledService, errors: PendingError[], locale: string): Evaluation {
  return {
    valid: false, steps: [], hidden: [], required: [], computed: {},
    errors: localizeAll(service, errors, locale), fee: null, ranking: null, ...languageOf(service, locale),
  };
}

/** The language the service's texts come in, and a notice when the asked one is not among them. */
function languageOf(service: CompiledService, locale: string): { language: string; notices: Notice[] } {
  const { translations, defaultLanguage } = service.definition;
  if (Object.prototype.hasOwnProperty.call(translations, locale)) return { language: locale, notices: [] };
  const params = { requested: locale, used: defaultLanguage, available: Object.keys(translations) };
  const catalogue = { translations, defaultLanguage };
  return { language: defaultLanguage, notices: [{ code: 'language.unavailable', message: interpolate(textOf(catalogue, 'language.unavailable', defaultLanguage), params), params }] };
}

/**
 * Evaluates answers against a compiled service, in this order (see schemas/README.md):
 * row limits (a group over its limit stops here) -> computes -> visibility (repeated without
 * hidden values until stable) -> required -> schema validation -> error rules -> steps, fee, ranking. Pure and never throws: the same call runs in the wizard on every
 * change and on the server at submission.
 */
export function evaluate(service: CompiledService, answers: unknown, options: EvaluateOptions = {}): Evaluation {
  const locale = options.locale ?? service.definition.defaultLanguage;
  if (!isPlainObject(answers)) return failed(service, [{ pointer: '', key: 'error.answersNotObject' }], locale);
  try {
    const tooMany = rowsOverLimit(service, answers);
    if (tooMany.length > 0) return failed(service, tooMany, locale);
    const state = prepare(service, answers, options);
    const steps = specialized(service);
    applyRequiredAndSchema(state); // applyRequired, then schema validation
    applyDateBounds(state);
    steps.errors(state); // applyErrorRules
    const result: Evaluation = {
      valid: state.errors.length === 0,
      steps: stepStates(state),
      hidden: state.hidden,
      required: state.required,
      computed: state.computed,
      errors: localizeAll(service, state.errors, locale),
      fee: null,
      ranking: null,
      ...languageOf(service, locale),
    };
    if (service.fee || service.ranking) {
      const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
      const text = (key: string) => textOf(catalogue, key, locale);
      result.fee = feeOf(state, text);
      result.ranking = rankingOf(state, options.office ?? {}, text);
    }
    releaseState(state);
    return result;
  } catch {
    return failed(service, [{ pointer: '', key: 'error.internal' }], locale);
  }
}
