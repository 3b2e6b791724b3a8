import { NextResponse, type NextRequest } from 'next/server';
import { API_URL } from '@/lib/server/config';
import { isSecure, safeBack, setSessionCookie, redirectTo, stateCookieHeader } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** The provider's return: the server finishes the login (state cookie, PKCE); the token becomes our cookie. */
export async function GET(req: NextRequest): Promise<NextResponse> {
  const back = safeBack(req.cookies.get('sportello_back')?.value ?? '/');
  const state = req.cookies.get('sportello_oidc')?.value;
  let upstream: Response;
  try {
    upstream = await fetch(`${API_URL}/auth/oidc/callback${req.nextUrl.search}`, {
      redirect: 'manual', cache: 'no-store',
      headers: { ...(state ? stateCookieHeader('sportello_oidc', state) : {}), 'accept-language': req.headers.get('accept-language') ?? 'it' },
    });
  } catch {
    return redirectTo(`/auth/failed?code=SERVER_DOWN&back=${encodeURIComponent(back)}`);
  }
  const body = (await upstream.json().catch(() => ({}))) as {
    token?: string; expiresAt?: string; errors?: Array<{ extensions?: { code?: string; key?: string } }>;
  };
  const failed = !upstream.ok || !body.token || !body.expiresAt;
  const target = failed
    ? `/auth/failed?code=${encodeURIComponent(body.errors?.[0]?.extensions?.code ?? 'OIDC_FAILED')}&back=${encodeURIComponent(back)}`
    : back;
  const res = redirectTo(target);
  res.cookies.set('sportello_oidc', '', { path: '/auth/oidc', maxAge: 0 });
  res.cookies.set('sportello_back', '', { path: '/auth/oidc', maxAge: 0 });
  if (!failed) setSessionCookie(res, body.token!, body.expiresAt!, isSecure(req));
  return res;
}
