import { usedKeys, type ServiceDefinition } from '@sportello/schemas';

/** One language's state: how many of the strings the service uses it lacks, and which. */
export interface LanguageGaps { language: string; missing: string[]; isDefault: boolean }
export interface TranslationGaps {
  /** Every key: those the definition uses first (in the order it uses them), then the others any language holds. */
  keys: Array<{ key: string; used: boolean }>;
  languages: LanguageGaps[];
  /** Languages that lack at least one used string: while any remains the service cannot be published. */
  blocking: LanguageGaps[];
}

const hasText = (strings: Record<string, string> | undefined, key: string) => typeof strings?.[key] === 'string' && strings[key]!.trim() !== '';

/** The keys the definition uses: the engine's list, plus the ranking keys' labels it shows in graduatorie. */
export function keysInUse(def: ServiceDefinition): string[] {
  const keys = usedKeys(def).map((u) => u.key);
  for (const k of def.ranking?.keys ?? []) if (k.label) keys.push(k.label);
  return [...new Set(keys)];
}

/**
 * The translations grid's counts; `blocking` is the publish gate's answer for languages: every
 * language the service has, and every one in `required` (the Ente's) even when the service has
 * none of its strings yet.
 */
export function translationGaps(def: ServiceDefinition, required: readonly string[] = []): TranslationGaps {
  const used = keysInUse(def);
  const usedSet = new Set(used);
  const translations = def.translations ?? {};
  const languages = [...new Set([def.defaultLanguage, ...Object.keys(translations), ...required])];
  const others = new Set<string>();
  for (const strings of Object.values(translations)) for (const key of Object.keys(strings ?? {})) if (!usedSet.has(key)) others.add(key);
  const perLanguage = languages.map((language) => ({
    language, isDefault: language === def.defaultLanguage,
    missing: used.filter((key) => !hasText(translations[language], key)),
  }));
  return {
    keys: [...used.map((key) => ({ key, used: true })), ...[...others].sort().map((key) => ({ key, used: false }))],
    languages: perLanguage,
    blocking: perLanguage.filter((l) => l.missing.length > 0),
  };
}

/** For the publish gate: true while every language has every string the service uses. */
export function translationsComplete(def: ServiceDefinition, required: readonly string[] = []): boolean {
  return translationGaps(def, required).blocking.length === 0;
}

export { LANGUAGE_TAG } from '@/lib/builder/languages';
