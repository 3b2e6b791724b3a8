import type { Readable } from 'node:stream';
import type { PrismaClient } from '../generated/prisma/client.js';
import { citizenScope, enteScope, satisfies } from '../access/policy.js';
import { auditActor, type Viewer } from '../access/viewer.js';
import { auditService } from '../audit/audit.service.js';
import { notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import type { StoragePort } from '../storage/storage.port.js';
import { praticaDocumentsRepository as repo, type PraticaDocumentRow } from './pratica-documents.repository.js';
import type { PraticaDocument } from './documents.gql.js';

const view = ({ storageKey: _key, ...r }: PraticaDocumentRow): PraticaDocument => ({ ...r, downloadPath: `/documents/${r.id}` });

/** Documents generated for pratiche: listed and downloaded by the citizen (their own) and the office (its Ente). */
export class DocumentsService {
  constructor(private readonly db: PrismaClient, private readonly storage: StoragePort) {}

  async ofPratica(viewer: Viewer, praticaId: string): Promise<PraticaDocument[]> {
    const { enteId } = enteScope(viewer);
    return isUuid(praticaId) ? (await repo.ofPratica(this.db, enteId, praticaId)).map(view) : [];
  }

  async mine(viewer: Viewer, praticaId: string): Promise<PraticaDocument[]> {
    const { userId } = citizenScope(viewer);
    return isUuid(praticaId) ? (await repo.ofCitizensPratica(this.db, userId, praticaId)).map(view) : [];
  }

  /**
   * The file for its citizen, or for the office of its Ente (operators and API keys that may read
   * pratiche; an office's read is recorded in the audit chain). Anyone else: NOT_FOUND.
   */
  async open(viewer: Viewer, id: string): Promise<{ row: PraticaDocumentRow; body: Readable }> {
    if (!isUuid(id)) throw notFound('document', id);
    const office = satisfies(viewer, 'OPERATOR') || satisfies(viewer, 'api:pratiche:read');
    const row = office ? await repo.findInEnte(this.db, enteScope(viewer).enteId, id) : await repo.findOwn(this.db, citizenScope(viewer).userId, id);
    const body = row ? await this.storage.get(row.storageKey) : null;
    if (!row || !body) throw notFound('document', id);
    if (office) {
      await this.db.$transaction((tx) => auditService.record(tx, {
        enteId: enteScope(viewer).enteId, ...auditActor(viewer), action: 'document.read', subjectType: 'pratica', subjectId: row.praticaId, data: { documentId: row.id },
      }));
    }
    return { row, body };
  }
}
