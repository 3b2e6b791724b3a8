import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** A typed document of either codegen output (gql/, lib/wizard/gql/: each has its own TypedDocumentString class). */
type TypedDocument<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

export interface FieldError { pointer: string; code: string; message: string }
/** A refusal from the server (stable code), or no answer at all (`offline`). */
export class GqlError extends Error {
  constructor(message: string, public readonly code: string, public readonly fieldErrors: FieldError[] = [], public readonly params?: Record<string, unknown>, public readonly key?: string) {
    super(message);
  }
  get offline(): boolean { return this.code === 'OFFLINE' || this.code === 'SERVER_DOWN'; }
}

/** A typed GraphQL call from the browser, through this app's /graphql (the session cookie goes along). */
export async function gql<R, V>(doc: TypedDocument<R, V>, variables: V): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: doc.toString(), variables }),
      credentials: 'same-origin',
    });
  } catch {
    throw new GqlError('offline', 'OFFLINE');
  }
  const body = (await res.json().catch(() => null)) as null | {
    data?: R; errors?: Array<{ message: string; extensions?: { code?: string; key?: string; fieldErrors?: FieldError[]; params?: Record<string, unknown> } }>;
  };
  if (!body) throw new GqlError(`HTTP ${res.status}`, res.status >= 500 ? 'SERVER_DOWN' : 'HTTP_ERROR');
  const e = body.errors?.[0];
  if (e) throw new GqlError(e.message, e.extensions?.code ?? 'ERROR', e.extensions?.fieldErrors ?? [], e.extensions?.params, e.extensions?.key);
  return body.data as R;
}
