import { definitionText, defaultLanguageOf, languagesOf, type DefinitionText } from '../definitions/definition-text.js';

/**
 * What the catalogue shows of a published version, computed once from its (immutable)
 * definition: the texts in every language it has, so lists never load whole definitions.
 */
export interface VersionSummary {
  semver: string;
  defaultLanguage: string;
  languages: string[];
  tags: string[];
  hasFee: boolean;
  categoryKey: string | null;
  text: Record<string, DefinitionText>;
}

export function summarize(definition: unknown): VersionSummary {
  const d = (definition ?? {}) as { version?: unknown; tags?: unknown; fees?: unknown; category?: unknown };
  const languages = languagesOf(definition);
  const text: Record<string, DefinitionText> = {};
  for (const l of languages) text[l] = definitionText(definition, l);
  return {
    semver: typeof d.version === 'string' ? d.version : '0.0.0',
    defaultLanguage: defaultLanguageOf(definition),
    languages,
    tags: Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string') : [],
    hasFee: !!d.fees,
    categoryKey: typeof d.category === 'string' ? d.category : null,
    text,
  };
}

/** The texts in a language the version has, else in its default language. */
export function textIn(summary: VersionSummary, language: string): { language: string; text: DefinitionText } {
  const l = summary.text[language] ? language : summary.defaultLanguage;
  return { language: l, text: summary.text[l] ?? { title: null, description: null, category: null } };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Every word of the query appears in the title, description, category or a tag (accents ignored). */
export function matchesSearch(summary: VersionSummary, language: string, search: string): boolean {
  const { text } = textIn(summary, language);
  const haystack = fold([text.title, text.description, text.category, ...summary.tags].filter(Boolean).join(' '));
  return fold(search).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** A category given as its key or as its text in the chosen language (case and accents ignored). */
export function matchesCategory(summary: VersionSummary, language: string, category: string): boolean {
  if (summary.categoryKey === category) return true;
  const text = textIn(summary, language).text.category;
  return text !== null && fold(text) === fold(category);
}
