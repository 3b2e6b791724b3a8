import type { Tx } from '../shared/prisma.js';
import { PENDING_REPLY } from '../storage/attachments.service.js';

export interface EventRow {
  id: bigint; kind: string; transitionId: string | null; fromState: string | null; toState: string | null;
  actorId: string | null; actorKind: string; comment: string | null; data: unknown; at: Date;
}

export interface ReplyFile { id: string; fileName: string; contentType: string; size: number; sha256: string }


/** Reads of a pratica's history for its timeline, and the files of replies. */
export const timelineRepository = {
  /** Oldest first, at most 1,000; `citizen`: only what the citizen is shown. The pratica was found in the caller's scope before. */
  events(db: Tx, praticaId: string, citizen: boolean): Promise<EventRow[]> {
    return db.praticaEvent.findMany({
      where: { praticaId, ...(citizen ? { visibleToCitizen: true } : {}) }, orderBy: { id: 'asc' }, take: 1000,
      select: { id: true, kind: true, transitionId: true, fromState: true, toState: true, actorId: true, actorKind: true, comment: true, data: true, at: true },
    });
  },

  /** A message from the office to the citizen, as a history row they are shown. */
  addMessage(tx: Tx, m: { praticaId: string; enteId: string; state: string; actorId: string | null; actorKind: string; text: string; at: Date }): Promise<EventRow> {
    return tx.praticaEvent.create({
      data: { enteId: m.enteId, praticaId: m.praticaId, kind: 'message', fromState: m.state, actorId: m.actorId, actorKind: m.actorKind, comment: m.text, data: {}, visibleToCitizen: true, at: m.at },
      select: { id: true, kind: true, transitionId: true, fromState: true, toState: true, actorId: true, actorKind: true, comment: true, data: true, at: true },
    });
  },

  async names(db: Tx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, givenName: true, familyName: true } });
    return new Map(users.map((u) => [u.id, `${u.givenName} ${u.familyName}`]));
  },

  files(db: Tx, praticaId: string, ids: string[]): Promise<ReplyFile[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.attachment.findMany({ where: { id: { in: ids }, praticaId }, select: { id: true, fileName: true, contentType: true, size: true, sha256: true } });
  },

  /**
   * Takes the citizen's pending reply files of this pratica for a reply (marked with the reply's
   * row version); returns how many were taken: fewer than asked means some are not theirs, of
   * another pratica, or already sent.
   */
  async takeReplyFiles(tx: Tx, praticaId: string, uploaderId: string, ids: string[], rowVersion: number): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await tx.attachment.updateMany({
      where: { id: { in: ids }, praticaId, uploaderId, fieldPath: PENDING_REPLY }, data: { fieldPath: `${PENDING_REPLY}/${rowVersion}` },
    });
    return r.count;
  },
};
