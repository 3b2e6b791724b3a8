import { Prisma } from '../generated/prisma/client.js';
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

  /**
   * Moves the draft's attachments into the pratica, as a common table expression
   * `moved_attachments` of the statement that writes the pratica (the foreign key to the new
   * pratica is checked at the end of that statement; the caller compares the count moved).
   */
  moveToPraticaCte(ids: string[], scope: { uploaderId: string; enteId: string; draftId: string }, praticaId: string): Prisma.Sql {
    return Prisma.sql`moved_attachments AS (
      UPDATE attachments SET pratica_id = ${praticaId}::uuid, draft_id = NULL
      WHERE id = ANY(${ids}::uuid[]) AND uploader_id = ${scope.uploaderId}::uuid AND ente_id = ${scope.enteId}::uuid
        AND draft_id = ${scope.draftId}::uuid AND pratica_id IS NULL
      RETURNING id
    )`;
  },
};
