import Mustache from 'mustache';
import type { ServiceDefinition } from '@sportello/schemas';

/**
 * The placeholders a workflow message may use, as the server checks them when the definition is
 * validated and renders them when the outbox sends (server/src/notifications/message-templates.ts:
 * a test keeps the two lists equal): the pratica's data and the answers' fields (`answers.<field>`).
 */
export const PLACEHOLDERS = [
  'pratica.code', 'pratica.submittedAt', 'pratica.protocolNumber', 'pratica.state', 'pratica.fee',
  'citizen.givenName', 'citizen.familyName', 'citizen.fullName',
  'ente.name', 'service.title', 'transition.comment', 'transition.date',
  'payment.amount', 'payment.dueDate',
] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function answerPaths(schema: unknown, prefix: string, out: Set<string>): Set<string> {
  if (!isObject(schema) || !isObject(schema.properties)) return out;
  for (const [name, sub] of Object.entries(schema.properties)) {
    out.add(`${prefix}.${name}`);
    answerPaths(sub, `${prefix}.${name}`, out);
  }
  return out;
}

export function knownPlaceholders(def: Pick<ServiceDefinition, 'data'>): Set<string> {
  return new Set<string>([...PLACEHOLDERS, ...answerPaths(def.data, 'answers', new Set())]);
}

type Token = [string, string, number, number, Token[]?];

/** What is wrong with a message text: not a template at all, or placeholders the server refuses. */
export type TextProblem = { kind: 'invalid'; detail: string } | { kind: 'unknown'; name: string };

/** The same checks as the server's templateProblems (Mustache's own parser, no partials). */
export function textProblems(text: string, known: Set<string>): TextProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (e) {
    return [{ kind: 'invalid', detail: (e as Error).message }];
  }
  const out: TextProblem[] = [];
  const walk = (list: Token[]) => {
    for (const t of list) {
      if (t[0] === 'text' || t[0] === '!') continue;
      if (!['name', '&', '#', '^'].includes(t[0]) || !known.has(t[1])) out.push({ kind: 'unknown', name: t[1] });
      if ((t[0] === '#' || t[0] === '^') && Array.isArray(t[4])) walk(t[4]);
    }
  };
  walk(tokens);
  return out;
}
