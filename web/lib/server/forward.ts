import { NextResponse, type NextRequest } from 'next/server';
import { API_URL, LANG_COOKIE, SESSION_COOKIE } from './config';

// Request headers the server needs; the browser's cookies stay here (the session becomes a bearer token).
const PASS = ['content-type', 'content-length', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'];
// Response headers the browser may see; never the server's set-cookie (sessions are this app's cookie).
const BACK = ['content-type', 'content-disposition', 'content-length', 'cache-control', 'etag', 'x-content-type-options'];

/**
 * Forwards a browser request to the server (same path and query), with the session cookie turned into
 * `Authorization: Bearer` and the chosen language as Accept-Language. One origin: no CORS opened.
 */
export async function forward(req: NextRequest, path: string): Promise<NextResponse> {
  const headers: Record<string, string> = {};
  for (const name of PASS) {
    const v = req.headers.get(name);
    if (v) headers[name] = v;
  }
  const session = req.cookies.get(SESSION_COOKIE)?.value;
  if (session) headers.authorization = `Bearer ${session}`;
  headers['accept-language'] = req.cookies.get(LANG_COOKIE)?.value ?? req.headers.get('accept-language') ?? 'it';
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(`${API_URL}${path}${req.nextUrl.search}`, {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      // Streams the body (uploads are not buffered here).
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
    } as RequestInit);
  } catch {
    return NextResponse.json({ errors: [{ message: 'server unreachable', extensions: { code: 'SERVER_DOWN' } }] }, { status: 503 });
  }
  const out = new Headers();
  for (const name of BACK) {
    const v = upstream.headers.get(name);
    if (v) out.set(name, v);
  }
  return new NextResponse(upstream.body, { status: upstream.status, headers: out });
}
