import type { Action } from '@sportello/schemas';
import type { Tx } from '../shared/prisma.js';
import type { Clock } from '../shared/clock.js';
import { romeDate } from '../shared/clock.js';
import type { ProtocolPort } from '../protocol/protocol.port.js';
import type { StoragePort } from '../storage/storage.port.js';
import { outcomeLetterPdf } from '../documents/outcome-letter.js';
import { praticaDocumentsRepository as documents } from '../documents/pratica-documents.repository.js';
import { PermanentDeliveryError, type Deliver } from './delivery.port.js';
import { praticaContext } from '../pratiche/pratica-context.repository.js';

type DocumentAction = Extract<Action, { type: 'document' }>;
const MAX_PDF_BYTES = 5_000_000;

/**
 * Generates a `document` action's letter: its title and text rendered when the transition was
 * written, as PDF (the same bytes on every attempt), stored behind the storage port, registered
 * in the protocol (outgoing, with its SHA-256) when the action asks, and recorded on the pratica
 * for the citizen to download. A repeated delivery finds the recorded document.
 */
export function documentDeliverer(db: Tx, storage: StoragePort, protocol: ProtocolPort, clock: Clock): Deliver {
  return async (a) => {
    const { title, body, fileName, language } = a.payload as { title?: unknown; body?: unknown; fileName?: unknown; language?: unknown };
    const action = a.payload.action as DocumentAction | undefined;
    const at = typeof (a.payload.transition as { at?: unknown } | undefined)?.at === 'string' ? new Date((a.payload.transition as { at: string }).at) : clock();
    if (!a.praticaId || typeof title !== 'string' || typeof body !== 'string' || typeof fileName !== 'string') {
      throw new PermanentDeliveryError('the document has no pratica, title, text or file name');
    }
    const done = await documents.byKey(db, a.enteId, a.idempotencyKey);
    if (done) return { documentId: done.id, sha256: done.sha256, protocolNumber: done.protocolNumber };
    const ctx = await praticaContext(db, a.praticaId, { enteId: a.enteId });
    if (!ctx) throw new PermanentDeliveryError(`pratica ${a.praticaId} not found in its Ente`);
    const lang = typeof language === 'string' ? language : ctx.language;
    const pdf = await outcomeLetterPdf({ enteName: ctx.ente.name, title, body, praticaCode: ctx.code, date: romeDate(at).split('-').reverse().join('/'), at, language: lang });
    const stored = await storage.put((async function* () { yield pdf; })(), { maxBytes: MAX_PDF_BYTES });
    let protocolNumber: string | null = null;
    if (action?.protocol) {
      const c = ctx.citizen;
      const receipt = await protocol.register({
        enteId: a.enteId, direction: 'out', subject: `${title} - pratica ${ctx.code}`, praticaId: ctx.id,
        correspondents: [{ name: `${c.givenName} ${c.familyName}`, ...(c.fiscalCode ? { fiscalCode: c.fiscalCode } : {}), ...(c.email ? { email: c.email } : {}) }],
        documents: [{ name: fileName, sha256: stored.sha256 }], idempotencyKey: `${a.idempotencyKey}:protocol`,
        registeredById: (a.payload.actor as { userId?: string | null } | undefined)?.userId ?? null,
      });
      protocolNumber = receipt.number;
    }
    const row = await documents.record(db, {
      enteId: a.enteId, praticaId: ctx.id, title, fileName, contentType: 'application/pdf', size: stored.size, sha256: stored.sha256,
      storageKey: stored.key, language: lang, protocolNumber, idempotencyKey: a.idempotencyKey, at: clock(),
    });
    if (!row) throw new PermanentDeliveryError(`pratica ${a.praticaId} not found in its Ente`);
    return { documentId: row.id, sha256: row.sha256, protocolNumber: row.protocolNumber };
  };
}
