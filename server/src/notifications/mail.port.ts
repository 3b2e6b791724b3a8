/** One e-mail as the outbox hands it to the mail port; `idempotencyKey` becomes its Message-ID. */
export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  idempotencyKey: string;
}

/**
 * Sends e-mail (twenty's EmailDriverInterface: one method). Throws when the mail server is
 * unreachable or refuses the message for now; MailRefusedError when it refuses it for good.
 */
export interface MailPort {
  send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }>;
}

export class MailRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailRefusedError';
  }
}
