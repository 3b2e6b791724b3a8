import type { AuthChecker } from 'type-graphql';
import { DomainError, forbidden, unauthenticated } from '../shared/domain-error.js';
import type { ApiScope, Role, Viewer } from './viewer.js';

/**
 * The one place that decides who may do what (DESIGN.md: tenant isolation in one place).
 * Resolvers declare a requirement with @Authorized(...) naming one or more of these; the
 * Ente an operation touches is always the caller's own (enteScope below), never an argument.
 */
export type Requirement =
  | 'CITIZEN' | 'PLATFORM_ADMIN'
  | Role
  | `api:${ApiScope}`;

/** Which roles satisfy a role requirement: a supervisor can do what an operator can. */
const IMPLIED: Record<Role, Role[]> = {
  DESIGNER: ['DESIGNER'],
  OPERATOR: ['OPERATOR', 'SUPERVISOR'],
  SUPERVISOR: ['SUPERVISOR'],
  ADMIN: ['ADMIN'],
};

export function satisfies(viewer: Viewer, requirement: Requirement): boolean {
  if (requirement === 'CITIZEN') return !!viewer.userId && !!viewer.fiscalCode && !viewer.apiKey;
  if (requirement === 'PLATFORM_ADMIN') return viewer.platformAdmin && !viewer.apiKey;
  if (requirement.startsWith('api:')) return !!viewer.apiKey && viewer.apiKey.scopes.includes(requirement.slice(4) as ApiScope);
  const role = requirement as Role;
  return !!viewer.enteId && !viewer.apiKey && viewer.roles.some((r) => IMPLIED[role].includes(r));
}

export function isAnonymous(viewer: Viewer): boolean {
  return !viewer.userId && !viewer.apiKey;
}

/** type-graphql's hook: every @Authorized field passes through here. */
export const authChecker: AuthChecker<{ viewer: Viewer }, Requirement> = ({ context }, requirements) => {
  const { viewer } = context;
  if (requirements.length === 0) {
    if (isAnonymous(viewer)) throw unauthenticated();
    return true;
  }
  if (requirements.some((r) => satisfies(viewer, r))) return true;
  if (isAnonymous(viewer)) throw unauthenticated();
  throw forbidden();
};

/** The Ente every back-office operation is confined to: the session's or the API key's. */
export function enteScope(viewer: Viewer): { enteId: string } {
  if (!viewer.enteId) throw isAnonymous(viewer) ? unauthenticated() : new DomainError('FORBIDDEN', 'error.forbidden');
  return { enteId: viewer.enteId };
}

/** The person a citizen operation acts for: their drafts and pratiche only. */
export function citizenScope(viewer: Viewer): { userId: string; fiscalCode: string } {
  if (!viewer.userId || !viewer.fiscalCode || viewer.apiKey) throw isAnonymous(viewer) ? unauthenticated() : forbidden();
  return { userId: viewer.userId, fiscalCode: viewer.fiscalCode };
}
