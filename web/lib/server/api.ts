import { cookies } from 'next/headers';
import type { TypedDocumentString } from '@/gql/graphql';
import { API_URL, SESSION_COOKIE } from './config';
import { currentLanguage } from './i18n';

export interface ApiError { message: string; extensions?: { code?: string; key?: string; params?: unknown } }
export class ApiFailure extends Error {
  constructor(public readonly errors: ApiError[], public readonly status: number) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
  get code(): string | undefined { return this.errors[0]?.extensions?.code; }
}

/** Runs a typed GraphQL document on the server for a server component, as the visitor (their cookie). */
export async function serverQuery<R, V>(doc: TypedDocumentString<R, V>, variables: V, token?: string): Promise<R> {
  const jar = await cookies();
  const session = token ?? jar.get(SESSION_COOKIE)?.value;
  let res: Response;
  try {
    res = await fetch(`${API_URL}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': await currentLanguage(),
        ...(session ? { authorization: `Bearer ${session}` } : {}),
      },
      body: JSON.stringify({ query: doc.toString(), variables }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiFailure([{ message: 'server unreachable', extensions: { code: 'SERVER_DOWN' } }], 503);
  }
  const body = (await res.json().catch(() => ({}))) as { data?: R; errors?: ApiError[] };
  if (body.errors?.length) throw new ApiFailure(body.errors, res.status);
  if (!body.data) throw new ApiFailure([{ message: `HTTP ${res.status}` }], res.status);
  return body.data;
}

/** Like serverQuery, but UNAUTHENTICATED and NOT_FOUND become null (anonymous visitor, unknown id). */
export async function serverQueryOrNull<R, V>(doc: TypedDocumentString<R, V>, variables: V): Promise<R | null> {
  try {
    return await serverQuery(doc, variables);
  } catch (e) {
    if (e instanceof ApiFailure && (e.code === 'UNAUTHENTICATED' || e.code === 'NOT_FOUND')) return null;
    throw e;
  }
}
