import { createECDH, randomBytes } from 'node:crypto';
import { paymentRequestsRepository } from '../payments/payment-requests.repository.js';
import { pushSubscriptionsRepository } from '../push/push-subscriptions.repository.js';
import { praticaDocumentsRepository } from '../documents/pratica-documents.repository.js';
import { outcomeLetterPdf } from '../documents/outcome-letter.js';
import { LocalDiskStorage } from '../storage/local-disk-storage.js';
import type { TestApp } from './test-app.js';

/** The endpoint of a citizen's (pretend) phone at a real push service's address: never called in the isolation test. */
export const isolationEndpoint = (who: string) => `https://fcm.googleapis.com/fcm/send/isolation-${who}`;

/** A citizen's push subscription, as registerPushSubscription stores it. */
export async function seedPushSubscription(t: TestApp, userId: string, who: string): Promise<void> {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  await pushSubscriptionsRepository.save(t.db.prisma, userId, {
    endpoint: isolationEndpoint(who), p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url'),
  }, t.clock());
}

/**
 * What transitions leave on a pratica for both sides to read (a payment request), written as the
 * outbox's deliverers write them; `marker` makes a leak recognisable in any response.
 */
export async function seedPraticaOutputs(t: TestApp, enteId: string, praticaId: string, marker: string): Promise<{ documentId: string }> {
  await paymentRequestsRepository.record(t.db.prisma, {
    enteId, praticaId, amountCents: 1234, dueDate: '2026-12-31', causale: `Pagamento: ${marker}`, idempotencyKey: `isolation-payment-${praticaId}`, at: t.clock(),
  });
  const title = `Lettera: ${marker}`;
  const pdf = await outcomeLetterPdf({ enteName: 'Comune', title, body: marker, praticaCode: '2026-0000001', date: '25/11/2026', at: t.clock(), language: 'it' });
  const stored = await new LocalDiskStorage(t.services.config.storageDir).put((async function* () { yield pdf; })(), { maxBytes: 5_000_000 });
  const doc = await praticaDocumentsRepository.record(t.db.prisma, {
    enteId, praticaId, title, fileName: 'esito.pdf', contentType: 'application/pdf', size: stored.size, sha256: stored.sha256, storageKey: stored.key,
    language: 'it', protocolNumber: null, idempotencyKey: `isolation-document-${praticaId}`, at: t.clock(),
  });
  return { documentId: doc!.id };
}
