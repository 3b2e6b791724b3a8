import { timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ServerConfig } from '../config.js';
import { auditService } from '../audit/audit.service.js';
import { DomainError } from '../shared/domain-error.js';
import { isUniqueViolation, type Tx } from '../shared/prisma.js';
import type { Session } from './identity.types.js';
import { profileFrom, type OidcProfile } from './oidc-claims.js';
import { newPending, OidcClient, oidcFailure } from './oidc-client.js';
import type { OidcPublicJwk } from '../shared/oidc-keys.js';
import { OidcStateCookie } from './oidc-state.js';
import { oidcRepository as repo } from './oidc.repository.js';
import type { SessionService } from './session.service.js';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** SPID/CIE login through an OpenID Connect provider (config.oidc), ending in a session token. */
export class OidcService {
  private client?: OidcClient;
  private readonly cookie: OidcStateCookie;

  constructor(private readonly prisma: PrismaClient, private readonly sessions: SessionService, private readonly config: ServerConfig) {
    // Secure in production (behind TLS) and whenever the public address is https.
    this.cookie = new OidcStateCookie(config.sessionSecret, config.production || config.publicUrl.startsWith('https:'));
  }

  /** Where to send the browser, and the cookie that remembers state, nonce and PKCE verifier. */
  async start(): Promise<{ location: string; cookie: string }> {
    const pending = newPending();
    const location = await this.current().authorizationUrl(pending);
    return { location, cookie: await this.cookie.seal(pending) };
  }

  async finish(query: URLSearchParams, cookieHeader: string | undefined): Promise<Session> {
    const client = this.current();
    const pending = await this.cookie.open(cookieHeader);
    const state = query.get('state');
    if (!pending || !state || !sameText(state, pending.state)) throw oidcFailure('state');
    if (query.get('error')) throw oidcFailure('denied', { detail: query.get('error') });
    if (!query.get('code')) throw oidcFailure('provider', { detail: 'no code' });
    const claims = await client.finish(query, pending);
    return this.login(`oidc:${client.settings.issuer}`, profileFrom(claims));
  }

  /** The relying party's public keys (JWKS), for the provider to check our assertions and request objects. */
  jwks(): { keys: OidcPublicJwk[] } {
    const key = this.config.oidc?.signingKey;
    if (!key) throw new DomainError('NOT_FOUND', 'identity.oidc.noKeys');
    return { keys: [key.publicJwk] };
  }

  clearCookie(): string {
    return this.cookie.clear();
  }

  private current(): OidcClient {
    const settings = this.config.oidc;
    if (!settings) throw new DomainError('NOT_FOUND', 'identity.oidc.notConfigured');
    if (this.client?.settings !== settings) this.client = new OidcClient(settings);
    return this.client;
  }

  private async login(provider: string, profile: OidcProfile): Promise<Session> {
    try {
      return await this.prisma.$transaction((tx) => this.findOrCreate(tx, provider, profile));
    } catch (e) {
      // The same first login twice at once (a double click): the other one created the rows.
      if (!isUniqueViolation(e)) throw e;
      return this.prisma.$transaction((tx) => this.findOrCreate(tx, provider, profile));
    }
  }

  /** The identity's user; else the user with this fiscal code (an invited operator, say); else a new citizen. */
  private async findOrCreate(tx: Tx, provider: string, profile: OidcProfile): Promise<Session> {
    let user = await repo.userOfIdentity(tx, provider, profile.subject);
    let outcome = 'known';
    if (user && user.fiscalCode !== profile.fiscalCode) throw oidcFailure('mismatch');
    if (!user) {
      user = await repo.userByFiscalCode(tx, profile.fiscalCode);
      outcome = user ? 'linked' : 'created';
      if (!user) {
        const email = profile.email && !(await repo.emailTaken(tx, profile.email)) ? profile.email : null;
        user = await repo.createUser(tx, { fiscalCode: profile.fiscalCode, givenName: profile.givenName, familyName: profile.familyName, email });
      }
      await repo.linkIdentity(tx, user.id, provider, profile.subject);
    }
    await auditService.record(tx, { enteId: null, actorId: user.id, actorKind: 'citizen', action: 'identity.login', subjectType: 'User', subjectId: user.id, data: { provider, outcome } });
    return this.sessions.open(tx, user.id);
  }
}
