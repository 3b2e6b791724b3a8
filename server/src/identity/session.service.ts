import type { PrismaClient } from '../generated/prisma/client.js';
import type { ServerConfig } from '../config.js';
import { auditService } from '../audit/audit.service.js';
import { DomainError, forbidden, notFound, unauthenticated } from '../shared/domain-error.js';
import { logger } from '../shared/logger.js';
import type { Tx } from '../shared/prisma.js';
import type { Me, Session } from './identity.types.js';
import { isUuid } from '../shared/input-check.js';
import { sessionRepository as repo } from './session.repository.js';
import type { SessionTokens } from './session-token.js';
import { isAnonymous } from '../access/policy.js';
import type { ApiScope, Viewer } from '../access/viewer.js';

/**
 * Sessions for people: the development login, switching Ente, `me`. Every session names at
 * most one Ente and carries the person's roles there, read from their memberships.
 */
export class SessionService {
  constructor(private readonly prisma: PrismaClient, private readonly tokens: SessionTokens, private readonly config: ServerConfig) {}

  async devUsers() {
    this.assertDevelopment();
    return repo.devUsers(this.prisma);
  }

  async devLogin(userId: string, enteId?: string | null): Promise<Session> {
    this.assertDevelopment();
    // Only the seeded demo users: a staging server must not let anyone become a real citizen.
    if (!isUuid(userId) || !(await repo.isDevUser(this.prisma, userId))) {
      logger.warn({ event: 'login.refused', method: 'dev', reason: 'notDevUser' }, 'development login refused');
      throw notFound('User', userId);
    }
    return this.openAudited(userId, enteId, 'session.devLogin');
  }

  async selectEnte(viewer: Viewer, enteId: string): Promise<Session> {
    if (!viewer.userId || viewer.apiKey) throw isAnonymous(viewer) ? unauthenticated() : forbidden();
    return this.openAudited(viewer.userId, enteId, 'session.enteSelected');
  }

  /**
   * Issues a session for a user in an Ente they belong to; without enteId, their first Ente
   * (by name), or none for a citizen. Used by every login (dev, OIDC) and by selectEnte.
   */
  async open(tx: Tx, userId: string, enteId?: string | null): Promise<Session> {
    const user = await repo.user(tx, userId);
    if (!user) throw notFound('User', userId);
    const memberships = await repo.memberships(tx, userId);
    const chosen = enteId ? memberships.find((m) => m.ente.id === enteId) : memberships[0];
    if (enteId && !chosen) throw forbidden('identity.notMember');
    const roles = chosen?.roles ?? [];
    const { token, expiresAt } = await this.tokens.open({ userId, enteId: chosen?.ente.id }, tx);
    return { token, expiresAt, me: { user, apiKey: null, ente: chosen?.ente ?? null, roles, memberships } };
  }

  /** Ends the caller's session: its token is refused from the next request on. */
  async logout(viewer: Viewer): Promise<boolean> {
    if (!viewer.sessionId) throw isAnonymous(viewer) ? unauthenticated() : forbidden();
    return this.prisma.$transaction(async (tx) => {
      const ended = await this.tokens.end(viewer.sessionId!, tx);
      if (ended) {
        await auditService.record(tx, {
          enteId: viewer.enteId ?? null, actorId: viewer.userId!, actorKind: viewer.enteId ? 'operator' : 'citizen',
          action: 'session.ended', subjectType: 'Session', subjectId: viewer.sessionId!, data: { by: 'logout' },
        });
      }
      return ended;
    });
  }

  async me(viewer: Viewer): Promise<Me | null> {
    if (viewer.apiKey) {
      const key = await repo.apiKey(this.prisma, viewer.apiKey.id, viewer.enteId!);
      const ente = await repo.enteRef(this.prisma, viewer.enteId!);
      if (!key || !ente) throw new DomainError('UNAUTHENTICATED', 'error.invalidApiKey');
      return { user: null, apiKey: { ...key, scopes: key.scopes as ApiScope[] }, ente, roles: [], memberships: [] };
    }
    if (!viewer.userId) return null;
    const user = await repo.user(this.prisma, viewer.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'error.invalidToken');
    const memberships = await repo.memberships(this.prisma, viewer.userId);
    const ente = viewer.enteId ? (memberships.find((m) => m.ente.id === viewer.enteId)?.ente ?? (await repo.enteRef(this.prisma, viewer.enteId))) : null;
    return { user, apiKey: null, ente, roles: viewer.roles, memberships };
  }

  private openAudited(userId: string, enteId: string | null | undefined, action: string): Promise<Session> {
    return this.prisma.$transaction(async (tx) => {
      const session = await this.open(tx, userId, enteId);
      await auditService.record(tx, {
        enteId: session.me.ente?.id ?? null, actorId: userId, actorKind: session.me.ente ? 'operator' : 'citizen',
        action, subjectType: 'User', subjectId: userId, data: { roles: session.me.roles },
      });
      return session;
    });
  }

  private assertDevelopment(): void {
    if (this.config.production) throw forbidden('error.devLoginDisabled');
  }
}
