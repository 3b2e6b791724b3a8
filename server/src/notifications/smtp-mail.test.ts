import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../test-support/smtp-sink.js';
import { MailRefusedError } from './mail.port.js';
import { FailingMail, SmtpMail, messageIdFor } from './smtp-mail.js';

// E-mail over SMTP against a real SMTP server on loopback, which parses what arrived.

let sink: SmtpSink;
beforeAll(async () => {
  sink = await new SmtpSink().start();
});
afterAll(() => sink?.stop());

describe('SmtpMail', () => {
  it('delivers subject, text, HTML, recipients and a Message-ID derived from the idempotency key', async () => {
    const mail = new SmtpMail(sink.url, 'Comune <protocollo@comune.example>', 5000);
    const sent = await mail.send({ to: ['mario@example.org', 'ufficio@comune.example'], subject: 'Esito della pratica 2026-000001', text: 'Accolta.', html: '<p>Accolta.</p>', idempotencyKey: 'e1/k1' });
    mail.close();
    expect(sent).toEqual({ messageId: messageIdFor('e1/k1', 'comune.example'), accepted: ['mario@example.org', 'ufficio@comune.example'] });
    const got = sink.messages.at(-1)!;
    expect(got.subject).toBe('Esito della pratica 2026-000001');
    expect(got.text?.trim()).toBe('Accolta.');
    expect(got.html).toContain('<p>Accolta.</p>');
    expect(got.messageId).toBe(sent.messageId);
    expect(got.headers.get('x-sportello-idempotency-key')).toBe('e1/k1');
    expect(got.from?.text).toContain('protocollo@comune.example');
  });

  it('a mail server that is down is an error to retry, not a refusal', async () => {
    const down = new SmtpSink();
    await down.start();
    const url = down.url;
    await down.stop();
    const mail = new SmtpMail(url, 'noreply@comune.example', 2000);
    const error = await mail.send({ to: ['a@example.org'], subject: 's', text: 't', idempotencyKey: 'x' }).catch((e: unknown) => e);
    mail.close();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(MailRefusedError);
  });

  it('the failing mail server always fails', async () => {
    await expect(new FailingMail().send()).rejects.toThrow('failing mail server');
  });
});
