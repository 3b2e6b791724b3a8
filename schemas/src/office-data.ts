import type { CompiledService } from './compile/compiled-service.js';
import { toPending } from './evaluate/validate.js';
import { interpolate, textOf } from './messages/localize.js';
import type { AnswerError } from './types.js';

export interface OfficeDataCheck { valid: boolean; errors: AnswerError[] }

/**
 * Checks the office fields an operator fills (the definition's `officeData`) with the service's
 * compiled validator, as answers are checked: every problem with the JSON pointer of the value
 * in the office data and a message in the asked language. Unknown fields are errors; `null`
 * means "not filled" (required-ness is the workflow's business: a guard says when a field must
 * be there). Pure and never throws.
 */
export function checkOfficeData(service: CompiledService, values: unknown, locale = service.definition.defaultLanguage): OfficeDataCheck {
  const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
  const error = (pointer: string, key: string, params?: Record<string, unknown>): AnswerError => {
    const out: AnswerError = { pointer, key, message: interpolate(textOf(catalogue, key, locale), params) };
    if (params) out.params = params;
    return out;
  };
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return { valid: false, errors: [error('', 'error.officeData.notObject')] };
  const validate = service.validateOffice;
  const known = new Set([...service.officeFields.values()].filter((f) => f.segments.length === 1).map((f) => f.segments[0]!.name));
  const errors: AnswerError[] = [];
  for (const name of Object.keys(values)) {
    if (!validate || !known.has(name)) errors.push(error(`/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'error.additionalProperties', { additionalProperty: name }));
  }
  if (validate && errors.length === 0) {
    let ok: boolean;
    try {
      ok = validate(values) as boolean;
    } catch {
      return { valid: false, errors: [error('', 'error.invalid')] };
    }
    if (!ok) {
      for (const e of validate.errors ?? []) {
        const pending = toPending(e);
        if (pending) errors.push(error(pending.pointer, pending.key, pending.params));
      }
    }
  }
  return { valid: errors.length === 0, errors };
}
