/**
 * Reading a definition's own text (title, description, category) in a language. Working copies
 * may be half-written, so everything here tolerates a malformed document and never throws.
 */
type Strings = Record<string, string>;

interface Loose {
  defaultLanguage?: unknown;
  title?: unknown;
  description?: unknown;
  category?: unknown;
  translations?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function translationsOf(def: unknown): Record<string, Strings> {
  const t = (def as Loose | null)?.translations;
  return t && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, Strings>) : {};
}

export function defaultLanguageOf(def: unknown): string {
  return str((def as Loose | null)?.defaultLanguage) ?? 'it';
}

/** The languages the definition has text in, default language first. */
export function languagesOf(def: unknown): string[] {
  const main = defaultLanguageOf(def);
  const others = Object.keys(translationsOf(def)).filter((l) => l !== main).sort();
  return [main, ...others];
}

/** The requested language when the definition has it, else its default language. */
export function serviceLanguage(def: unknown, requested: string | undefined): string {
  return requested && translationsOf(def)[requested] ? requested : defaultLanguageOf(def);
}

/** A key's text in a language, falling back to the default language, then to the key itself. */
export function textOf(def: unknown, key: unknown, language: string): string | null {
  const k = str(key);
  if (!k) return null;
  const all = translationsOf(def);
  return str(all[language]?.[k]) ?? str(all[defaultLanguageOf(def)]?.[k]) ?? k;
}

export interface DefinitionText { title: string | null; description: string | null; category: string | null }

export function definitionText(def: unknown, language: string): DefinitionText {
  const d = (def ?? {}) as Loose;
  return { title: textOf(def, d.title, language), description: textOf(def, d.description, language), category: textOf(def, d.category, language) };
}

/**
 * The definition with `translations` cut to one language plus the default one, so a wizard
 * downloads only the text it can show (the default language fills any missing key).
 */
export function withTranslationsFor(def: Record<string, unknown>, language: string): Record<string, unknown> {
  const all = translationsOf(def);
  const main = defaultLanguageOf(def);
  const kept: Record<string, Strings> = {};
  for (const l of [main, language]) if (all[l]) kept[l] = all[l]!;
  return { ...def, translations: kept };
}
