import { SignJWT, jwtVerify } from 'jose';
import type { PrismaClient } from '../generated/prisma/client.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import { logger } from '../shared/logger.js';
import { Lru } from '../shared/lru.js';
import type { Tx } from '../shared/prisma.js';
import { sessionStore } from './session-store.repository.js';
import type { Role, Viewer } from '../access/viewer.js';

const ISSUER = 'sportello';
const AUDIENCE = 'sportello-api';
/** last_seen_at is written at most this often per session (a write per request would double the cost). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Who a session is for. Roles and the platform role are not part of it: they are read from the
 * database on every request. (roles/platformAdmin are accepted and ignored, for callers that
 * still pass them.)
 */
export interface SessionClaims { userId: string; enteId?: string | null; fiscalCode?: string; roles?: Role[]; platformAdmin?: boolean }

export interface IssuedSession { token: string; sessionId: string; expiresAt: Date }

const invalid = () => new DomainError('UNAUTHENTICATED', 'error.invalidToken');

/**
 * Session tokens: a signed JWT (HS256) naming a row of `sessions`. The signature is checked once
 * per token (kept in memory until it expires: WebCrypto's HMAC costs more than most resolvers);
 * the row, with the person's current roles in the session's Ente, is read on every request, so
 * a logout, an ended session, a revoked role or a removed member acts on the next request.
 */
export class SessionTokens {
  private readonly key: Uint8Array;
  private readonly signed = new Lru<string, { sessionId: string; expiresAt: number }>(10_000);
  constructor(private readonly prisma: PrismaClient, secret: string, private readonly ttlSeconds: number, private readonly clock: Clock = systemClock) {
    if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  /** Opens a session (a row) and signs its token; inside the caller's transaction when given. */
  async open(claims: SessionClaims, tx: Tx = this.prisma): Promise<IssuedSession> {
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000);
    const sessionId = await sessionStore.create(tx, { userId: claims.userId, enteId: claims.enteId ?? null, createdAt: now, expiresAt });
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, sessionId, expiresAt };
  }

  async issue(claims: SessionClaims, tx?: Tx): Promise<string> {
    return (await this.open(claims, tx)).token;
  }

  async verify(token: string): Promise<Viewer> {
    const sessionId = await this.sessionOf(token);
    const row = await sessionStore.lookup(this.prisma, sessionId);
    const now = this.clock();
    if (!row) throw invalid();
    if (row.endedAt || row.expiresAt <= now) {
      // A token that was valid once: someone (or something) still holds a logged-out session.
      logger.warn({ event: 'session.endedUsed', sessionId, reason: row.endedAt ? 'ended' : 'expired' }, 'a request came with an ended session');
      throw invalid();
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await sessionStore.touch(this.prisma, sessionId, now);
    // Without a role left in the session's Ente the person is no longer acting for it.
    const inEnte = row.enteId && row.roles.length > 0;
    return Object.freeze({
      userId: row.userId,
      sessionId,
      fiscalCode: row.fiscalCode ?? undefined,
      enteId: inEnte ? row.enteId! : undefined,
      roles: inEnte ? row.roles : [],
      platformAdmin: row.platformAdmin,
    });
  }

  /** Ends one session (logout). */
  async end(sessionId: string, tx: Tx = this.prisma): Promise<boolean> {
    return (await sessionStore.end(tx, sessionId, this.clock())).count > 0;
  }

  /** Ends a person's sessions in one Ente (removed by its admin); returns how many. */
  async endInEnte(userId: string, enteId: string, tx: Tx = this.prisma): Promise<number> {
    return (await sessionStore.endInEnte(tx, userId, enteId, this.clock())).count;
  }

  private async sessionOf(token: string): Promise<string> {
    const hit = this.signed.get(token);
    if (hit && this.clock().getTime() < hit.expiresAt) return hit.sessionId;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: this.clock() });
      if (typeof payload.sid !== 'string' || typeof payload.exp !== 'number') throw invalid();
      this.signed.set(token, { sessionId: payload.sid, expiresAt: payload.exp * 1000 });
      return payload.sid;
    } catch {
      throw invalid();
    }
  }
}
