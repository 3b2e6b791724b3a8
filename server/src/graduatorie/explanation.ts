import { localize, scoreTerms, type CompiledService } from '@sportello/schemas';
import { translator } from '../shared/i18n.js';
import type { StoredRow } from './graduatorie.repository.js';
import type { GraduatoriaRow, GraduatoriaRowExplanation } from './graduatorie.types.js';

const catalogueOf = (service: CompiledService) => ({ translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage });

/** A field's label in a language: the ui's label key, localized; the name when there is none. */
export function labelOf(service: CompiledService, name: string, language: string): string {
  const key = service.definition.ui.fields?.[name]?.label;
  return key ? localize(catalogueOf(service), key, language) : name;
}

/** A stored row as the API shows it: exclusion reasons in the request's language. */
export function rowView(service: CompiledService, row: StoredRow, admitted: number, language: string): GraduatoriaRow {
  const catalogue = catalogueOf(service);
  return {
    position: row.position, rank: row.excluded || row.position > admitted ? null : row.position,
    praticaCode: row.praticaCode, protocolNumber: row.protocolNumber, score: row.score, excluded: row.excluded,
    exclusionReasons: row.explanation.reasons.map((r) => localize(catalogue, r, language)),
  };
}

/**
 * Every score term with the points it gave this row (as stored at publication, so the
 * explanation never drifts from the published list), the exclusions that held and the value of
 * each tie-breaker, in the order they break ties.
 */
export function explain(service: CompiledService, graduatoriaId: string, row: StoredRow, admitted: number, language: string): GraduatoriaRowExplanation {
  const catalogue = catalogueOf(service);
  const field = (name: string) => ({ name, label: labelOf(service, name, language) });
  const terms = scoreTerms(service).map((t, index) => ({
    index, pointer: t.pointer, expression: t.logic,
    fields: t.reads.filter((n) => !n.startsWith('$') || n.startsWith('$office.')).map(field),
    points: row.explanation.terms[index] ?? null,
  }));
  const tieBreakers = (service.definition.ranking?.tieBreakers ?? []).map((t, index) => ({
    index, field: t.field, label: t.field === '$submittedAt' ? translator(language)('graduatorie.submittedAt') : labelOf(service, t.field, language),
    direction: t.direction, value: row.explanation.tieBreak[index] ?? null,
  }));
  return {
    graduatoriaId, row: rowView(service, row, admitted, language), terms, tieBreakers,
    exclusions: row.explanation.reasons.map((reason) => ({ reason, message: localize(catalogue, reason, language) })),
  };
}
