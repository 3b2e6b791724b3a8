import Mustache from 'mustache';
import { escapePointerToken } from '../paths.js';
import type { Problem, ServiceDefinition } from '../types.js';

/**
 * Workflow messages (e-mail, App IO, Web Push, payment causale, outcome letter) are per-language
 * Mustache templates over the pratica's data. Only these names and the answers' fields
 * (`answers.<field>`, dotted for nested objects) may appear, so a message never goes out with a
 * hole in it. The engine checks them so that `sportello check`, the builder and the server agree;
 * the server renders them (server/src/notifications/message-templates.ts).
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
function answerPaths(schema: unknown, prefix: string, out: Set<string>): Set<string> {
  if (!isObject(schema) || !isObject(schema.properties)) return out;
  for (const [name, sub] of Object.entries(schema.properties)) {
    const path = `${prefix}.${name}`;
    out.add(path);
    answerPaths(sub, path, out);
  }
  return out;
}

/** The placeholders a definition's messages may use: the fixed ones and its answers' fields. */
export function knownPlaceholders(def: Pick<ServiceDefinition, 'data'>): Set<string> {
  return new Set<string>([...PLACEHOLDERS, ...answerPaths(def.data, 'answers', new Set())]);
}

/** Names a template uses, with their Mustache kind; throws on a syntax error. */
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

// Values, unescaped values and sections over a known name; partials (>) and delimiter changes (=) never.
const ALLOWED_KINDS = new Set(['name', '&', '#', '^']);

/** Problems of one message text: not a template, partials, unknown names. `pointer` is where it is. */
export function templateProblems(template: string, known: Set<string>, pointer: string): Problem[] {
  let used: Array<{ name: string; kind: string }>;
  try {
    used = placeholdersOf(template);
  } catch (e) {
    return [{ pointer, code: 'template.invalid', message: `Not a valid template: ${(e as Error).message}`, params: {} }];
  }
  return used.filter((u) => !ALLOWED_KINDS.has(u.kind) || !known.has(u.name)).map((u) => ({
    pointer, code: 'template.unknownPlaceholder',
    message: `Unknown placeholder {{${u.name}}}: use one of the pratica's data (${PLACEHOLDERS.slice(0, 3).join(', ')}, ..., answers.<field>)`,
    params: { placeholder: u.name },
  }));
}

/** Every message text of the workflow's actions, in every language, checked where the text is. */
export function checkMessageTemplates(def: ServiceDefinition, problems: Problem[]): void {
  const keys = new Set<string>();
  for (const t of def.workflow?.transitions ?? []) {
    for (const a of t.actions ?? []) {
      for (const k of ['subject', 'body', 'causale'] as const) {
        const key = (a as Record<string, unknown>)[k];
        if (typeof key === 'string') keys.add(key);
      }
    }
  }
  if (keys.size === 0) return;
  const known = knownPlaceholders(def);
  for (const [language, strings] of Object.entries(def.translations)) {
    if (!isObject(strings)) continue;
    for (const key of keys) {
      const text = strings[key];
      if (typeof text === 'string') problems.push(...templateProblems(text, known, `/translations/${escapePointerToken(language)}/${escapePointerToken(key)}`));
    }
  }
}
