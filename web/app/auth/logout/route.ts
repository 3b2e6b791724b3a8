import { NextResponse, type NextRequest } from 'next/server';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { SESSION_COOKIE } from '@/lib/server/config';
import { clearSessionCookie, safeBack, redirectTo } from '@/lib/server/session';

const Logout = graphql(`
  mutation Logout { logout }
`);

/**
 * Log out: the server ends the session (its token is refused from then on, wherever a copy of it
 * is), then the cookie goes. An expired or already-ended session, or the server unreachable, still
 * clears the cookie: the browser is logged out either way.
 */
export async function POST(req: NextRequest): Promise<NextResponse> {
  const form = await req.formData().catch(() => null);
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  if (token) await serverQuery(Logout, {}, token).catch(() => null);
  const back = safeBack(String(form?.get('back') ?? '/'));
  const res = redirectTo(`${back}${back.includes('?') ? '&' : '?'}uscito=1`);
  clearSessionCookie(res);
  return res;
}
