import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** JWS algorithms the relying party signs with: RSA keys (2048+ bits) or EC P-256. */
const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
const EC_ALGS = ['ES256'] as const;
export type OidcSigningAlg = (typeof RSA_ALGS)[number] | (typeof EC_ALGS)[number];

/** The public half, as published at /auth/oidc/jwks.json: never `d`, `p`, `q` or the CRT values. */
export type OidcPublicJwk =
  | { kty: 'RSA'; n: string; e: string; kid: string; alg: OidcSigningAlg; use: 'sig' }
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: OidcSigningAlg; use: 'sig' };

/** The relying party's own key: signs client assertions (private_key_jwt) and request objects. */
export interface OidcSigningKey {
  privateKey: KeyObject;
  kid: string;
  alg: OidcSigningAlg;
  publicJwk: OidcPublicJwk;
}

const MIN_RSA_BITS = 2048;

/** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace, base64url. */
function thumbprint(jwk: Record<string, unknown>): string {
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

/**
 * Reads and checks the private key named by OIDC_PRIVATE_KEY_FILE, at start (synchronously, like the
 * rest of the configuration). Every problem is an Error naming the variable to fix.
 */
export function loadOidcSigningKey(file: string, options: { kid?: string; alg?: string } = {}): OidcSigningKey {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`OIDC_PRIVATE_KEY_FILE cannot be read (${file}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw new Error(`OIDC_PRIVATE_KEY_FILE (${file}) is encrypted: give an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt)`);
  }
  if (!pem.includes('-----BEGIN PRIVATE KEY-----')) {
    throw new Error(`OIDC_PRIVATE_KEY_FILE (${file}) must be a PEM PKCS#8 private key ("BEGIN PRIVATE KEY"; convert with openssl pkcs8 -topk8 -nocrypt)`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    throw new Error(`OIDC_PRIVATE_KEY_FILE (${file}) is not a valid private key: ${(e as Error).message}`);
  }
  const type = privateKey.asymmetricKeyType;
  const details = privateKey.asymmetricKeyDetails ?? {};
  let allowed: readonly OidcSigningAlg[];
  if (type === 'rsa') {
    if ((details.modulusLength ?? 0) < MIN_RSA_BITS) throw new Error(`OIDC_PRIVATE_KEY_FILE (${file}): an RSA key needs at least ${MIN_RSA_BITS} bits (got ${details.modulusLength})`);
    allowed = RSA_ALGS;
  } else if (type === 'ec' && details.namedCurve === 'prime256v1') {
    allowed = EC_ALGS;
  } else {
    throw new Error(`OIDC_PRIVATE_KEY_FILE (${file}) must hold an RSA or an EC P-256 key (got ${type}${details.namedCurve ? ` ${details.namedCurve}` : ''})`);
  }
  const alg = (options.alg || allowed[0]) as OidcSigningAlg;
  if (!allowed.includes(alg)) throw new Error(`OIDC_SIGNING_ALG must be one of ${allowed.join(', ')} for this ${type === 'rsa' ? 'RSA' : 'EC P-256'} key (got "${options.alg}")`);

  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as Record<string, string>;
  const kid = options.kid || thumbprint(jwk);
  const publicJwk: OidcPublicJwk = jwk.kty === 'RSA'
    ? { kty: 'RSA', n: jwk.n!, e: jwk.e!, kid, alg, use: 'sig' }
    : { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid, alg, use: 'sig' };
  return { privateKey, kid, alg, publicJwk };
}
