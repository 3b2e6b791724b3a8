import type { Problem, SaveStatus } from '../store';

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export interface MissingText { key: string; pointer: string }
export interface LanguageBlock { language: string; missing: MissingText[]; /** The Ente publishes in it and the service has none of its strings. */ absent: boolean }

export interface PublishGate {
  /** The server's compile problems (each with its pointer). */
  problems: Problem[];
  /** Languages that lack strings, each missing string with the translations grid's cell pointer. */
  languages: LanguageBlock[];
  conflict: boolean;
  /** The server has not judged the copy on screen yet (unsaved edits, or the first check still running). */
  checking: boolean;
  blocked: boolean;
}

/**
 * The publish gate as the server judges it: validateDefinition's problems, its translation
 * warnings that refuse publishing (a string missing in any language the service has or the Ente
 * publishes in), and whether its answer is for the copy on screen. Nothing here is decided by the
 * client: what it adds is where each item is (for the links) and that unsaved edits are unjudged.
 */
export function publishGate(s: { problems: Problem[]; warnings: Problem[]; publishable: boolean; status: SaveStatus }): PublishGate {
  const byLanguage = new Map<string, LanguageBlock>();
  const block = (language: string) => {
    let b = byLanguage.get(language);
    if (!b) byLanguage.set(language, (b = { language, missing: [], absent: false }));
    return b;
  };
  for (const w of s.warnings) {
    const params = (w.params ?? {}) as { language?: unknown; key?: unknown };
    if (typeof params.language !== 'string') continue;
    if (w.code === 'translation.missing' && typeof params.key === 'string') {
      const b = block(params.language);
      if (!b.missing.some((m) => m.key === params.key)) b.missing.push({ key: params.key, pointer: `/translations/${esc(params.language)}/${esc(params.key)}` });
    } else if (w.code === 'translation.missingLanguage') block(params.language).absent = true;
  }
  const languages = [...byLanguage.values()];
  const conflict = s.status === 'conflict';
  const unjudged = s.status !== 'saved';
  const checking = !conflict && (unjudged || (!s.publishable && s.problems.length === 0 && languages.length === 0));
  return { problems: s.problems, languages, conflict, checking, blocked: s.problems.length > 0 || languages.length > 0 || conflict || checking || !s.publishable };
}
