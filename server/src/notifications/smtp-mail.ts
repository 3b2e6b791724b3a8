import nodemailer, { type Transporter } from 'nodemailer';
import { sha256Hex } from '../shared/canonical-json.js';
import { MailRefusedError, type MailPort, type OutgoingMail } from './mail.port.js';

/**
 * The Message-ID is derived from the idempotency key: a message delivered again after a
 * worker crashed between the server's acceptance and the outbox's record carries the same id,
 * which mail systems use to recognise duplicates.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${sha256Hex(idempotencyKey).slice(0, 40)}@${domain}>`;
}

/** E-mail over SMTP with nodemailer (SMTP_URL, e.g. smtp://user:pass@mail.example:587). */
export class SmtpMail implements MailPort {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(url: string, private readonly from: string, timeoutMs = 30_000, maxConnections = 5) {
    // A few pooled connections: a worker's batch queues on them instead of opening one each,
    // so no send waits long enough for a timeout to strike after the server has accepted the
    // message (which would send it again).
    this.transport = nodemailer.createTransport({
      url, pool: true, maxConnections, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs,
    });
    this.domain = from.split('@')[1]?.replace(/[>\s].*$/, '') || 'sportello.local';
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }> {
    const messageId = messageIdFor(mail.idempotencyKey, this.domain);
    try {
      const info = await this.transport.sendMail({
        from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId,
        headers: { 'X-Sportello-Idempotency-Key': mail.idempotencyKey },
      });
      return { messageId, accepted: (info.accepted as Array<string | { address: string }>).map((a) => (typeof a === 'string' ? a : a.address)) };
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      // 5xx: the server refuses this message for good (bad address, too big); 4xx and network errors pass.
      if (code !== undefined && code >= 500 && code < 600) throw new MailRefusedError(`SMTP ${code}: ${(e as Error).message}`);
      throw e;
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** A mail server that is always down: for the "SMTP unavailable" paths. */
export class FailingMail implements MailPort {
  async send(): Promise<never> {
    throw new Error('the failing mail server is configured');
  }
}
