import type { ServerResponse } from 'node:http';
import type { Route } from '../http/app.js';
import { requestLog } from '../http/request-log.js';
import { logger } from '../shared/logger.js';
import { DomainError } from '../shared/domain-error.js';
import type { Services } from '../services.js';

function redirect(res: ServerResponse, location: string, cookie: string): void {
  res.writeHead(302, { location, 'set-cookie': cookie, 'cache-control': 'no-store' });
  res.end();
}

/** The token (or error) goes in the fragment: it never reaches a server log or a Referer header. */
function withFragment(base: string, values: Record<string, string>): string {
  const url = new URL(base);
  url.hash = new URLSearchParams(values).toString();
  return url.toString();
}

const PATHS = new Set(['/auth/oidc/login', '/auth/oidc/callback', '/auth/oidc/jwks.json']);

/**
 * GET /auth/oidc/login sends the browser to the SPID/CIE provider; GET /auth/oidc/callback
 * finishes the login and hands the session token to the web app (config.webUrl) or, without
 * one, answers JSON {token, expiresAt}. GET /auth/oidc/jwks.json publishes the relying party's
 * public key (OIDC_PRIVATE_KEY_FILE), 404 without one.
 */
export function oidcRoute(services: Services): Route {
  return async (req, res, url) => {
    if (req.method !== 'GET' || !PATHS.has(url.pathname)) return false;
    const oidc = services.identity.oidc;
    const webUrl = services.config.webUrl;
    if (url.pathname === '/auth/oidc/jwks.json') {
      const body = JSON.stringify(oidc.jwks());
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });
      res.end(body);
      return true;
    }
    if (url.pathname === '/auth/oidc/login') {
      const { location, cookie } = await oidc.start();
      redirect(res, location, cookie);
      return true;
    }
    try {
      const session = await oidc.finish(url.searchParams, req.headers.cookie);
      if (webUrl) redirect(res, withFragment(webUrl, { token: session.token }), oidc.clearCookie());
      else {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'set-cookie': oidc.clearCookie(), 'cache-control': 'no-store' });
        res.end(JSON.stringify({ token: session.token, expiresAt: session.expiresAt.toISOString() }));
      }
    } catch (e) {
      if (webUrl && e instanceof DomainError) {
        // A refused login is a security event even when it goes back to the web app (no personal data).
        requestLog(req, logger).warn({ code: e.code, key: e.key }, 'refused');
        redirect(res, withFragment(webUrl, { error: e.key }), oidc.clearCookie());
      }
      else {
        res.setHeader('set-cookie', oidc.clearCookie());
        throw e; // answered by the app's error handler, with the cookie cleared
      }
    }
    return true;
  };
}
