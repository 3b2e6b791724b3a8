import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../http/app.js';
import { requestBody } from '../http/body.js';
import { sendError } from '../http/errors.js';
import { authenticate } from '../identity/authenticate.js';
import { deskViewer } from '../desk/desk-viewer.js';
import { citizenScope, satisfies } from '../access/policy.js';
import type { Viewer } from '../access/viewer.js';
import { DomainError } from '../shared/domain-error.js';
import type { Services } from '../services.js';

const ONE = /^\/attachments\/([^/]+)$/;

/**
 * `PUT /attachments?serviceId=&field=<JSON pointer>&name=<file name>` with the raw file as the
 * body and its Content-Type (or `?praticaId=&name=` for a file of the citizen's reply about
 * their pratica: PDF, JPEG or PNG), Bearer session token, citizen; `GET /attachments/:id` for its
 * owner or the back office (session or API key, see openFile).
 */
export function attachmentsRoute(services: Services): Route {
  return async (req, res, url) => {
    if (url.pathname === '/attachments' && req.method === 'PUT') {
      await guarded(req, res, async () => {
        const citizen = citizenScope(await authenticate(services, req.headers.authorization));
        const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
        const praticaId = url.searchParams.get('praticaId');
        const result = praticaId !== null
          ? await services.attachments.uploadForReply(citizen, { praticaId, name: url.searchParams.get('name'), contentType: req.headers['content-type'], declaredBytes: declared }, requestBody(req))
          : await services.attachments.upload(citizen, {
          serviceId: url.searchParams.get('serviceId'), field: url.searchParams.get('field'), name: url.searchParams.get('name'),
          contentType: req.headers['content-type'], declaredBytes: declared,
        }, requestBody(req));
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(result));
      });
      return true;
    }
    const match = ONE.exec(url.pathname);
    if (match && req.method === 'GET') {
      await guarded(req, res, async () => {
        const viewer = await authenticate(services, req.headers.authorization);
        const file = await openFile(services, viewer, decodeURIComponent(match[1]!));
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
 * The uploader's own file; else, for the back office (operators, supervisors, admins, API keys
 * with pratiche:read), a file of a pratica in the caller's desk, whose download the audit chain
 * records (desk.service openAttachment). Anyone else's is NOT_FOUND.
 */
async function openFile(services: Services, viewer: Viewer, id: string) {
  const office = satisfies(viewer, 'OPERATOR') || satisfies(viewer, 'ADMIN') || satisfies(viewer, 'api:pratiche:read');
  if (!office) return services.attachments.open(citizenScope(viewer), id);
  if (viewer.fiscalCode && !viewer.apiKey) {
    try {
      return await services.attachments.open(citizenScope(viewer), id);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'NOT_FOUND')) throw e;
    }
  }
  return services.desk.openAttachment(deskViewer(viewer), id);
}

/** Errors become the JSON error body (http/errors.ts), a refused upload's unread body drained. */
async function guarded(req: IncomingMessage, res: ServerResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    sendError(req, res, e);
  }
}
