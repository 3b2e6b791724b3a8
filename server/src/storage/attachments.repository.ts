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

  /** A file the citizen sends about their pratica (a reply's), not tied to a draft. */
  createForPratica(db: Tx, row: Omit<NewAttachment, 'draftId'> & { praticaId: string }): Promise<AttachmentRow> {
    return db.attachment.create({ data: { ...row, draftId: null }, select: attachmentSelect });
  },

  /** The citizen's own pratica (its Ente), for a file about it. */
  ownPratica(db: Tx, id: string, citizenId: string): Promise<{ id: string; enteId: string } | null> {
    return db.pratica.findFirst({ where: { id, citizenId }, select: { id: true, enteId: true } });
  },

  findOwn(db: Tx, id: string, uploaderId: string): Promise<AttachmentRow | null> {
    return db.attachment.findFirst({ where: { id, uploaderId }, select: attachmentSelect });
  },

  /** Those of `ids` still waiting on the citizen's draft for that Ente's service (not yet in a pratica). */
  onDraft(db: Tx, ids: string[], scope: { uploaderId: string; enteId: string; draftId: string }): Promise<AttachmentRow[]> {
    return db.attachment.findMany({ where: { id: { in: ids }, ...scope, praticaId: null }, select: attachmentSelect });
  },

  /**
   * Moves drafts' attachments into their pratiche, as a common table expression
   * `moved_attachments` of the statement that writes the pratiche (the foreign key to a new
   * pratica is checked at the end of that statement). Each moves only if it is still the
   * uploader's, of that Ente, on that draft and on no pratica; the caller compares the count.
   */
  moveRunCte(moves: Array<{ id: string; praticaId: string; uploaderId: string; enteId: string; draftId: string }>): Prisma.Sql {
    const rows = JSON.stringify(moves.map((m) => ({ id: m.id, pratica_id: m.praticaId, uploader_id: m.uploaderId, ente_id: m.enteId, draft_id: m.draftId })));
    return Prisma.sql`moved_attachments AS (
      UPDATE attachments a SET pratica_id = m.pratica_id, draft_id = NULL
      FROM jsonb_to_recordset(${rows}::jsonb) AS m(id uuid, pratica_id uuid, uploader_id uuid, ente_id uuid, draft_id uuid)
      WHERE a.id = m.id AND a.uploader_id = m.uploader_id AND a.ente_id = m.ente_id AND a.draft_id = m.draft_id AND a.pratica_id IS NULL
      RETURNING a.id
    )`;
  },
};
