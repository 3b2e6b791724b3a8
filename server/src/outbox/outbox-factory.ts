import { FailingMail, SmtpMail } from '../notifications/smtp-mail.js';
import type { MailPort } from '../notifications/mail.port.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../shared/clock.js';
import type { ProtocolPort } from '../protocol/protocol.port.js';
import type { Deliverers } from './delivery.port.js';
import { emailDeliverer } from './email.deliverer.js';
import { protocolDeliverer } from './protocol.deliverer.js';

export const MAIL_KINDS = ['smtp', 'failing'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Where the outbox delivers: read from the environment once (config.ts). */
export interface DeliverySettings {
  /** SPORTELLO_MAIL=smtp|failing; smtp needs SMTP_URL. Unset with no SMTP_URL: e-mails fail until configured. */
  mail?: { kind: 'smtp'; url: string; from: string } | { kind: 'failing' };
}

export function deliverySettingsFrom(env: NodeJS.ProcessEnv): DeliverySettings {
  const kind = env.SPORTELLO_MAIL || (env.SMTP_URL ? 'smtp' : '');
  if (kind === '') return {};
  if (!(MAIL_KINDS as readonly string[]).includes(kind)) throw new Error(`SPORTELLO_MAIL must be one of ${MAIL_KINDS.join(', ')} (got "${kind}")`);
  if (kind === 'failing') return { mail: { kind: 'failing' } };
  if (!env.SMTP_URL) throw new Error('SPORTELLO_MAIL=smtp needs SMTP_URL (e.g. smtp://user:password@mail.example:587)');
  return { mail: { kind: 'smtp', url: env.SMTP_URL, from: env.MAIL_FROM || 'Sportello <noreply@sportello.local>' } };
}

/** The one place that picks each external system the outbox delivers to. */
export function createMail(settings: DeliverySettings): MailPort | undefined {
  switch (settings.mail?.kind) {
    case 'smtp': return new SmtpMail(settings.mail.url, settings.mail.from);
    case 'failing': return new FailingMail();
    default: return undefined;
  }
}

export interface DeliveryDeps { prisma: PrismaClient; clock: Clock; protocol: ProtocolPort }

export function createDeliverers(settings: DeliverySettings, deps: DeliveryDeps): Deliverers {
  const mail = createMail(settings);
  return {
    ...(mail ? { email: emailDeliverer(mail) } : {}),
    protocol: protocolDeliverer(deps.protocol, deps.prisma, deps.clock),
  };
}
