import type { Action } from '@sportello/schemas';
import type { Tx } from '../shared/prisma.js';
import type { Correspondent, ProtocolPort, RegisteredDocument } from '../protocol/protocol.port.js';
import { PermanentDeliveryError, type Deliver } from './delivery.port.js';
import { praticaContext, setPraticaProtocol, type PraticaContext } from '../pratiche/pratica-context.repository.js';

type ProtocolAction = Extract<Action, { type: 'protocol' }>;

/** The register is kept in the Ente's language: the subject's text in the definition's default language, with the pratica's code. */
function subjectOf(ctx: PraticaContext, action: ProtocolAction, rendered: unknown): string {
  if (typeof rendered === 'string' && rendered.trim()) return rendered;
  const strings = ctx.definition.translations?.[ctx.definition.defaultLanguage] ?? {};
  const title = strings[ctx.definition.title] ?? ctx.definition.title;
  const text = action.subject ? (strings[action.subject] ?? action.subject) : title;
  return `${text} - pratica ${ctx.code}`;
}

function citizenOf(ctx: PraticaContext): Correspondent {
  const c = ctx.citizen;
  return { name: `${c.givenName} ${c.familyName}`, ...(c.fiscalCode ? { fiscalCode: c.fiscalCode } : {}), ...(c.email ? { email: c.email } : {}) };
}

/**
 * Registers a transition's `protocol` action: an incoming one with the citizen as sender and the
 * pratica's documents, an outgoing one with the citizen as recipient and the documents the
 * payload names (e.g. a generated letter). The first incoming number becomes the pratica's.
 */
export function protocolDeliverer(protocol: ProtocolPort, db: Tx): Deliver {
  return async (a) => {
    const action = a.payload.action as ProtocolAction | undefined;
    if (!a.praticaId || action?.type !== 'protocol') throw new PermanentDeliveryError('a protocol action needs its pratica and its action');
    const ctx = await praticaContext(db, a.praticaId, { enteId: a.enteId });
    if (!ctx) throw new PermanentDeliveryError(`pratica ${a.praticaId} not found in its Ente`);
    const documents: RegisteredDocument[] = action.direction === 'in'
      ? ctx.attachments.map((d) => ({ name: d.fileName, sha256: d.sha256 }))
      : ((a.payload.documents as RegisteredDocument[] | undefined) ?? []);
    const actor = a.payload.actor as { userId?: string | null } | undefined;
    const receipt = await protocol.register({
      enteId: a.enteId, direction: action.direction, correspondents: [citizenOf(ctx)], subject: subjectOf(ctx, action, a.payload.subject),
      praticaId: ctx.id, documents, idempotencyKey: a.idempotencyKey, registeredById: actor?.userId ?? null,
    });
    if (action.direction === 'in') await setPraticaProtocol(db, a.enteId, ctx.id, receipt.number, receipt.registeredAt);
    return { number: receipt.number, registeredAt: receipt.registeredAt.toISOString() };
  };
}
