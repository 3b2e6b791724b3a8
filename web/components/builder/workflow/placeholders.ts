import { templateProblems } from '@sportello/schemas';

/**
 * The placeholders a workflow message may use and the check of a text are the engine's own
 * (@sportello/schemas: the server refuses exactly what is flagged here); this module only turns
 * the engine's problems into what the message editor shows beside a text.
 */
export { PLACEHOLDERS, knownPlaceholders } from '@sportello/schemas';

/** What is wrong with a message text: not a template at all, or placeholders the server refuses. */
export type TextProblem = { kind: 'invalid'; detail: string } | { kind: 'unknown'; name: string };

export function textProblems(text: string, known: Set<string>): TextProblem[] {
  return templateProblems(text, known, '').map((p) => p.code === 'template.invalid'
    ? { kind: 'invalid', detail: p.message.replace(/^Not a valid template: /, '') }
    : { kind: 'unknown', name: String(p.params?.placeholder ?? '') });
}
