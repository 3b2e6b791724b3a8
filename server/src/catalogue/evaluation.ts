import { localize, type CompiledService, type Evaluation as EngineEvaluation } from '@sportello/schemas';
import type { Evaluation } from './catalogue.types.js';

/** The engine's evaluation as the API returns it: fee reason and exclusion reasons localized. */
export function toEvaluation(ev: EngineEvaluation, service: CompiledService, language: string): Evaluation {
  const { translations, defaultLanguage } = service.definition;
  const text = (key: string) => localize({ translations, defaultLanguage }, key, language);
  return {
    valid: ev.valid,
    steps: ev.steps,
    hidden: ev.hidden,
    required: ev.required,
    computed: ev.computed,
    errors: ev.errors.map((e) => ({ pointer: e.pointer, key: e.key, message: e.message, params: e.params })),
    fee: ev.fee && { amountCents: ev.fee.amountCents, causale: text(ev.fee.causaleKey), dueDays: ev.fee.dueDays, error: ev.fee.error ?? null },
    ranking: ev.ranking && {
      score: ev.ranking.score, excluded: ev.ranking.excluded,
      reasons: ev.ranking.reasonKeys.map(text), reasonKeys: ev.ranking.reasonKeys, error: ev.ranking.error ?? null,
    },
  };
}
