import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppIoServer } from '../test-support/app-io-server.js';
import { AppIoClient, AppIoRefusedError, AppIoUnavailableError, FailingAppIo, type AppIoMessage } from './app-io.js';
import { appIoDeliverer } from '../outbox/appio.deliverer.js';
import { PermanentDeliveryError } from '../outbox/delivery.port.js';

// The App IO client against a local server that answers as App IO's documented API does.

const MARIO = 'RSSMRA84D09H501Z';
const NOBODY = 'VRDGPP80A01H501K';
const BLOCKED = 'BNCGLI78C54H501W';
const message = (over: Partial<AppIoMessage> = {}): AppIoMessage => ({
  fiscalCode: MARIO, subject: 'Esito della pratica 2026-000042', markdown: `La sua domanda è stata **accolta**. ${'Trova il provvedimento nella sua area personale. '.repeat(2)}`, idempotencyKey: 'k1', ...over,
});

let io: AppIoServer;
let client: AppIoClient;
beforeAll(async () => {
  io = await new AppIoServer().start();
  io.profiles.set(MARIO, { sender_allowed: true }).set(BLOCKED, { sender_allowed: false });
  client = new AppIoClient(io.url, io.apiKey, 5000);
});
afterAll(() => io?.stop());

describe('AppIoClient', () => {
  it('looks the profile up, sends subject and markdown to the fiscal code, returns App IO\'s id', async () => {
    const { id } = await client.send(message());
    expect(io.messages.at(-1)).toEqual({ id, fiscalCode: MARIO, subject: message().subject, markdown: message().markdown, idempotencyKey: 'k1' });
  });

  it('refuses for good: no profile, a citizen who blocked the service, a wrong key', async () => {
    await expect(client.send(message({ fiscalCode: NOBODY }))).rejects.toThrow(AppIoRefusedError);
    await expect(client.send(message({ fiscalCode: BLOCKED }))).rejects.toThrow('does not accept');
    await expect(new AppIoClient(io.url, 'chiave-sbagliata', 5000).send(message())).rejects.toThrow(AppIoRefusedError);
  });

  it('subject 10-120 and markdown 80-10,000 characters, a valid fiscal code: checked before calling, as App IO would', async () => {
    const before = io.messages.length;
    for (const bad of [{ subject: 'Breve' }, { subject: 'x'.repeat(121) }, { markdown: 'troppo corto' }, { markdown: 'x'.repeat(10_001) }, { fiscalCode: 'RSSMRA84D09H501A' }]) {
      await expect(client.send(message(bad))).rejects.toThrow(AppIoRefusedError);
    }
    expect(io.messages.length).toBe(before);
    // The local server refuses the same content itself (400), as the documented API does.
    const res = await fetch(`${io.url}api/v1/messages`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': io.apiKey }, body: JSON.stringify({ fiscal_code: MARIO, content: { subject: 'Breve', markdown: 'corto' } }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ detail: expect.stringContaining('content.subject, content.markdown') });
  });

  it('429 and 5xx are "try later", then it goes through', async () => {
    io.failNext = [429];
    await expect(client.send(message())).rejects.toThrow(AppIoUnavailableError);
    io.failNext = [503];
    await expect(client.send(message())).rejects.toThrow(AppIoUnavailableError);
    io.failNext = [500];
    await expect(client.send(message())).rejects.toThrow('HTTP 500');
    await expect(client.send(message({ idempotencyKey: 'k2' }))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('an unreachable App IO, and the failing one, are "try later"', async () => {
    const down = new AppIoServer();
    await down.start();
    const url = down.url;
    await down.stop();
    await expect(new AppIoClient(url, 'x', 2000).send(message())).rejects.toThrow(AppIoUnavailableError);
    await expect(new FailingAppIo().send()).rejects.toThrow(AppIoUnavailableError);
  });
});

describe('the outbox\'s appio deliverer', () => {
  const action = (payload: Record<string, unknown>) => ({ id: 'a', enteId: 'e', praticaId: 'p', kind: 'appio' as const, idempotencyKey: 'pratica:p:t:1:2', payload, attempts: 1, maxAttempts: 3 });
  it('passes the rendered message and the key; a refusal is permanent, an outage is retried', async () => {
    const deliver = appIoDeliverer(client);
    const m = message();
    const result = await deliver(action({ fiscalCode: m.fiscalCode, subject: m.subject, markdown: m.markdown }));
    expect(result).toEqual({ messageId: io.messages.at(-1)!.id });
    expect(io.messages.at(-1)!.idempotencyKey).toBe('e/pratica:p:t:1:2');
    await expect(deliver(action({ fiscalCode: NOBODY, subject: m.subject, markdown: m.markdown }))).rejects.toThrow(PermanentDeliveryError);
    io.failNext = [429];
    const outage = await deliver(action({ fiscalCode: m.fiscalCode, subject: m.subject, markdown: m.markdown })).catch((e: unknown) => e);
    expect(outage).toBeInstanceOf(AppIoUnavailableError);
  });
});
