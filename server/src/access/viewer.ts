/** Roles an operator holds in one Ente (prisma enum Role). */
export type Role = 'DESIGNER' | 'OPERATOR' | 'SUPERVISOR' | 'ADMIN';
export const ROLES: readonly Role[] = ['DESIGNER', 'OPERATOR', 'SUPERVISOR', 'ADMIN'];

/** What an API key may do: one scope per area a third party can use. */
export type ApiScope = 'pratiche:read' | 'pratiche:write' | 'definitions:read' | 'definitions:write';
export const API_SCOPES: readonly ApiScope[] = ['pratiche:read', 'pratiche:write', 'definitions:read', 'definitions:write'];

/**
 * Who is calling. A person (userId) may be a citizen (with a fiscal code) and, in the Ente
 * chosen for the session, an operator with roles; a third party calls with an API key bound to
 * one Ente. Anonymous callers can read the public catalogue only.
 */
export interface Viewer {
  userId?: string;
  /** The session a person's token names (logout ends it); none for an API key. */
  sessionId?: string;
  fiscalCode?: string;
  enteId?: string;
  roles: Role[];
  platformAdmin: boolean;
  apiKey?: { id: string; scopes: ApiScope[] };
}

export const ANONYMOUS: Viewer = { roles: [], platformAdmin: false };

/** Who acted, as the audit log records it. */
export function auditActor(viewer: Viewer): { actorId: string | null; actorKind: string } {
  if (viewer.apiKey) return { actorId: viewer.apiKey.id, actorKind: 'apiKey' };
  if (viewer.userId) return { actorId: viewer.userId, actorKind: viewer.enteId || viewer.platformAdmin ? 'operator' : 'citizen' };
  return { actorId: null, actorKind: 'anonymous' };
}

/** Identity provider name of the seeded demo users (Identity.provider): the development login lists them. */
export const DEV_PROVIDER = 'dev';
