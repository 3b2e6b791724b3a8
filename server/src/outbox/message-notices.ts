import { textToHtml } from '../notifications/message-templates.js';
import { pushSubscriptionsRepository } from '../push/push-subscriptions.repository.js';
import { notFound } from '../shared/domain-error.js';
import { supportedLanguages, translator } from '../shared/i18n.js';
import type { Tx } from '../shared/prisma.js';
import { praticaContext } from '../pratiche/pratica-context.repository.js';
import type { OutboxItem } from './outbox.types.js';

/** A message from the office just written to a pratica's timeline (its history row's id names it). */
export interface OfficeMessage { enteId: string; praticaId: string; eventId: string; text: string }

/** What can reach the citizen besides their own channels: App IO only where the Ente has it configured. */
export interface NoticeChannels { appIo: boolean }

/**
 * The notices that tell the citizen about an office's message, one per channel they can be
 * reached on: e-mail when they have an address, Web Push when they registered a browser, App IO
 * (by fiscal code) when the Ente delivers there. Texts are the platform's (locales/,
 * timeline.message.notice.*) in the pratica's language, with the message itself; the e-mail's
 * HTML escaped. Keyed by the history row, so the same message is never notified twice.
 */
export async function messageNotices(db: Tx, m: OfficeMessage, channels: NoticeChannels): Promise<OutboxItem[]> {
  const ctx = await praticaContext(db, m.praticaId, { enteId: m.enteId });
  if (!ctx) throw notFound('pratica', m.praticaId);
  const language = supportedLanguages.includes(ctx.language) ? ctx.language : ctx.ente.defaultLanguage;
  const t = translator(language);
  const strings = ctx.definition.translations?.[language] ?? ctx.definition.translations?.[ctx.definition.defaultLanguage] ?? {};
  const params = {
    code: ctx.code, name: `${ctx.citizen.givenName} ${ctx.citizen.familyName}`, ente: ctx.ente.name,
    service: strings[ctx.definition.title] ?? ctx.definition.title, text: m.text,
  };
  const subject = t('timeline.message.notice.subject', params);
  const body = t('timeline.message.notice.body', params);
  const item = (kind: OutboxItem['kind'], payload: Record<string, unknown>): OutboxItem => ({
    enteId: m.enteId, praticaId: m.praticaId, kind, idempotencyKey: `pratica:${m.praticaId}:message:${m.eventId}:${kind}`,
    payload: { ...payload, language, praticaCode: ctx.code, notice: 'message' },
  });
  const items: OutboxItem[] = [];
  if (ctx.citizen.email) items.push(item('email', { to: [ctx.citizen.email], subject, text: body, html: textToHtml(body) }));
  if ((await pushSubscriptionsRepository.countOf(db, ctx.citizen.id)) > 0) items.push(item('push', { citizenId: ctx.citizen.id, title: subject, body: m.text }));
  if (channels.appIo && ctx.citizen.fiscalCode) items.push(item('appio', { fiscalCode: ctx.citizen.fiscalCode, subject, markdown: body }));
  return items;
}
