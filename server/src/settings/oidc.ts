import path from 'node:path';
import { loadOidcSigningKey, type OidcSigningKey } from '../shared/oidc-keys.js';
import { bool, type Env } from './env.js';

/** How the client authenticates to the token endpoint. */
export type OidcClientAuth = 'client_secret_basic' | 'private_key_jwt';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Only with client_secret_basic ('' otherwise). */
  clientSecret: string;
  redirectUri: string;
  scope: string;
  clientAuth: OidcClientAuth;
  /** Send the authorization request as a signed request object (RFC 9101, OIDC Core 6.1). */
  requestObject: boolean;
  /** The relying party's key: needed by private_key_jwt and request objects, published at /auth/oidc/jwks.json. */
  signingKey?: OidcSigningKey;
  /**
   * Plain http to the issuer is allowed: only for a loopback issuer (a local test provider) outside
   * production. Every other issuer must be https (openid-client refuses http otherwise).
   */
  insecureLoopback: boolean;
}

/** localhost, 127.0.0.0/8 or [::1], as URL.hostname spells them. */
export const isLoopbackHost = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/** The issuer as a URL: https, or http only on loopback outside production. */
function checkIssuer(issuer: string, production: boolean): { insecureLoopback: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER must be an https URL (got "${issuer}")`);
  }
  if (url.protocol === 'https:') return { insecureLoopback: false };
  if (url.protocol !== 'http:') throw new Error(`OIDC_ISSUER must be an https URL (got "${issuer}")`);
  if (production) throw new Error(`OIDC_ISSUER must be an https URL in production (got "${issuer}")`);
  if (!isLoopbackHost(url.hostname)) throw new Error(`OIDC_ISSUER must be an https URL; http is allowed only for a loopback issuer in development (got "${issuer}")`);
  return { insecureLoopback: true };
}

const CLIENT_AUTH: readonly OidcClientAuth[] = ['client_secret_basic', 'private_key_jwt'];

/** OIDC_*: SPID/CIE login; undefined without OIDC_ISSUER. Refuses incomplete or contradictory settings. */
export function oidcSettingsFrom(env: Env, host: string, port: number, production: boolean): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  const { insecureLoopback } = checkIssuer(env.OIDC_ISSUER, production);
  const clientAuth = (env.OIDC_CLIENT_AUTH || 'client_secret_basic') as OidcClientAuth;
  if (!CLIENT_AUTH.includes(clientAuth)) throw new Error(`OIDC_CLIENT_AUTH must be ${CLIENT_AUTH.join(' or ')} (got "${env.OIDC_CLIENT_AUTH}")`);
  const requestObject = bool(env, 'OIDC_REQUEST_OBJECT', false);
  const clientId = env.OIDC_CLIENT_ID ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  const keyFile = env.OIDC_PRIVATE_KEY_FILE ?? '';
  if (clientAuth === 'client_secret_basic' && (!clientId || !clientSecret)) throw new Error('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  if (!clientId) throw new Error('OIDC_ISSUER needs OIDC_CLIENT_ID');
  if (clientAuth === 'private_key_jwt' && !keyFile) throw new Error('OIDC_CLIENT_AUTH=private_key_jwt needs OIDC_PRIVATE_KEY_FILE (a PEM PKCS#8 RSA or EC P-256 private key)');
  if (requestObject && !keyFile) throw new Error('OIDC_REQUEST_OBJECT=true needs OIDC_PRIVATE_KEY_FILE (a PEM PKCS#8 RSA or EC P-256 private key)');
  for (const name of ['OIDC_KEY_ID', 'OIDC_SIGNING_ALG']) if (env[name] && !keyFile) throw new Error(`${name} needs OIDC_PRIVATE_KEY_FILE`);
  return {
    issuer: env.OIDC_ISSUER,
    clientId,
    clientSecret: clientAuth === 'client_secret_basic' ? clientSecret : '',
    redirectUri: env.OIDC_REDIRECT_URI ?? `http://${host}:${port}/auth/oidc/callback`,
    scope: env.OIDC_SCOPE ?? 'openid profile',
    clientAuth,
    requestObject,
    signingKey: keyFile ? loadOidcSigningKey(path.resolve(keyFile), { kid: env.OIDC_KEY_ID, alg: env.OIDC_SIGNING_ALG }) : undefined,
    insecureLoopback,
  };
}
