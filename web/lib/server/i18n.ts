import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cookies, headers } from 'next/headers';
import { LANG_COOKIE } from './config';

// The platform's own text: locales/<lang>/web.json at the repository root. A folder dropped there
// adds a language (read at start, no rebuild).
const localesDir = process.env.SPORTELLO_LOCALES_DIR ?? path.resolve(/*turbopackIgnore: true*/ process.cwd(), '..', 'locales');

export type Resources = Record<string, unknown>;
const resources = new Map<string, Resources>();
for (const entry of existsSync(localesDir) ? readdirSync(/*turbopackIgnore: true*/ localesDir, { withFileTypes: true }) : []) {
  const file = path.join(localesDir, entry.name, 'web.json');
  if (entry.isDirectory() && existsSync(file)) resources.set(entry.name, JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as Resources);
}

export const FALLBACK_LANGUAGE = 'it';
export const platformLanguages = (): string[] =>
  [...resources.keys()].sort((a, b) => (a === FALLBACK_LANGUAGE ? -1 : b === FALLBACK_LANGUAGE ? 1 : a.localeCompare(b)));

export function resourcesOf(language: string): { language: Resources; fallback: Resources } {
  return { language: resources.get(language) ?? {}, fallback: resources.get(FALLBACK_LANGUAGE) ?? {} };
}

/** The chosen language: the switcher's cookie, else the browser's Accept-Language, else Italian. */
export async function currentLanguage(): Promise<string> {
  const chosen = (await cookies()).get(LANG_COOKIE)?.value;
  if (chosen && resources.has(chosen)) return chosen;
  const accept = (await headers()).get('accept-language') ?? '';
  for (const part of accept.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    if (resources.has(tag)) return tag;
  }
  return FALLBACK_LANGUAGE;
}

/** A translation function for server components (same keys and interpolation as i18next's). */
export function translatorFor(language: string): (key: string, params?: Record<string, unknown>) => string {
  const { language: res, fallback } = resourcesOf(language);
  const lookup = (r: Resources, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), r);
  return (key, params) => {
    const text = lookup(res, key) ?? lookup(fallback, key);
    if (typeof text !== 'string') return key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
  };
}
