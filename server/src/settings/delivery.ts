import type { Env } from './env.js';

export const MAIL_KINDS = ['smtp', 'failing'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Where the outbox delivers: read from the environment once (config.ts); outbox/outbox-factory.ts builds the deliverers. */
export interface DeliverySettings {
  /** SPORTELLO_MAIL=smtp|failing; smtp needs SMTP_URL. Unset with no SMTP_URL: e-mails fail until configured. */
  mail?: { kind: 'smtp'; url: string; from: string } | { kind: 'failing' };
  /** SPORTELLO_APPIO=http|failing; http needs APP_IO_URL and APP_IO_API_KEY. Unset: App IO messages fail until configured. */
  appIo?: { kind: 'http'; url: string; apiKey: string } | { kind: 'failing' };
}

function appIoSettingsFrom(env: Env): DeliverySettings['appIo'] {
  const kind = env.SPORTELLO_APPIO || (env.APP_IO_URL ? 'http' : '');
  if (kind === '') return undefined;
  if (kind === 'failing') return { kind };
  if (kind !== 'http') throw new Error(`SPORTELLO_APPIO must be http or failing (got "${kind}")`);
  if (!env.APP_IO_URL || !env.APP_IO_API_KEY) throw new Error('SPORTELLO_APPIO=http needs APP_IO_URL (e.g. https://api.io.pagopa.it/) and APP_IO_API_KEY');
  return { kind, url: env.APP_IO_URL, apiKey: env.APP_IO_API_KEY };
}

function mailSettingsFrom(env: Env): DeliverySettings['mail'] {
  const kind = env.SPORTELLO_MAIL || (env.SMTP_URL ? 'smtp' : '');
  if (kind === '') return undefined;
  if (!(MAIL_KINDS as readonly string[]).includes(kind)) throw new Error(`SPORTELLO_MAIL must be one of ${MAIL_KINDS.join(', ')} (got "${kind}")`);
  if (kind === 'failing') return { kind: 'failing' };
  if (!env.SMTP_URL) throw new Error('SPORTELLO_MAIL=smtp needs SMTP_URL (e.g. smtp://user:password@mail.example:587)');
  return { kind: 'smtp', url: env.SMTP_URL, from: env.MAIL_FROM || 'Sportello <noreply@sportello.local>' };
}

export function deliverySettingsFrom(env: Env): DeliverySettings {
  const mail = mailSettingsFrom(env);
  const appIo = appIoSettingsFrom(env);
  return { ...(mail ? { mail } : {}), ...(appIo ? { appIo } : {}) };
}
