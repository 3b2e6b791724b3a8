import { it } from './it.js';
import { en } from './en.js';

const builtin: Record<string, Record<string, string>> = { it, en };

export interface Catalogue {
  translations: Record<string, Record<string, string>>;
  defaultLanguage: string;
}

export function interpolate(text: string, params?: Record<string, unknown>): string {
  if (!params || !text.includes('{{')) return text;
  return text.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/**
 * Resolves a key for a locale: the service's own text first (a designer may reword any engine
 * message), then the engine's, then the service's default language, then Italian, then the key.
 */
export function localize(catalogue: Catalogue, key: string, locale: string, params?: Record<string, unknown>): string {
  return interpolate(textOf(catalogue, key, locale), params);
}

/** The text localize() interpolates: the key resolved for the locale, as described there. */
export function textOf(catalogue: Catalogue, key: string, locale: string): string {
  return (
    catalogue.translations[locale]?.[key] ??
    builtin[locale]?.[key] ??
    catalogue.translations[catalogue.defaultLanguage]?.[key] ??
    builtin[catalogue.defaultLanguage]?.[key] ??
    builtin.it![key] ??
    key
  );
}

export const builtinLanguages = Object.keys(builtin);
export function builtinKeys(): string[] {
  return Object.keys(it);
}
