import { FailingMail, SmtpMail } from '../notifications/smtp-mail.js';
import type { MailPort } from '../notifications/mail.port.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../shared/clock.js';
import type { ProtocolPort } from '../protocol/protocol.port.js';
import type { Deliverers } from './delivery.port.js';
import { emailDeliverer } from './email.deliverer.js';
import { protocolDeliverer } from './protocol.deliverer.js';
import { appIoDeliverer } from './appio.deliverer.js';
import { paymentDeliverer } from './payment.deliverer.js';
import { pushDeliverer } from './push.deliverer.js';
import { documentDeliverer } from './document.deliverer.js';
import type { StoragePort } from '../storage/storage.port.js';
import type { PushSettings } from '../settings/push.js';
import { AppIoClient, FailingAppIo, type AppIoPort } from '../notifications/app-io.js';
import type { DeliverySettings } from '../settings/delivery.js';

export function createAppIo(settings: DeliverySettings): AppIoPort | undefined {
  switch (settings.appIo?.kind) {
    case 'http': return new AppIoClient(settings.appIo.url, settings.appIo.apiKey);
    case 'failing': return new FailingAppIo();
    default: return undefined;
  }
}

/** The one place that picks each external system the outbox delivers to. */
export function createMail(settings: DeliverySettings): MailPort | undefined {
  switch (settings.mail?.kind) {
    case 'smtp': return new SmtpMail(settings.mail.url, settings.mail.from);
    case 'failing': return new FailingMail();
    default: return undefined;
  }
}

export interface DeliveryDeps { prisma: PrismaClient; clock: Clock; protocol: ProtocolPort; push: PushSettings; storage: StoragePort }

export function createDeliverers(settings: DeliverySettings, deps: DeliveryDeps): Deliverers {
  const mail = createMail(settings);
  const appIo = createAppIo(settings);
  return {
    ...(mail ? { email: emailDeliverer(mail) } : {}),
    ...(appIo ? { appio: appIoDeliverer(appIo) } : {}),
    protocol: protocolDeliverer(deps.protocol, deps.prisma),
    payment: paymentDeliverer(deps.prisma, deps.clock),
    push: pushDeliverer(deps.prisma, deps.push),
    document: documentDeliverer(deps.prisma, deps.storage, deps.protocol, deps.clock),
  };
}
