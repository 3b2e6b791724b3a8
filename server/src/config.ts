import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BYTES_PER_MB } from '@sportello/schemas';
import { registryKindFrom, type RegistryKind } from './settings/registries.js';
import { protocolKindFrom, type ProtocolKind } from './settings/protocol.js';
import { oidcSettingsFrom, type OidcSettings } from './settings/oidc.js';
import { outboxSettingsFrom, type OutboxSettings } from './settings/outbox.js';
import { deliverySettingsFrom, type DeliverySettings } from './settings/delivery.js';
import { positiveInt as int } from './settings/env.js';
import { pushSettingsFrom, type PushSettings } from './settings/push.js';

/**
 * Everything the server reads from the environment, read once and validated at start. Each area's
 * settings are parsed in settings/ (which, like this file, imports nothing above shared/).
 */
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
  /** Web Push to citizens' installed apps (VAPID_*, PUSH_ENDPOINT_HOSTS). */
  push: PushSettings;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Where attachments and generated documents are stored (SPORTELLO_STORAGE_DIR). */
export const storageDirFrom = (env: NodeJS.ProcessEnv) => path.resolve(env.SPORTELLO_STORAGE_DIR ?? path.join(repoRoot, 'data', 'attachments'));
/** Where development keeps its generated VAPID key pair (VAPID_KEY_FILE overrides). */
export const DEV_VAPID_KEY_FILE = path.join(repoRoot, 'data', 'vapid-dev.json');

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  const port = int(env, 'PORT', 4000);
  const sessionSecret = env.SESSION_SECRET ?? (production ? '' : `dev-${randomBytes(24).toString('hex')}`);
  if (production && sessionSecret.length < 32) throw new Error('SESSION_SECRET (32+ characters) is required in production');
  const oidc = oidcSettingsFrom(env, host, port, production);
  return {
    production, host, port,
    publicUrl: env.PUBLIC_URL ?? `http://${host}:${port}`,
    sessionSecret,
    sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 8 * 3600),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1_000_000),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 10 * BYTES_PER_MB), // = a file field's maxSizeMb: 10
    storageDir: storageDirFrom(env),
    registries: registryKindFrom(env),
    protocol: protocolKindFrom(env),
    oidc,
    webUrl: env.WEB_URL,
    outbox: outboxSettingsFrom(env),
    delivery: deliverySettingsFrom(env),
    push: pushSettingsFrom(env, production, DEV_VAPID_KEY_FILE),
  };
}
