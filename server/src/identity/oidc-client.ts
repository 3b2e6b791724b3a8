import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DomainError } from '../shared/domain-error.js';
import type { OidcSettings } from '../settings/oidc.js';

interface Metadata { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string; userinfo_endpoint?: string }

const TIMEOUT_MS = 10_000;
const DISCOVERY_TTL_MS = 3_600_000;
/** Lifetimes of what the relying party signs: both are used at once (a redirect, a POST). */
const CLIENT_ASSERTION_TTL_S = 60;
const REQUEST_OBJECT_TTL_S = 120;
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export const oidcFailure = (reason: string, params: Record<string, unknown> = {}) => new DomainError('UNAUTHENTICATED', `identity.oidc.${reason}`, params);

async function getJson(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw oidcFailure('provider', { detail: (e as Error).message });
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok || !body || typeof body !== 'object') throw oidcFailure('provider', { detail: `${res.status} ${String(body?.error ?? '')}`.trim() });
  return body;
}

/**
 * A relying party for one issuer: discovery, the authorization code flow with PKCE, client
 * authentication with client_secret_basic or private_key_jwt (RFC 7523), the authorization request
 * optionally as a signed request object (the SPID/CIE OIDC profile asks for both), ID token checks
 * with the issuer's published keys.
 */
export class OidcClient {
  private metadata?: { value: Promise<Metadata>; until: number };
  private jwks?: { uri: string; keys: ReturnType<typeof createRemoteJWKSet> };

  constructor(readonly settings: OidcSettings) {}

  async discover(): Promise<Metadata> {
    if (!this.metadata || this.metadata.until < Date.now()) {
      const issuer = this.settings.issuer.replace(/\/$/, '');
      const value = getJson(`${issuer}/.well-known/openid-configuration`).then((m) => {
        if (m.issuer !== this.settings.issuer || !m.authorization_endpoint || !m.token_endpoint || !m.jwks_uri) throw oidcFailure('discovery');
        return m as unknown as Metadata;
      });
      this.metadata = { value, until: Date.now() + DISCOVERY_TTL_MS };
      value.catch(() => { this.metadata = undefined; }); // a failed discovery is retried on the next login
    }
    return this.metadata.value;
  }

  async authorizationUrl(p: { state: string; nonce: string; codeChallenge: string }): Promise<string> {
    const metadata = await this.discover();
    const url = new URL(metadata.authorization_endpoint);
    const { clientId, redirectUri, scope, requestObject } = this.settings;
    const params: Record<string, string> = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, state: p.state, nonce: p.nonce, code_challenge: p.codeChallenge, code_challenge_method: 'S256' };
    if (!requestObject) {
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.toString();
    }
    // The signed object carries every parameter and wins over the query; the query repeats only what
    // OAuth (client_id, response_type) and the SPID/CIE profile (scope, PKCE) ask to see there too.
    const request = await this.sign({ ...params, iss: clientId, aud: metadata.issuer }, REQUEST_OBJECT_TTL_S);
    for (const k of ['client_id', 'response_type', 'scope', 'code_challenge', 'code_challenge_method']) url.searchParams.set(k, params[k]!);
    url.searchParams.set('request', request);
    return url.toString();
  }

  async exchange(code: string, codeVerifier: string): Promise<{ idToken: string; accessToken?: string }> {
    const { clientId, clientSecret, redirectUri, clientAuth } = this.settings;
    const tokenEndpoint = (await this.discover()).token_endpoint;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (clientAuth === 'private_key_jwt') {
      // RFC 7523 2.2 / OIDC Core 9: a one-time assertion for the token endpoint, no secret.
      form.set('client_id', clientId);
      form.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
      form.set('client_assertion', await this.sign({ iss: clientId, sub: clientId, aud: tokenEndpoint }, CLIENT_ASSERTION_TTL_S));
    } else {
      // RFC 6749 2.3.1: id and secret are form-encoded before the Basic header.
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    }
    const body = await getJson(tokenEndpoint, { method: 'POST', headers, body: form.toString() });
    if (typeof body.id_token !== 'string') throw oidcFailure('provider', { detail: 'no id_token' });
    return { idToken: body.id_token, accessToken: typeof body.access_token === 'string' ? body.access_token : undefined };
  }

  /** A JWT signed with the relying party's key (header: alg and kid), with iat, exp and a unique jti. */
  private async sign(claims: Record<string, string>, ttlSeconds: number): Promise<string> {
    const key = this.settings.signingKey;
    if (!key) throw new Error('OIDC: private_key_jwt and request objects need OIDC_PRIVATE_KEY_FILE'); // readServerConfig refuses this configuration
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, jti: randomUUID() })
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(key.privateKey);
  }

  async verifyIdToken(idToken: string, nonce: string): Promise<JWTPayload> {
    const metadata = await this.discover();
    if (this.jwks?.uri !== metadata.jwks_uri) this.jwks = { uri: metadata.jwks_uri, keys: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.jwks.keys, { issuer: metadata.issuer, audience: this.settings.clientId, clockTolerance: 30 }));
    } catch (e) {
      throw oidcFailure('idToken', { detail: (e as Error).message });
    }
    if (payload.nonce !== nonce) throw oidcFailure('nonce');
    if (!payload.sub) throw oidcFailure('idToken', { detail: 'no sub' });
    return payload;
  }

  /** Claims from the userinfo endpoint (many providers put the attributes only there). */
  async userinfo(accessToken: string | undefined, subject: string): Promise<Record<string, unknown>> {
    const endpoint = (await this.discover()).userinfo_endpoint;
    if (!endpoint || !accessToken) return {};
    const claims = await getJson(endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    if (claims.sub !== subject) throw oidcFailure('idToken', { detail: 'userinfo sub differs' });
    return claims;
  }
}
