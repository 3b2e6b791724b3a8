import Mustache from 'mustache';
import type { Problem, ServiceDefinition } from '@sportello/schemas';

/**
 * Message texts are per-language Mustache templates (the definition's translations, or an
 * operator's edit) with the pratica's data as placeholders. Only these names and the answers'
 * fields (`answers.<field>`, dotted for nested objects) may appear; anything else is refused
 * when the definition is validated, so a message never goes out with a hole in it.
 */
export const PLACEHOLDERS = [
  'pratica.code', 'pratica.submittedAt', 'pratica.protocolNumber', 'pratica.state', 'pratica.fee',
  'citizen.givenName', 'citizen.familyName', 'citizen.fullName',
  'ente.name', 'service.title', 'transition.comment', 'transition.date',
  'payment.amount', 'payment.dueDate',
] as const;

type Token = [string, string, number, number, Token[]?, number?];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The dotted paths of the data schema's object properties (answers.richiedente.nome, ...). */
function answerPaths(schema: unknown, prefix = 'answers', out = new Set<string>()): Set<string> {
  if (!isObject(schema) || !isObject(schema.properties)) return out;
  for (const [name, sub] of Object.entries(schema.properties)) {
    const path = `${prefix}.${name}`;
    out.add(path);
    answerPaths(sub, path, out);
  }
  return out;
}

/** Names a template uses; throws on a syntax error. Partials and delimiter changes are not allowed. */
export function placeholdersOf(template: string): Array<{ name: string; kind: string }> {
  const out: Array<{ name: string; kind: string }> = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t[0] === 'text' || t[0] === '!') continue;
      out.push({ name: t[1], kind: t[0] });
      if ((t[0] === '#' || t[0] === '^') && Array.isArray(t[4])) walk(t[4]);
    }
  };
  walk(Mustache.parse(template) as unknown as Token[]);
  return out;
}

/** The known placeholders of a definition: the fixed ones and its answers' fields. */
export function knownPlaceholders(def: Pick<ServiceDefinition, 'data'>): Set<string> {
  return new Set<string>([...PLACEHOLDERS, ...answerPaths(def.data)]);
}

/** Problems of one template text: syntax, partials, unknown names. `pointer` is where the text is. */
export function templateProblems(template: string, known: Set<string>, pointer: string): Problem[] {
  let used: Array<{ name: string; kind: string }>;
  try {
    used = placeholdersOf(template);
  } catch (e) {
    return [{ pointer, code: 'template.invalid', message: `Not a valid template: ${(e as Error).message}`, params: {} }];
  }
  return used.filter((u) => !['name', '&', '#', '^'].includes(u.kind) || !known.has(u.name)).map((u) => ({
    pointer, code: 'template.unknownPlaceholder', message: `Unknown placeholder {{${u.name}}}: use one of the pratica's data (${PLACEHOLDERS.slice(0, 3).join(', ')}, ..., answers.<field>)`,
    params: { placeholder: u.name },
  }));
}

/** Every message text of the definition's workflow actions, in every language, checked. */
export function definitionPlaceholderProblems(definition: unknown): Problem[] {
  if (!isObject(definition) || !isObject(definition.workflow) || !isObject(definition.translations)) return [];
  const def = definition as unknown as ServiceDefinition;
  const known = knownPlaceholders(def);
  const keys = new Set<string>();
  for (const t of def.workflow?.transitions ?? []) {
    for (const a of t.actions ?? []) {
      for (const k of ['subject', 'body', 'causale'] as const) {
        const key = (a as Record<string, unknown>)[k];
        if (typeof key === 'string') keys.add(key);
      }
    }
  }
  const problems: Problem[] = [];
  for (const [language, strings] of Object.entries(def.translations)) {
    if (!isObject(strings)) continue;
    for (const key of keys) {
      const text = strings[key];
      if (typeof text === 'string') problems.push(...templateProblems(text, known, `/translations/${language}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
    }
  }
  return problems;
}

/** Renders a template as plain text (values as they are). */
export function renderText(template: string, view: object): string {
  return Mustache.render(template, view, {}, { escape: (s: string) => s });
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A rendered text as an HTML mail body: everything escaped (the values a citizen typed and the
 * designer's own text alike), paragraphs and line breaks kept.
 */
export function textToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  return escaped.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('\n');
}
