import { randomUUID } from 'node:crypto';
import type { Tx } from '../shared/prisma.js';

export interface NewPraticaDocument {
  enteId: string; praticaId: string; title: string; fileName: string; contentType: string; size: number; sha256: string;
  storageKey: string; language: string; protocolNumber: string | null; idempotencyKey: string; at: Date;
}
const select = { id: true, praticaId: true, title: true, fileName: true, contentType: true, size: true, sha256: true, storageKey: true, language: true, protocolNumber: true, createdAt: true } as const;
export interface PraticaDocumentRow {
  id: string; praticaId: string; title: string; fileName: string; contentType: string; size: number; sha256: string;
  storageKey: string; language: string; protocolNumber: string | null; createdAt: Date;
}
const order = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/** The only code that touches pratica_documents; every read names the Ente or the citizen. */
export const praticaDocumentsRepository = {
  byKey(db: Tx, enteId: string, idempotencyKey: string): Promise<PraticaDocumentRow | null> {
    return db.praticaDocument.findFirst({ where: { enteId, idempotencyKey }, select });
  },

  /** Once per idempotency key, on a pratica of the Ente (a foreign id inserts nothing); returns the row. */
  async record(db: Tx, d: NewPraticaDocument): Promise<PraticaDocumentRow | null> {
    await db.$executeRaw`
      INSERT INTO pratica_documents (id, ente_id, pratica_id, title, file_name, content_type, size, sha256, storage_key, language, protocol_number, idempotency_key, created_at)
      SELECT ${randomUUID()}::uuid, p.ente_id, p.id, ${d.title}, ${d.fileName}, ${d.contentType}, ${d.size}, ${d.sha256}, ${d.storageKey}, ${d.language}, ${d.protocolNumber}, ${d.idempotencyKey}, ${d.at}
      FROM pratiche p WHERE p.id = ${d.praticaId}::uuid AND p.ente_id = ${d.enteId}::uuid
      ON CONFLICT (ente_id, idempotency_key) DO NOTHING`;
    return this.byKey(db, d.enteId, d.idempotencyKey);
  },

  ofPratica(db: Tx, enteId: string, praticaId: string): Promise<PraticaDocumentRow[]> {
    return db.praticaDocument.findMany({ where: { enteId, praticaId }, orderBy: order, select });
  },

  ofCitizensPratica(db: Tx, citizenId: string, praticaId: string): Promise<PraticaDocumentRow[]> {
    return db.praticaDocument.findMany({ where: { praticaId, pratica: { citizenId } }, orderBy: order, select });
  },

  findOwn(db: Tx, citizenId: string, id: string): Promise<PraticaDocumentRow | null> {
    return db.praticaDocument.findFirst({ where: { id, pratica: { citizenId } }, select });
  },

  findInEnte(db: Tx, enteId: string, id: string): Promise<PraticaDocumentRow | null> {
    return db.praticaDocument.findFirst({ where: { id, enteId }, select });
  },
};
