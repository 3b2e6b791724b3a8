import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from '../shared/domain-error.js';
import { Lru } from '../shared/lru.js';
import type { Role, Viewer } from './viewer.js';

const ISSUER = 'sportello';
const AUDIENCE = 'sportello-api';

export interface SessionClaims { userId: string; fiscalCode?: string; enteId?: string; roles: Role[]; platformAdmin: boolean }

/**
 * Signed session tokens (HS256 JWT): stateless, so any server instance can verify them.
 * A token never changes, so its verified claims are kept (until it expires) by token: a
 * client sends the same token on every request, and WebCrypto's HMAC runs on the thread pool,
 * costing more per request than most resolvers.
 */
export class SessionTokens {
  private readonly key: Uint8Array;
  private readonly verified = new Lru<string, { viewer: Viewer; expiresAt: number }>(10_000);
  constructor(secret: string, private readonly ttlSeconds: number) {
    if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  issue(claims: SessionClaims): Promise<string> {
    return new SignJWT({ cf: claims.fiscalCode, ente: claims.enteId, roles: claims.roles, pa: claims.platformAdmin || undefined })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Viewer> {
    const hit = this.verified.get(token);
    if (hit && Date.now() < hit.expiresAt) return hit.viewer;
    return this.verifySignature(token);
  }

  private async verifySignature(token: string): Promise<Viewer> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const viewer: Viewer = Object.freeze({
        userId: payload.sub,
        fiscalCode: typeof payload.cf === 'string' ? payload.cf : undefined,
        enteId: typeof payload.ente === 'string' ? payload.ente : undefined,
        roles: Array.isArray(payload.roles) ? (payload.roles as Role[]) : [],
        platformAdmin: payload.pa === true,
      });
      // jwtVerify has checked exp; a token without one is kept for the session lifetime at most.
      const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() + this.ttlSeconds * 1000;
      this.verified.set(token, { viewer, expiresAt });
      return viewer;
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'error.invalidToken');
    }
  }
}
