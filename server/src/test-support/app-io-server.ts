import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/**
 * A local server answering as App IO's documented API does (io-functions-services): the
 * subscription key, GET /api/v1/profiles/{fiscal_code} (404 without a profile), POST
 * /api/v1/messages validating fiscal code, subject 10-120 and markdown 80-10,000 characters
 * (400 with a problem body), 201 with the message id. `failNext` makes the next requests
 * answer 429 or 5xx, as App IO does under load.
 */
export class AppIoServer {
  readonly messages: Array<{ id: string; fiscalCode: string; subject: string; markdown: string; idempotencyKey: string | undefined }> = [];
  readonly profiles = new Map<string, { sender_allowed: boolean }>();
  failNext: number[] = [];
  private server: Server | null = null;
  url = '';

  constructor(readonly apiKey = 'chiave-app-io-di-prova') {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, body: object) {
    res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.headers['ocp-apim-subscription-key'] !== this.apiKey) return this.send(res, 401, { title: 'Unauthorized' });
    const failure = this.failNext.shift();
    if (failure) return this.send(res, failure, { title: failure === 429 ? 'Too many requests' : 'Internal server error', status: failure });
    const profile = /^\/api\/v1\/profiles\/([A-Z0-9]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && profile) {
      const p = this.profiles.get(profile[1]!);
      return p ? this.send(res, 200, { sender_allowed: p.sender_allowed, preferred_languages: ['it_IT'] }) : this.send(res, 404, { title: 'Profile not found' });
    }
    if (req.method === 'POST' && req.url === '/api/v1/messages') {
      const body = JSON.parse(raw || '{}') as { fiscal_code?: string; content?: { subject?: string; markdown?: string } };
      const subject = body.content?.subject ?? '';
      const markdown = body.content?.markdown ?? '';
      const problems = [
        !/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(body.fiscal_code ?? '') && 'fiscal_code',
        (subject.length < 10 || subject.length > 120) && 'content.subject',
        (markdown.length < 80 || markdown.length > 10_000) && 'content.markdown',
      ].filter(Boolean);
      if (problems.length) return this.send(res, 400, { title: 'Invalid payload', detail: `value [${problems.join(', ')}] is not valid` });
      if (!this.profiles.has(body.fiscal_code!)) return this.send(res, 404, { title: 'Profile not found' });
      const id = randomUUID().replace(/-/g, '').toUpperCase().slice(0, 26);
      this.messages.push({ id, fiscalCode: body.fiscal_code!, subject, markdown, idempotencyKey: req.headers['x-idempotency-key'] as string | undefined });
      return this.send(res, 201, { id });
    }
    return this.send(res, 404, { title: 'Not found' });
  }
}
