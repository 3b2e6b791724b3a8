import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../graphql/schema.js';
import { createFormatError, localizeErrorsPlugin, localizeRefusalBody, logErrorsPlugin } from '../graphql/format-error.js';
import { DEFAULT_LIMITS, armor, checkTokens, queryCostPlugin } from '../graphql/limits.js';
import { inputChecksPlugin } from '../graphql/input-checks.js';
import { useCursorSecret } from '../graphql/connection.js';
import type { GraphQLContext } from '../graphql/context.js';
import { authenticate } from '../identity/authenticate.js';
import { DomainError } from '../shared/domain-error.js';
import { pickLanguage } from '../shared/i18n.js';
import type { Services } from '../services.js';
import { readBody } from './body.js';
import { answerClientError, requestUrl, sendError, sendJson } from './errors.js';
import { logger, type Logger } from '../shared/logger.js';
import { requestLog, startRequestLog } from './request-log.js';
import { PublicResponseCache } from './public-response-cache.js';
import { graphiqlAsset, graphiqlPage } from './graphiql.js';
import { attachmentsRoute } from '../storage/attachments.route.js';
import { documentsRoute } from '../documents/documents.route.js';
import { oidcRoute } from '../identity/oidc.route.js';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface App {
  server: http.Server;
  schema: GraphQLSchema;
  apollo: ApolloServer<GraphQLContext>;
  /** Extra HTTP routes (OIDC callbacks, uploads) registered by areas. */
  routes: Route[];
  stop(): Promise<void>;
}

/**
 * The HTTP front: /graphql (Apollo Server, with body, depth, cost and alias limits), GraphiQL
 * from local files when not in production, /health, and the areas' own routes.
 */
export async function createApp(services: Services, options: { log?: Logger } = {}): Promise<App> {
  const log = options.log ?? logger;
  useCursorSecret(services.config.sessionSecret);
  const schema = await buildApiSchema({ production: services.config.production });
  const guard = armor(DEFAULT_LIMITS);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: guard.validationRules,
    introspection: true,
    // No Apollo landing page (it loads scripts from a CDN): GraphiQL is served locally, outside production.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...guard.plugins, queryCostPlugin(DEFAULT_LIMITS), inputChecksPlugin(), localizeErrorsPlugin(), logErrorsPlugin(log)],
    formatError: createFormatError({ hideSuggestions: services.config.production }),
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean" in production: validation messages would list the schema's names.
    hideSchemaDetailsFromClientErrors: services.config.production,
  });
  await apollo.start();
  const routes: Route[] = [];
  routes.push(attachmentsRoute(services));
  routes.push(documentsRoute(services));
  routes.push(oidcRoute(services));

  const catalogueResponses = new PublicResponseCache();

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const language = pickLanguage(req.headers['accept-language']);
    const body = req.method === 'POST' ? await readBody(req, services.config.maxBodyBytes) : Buffer.alloc(0);
    const text = body.toString('utf8');
    let parsed: unknown;
    if (body.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new DomainError('BAD_USER_INPUT', 'error.invalidJson', { reason: (e as Error).message });
      }
    }
    checkTokens(req.method === 'POST' ? (parsed as { query?: unknown } | undefined)?.query : url.searchParams.get('query'));
    const viewer = await authenticate(services, req.headers.authorization);
    const cacheKey = req.method === 'POST'
      ? catalogueResponses.keyOf({ contentType: req.headers['content-type'], accept: req.headers.accept, language }, text, parsed)
      : null;
    const cached = cacheKey ? catalogueResponses.get(cacheKey) : undefined;
    if (cached) {
      res.writeHead(200, { ...cached.headers, 'content-length': String(Buffer.byteLength(cached.body)), 'x-sportello-cache': 'hit' });
      res.end(cached.body);
      return;
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
      context: async () => {
        return { viewer, language, services, log: requestLog(req, log) };
      },
    });
    const out: Record<string, string> = {};
    for (const [k, v] of result.headers) out[k] = v;
    if (result.body.kind === 'complete') {
      if (cacheKey) catalogueResponses.set(cacheKey, result.status ?? 200, out, result.body.string);
      const answer = (result.status ?? 200) >= 400 ? localizeRefusalBody(result.body.string, language) : result.body.string;
      res.writeHead(result.status ?? 200, { ...out, 'content-length': String(Buffer.byteLength(answer)) });
      res.end(answer);
    } else {
      res.writeHead(result.status ?? 200, out);
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    startRequestLog(req, res, log);
    (async () => {
      const url = requestUrl(req);
      for (const route of routes) if (await route(req, res, url)) return;
      if (url.pathname === '/health') return sendJson(res, 200, { ok: true });
      if (!services.config.production && req.method === 'GET') {
        if (url.pathname === '/graphiql' || (url.pathname === '/graphql' && !url.search && (req.headers.accept ?? '').includes('text/html'))) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(graphiqlPage('/graphql'));
        }
        const asset = url.pathname.startsWith('/graphiql/assets/') ? graphiqlAsset(url.pathname.slice(17)) : undefined;
        if (asset) {
          res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
          return res.end(asset.body);
        }
      }
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      throw new DomainError('NOT_FOUND', 'error.http.routeNotFound');
    })().catch((e) => sendError(req, res, e));
  });
  // Requests Node refuses before they reach the handler (headers over maxHeaderSize, malformed).
  server.on('clientError', answerClientError);

  return {
    server, schema, apollo, routes,
    async stop() {
      // close() waits for keep-alive connections to end by themselves: end the idle ones now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(timer);
      await apollo.stop();
    },
  };
}
