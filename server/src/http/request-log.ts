import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../shared/logger.js';

const logs = new WeakMap<IncomingMessage, Logger>();
const CLIENT_ID = /^[\w.:-]{8,64}$/;

/**
 * Gives the request an id (the client's X-Request-Id when well-formed, else a new UUID), sends
 * it back in X-Request-Id, and logs one line when the answer is sent: method, path without the
 * query string (it may hold personal data), status and duration. Everything logged while
 * serving the request goes through `requestLog(req)`, which carries `reqId`.
 */
export function startRequestLog(req: IncomingMessage, res: ServerResponse, base: Logger): Logger {
  const given = req.headers['x-request-id'];
  const reqId = typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
  const log = base.child({ reqId });
  logs.set(req, log);
  res.setHeader('x-request-id', reqId);
  const started = performance.now();
  res.once('close', () => {
    const path = (req.url ?? '').split('?')[0]!.slice(0, 200);
    log.info({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started), finished: res.writableFinished }, 'request');
  });
  return log;
}

export function requestLog(req: IncomingMessage, fallback: Logger): Logger {
  return logs.get(req) ?? fallback;
}
