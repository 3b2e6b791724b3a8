import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { DomainError, type ErrorCode } from '../shared/domain-error.js';
import { pickLanguage, translator } from '../shared/i18n.js';
import { logger } from '../shared/logger.js';
import { requestLog } from './request-log.js';

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
  TRANSITION_NOT_ALLOWED: 409,
  GUARD_FAILED: 409,
  ACTION_INVALID: 409,
  OFFICE_DATA_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  BUSY: 503,
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
    if (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED') requestLog(req, logger).warn({ code: e.code, key: e.key }, 'refused');
    const params = Object.keys(e.params).length ? { params: e.params } : {};
    sendJson(res, httpStatusOf(e), { errors: [{ message: t(e.key, e.params), extensions: { code: e.code, key: e.key, ...params } }] });
  } else {
    requestLog(req, logger).error({ err: e }, 'request failed');
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

/** Longest request target accepted (a longer one is 414, before any routing). */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * The request's URL, relative to this server whatever the request target says: `//host/x` is
 * the path `//host/x`, not a URL on another host (parsing it as one threw, and crashed the
 * server, on `//%F3%96%AD%B1/`). Too long or unparsable: a DomainError the caller answers.
 */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  if (target.length > MAX_URL_LENGTH) throw new DomainError('LIMIT_EXCEEDED', 'error.http.uriTooLong', { max: MAX_URL_LENGTH });
  try {
    return new URL(`http://localhost${target.startsWith('/') ? target : `/${target}`}`);
  } catch {
    throw new DomainError('BAD_USER_INPUT', 'error.http.badUrl');
  }
}

/**
 * Node's own refusals (headers too large, malformed requests) come here before any handler:
 * answered with a JSON body and a code instead of an empty response. No headers were parsed,
 * so the message is in Italian and English.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (err.code === 'ECONNRESET')) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const [status, reason, key] = tooLarge ? [431, 'Request Header Fields Too Large', 'error.http.headersTooLarge'] : [400, 'Bad Request', 'error.http.badRequest'];
  const message = `${translator('it')(key)} / ${translator('en')(key)}`;
  const body = JSON.stringify({ errors: [{ message, extensions: { code: tooLarge ? 'LIMIT_EXCEEDED' : 'BAD_USER_INPUT', key } }] });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
