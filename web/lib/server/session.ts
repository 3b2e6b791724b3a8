import { stringifyCookie } from 'cookie';
import { NextResponse } from 'next/server';
import { SESSION_COOKIE } from './config';

/** The session token lives in a first-party HttpOnly cookie: scripts never see it. */
export function setSessionCookie(res: NextResponse, token: string, expiresAt: string, secure: boolean): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  res.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
}

export function clearSessionCookie(res: NextResponse): void {
  res.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
}

/** Whether the browser reached us over HTTPS (directly or through a proxy that says so). */
export function isSecure(req: { headers: Headers; nextUrl: URL }): boolean {
  return req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
}

/** Authorization header for the server from the cookie header of a browser request. */
export function bearerFrom(cookieValue: string | undefined): Record<string, string> {
  return cookieValue ? { authorization: `Bearer ${cookieValue}` } : {};
}

/**
 * The Cookie header that hands the server its OIDC state cookie back. Next's cookie jar gives the
 * value decoded; the `cookie` package encodes it again, so a value is one cookie whatever it holds.
 * A value it cannot encode (a lone surrogate) is no state of ours: none is sent, the login fails.
 */
export function stateCookieHeader(name: string, value: string): Record<string, string> {
  try {
    return { cookie: stringifyCookie({ [name]: value }) };
  } catch {
    return {};
  }
}

/** Only paths of this site: never an open redirect. */
export function safeBack(back: string): string {
  return back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
}

/**
 * A 303 to a path of this site. Relative on purpose: behind `next start` the request URL names
 * "localhost" even when the browser used 127.0.0.1, and the session cookie belongs to the latter.
 */
export function redirectTo(path: string, status = 303): NextResponse {
  return new NextResponse(null, { status, headers: { location: safeBack(path), 'cache-control': 'no-store' } });
}
