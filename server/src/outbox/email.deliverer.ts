import { MailRefusedError, type MailPort } from '../notifications/mail.port.js';
import { PermanentDeliveryError, type Deliver } from './delivery.port.js';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Delivers an `email` action whose payload holds the message: `{ to: string[], subject, text, html? }`
 * (OutboxEnqueue's callers, e.g. the SLA alarms, write this form).
 */
export function emailDeliverer(mail: MailPort): Deliver {
  return async (action) => {
    const { to, subject, text, html } = action.payload as { to?: unknown; subject?: unknown; text?: unknown; html?: unknown };
    const recipients = (Array.isArray(to) ? to : [to]).filter(isText);
    if (recipients.length === 0) throw new PermanentDeliveryError('the e-mail has no recipient address');
    if (!isText(subject) || !isText(text)) throw new PermanentDeliveryError('the e-mail has no subject or text');
    try {
      const sent = await mail.send({ to: recipients, subject, text, html: isText(html) ? html : undefined, idempotencyKey: `${action.enteId}/${action.idempotencyKey}` });
      return { messageId: sent.messageId, accepted: sent.accepted };
    } catch (e) {
      if (e instanceof MailRefusedError) throw new PermanentDeliveryError(e.message);
      throw e;
    }
  };
}
