import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { registryKindFrom, type RegistryKind } from './registries/registry-factory.js';

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
  oidc?: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; scope: string };
  webUrl?: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  const port = int(env, 'PORT', 4000);
  const sessionSecret = env.SESSION_SECRET ?? (production ? '' : `dev-${randomBytes(24).toString('hex')}`);
  if (production && sessionSecret.length < 32) throw new Error('SESSION_SECRET (32+ characters) is required in production');
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID ?? '',
        clientSecret: env.OIDC_CLIENT_SECRET ?? '',
        redirectUri: env.OIDC_REDIRECT_URI ?? `http://${host}:${port}/auth/oidc/callback`,
        scope: env.OIDC_SCOPE ?? 'openid profile',
      }
    : undefined;
  if (oidc && (!oidc.clientId || !oidc.clientSecret)) throw new Error('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  return {
    production, host, port,
    publicUrl: env.PUBLIC_URL ?? `http://${host}:${port}`,
    sessionSecret,
    sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 8 * 3600),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1_000_000),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 10_000_000),
    storageDir: path.resolve(env.SPORTELLO_STORAGE_DIR ?? path.join(repoRoot, 'data', 'attachments')),
    registries: registryKindFrom(env),
    oidc,
    webUrl: env.WEB_URL,
  };
}
