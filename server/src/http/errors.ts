import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type ErrorCode } from '../shared/domain-error.js';
import { pickLanguage, translator } from '../shared/i18n.js';
import { logger } from '../shared/logger.js';

/** The one table from error values to HTTP statuses (GraphQL maps codes in graphql/format-error.ts). */
const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  ANSWERS_INVALID: 400,
  DEFINITION_INVALID: 400,
  LIMIT_EXCEEDED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_SERVER_ERROR: 500,
};

/** Refused file types keep the code BAD_USER_INPUT (what the client can fix) but answer 415. */
const STATUS_BY_KEY: Record<string, number> = {
  'attachments.type': 415,
  'attachments.extension': 415,
  'attachments.content': 415,
  'error.http.uriTooLong': 414,
  'error.http.headersTooLarge': 431,
};

export function httpStatusOf(e: DomainError): number {
  return STATUS_BY_KEY[e.key] ?? STATUS[e.code] ?? 400;
}

/** Bytes of a refused request body still read (and dropped) so that the client gets the answer. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Answers an error as JSON `{errors: [{message, extensions: {code, key, params}}]}` in the
 * caller's language; anything that is not a DomainError is logged and answered as an internal
 * error without details.
 *
 * A request refused while its body is still arriving is answered first and then drained (up to
 * DRAIN_MAX_BYTES): closing the socket under a client that is still sending makes its TCP stack
 * reset the connection, and the client loses the answer.
 */
export function sendError(req: IncomingMessage, res: ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const t = translator(pickLanguage(req.headers['accept-language']));
  if (e instanceof DomainError) {
    const params = Object.keys(e.params).length ? { params: e.params } : {};
    sendJson(res, httpStatusOf(e), { errors: [{ message: t(e.key, e.params), extensions: { code: e.code, key: e.key, ...params } }] });
  } else {
    logger.error({ err: e }, 'request failed');
    sendJson(res, 500, { errors: [{ message: t('error.internal'), extensions: { code: 'INTERNAL_SERVER_ERROR', key: 'error.internal' } }] });
  }
  drainRefused(req);
}

function drainRefused(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_MAX_BYTES) req.socket?.destroy();
  });
  req.on('error', () => {}); // a client going away while drained is no error of ours
  req.resume();
}
