import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

// The platform's own text lives in locales/<lang>/server.json at the repository root.
const localesDir = fileURLToPath(new URL('../../../locales/', import.meta.url));

const resources: Record<string, { server: Record<string, unknown> }> = {};
for (const lang of readdirSync(localesDir, { withFileTypes: true })) {
  if (!lang.isDirectory()) continue;
  try {
    resources[lang.name] = { server: JSON.parse(readFileSync(`${localesDir}${lang.name}/server.json`, 'utf8')) };
  } catch {
    // a language folder without server text (web-only) is fine
  }
}

const instance = i18next.createInstance();
await instance.init({
  resources, fallbackLng: 'it', defaultNS: 'server', ns: ['server'],
  interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

export const supportedLanguages = Object.keys(resources);

/** Picks the best supported language from an explicit choice or an Accept-Language header. */
export function pickLanguage(requested?: string | null): string {
  for (const part of (requested ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    const base = tag.split('-')[0]!;
    if (supportedLanguages.includes(tag)) return tag;
    if (supportedLanguages.includes(base)) return base;
  }
  return 'it';
}

export function translator(language: string): TFunction {
  return instance.getFixedT(language, 'server');
}
