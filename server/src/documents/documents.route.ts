import type { Route } from '../http/app.js';
import { sendError } from '../http/errors.js';
import { authenticate } from '../identity/authenticate.js';
import type { Services } from '../services.js';

const ONE = /^\/documents\/([^/]+)$/;

/** `GET /documents/:id`: a generated document, for its citizen or the office of its Ente (same Authorization as GraphQL). */
export function documentsRoute(services: Services): Route {
  return async (req, res, url) => {
    const match = ONE.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    try {
      const viewer = await authenticate(services, req.headers.authorization);
      const { row, body } = await services.documents.open(viewer, decodeURIComponent(match[1]!));
      res.writeHead(200, {
        'content-type': row.contentType, 'content-length': String(row.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store', etag: `"${row.sha256}"`,
      });
      for await (const chunk of body) res.write(chunk);
      res.end();
    } catch (e) {
      sendError(req, res, e);
    }
    return true;
  };
}
