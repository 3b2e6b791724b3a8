import type { Readable } from 'node:stream';
import { BYTES_PER_MB } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import { draftsRepository } from '../drafts/drafts.repository.js';
import { isUuid, type ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { DomainError, badInput, notFound } from '../shared/domain-error.js';
import { attachmentsRepository as repo } from './attachments.repository.js';
import { fileFieldAt } from './attachment-fields.js';
import { checkDeclaredType, cleanFileName, sniffed } from './file-types.js';
import type { StoragePort } from './storage.port.js';

export interface Citizen { userId: string; fiscalCode: string }

export interface UploadRequest {
  serviceId: string | null;
  /** JSON pointer of the file field in the answers. */
  field: string | null;
  name: string | null;
  contentType: string | undefined;
  /** Content-Length, when the client declared one. */
  declaredBytes?: number;
}

export interface UploadResult {
  id: string; fileName: string; size: number; sha256: string; contentType: string;
  /** The draft the file waits on (created by the upload if needed) and its rowVersion. */
  draftId: string; draftRowVersion: number;
}

export interface ReplyUpload { id: string; fileName: string; size: number; sha256: string; contentType: string; praticaId: string }

/** Marks a file uploaded for a reply, not yet sent with one (timeline.repository takes it). */
export const PENDING_REPLY = '$reply';

/** Citizens' files for a service's file fields: checked, stored behind the port, linked to their draft. */
export class AttachmentsService {
  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions,
    public storage: StoragePort, private readonly uploadMaxBytes: number,
  ) {}

  async upload(citizen: Citizen, request: UploadRequest, body: AsyncIterable<Uint8Array>): Promise<UploadResult> {
    if (!request.serviceId || !request.field) throw badInput('attachments.missingParameter');
    const service = await this.versions.published(request.serviceId);
    const draft = await draftsRepository.find(this.db, citizen.userId, service.id);
    const version = draft ? await this.versions.version(service.id, draft.serviceVersionId) : service.version;
    const field = fileFieldAt(version.compiled, request.field);
    if (!field) throw badInput('attachments.notAFileField', { field: request.field });
    const fileName = cleanFileName(request.name);
    const contentType = checkDeclaredType(request.contentType, fileName, field.ui.accept);
    const maxBytes = Math.min(this.uploadMaxBytes, field.ui.maxSizeMb ? Math.floor(field.ui.maxSizeMb * BYTES_PER_MB) : Infinity);
    if ((request.declaredBytes ?? 0) > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', 'attachments.tooLarge', { max: maxBytes });
    const stored = await this.storage.put(sniffed(body, contentType), { maxBytes });
    return this.db.$transaction(async (tx) => {
      const owner = await draftsRepository.ensure(tx, {
        enteId: service.enteId, serviceId: service.id, serviceVersionId: service.version.id,
        userId: citizen.userId, answers: {}, currentStep: null,
      });
      const row = await repo.create(tx, {
        enteId: service.enteId, draftId: owner.id, uploaderId: citizen.userId, fieldPath: request.field!,
        fileName, contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.key,
      });
      await auditService.record(tx, {
        enteId: service.enteId, actorId: citizen.userId, actorKind: 'citizen', action: 'attachment.uploaded',
        subjectType: 'attachment', subjectId: row.id,
        data: { serviceId: service.id, field: request.field, size: stored.size, sha256: stored.sha256, contentType },
      });
      return { id: row.id, fileName, size: stored.size, sha256: stored.sha256, contentType, draftId: owner.id, draftRowVersion: owner.rowVersion };
    });
  }

  /**
   * A file for the citizen's reply about their own pratica (replyToPratica takes it): PDF, JPEG
   * or PNG, checked like any upload, kept with the pratica as pending until a reply sends it.
   */
  async uploadForReply(citizen: Citizen, request: { praticaId: string; name: string | null; contentType: string | undefined; declaredBytes?: number }, body: AsyncIterable<Uint8Array>): Promise<ReplyUpload> {
    const pratica = isUuid(request.praticaId) ? await repo.ownPratica(this.db, request.praticaId, citizen.userId) : null;
    if (!pratica) throw notFound('pratica', request.praticaId);
    const fileName = cleanFileName(request.name);
    const contentType = checkDeclaredType(request.contentType, fileName, undefined);
    const maxBytes = this.uploadMaxBytes;
    if ((request.declaredBytes ?? 0) > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', 'attachments.tooLarge', { max: maxBytes });
    const stored = await this.storage.put(sniffed(body, contentType), { maxBytes });
    return this.db.$transaction(async (tx) => {
      const row = await repo.createForPratica(tx, {
        enteId: pratica.enteId, praticaId: pratica.id, uploaderId: citizen.userId, fieldPath: PENDING_REPLY,
        fileName, contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.key,
      });
      await auditService.record(tx, {
        enteId: pratica.enteId, actorId: citizen.userId, actorKind: 'citizen', action: 'attachment.uploaded', subjectType: 'attachment', subjectId: row.id,
        data: { praticaId: pratica.id, field: PENDING_REPLY, size: stored.size, sha256: stored.sha256, contentType },
      });
      return { id: row.id, fileName, size: stored.size, sha256: stored.sha256, contentType, praticaId: pratica.id };
    });
  }

  /** The citizen's own file (on a draft or in a pratica); anyone else's is NOT_FOUND. */
  async open(citizen: Citizen, id: string): Promise<{ fileName: string; contentType: string; size: number; sha256: string; body: Readable }> {
    const row = isUuid(id) ? await repo.findOwn(this.db, id, citizen.userId) : null;
    const body = row ? await this.storage.get(row.storageKey) : null;
    if (!row || !body) throw notFound('attachment', id);
    return { fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256, body };
  }
}
