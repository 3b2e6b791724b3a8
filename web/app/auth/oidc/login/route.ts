import { NextResponse, type NextRequest } from 'next/server';
import { API_URL } from '@/lib/server/config';
import { safeBack, redirectTo } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * SPID/CIE: the server builds the provider's URL and its state cookie (Path=/auth/oidc, now first-party
 * here); the provider returns to OIDC_REDIRECT_URI, which must be this app's /auth/oidc/callback.
 */
export async function GET(req: NextRequest): Promise<NextResponse> {
  const back = safeBack(req.nextUrl.searchParams.get('back') ?? '/');
  let upstream: Response;
  try {
    upstream = await fetch(`${API_URL}/auth/oidc/login`, { redirect: 'manual', cache: 'no-store' });
  } catch {
    return redirectTo(`/auth/failed?code=SERVER_DOWN&back=${encodeURIComponent(back)}`);
  }
  const location = upstream.headers.get('location');
  if (upstream.status !== 302 || !location) {
    const body = (await upstream.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
    const code = body.errors?.[0]?.extensions?.code ?? 'OIDC_UNAVAILABLE';
    return redirectTo(`/auth/failed?code=${encodeURIComponent(code)}&back=${encodeURIComponent(back)}`);
  }
  const res = NextResponse.redirect(location, 302);
  const state = upstream.headers.get('set-cookie');
  if (state) res.headers.append('set-cookie', state);
  res.cookies.set('sportello_back', back, { httpOnly: true, sameSite: 'lax', path: '/auth/oidc', maxAge: 900 });
  return res;
}
