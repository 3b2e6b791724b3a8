import { NextResponse, type NextRequest } from 'next/server';
import { graphql } from '@/gql';
import { ApiFailure, serverQuery } from '@/lib/server/api';
import { isSecure, safeBack, setSessionCookie, redirectTo } from '@/lib/server/session';

const DevLogin = graphql(`
  mutation DevLogin($userId: ID!, $enteId: ID) {
    devLogin(userId: $userId, enteId: $enteId) { token expiresAt }
  }
`);

/** Development login (the server refuses it in production): the token goes into the HttpOnly cookie. */
export async function POST(req: NextRequest): Promise<NextResponse> {
  const form = await req.formData();
  const userId = String(form.get('userId') ?? '');
  const back = safeBack(String(form.get('back') ?? '/'));
  try {
    const { devLogin } = await serverQuery(DevLogin, { userId, enteId: (form.get('enteId') as string) || null }, '');
    const res = redirectTo(back);
    setSessionCookie(res, devLogin.token, devLogin.expiresAt, isSecure(req));
    return res;
  } catch (e) {
    const code = e instanceof ApiFailure ? e.code ?? 'ERROR' : 'ERROR';
    return redirectTo(`/auth/failed?code=${encodeURIComponent(code)}&back=${encodeURIComponent(back)}`);
  }
}

