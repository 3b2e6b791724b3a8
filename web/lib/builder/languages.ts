// The languages a designer may add to a service: ISO 639-1 codes, named in the designer's language
// (and in their own) by the browser's Intl.DisplayNames, so no list of names ships with the app.

/** The 183 ISO 639-1 codes (two letters). */
export const ISO_639_1 = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu '
  + 'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn '
  + 'ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os '
  + 'pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw '
  + 'ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

/** A language tag a designer may add: ISO 639 language, optionally a region (`de`, `sl`, `pt-BR`). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

const displayNames = new Map<string, Intl.DisplayNames | null>();
function namesIn(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try { names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' }); } catch { names = null; }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale)!;
}

/** The language's name in `uiLanguage` ("tedesco" for de in it), or undefined when unknown. */
export function languageName(tag: string, uiLanguage: string): string | undefined {
  if (!LANGUAGE_TAG.test(tag)) return undefined;
  try { return namesIn(uiLanguage)?.of(tag) ?? undefined; } catch { return undefined; }
}

/** "tedesco (de)", or the bare tag when the runtime cannot name it. */
export function languageLabel(tag: string, uiLanguage: string): string {
  const name = languageName(tag, uiLanguage);
  return name && name !== tag ? `${name} (${tag})` : tag;
}

export interface LanguageChoice { tag: string; label: string; autonym?: string }

/** Every ISO 639-1 language not in `except`, named in `uiLanguage` and in itself, sorted by name. */
export function languageChoices(uiLanguage: string, except: Iterable<string> = []): LanguageChoice[] {
  const skip = new Set(except);
  const collator = new Intl.Collator(uiLanguage);
  return ISO_639_1.filter((tag) => !skip.has(tag))
    .map((tag) => {
      const own = languageName(tag, tag);
      const label = languageLabel(tag, uiLanguage);
      return { tag, label, ...(own && own !== tag && !label.startsWith(`${own} `) ? { autonym: own } : {}) };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
