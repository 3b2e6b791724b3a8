import type { Tx } from '../shared/prisma.js';

export interface NewAttachment {
  enteId: string; draftId: string; uploaderId: string; fieldPath: string; fileName: string;
  contentType: string; size: number; sha256: string; storageKey: string;
}

export interface AttachmentRow { id: string; draftId: string | null; praticaId: string | null; fieldPath: string; fileName: string; contentType: string; size: number; sha256: string; storageKey: string }

const attachmentSelect = { id: true, draftId: true, praticaId: true, fieldPath: true, fileName: true, contentType: true, size: true, sha256: true, storageKey: true } as const;

/** Attachment metadata; a citizen reaches only what they uploaded (uploaderId in every where). */
export const attachmentsRepository = {
  create(db: Tx, row: NewAttachment): Promise<AttachmentRow> {
    return db.attachment.create({ data: row, select: attachmentSelect });
  },

  findOwn(db: Tx, id: string, uploaderId: string): Promise<AttachmentRow | null> {
    return db.attachment.findFirst({ where: { id, uploaderId }, select: attachmentSelect });
  },

  /** Those of `ids` still waiting on the citizen's draft for that Ente's service (not yet in a pratica). */
  onDraft(db: Tx, ids: string[], scope: { uploaderId: string; enteId: string; draftId: string }): Promise<AttachmentRow[]> {
    return db.attachment.findMany({ where: { id: { in: ids }, ...scope, praticaId: null }, select: attachmentSelect });
  },

  /** Moves the draft's attachments into the pratica; returns how many moved (a race shows as fewer). */
  async moveToPratica(db: Tx, ids: string[], scope: { uploaderId: string; enteId: string; draftId: string }, praticaId: string): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await db.attachment.updateMany({
      where: { id: { in: ids }, ...scope, praticaId: null },
      data: { praticaId, draftId: null },
    });
    return count;
  },
};
