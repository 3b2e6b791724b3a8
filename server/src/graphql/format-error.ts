import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, type FieldError } from '../shared/domain-error.js';
import type { TFunction } from 'i18next';
import { translator } from '../shared/i18n.js';
import type { Logger } from '../shared/logger.js';

/** Apollo's own codes for malformed requests: they keep their code and get a key (apolloKey). */
const PASS_THROUGH = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The key of one of Apollo's refusals. Apollo gives no finer code than BAD_REQUEST, so its two
 * refusals a browser meets (the CSRF block, an unacceptable Accept header) are told by their
 * text; the others keep graphql-js's or Apollo's detail after a localized lead-in.
 */
function apolloKey(code: string, message: string): { key: string; params: Record<string, unknown> } {
  if (code === 'GRAPHQL_PARSE_FAILED') return { key: 'error.graphql.syntax', params: { detail: message } };
  if (code === 'GRAPHQL_VALIDATION_FAILED') return { key: 'error.graphql.invalid', params: { detail: message } };
  if (/Cross-Site Request Forgery/.test(message)) return { key: 'error.graphql.csrf', params: {} };
  if (/'accept' header/.test(message)) return { key: 'error.graphql.notAcceptable', params: {} };
  return { key: 'error.graphql.badRequest', params: { detail: message } };
}

/** graphql-js's refusal of a variable's value, before execution. */
const VARIABLE = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

/** graphql-js's suggestion at the end of a message (the same pattern as Apollo's own plugin). */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The one place where errors become GraphQL errors (STYLE.md 9): a DomainError keeps its
 * stable code and gets a localized message and its field errors; argument validation from
 * type-graphql becomes BAD_USER_INPUT; anything else is an internal error whose details
 * are logged (logErrorsPlugin), never sent. With `hideSuggestions` (production), no "Did you
 * mean" names the schema: Apollo's hideSchemaDetailsFromClientErrors removes it from validation
 * errors only, not from a variable's value refused before execution (`Value "ADMN" does not
 * exist in "Role" enum. Did you mean the enum value "ADMIN"?`).
 */
export function createFormatError(options: { hideSuggestions?: boolean } = {}) {
  const format = baseFormatError(options.hideSuggestions ?? false);
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return SUGGESTION.test(out.message) ? { ...out, message: out.message.replace(SUGGESTION, '') } : out;
  };
}

function baseFormatError(hideSuggestions: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Limits throw a GraphQLError wrapping a DomainError from a plugin, not from a resolver.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;
    const t = translator('it'); // re-localized per request by localizeErrorsPlugin
    if (original instanceof DomainError) {
      return {
        message: t(original.key, original.params),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          key: original.key,
          ...(Object.keys(original.params).length ? { params: original.params } : {}),
          ...(original.fieldErrors.length ? { fieldErrors: original.fieldErrors } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const detail = hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      const { key, params } = apolloKey(code, detail);
      return { ...formatted, message: t(key, params), extensions: { ...formatted.extensions, code, key, ...(Object.keys(params).length ? { params } : {}) } };
    }
    if (code === 'BAD_USER_INPUT' && !formatted.extensions?.key && VARIABLE.test(formatted.message)) {
      // A variable refused before execution (graphql-js's coercion: wrong type, unknown enum value).
      const detail = hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      return { ...formatted, message: t('error.graphql.variable', { detail }), extensions: { ...formatted.extensions, key: 'error.graphql.variable', params: { detail } } };
    }
    if (typeof code === 'string' && code === 'BAD_USER_INPUT') return formatted;
    if (original instanceof GraphQLError && !(original.originalError)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: code ?? 'BAD_USER_INPUT' } };
    }
    return { message: t('error.internal'), locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', key: 'error.internal' } };
  };
}

/** Whether an error is ours to fix (an internal error) rather than the caller's. */
export function isInternal(error: unknown): boolean {
  const unwrapped = unwrapResolverError(error);
  const original = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
  if (original instanceof DomainError) return false;
  return !(original instanceof GraphQLError) || Boolean(original.originalError);
}

/**
 * Logs through the request's log (with its request id): internal errors at error, refused
 * access (FORBIDDEN, UNAUTHENTICATED) at warn with the code and the operation's path only.
 */
export function logErrorsPlugin(fallback: Logger): ApolloServerPlugin<{ log?: Logger }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const log = contextValue?.log ?? fallback;
          for (const e of errors) {
            const original = e.originalError instanceof GraphQLError ? e.originalError.originalError ?? e.originalError : e.originalError;
            if (original instanceof DomainError) {
              if (original.code === 'FORBIDDEN' || original.code === 'UNAUTHENTICATED') log.warn({ code: original.code, key: original.key, path: e.path?.join('.') }, 'refused');
            } else if (original && e.extensions?.code !== 'BAD_USER_INPUT' && isInternal(e)) {
              log.error({ err: original, path: e.path?.join('.') }, 'operation failed');
            }
          }
        },
      };
    },
  };
}

/** An error rewritten in a language from its key (and its field errors from theirs). */
export function localizeError(e: GraphQLFormattedError, t: TFunction): GraphQLFormattedError {
  const key = e.extensions?.key;
  if (typeof key !== 'string') return e;
  const fieldErrors = Array.isArray(e.extensions?.fieldErrors)
    ? { fieldErrors: (e.extensions.fieldErrors as FieldError[]).map((f) => (f.key ? { ...f, message: t(f.key, f.params ?? {}) } : f)) }
    : {};
  return { ...e, message: t(key, (e.extensions?.params as Record<string, unknown>) ?? {}), extensions: { ...e.extensions, ...fieldErrors } };
}

/**
 * Apollo's formatError has no request context, so messages are first written in Italian and
 * then rewritten here in the caller's language (Accept-Language), from each error's key.
 * Apollo's refusals before the request pipeline (CSRF, Accept) skip plugins: app.ts rewrites those.
 */
export function localizeErrorsPlugin(): ApolloServerPlugin<{ language: string }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const t = translator(contextValue.language);
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => localizeError(e, t));
        },
      };
    },
  };
}

/**
 * The body of one of Apollo's refusals before the request pipeline (CSRF block, Accept header,
 * malformed request), rewritten in the caller's language: plugins never see those.
 */
export function localizeRefusalBody(body: string, language: string): string {
  let parsed: { errors?: GraphQLFormattedError[] };
  try {
    parsed = JSON.parse(body) as { errors?: GraphQLFormattedError[] };
  } catch {
    return body;
  }
  if (!Array.isArray(parsed?.errors)) return body;
  const t = translator(language);
  return JSON.stringify({ ...parsed, errors: parsed.errors.map((e) => localizeError(e, t)) });
}
