import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../http/app.js';
import { sendError } from '../http/app.js';
import { authenticate } from '../identity/authenticate.js';
import { DomainError } from '../shared/domain-error.js';
import { pickLanguage, translator } from '../shared/i18n.js';
import { citizenScope } from '../identity/policy.js';
import type { Services } from '../services.js';

const UNSUPPORTED_TYPE = new Set(['attachments.type', 'attachments.extension', 'attachments.content']);
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413 };

/** As the shared error writer, plus 415 for a refused file type (its code stays BAD_USER_INPUT). */
function statusOf(e: DomainError): number {
  return UNSUPPORTED_TYPE.has(e.key) ? 415 : STATUS[e.code] ?? 400;
}
const ONE = /^\/attachments\/([^/]+)$/;

/**
 * `PUT /attachments?serviceId=&field=<JSON pointer>&name=<file name>` with the raw file as the
 * body and its Content-Type; `GET /attachments/:id` for its owner. Bearer session token, citizen.
 */
export function attachmentsRoute(services: Services): Route {
  return async (req, res, url) => {
    if (url.pathname === '/attachments' && req.method === 'PUT') {
      await guarded(req, res, async () => {
        const citizen = citizenScope(await authenticate(services, req.headers.authorization));
        const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
        const result = await services.attachments.upload(citizen, {
          serviceId: url.searchParams.get('serviceId'), field: url.searchParams.get('field'), name: url.searchParams.get('name'),
          contentType: req.headers['content-type'], declaredBytes: declared,
        }, req);
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(result));
      });
      return true;
    }
    const match = ONE.exec(url.pathname);
    if (match && req.method === 'GET') {
      await guarded(req, res, async () => {
        const citizen = citizenScope(await authenticate(services, req.headers.authorization));
        const file = await services.attachments.open(citizen, decodeURIComponent(match[1]!));
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-length': String(file.size),
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
          etag: `"${file.sha256}"`,
        });
        for await (const chunk of file.body) res.write(chunk);
        res.end();
      });
      return true;
    }
    return false;
  };
}

/**
 * Errors become the JSON error body. A refused upload is answered at once, without reading
 * the rest of the body; the connection is closed after the answer so the unread bytes are not
 * taken for the next request.
 */
async function guarded(req: IncomingMessage, res: ServerResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (!req.complete) res.setHeader('connection', 'close');
    if (e instanceof DomainError) {
      const t = translator(pickLanguage(req.headers['accept-language']));
      res.writeHead(statusOf(e), { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: t(e.key, e.params), extensions: { code: e.code, key: e.key, params: e.params } }] }));
    } else {
      sendError(res, req, e);
    }
    if (!req.complete) res.once('finish', () => req.socket.destroy());
  }
}
