import { translator } from './i18n.js';

/**
 * Errors are values with stable codes (STYLE.md 9): services throw DomainError, and one
 * formatter (graphql/format-error.ts) maps it to `extensions.code` with a localized message.
 * `key` is an i18n key in locales/<lang>/server.json.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'ANSWERS_INVALID'
  | 'DEFINITION_INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TRANSITION_NOT_ALLOWED'
  | 'GUARD_FAILED'
  | 'ACTION_INVALID'
  | 'OFFICE_DATA_INVALID'
  | 'LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'BUSY'
  | 'INTERNAL_SERVER_ERROR';

/** One problem at one place: a JSON pointer into the answers or the definition. */
export interface FieldError {
  pointer: string;
  code: string;
  message: string;
  /** The message's i18n key and parameters: graphql/format-error.ts re-localizes it per request. */
  key?: string;
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(key);
    this.name = 'DomainError';
  }
}

/**
 * What can be not found, each with its own message (Italian nouns have a gender: "pratica non
 * trovata", "servizio non trovato"): a kind missing here is a type error, not a vague message.
 */
export const NOT_FOUND_KINDS = [
  'apiKey', 'catalogueTemplate', 'ente', 'office', 'outboxAction', 'protocolRecord', 'service', 'serviceVersion', 'user',
  'attachment', 'pratica', 'draft', 'graduatoria', 'graduatoriaRow', 'invitation', 'transition', 'document',
] as const;
export type NotFoundKind = (typeof NOT_FOUND_KINDS)[number];

/** `what` is the kind of thing (`Service`, `serviceVersion`, `pratica`...): its message key is error.notFound.<kind>. */
export const notFound = (what: NotFoundKind | Capitalize<NotFoundKind>, id: string) => {
  const kind = what.charAt(0).toLowerCase() + what.slice(1);
  return new DomainError('NOT_FOUND', `error.notFound.${kind}`, { what: kind, id });
};
export const forbidden = (reason = 'error.forbidden') => new DomainError('FORBIDDEN', reason);
export const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'error.unauthenticated');
export const badInput = (key: string, params: Record<string, unknown> = {}, fieldErrors: FieldError[] = []) =>
  new DomainError('BAD_USER_INPUT', key, params, fieldErrors);
export const conflict = (key: string, params: Record<string, unknown> = {}) => new DomainError('CONFLICT', key, params);

/** A field's problem whose message comes from locales/ (in Italian here, in the caller's language in the answer). */
export const fieldProblem = (pointer: string, code: string, key: string, params: Record<string, unknown> = {}): FieldError =>
  ({ pointer, code, key, params, message: translator('it')(key, params) });

/** Throws BAD_USER_INPUT listing every problem at once (the one problem's own message when alone). */
export function throwProblems(problems: FieldError[]): void {
  if (problems.length === 0) return;
  const only = problems.length === 1 ? problems[0]! : null;
  throw new DomainError('BAD_USER_INPUT', only?.key ?? 'error.fieldsInvalid', only?.params ?? { count: problems.length }, problems);
}
