import { importPKCS8 } from 'jose';
import * as oidc from 'openid-client';
import { DomainError } from '../shared/domain-error.js';
import { isLoopbackHost, type OidcSettings } from '../settings/oidc.js';

const TIMEOUT_S = 10;
const DISCOVERY_TTL_MS = 3_600_000;
const CLOCK_TOLERANCE_S = 30;

export const oidcFailure = (reason: string, params: Record<string, unknown> = {}) => new DomainError('UNAUTHENTICATED', `identity.oidc.${reason}`, params);

/** What the login step leaves for the callback (kept in the encrypted state cookie). */
export interface OidcPending { state: string; nonce: string; verifier: string }

/** A fresh state, nonce and PKCE verifier for one login (openid-client's own random values). */
export function newPending(): OidcPending {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
}

/** The first cause in an error's chain that says which JWT claim or JSON attribute failed. */
function failedCheck(error: unknown): { claim?: string; attribute?: string } {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { claim, attribute } = e as { claim?: unknown; attribute?: unknown };
    if (typeof claim === 'string' || typeof attribute === 'string') return { claim: claim as string | undefined, attribute: attribute as string | undefined };
  }
  return {};
}

/** openid-client's errors as this server's localized UNAUTHENTICATED problems (never a 500). */
function asOidcFailure(e: unknown, step: 'discovery' | 'token' | 'userinfo'): DomainError {
  if (e instanceof DomainError) return e;
  if (e instanceof oidc.ResponseBodyError) return oidcFailure('provider', { detail: `${e.status} ${e.error}` });
  if (e instanceof oidc.AuthorizationResponseError) return oidcFailure('denied', { detail: e.error });
  if (e instanceof oidc.ClientError) {
    const { claim, attribute } = failedCheck(e);
    if (claim === 'nonce') return oidcFailure('nonce');
    if (step === 'discovery' && attribute === 'issuer') return oidcFailure('discovery');
    if (step === 'userinfo' && attribute === 'sub') return oidcFailure('idToken', { detail: 'userinfo sub differs' });
    if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || e.code === 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED' || e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' || claim) {
      return oidcFailure('idToken', { detail: e.message });
    }
    return oidcFailure('provider', { detail: e.message });
  }
  return oidcFailure('provider', { detail: (e as Error)?.message ?? String(e) });
}

/**
 * A relying party for one issuer on openid-client (v6): discovery, the authorization code flow with
 * PKCE, state and nonce, client authentication with client_secret_basic or private_key_jwt (RFC 7523),
 * the authorization request optionally as a signed request object (RFC 9101; the SPID/CIE OIDC
 * profile asks for both), ID token checks including its signature against the issuer's published
 * keys (non-repudiation), and userinfo. Plain http is allowed only for a loopback issuer when the
 * settings say so (development and tests; readServerConfig never allows it in production).
 */
export class OidcClient {
  private configuration?: { value: Promise<oidc.Configuration>; until: number };
  private key?: Promise<oidc.PrivateKey>;

  constructor(readonly settings: OidcSettings) {}

  /** The issuer's configuration, discovered once an hour; a failed discovery is retried on the next login. */
  private config(): Promise<oidc.Configuration> {
    if (!this.configuration || this.configuration.until < Date.now()) {
      const value = this.discover();
      this.configuration = { value, until: Date.now() + DISCOVERY_TTL_MS };
      value.catch(() => { this.configuration = undefined; });
    }
    return this.configuration.value;
  }

  private async discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, clientAuth, redirectUri, insecureLoopback } = this.settings;
    const issuerUrl = new URL(issuer);
    const insecure = insecureLoopback && issuerUrl.protocol === 'http:' && isLoopbackHost(issuerUrl.hostname);
    let auth: oidc.ClientAuth;
    if (clientAuth === 'private_key_jwt') {
      const key = await this.signingKey();
      // The assertion's audience is the token endpoint (as the SPID/CIE profile shows it); one jti each time.
      auth = (as, client, body, headers) => oidc.PrivateKeyJwt(key, { [oidc.modifyAssertion]: (_header, payload) => { payload.aud = as.token_endpoint; } })(as, client, body, headers);
    } else {
      auth = oidc.ClientSecretBasic(clientSecret);
    }
    const execute = [oidc.enableNonRepudiationChecks, ...(insecure ? [oidc.allowInsecureRequests] : [])];
    try {
      return await oidc.discovery(issuerUrl, clientId, { redirect_uris: [redirectUri], [oidc.clockTolerance]: CLOCK_TOLERANCE_S }, auth, { execute, timeout: TIMEOUT_S });
    } catch (e) {
      throw asOidcFailure(e, 'discovery');
    }
  }

  /** The relying party's key as WebCrypto wants it (imported once). */
  private signingKey(): Promise<oidc.PrivateKey> {
    const key = this.settings.signingKey;
    if (!key) return Promise.reject(new Error('OIDC: private_key_jwt and request objects need OIDC_PRIVATE_KEY_FILE')); // readServerConfig refuses this configuration
    this.key ??= importPKCS8(key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, key.alg).then((cryptoKey) => ({ key: cryptoKey, kid: key.kid }));
    return this.key;
  }

  async authorizationUrl(pending: OidcPending): Promise<string> {
    const config = await this.config();
    const { redirectUri, scope, requestObject } = this.settings;
    const params: Record<string, string> = {
      redirect_uri: redirectUri, scope, response_type: 'code', state: pending.state, nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
    };
    if (!requestObject) return oidc.buildAuthorizationUrl(config, params).toString();
    // The signed object carries every parameter and wins over the query; the query repeats only what
    // OAuth (response_type) and the SPID/CIE profile (scope, PKCE) ask to see there too.
    let url: URL;
    try {
      url = await oidc.buildAuthorizationUrlWithJAR(config, params, await this.signingKey());
    } catch (e) {
      throw asOidcFailure(e, 'token');
    }
    for (const k of ['response_type', 'scope', 'code_challenge', 'code_challenge_method']) url.searchParams.set(k, params[k]!);
    return url.toString();
  }

  /**
   * The callback's parameters checked against the pending login (state, the provider's iss when it
   * sends one), the code exchanged with the PKCE verifier, the ID token validated (signature, issuer,
   * audience, times, nonce), then the userinfo claims (many providers put the attributes only there).
   */
  async finish(query: URLSearchParams, pending: OidcPending): Promise<Record<string, unknown>> {
    const config = await this.config();
    const callback = new URL(this.settings.redirectUri);
    callback.search = query.toString();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    } catch (e) {
      throw asOidcFailure(e, 'token');
    }
    const idClaims = tokens.claims();
    if (!idClaims?.sub) throw oidcFailure('idToken', { detail: 'no sub' });
    let userinfo: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      } catch (e) {
        throw asOidcFailure(e, 'userinfo');
      }
    }
    return { ...userinfo, ...idClaims };
  }
}
