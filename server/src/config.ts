import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BYTES_PER_MB } from '@sportello/schemas';
import { registryKindFrom, type RegistryKind } from './registries/registry-factory.js';
import { protocolKindFrom, type ProtocolKind } from './protocol/protocol-factory.js';
import type { OidcClientAuth, OidcSettings } from './identity/oidc-client.js';
import { loadOidcSigningKey } from './identity/oidc-keys.js';
import { outboxSettingsFrom, type OutboxSettings } from './outbox/outbox-settings.js';
import { deliverySettingsFrom, type DeliverySettings } from './outbox/outbox-factory.js';

/** Everything the server reads from the environment, read once and validated at start. */
export interface ServerConfig {
  production: boolean;
  host: string;
  port: number;
  publicUrl: string;
  sessionSecret: string;
  sessionTtlSeconds: number;
  maxBodyBytes: number;
  uploadMaxBytes: number;
  storageDir: string;
  /** Which registries (ANPR, INPS ISEE) answer prefill: SPORTELLO_REGISTRIES=fixture|failing. */
  registries: RegistryKind;
  /** Which protocol register numbers documents: SPORTELLO_PROTOCOL=builtin|failing. */
  protocol: ProtocolKind;
  /** SPID/CIE login (OIDC_*): the issuer, the client's registration and, for private_key_jwt or request objects, its key. */
  oidc?: OidcSettings;
  webUrl?: string;
  /** The outbox's worker (OUTBOX_WORKER=on|off, OUTBOX_*). */
  outbox: OutboxSettings;
  /** Where the outbox delivers (SPORTELLO_MAIL, SMTP_URL, MAIL_FROM, ...). */
  delivery: DeliverySettings;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

const CLIENT_AUTH: readonly OidcClientAuth[] = ['client_secret_basic', 'private_key_jwt'];

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false (got "${raw}")`);
  return raw === 'true';
}

function readOidc(env: NodeJS.ProcessEnv, host: string, port: number): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
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
  };
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  const port = int(env, 'PORT', 4000);
  const sessionSecret = env.SESSION_SECRET ?? (production ? '' : `dev-${randomBytes(24).toString('hex')}`);
  if (production && sessionSecret.length < 32) throw new Error('SESSION_SECRET (32+ characters) is required in production');
  const oidc = readOidc(env, host, port);
  return {
    production, host, port,
    publicUrl: env.PUBLIC_URL ?? `http://${host}:${port}`,
    sessionSecret,
    sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 8 * 3600),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1_000_000),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 10 * BYTES_PER_MB), // = a file field's maxSizeMb: 10
    storageDir: path.resolve(env.SPORTELLO_STORAGE_DIR ?? path.join(repoRoot, 'data', 'attachments')),
    registries: registryKindFrom(env),
    protocol: protocolKindFrom(env),
    oidc,
    webUrl: env.WEB_URL,
    outbox: outboxSettingsFrom(env),
    delivery: deliverySettingsFrom(env),
  };
}
